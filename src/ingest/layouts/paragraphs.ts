/**
 * Flat text whose cells are separated by blank lines: one cell per line with
 * blank lines between (web copies: 武汉市青山区, 岳阳县; a line of spaces
 * counts as blank), or PDF text with blank lines between its cells
 * (沙坡头区); a cell wrapped over lines is joined.
 */
import { buildRows, lineStats } from './rows.ts';
import type { LayoutReader } from './types.ts';

export const paragraphs: LayoutReader = {
  name: 'flat text, cells between blank lines',
  detect(lines) {
    const { delimited, flatPerParagraph } = lineStats(lines);
    return delimited < 0.3 && flatPerParagraph > 0 && flatPerParagraph <= 3 ? 0.6 : 0;
  },
  rows: (lines, from, to) => buildRows(lines, from, to, 'paragraphs'),
};
