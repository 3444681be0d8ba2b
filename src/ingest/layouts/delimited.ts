/**
 * Cells separated by tabs (pdftotext -layout, spreadsheets) or pipes (tables
 * copied from web pages: border pipes, cells ending ` |`, runs of empty cells
 * collapsed as `||||`), one row per line. The few flat lines between tables
 * (titles, cover letters) are grouped as each table's text is spread.
 */
import { buildRows, lineStats } from './rows.ts';
import type { LayoutReader } from './types.ts';

export const delimited: LayoutReader = {
  name: 'delimited cells (tab or pipe)',
  detect(lines) {
    const { delimited: share } = lineStats(lines);
    return share >= 0.3 ? 0.5 + 0.4 * share : 0.1 * share;
  },
  rows: (lines, from, to) => buildRows(lines, from, to, 'auto'),
};
