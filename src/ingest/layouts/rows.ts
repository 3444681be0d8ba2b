/**
 * Rows of lines, shared by the readers of lines: a line with separators
 * (tab, pipe) is one row of cells; flat lines (no separator) are grouped
 * into paragraphs (cells separated by blank lines, wrapped lines joined) or
 * read one row per line (PDF text), as the reader says.
 */
import { compact } from '../../domain/text.ts';
import { splitCells } from '../text.ts';
import { ITEM_PREFIX, TITLE, UNIT_LINE, YEAR_LINE, isFurniture } from '../vocabulary.ts';
import type { Row } from './types.ts';

/** How flat lines are grouped: by paragraph, by line, or decided per table from how they are spread. */
export type FlatMode = 'paragraphs' | 'lines' | 'auto';

/** The share of non-blank lines with cell separators, and flat lines per paragraph. */
export function lineStats(lines: string[]): { delimited: number; flatPerParagraph: number } {
  let nonBlank = 0;
  let delimited = 0;
  let flatLines = 0;
  let paragraphs = 0;
  let inPara = false;
  for (const l of lines) {
    if (l.trim() === '') {
      inPara = false;
      continue;
    }
    nonBlank++;
    const flat = splitCells(l).flat;
    if (!flat) delimited++;
    else {
      flatLines++;
      if (!inPara) paragraphs++;
    }
    inPara = flat;
  }
  return { delimited: nonBlank ? delimited / nonBlank : 0, flatPerParagraph: paragraphs ? flatLines / paragraphs : 0 };
}

/**
 * Turn lines into rows. Lines with cells are one row each. Flat lines (PDF
 * text) form paragraphs when the document separates cells by blank lines
 * (wrapped lines joined), else each flat line is a row (one cell per line).
 */
export function buildRows(lines: string[], from: number, to: number, mode: FlatMode = 'auto'): Row[] {
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
  const paragraphMode = mode === 'auto' ? paragraphs > 0 && flatLines / paragraphs <= 3 : mode === 'paragraphs';

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
      const open = /^\s*[|｜]/.test(line) && !/[|｜]\s*$/.test(line);
      rows.push({ cells, flat: false, text: '', lines: [i + 1], ...(open ? { open } : {}) });
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
