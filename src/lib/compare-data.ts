/**
 * The comparison builder's data (issue 12: output linear in the data). The
 * builder page carries no project; its script reads
 *   compare/data/index.json          the jurisdictions, years, categories and,
 *                                    per jurisdiction × year, the file and its project count
 *   compare/data/<code>-<year>.json  the projects of one jurisdiction in one year,
 *                                    with only the fields the builder shows
 * and loads the files of a selection on demand. Written at build time by
 * src/pages/compare/data/. Pure, no Astro imports, so tests can use it.
 *
 * File names are safe whatever the records hold: the code is a validated
 * six-digit GB/T 2260 code (`^\d{6}$`) or null, the year an integer in
 * 1949–2100 or null (src/schema/record.ts); null is written `x`.
 * `builderFileName` checks this again and throws on anything else.
 */
import { sideBySide, sumYuan, type SideBySideProject } from '../compare/index';
import type { Kind, ProjectRecord } from '../schema/record';
import { categorySlug, CATEGORY_PAGES, UNMATCHED_PAGE } from './compare-site';
import { formatPoints, formatRate, kindLabels, yearLabel } from './format';
import { jurisdictionInfo } from './jurisdictions';

/** A selection covering more projects than this is not loaded: the builder asks to narrow it (the totals stay shown). */
export const BUILDER_MAX_PROJECTS = 1000;

/** "640100-2026", "x-2024", "640100-x": the file (without .json) of one jurisdiction × year. */
export function builderFileName(code: string | null, year: number | null): string {
  if (code !== null && !/^\d{6}$/.test(code)) throw new Error(`builder file: jurisdiction code must be six digits, got ${JSON.stringify(code)}`);
  if (year !== null && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) throw new Error(`builder file: year must be a four-digit integer, got ${JSON.stringify(year)}`);
  return `${code ?? 'x'}-${year ?? 'x'}`;
}

/** One project as the builder shows it: texts already formatted at build time. */
export interface BuilderProject {
  id: string;
  /** Position in the builder's order (category, then jurisdiction code, year, name). */
  o: number;
  /** Category slug. */
  c: string;
  name: string;
  kind: Kind;
  /** budget.total, yuan; null when not stated. */
  b: number | null;
  /** Number of indicators. */
  n: number;
  /** Satisfaction targets, "name：target；…", or "—". */
  s: string;
  /** 执行率 / 自评分, or "—" for a target table. */
  e: string;
}

export interface BuilderFile {
  /** Jurisdiction code ("" when not identified). */
  j: string;
  y: number | null;
  /** "银川市 · 2026年". */
  place: string;
  projects: BuilderProject[];
}

export interface BuilderIndex {
  categories: { slug: string; label: string }[];
  kinds: Record<Kind, string>;
  years: number[];
  /** Identified jurisdictions with projects, by code, each with its province (for grouping the checkboxes). */
  jurisdictions: { code: string; name: string; province: string; provinceName: string }[];
  /** One entry per jurisdiction × year with projects. */
  files: { file: string; j: string; y: number | null; place: string; count: number }[];
  maxProjects: number;
}

const placeOf = (j: { code: string | null; name: string | null }) => jurisdictionInfo(j.code)?.name ?? j.name ?? '未识别';

function builderProject(p: SideBySideProject, o: number, slug: string): BuilderProject {
  return {
    id: p.id,
    o,
    c: slug,
    name: p.name,
    kind: p.kind,
    b: p.budget,
    n: Object.values(p.indicatorsByLevel1).reduce((a, n) => a + n, 0),
    s: p.satisfaction.length ? p.satisfaction.map((k) => `${k.name}：${k.target?.raw ?? '未填'}`).join('；') : '—',
    e: p.execution ? `${formatRate(p.execution.computedRate)} / ${formatPoints(p.execution.totalScore)}` : '—',
  };
}

/** The categories the builder offers, in taxonomy order: those with projects (未归类 last, when some project is unmatched). */
export function builderCategories(records: readonly ProjectRecord[]) {
  return [...CATEGORY_PAGES, UNMATCHED_PAGE].filter((c) => records.some((r) => r.category.name === c.name));
}

/** Every file of the builder, by name, and its index. Each record is in exactly one file. */
export function builderData(records: readonly ProjectRecord[]): { index: BuilderIndex; files: Map<string, BuilderFile> } {
  const categories = builderCategories(records);
  const order = new Map(categories.map((c, i) => [c.name, i]));
  const sections = [...sideBySide(records)].sort((a, b) => (order.get(a.category) ?? 99) - (order.get(b.category) ?? 99));
  const files = new Map<string, BuilderFile>();
  let o = 0;
  for (const s of sections) {
    const slug = categorySlug(s.category);
    for (const p of s.projects) {
      const name = builderFileName(p.jurisdiction.code, p.year);
      let f = files.get(name);
      if (!f) files.set(name, (f = { j: p.jurisdiction.code ?? '', y: p.year, place: `${placeOf(p.jurisdiction)} · ${yearLabel(p.year)}`, projects: [] }));
      f.projects.push(builderProject(p, o++, slug));
    }
  }
  const sorted = new Map([...files.entries()].sort(([, a], [, b]) => (a.j || '~').localeCompare(b.j || '~') || (a.y ?? 0) - (b.y ?? 0)));
  const jurisdictions = new Map<string, BuilderIndex['jurisdictions'][number]>();
  for (const r of records) {
    const info = jurisdictionInfo(r.jurisdiction.code);
    const code = r.jurisdiction.code;
    if (!code || jurisdictions.has(code)) continue;
    const province = info?.chain[0] ?? { code: '', name: '其他' };
    jurisdictions.set(code, { code, name: placeOf(r.jurisdiction), province: province.code, provinceName: province.name });
  }
  return {
    index: {
      categories: categories.map((c) => ({ slug: c.slug, label: c.label })),
      kinds: kindLabels,
      years: [...new Set(records.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
      jurisdictions: [...jurisdictions.values()].sort((a, b) => a.code.localeCompare(b.code)),
      files: [...sorted.entries()].map(([file, f]) => ({ file, j: f.j, y: f.y, place: f.place, count: f.projects.length })),
      maxProjects: BUILDER_MAX_PROJECTS,
    },
    files: sorted,
  };
}

/** The budget total of a file's projects (exact), for tests and summaries. */
export function fileBudget(f: BuilderFile): number {
  return sumYuan(f.projects.map((p) => p.b).filter((b): b is number => b !== null));
}
