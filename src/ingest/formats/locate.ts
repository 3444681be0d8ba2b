/**
 * Records read from a rendered file get `source.locators`: where their lines
 * are in the published file (table/row, paragraph, sheet/row, page/line), as
 * runs of consecutive lines (src/schema/record.ts, docs/data-format.md).
 */
import { locatorPlace, type LocatorRun, type ProjectRecord } from '../../schema/record.ts';
import { ingestDocument, type DocumentInput, type DocumentReport } from '../document.ts';
import type { Locator, RenderedDocument } from './types.ts';

/** Lines first..last (1-based) of a rendered document as runs of consecutive positions. */
export function locatorRuns(locators: readonly Locator[], first: number, last: number): LocatorRun[] {
  const runs: LocatorRun[] = [];
  for (let line = first; line <= last; line++) {
    const here = locators[line - 1];
    if (!here) throw new Error(`line ${line} has no locator (${locators.length} lines rendered)`);
    const run = runs.at(-1);
    if (run) {
      const a = locatorPlace(run.last);
      const b = locatorPlace(here);
      if (a.within === b.within && b.at === a.at + 1) {
        run.lines[1] = line;
        run.last = here;
        continue;
      }
    }
    runs.push({ lines: [line, line], first: here, last: here });
  }
  return runs;
}

/** The locator of line `line` of a record, from its runs; null when the record has none or the line is outside them. */
export function lineLocator(runs: readonly LocatorRun[] | undefined, line: number): Locator | null {
  const run = runs?.find((r) => r.lines[0] <= line && line <= r.lines[1]);
  if (!run) return null;
  const k = line - run.lines[0];
  const f = run.first;
  if ('table' in f) return { table: f.table, row: f.row + k };
  if ('sheet' in f) return { sheet: f.sheet, row: f.row + k };
  if ('page' in f) return { page: f.page, line: f.line + k };
  return { paragraph: f.paragraph + k };
}

/** A record's source with the locators of its lines (unchanged for a .txt rendering, which has none). */
export function withLocators(record: ProjectRecord, rendered: RenderedDocument): ProjectRecord {
  if (rendered.locators.length === 0) return record;
  const [first, last] = record.source.lines;
  return { ...record, source: { ...record.source, locators: locatorRuns(rendered.locators, first, last) } };
}

/** ingestDocument on a rendered file: the same records, each with the locators of its lines. */
export function ingestRendered(rendered: RenderedDocument, input: Omit<DocumentInput, 'text'>): { records: ProjectRecord[]; report: DocumentReport } {
  const { records, report } = ingestDocument({ ...input, text: rendered.text });
  return { records: records.map((r) => withLocators(r, rendered)), report };
}
