/**
 * The table grammar's rules: the kinds of row, tried in this order; the first
 * whose rule reads the row wins. The order is the grammar's precedence,
 * declared here once: furniture before anything, the title block before
 * fields, header words and indicator headers before field labels, the
 * indicator section before the blocks above it. A rule is a pure function
 * `(state, row) → state | null` (src/ingest/grammar/state.ts); inside the
 * indicator table the rows go to INDICATOR_RULES (indicators.ts), flat ones
 * to FLAT_RULES (flat.ts).
 */
import type { LayoutReader } from '../../ingest/layouts/index.ts';
import { gridStart } from './grid.ts';
import { blankRow, budgetBlockRow, fieldRow, fieldValueRow, furnitureRow, goalOutcomeRow, titleRow, unitRow, yearRow } from './header.ts';
import { headerWordRow, indicatorHeaderRow, indicatorRow } from './indicators.ts';
import { flushPending } from './assemble.ts';
import { applyRules, edit, initialState, partly, rowContext, type Doc, type Rule, type State } from './state.ts';

export const RULES: readonly Rule[] = [
  { kind: 'blank', read: blankRow },
  { kind: 'furniture', read: furnitureRow },
  { kind: 'title', read: titleRow },
  { kind: 'year', read: yearRow },
  { kind: 'unit', read: unitRow },
  { kind: 'header word', read: headerWordRow },
  { kind: 'long-term grid', read: gridStart },
  { kind: 'indicator row', read: (s, x) => (s.section === 'indicators' ? indicatorRow(s, x) : null) },
  { kind: 'indicator header', read: indicatorHeaderRow },
  { kind: 'goal outcome block', read: goalOutcomeRow },
  { kind: 'budget block', read: budgetBlockRow },
  { kind: 'field row', read: fieldRow },
  { kind: 'field value', read: fieldValueRow },
  // Not understood: left for `unparsed`.
];

/** Read one table (the document's lines in `doc.span`) through the reader's rows: the state at its end. */
export function readTable(doc: Doc, reader: LayoutReader, rules: readonly Rule[] = RULES): State {
  const rows = reader.rows(doc.lines as string[], doc.span.from, doc.span.to);
  // A line that holds several rows (a linearised table) is read only when each of its rows is.
  const rowsPerLine = new Map<number, number>();
  for (const row of rows) for (const l of row.lines) rowsPerLine.set(l, (rowsPerLine.get(l) ?? 0) + 1);
  let s = initialState();
  for (const row of rows) {
    if (row.lines.every((l) => l <= s.gridUntil)) continue; // read by the long-term grid
    const before = s.rowUsed ? edit(s, (d) => void (d.rowUsed = false)) : s;
    s = applyRules(rules, before, rowContext(row, doc));
    if (!s.rowUsed) {
      const shared = row.lines.filter((l) => (rowsPerLine.get(l) ?? 0) > 1);
      if (shared.length > 0) s = edit(s, (d) => partly(d, shared));
    }
  }
  return edit(s, (d) => flushPending(d, true));
}
