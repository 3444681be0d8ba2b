/**
 * The common layouts, one line at a time: tab-separated cells (pdftotext,
 * spreadsheets), pipe-separated cells copied from web pages (border pipes,
 * runs of empty cells collapsed as ||||), and flat text: one cell per
 * paragraph when cells are separated by blank lines (one cell per line, a
 * line holding only a space being an empty cell), else one row per line (PDF
 * text with label and value on one line).
 */
import { compact, splitCells } from '../text.ts';
import { ITEM_PREFIX, TITLE, UNIT_LINE, YEAR_LINE, isFurniture } from '../vocabulary.ts';
import type { LayoutReader, Row } from './types.ts';

/**
 * Turn lines into rows. Lines with cells are one row each. Flat lines (PDF
 * text) form paragraphs when the document separates cells by blank lines
 * (wrapped lines joined), else each flat line is a row (one cell per line).
 */
export function buildRows(lines: string[], from: number, to: number): Row[] {
  let flatLines = 0;
  let paragraphs = 0;
  let inPara = false;
  for (let i = from; i <= to; i++) {
    const l = lines[i];
    const flat = l.trim() !== '' && splitCells(l).flat;
    if (flat) {
      flatLines++;
      if (!inPara) paragraphs++;
    }
    inPara = flat;
  }
  const paragraphMode = paragraphs > 0 && flatLines / paragraphs <= 3;

  const rows: Row[] = [];
  let para: Row | null = null;
  const endPara = () => {
    if (para) rows.push(para);
    para = null;
  };
  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      endPara();
      continue;
    }
    const { cells, flat } = splitCells(line);
    if (!flat) {
      endPara();
      if (cells.every((c) => c === '')) continue;
      rows.push({ cells, flat: false, text: '', lines: [i + 1] });
      continue;
    }
    const t = line.trim();
    if (!paragraphMode) {
      rows.push({ cells: [t], flat: true, text: t, lines: [i + 1] });
      continue;
    }
    // A numbered item (目标1：, 指标1：) starts a row of its own; a wrapped line continues the row.
    // Titles, year and unit lines, page furniture stand alone.
    const alone = TITLE.test(t) || YEAR_LINE.test(t) || UNIT_LINE.test(compact(t)) || isFurniture(t);
    if (ITEM_PREFIX.test(t) || alone) endPara();
    if (para === null) {
      para = { cells: [], flat: true, text: t, lines: [i + 1] };
    } else {
      const p: Row = para;
      p.text += t;
      p.lines.push(i + 1);
    }
    if (alone) endPara();
  }
  endPara();
  for (const r of rows) if (r.flat) r.cells = [r.text];
  return rows;
}

export const lineCells: LayoutReader = {
  name: 'cells per line (tab, pipe, one cell per line, PDF text)',
  // The fallback: every document can be read this way, with little certainty.
  detect: () => 0.5,
  rows: buildRows,
};
