/** What search covers, written out on its own for the browser tests (tests/e2e/search.test.ts, shards.test.ts). */
import type { ProjectRecord } from '../../src/schema/record';
import { jurisdictionInfo } from '../../src/lib/jurisdictions';

export const normalize = (s: string) => s.normalize('NFKC').toLowerCase();

/** The texts of a record that its page shows (as the docs define what search covers), written out here on its own. */
export function pageTexts(r: ProjectRecord): string[] {
  const info = jurisdictionInfo(r.jurisdiction.code);
  const texts = [
    r.name, r.title, ...(info ? info.chain.map((j) => j.name) : [r.jurisdiction.name]),
    r.department?.name, r.implementingUnit?.name, r.projectType, r.projectPeriod, r.managingOffice, r.goal, r.outcome,
    ...(r.execution?.funding ?? []).map((f) => f.label),
    ...r.indicators.flatMap((i) => [i.level1, i.level1Raw, i.level2, i.level2Raw, i.name, i.target?.raw, i.actual?.raw, i.shortfallReason]),
  ];
  return texts.filter((t): t is string => !!t).map(normalize);
}

/** The runs of letters and digits of a query, each of which a page must contain. */
export const runs = (q: string) => [...new Set(normalize(q).match(/[\p{Alphabetic}\p{N}]+/gu) ?? [])];
export const contains = (r: ProjectRecord, q: string) => runs(q).every((run) => pageTexts(r).some((t) => t.includes(run)));
export const inName = (r: ProjectRecord, q: string) => runs(q).some((run) => normalize(r.name).includes(run));

