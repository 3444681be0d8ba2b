/**
 * Flat text, one table row per line: space-separated cells (南岳区), PDF text
 * with label and value on one line, or one cell per line without blank lines.
 */
import { buildRows, lineStats } from './rows.ts';
import type { LayoutReader } from './types.ts';

export const pdfLines: LayoutReader = {
  name: 'flat text, one row per line',
  detect(lines) {
    const { delimited, flatPerParagraph } = lineStats(lines);
    return delimited < 0.3 && flatPerParagraph > 3 ? 0.6 : 0;
  },
  rows: (lines, from, to) => buildRows(lines, from, to, 'lines'),
};
