/**
 * Where each table of a document starts and ends: at its 项目名称 row, with
 * the title block (title, year, 单位：万元) just above it.
 */
import { compact } from '../domain/text.ts';
import { splitCells } from './text.ts';
import { TABLE_NUMBER, TABLE_START, TITLE, UNIT_LINE, YEAR_LINE } from './vocabulary.ts';

export interface Span {
  from: number; // 0-based, inclusive
  to: number; // 0-based, inclusive
}

function isNameLine(line: string): boolean {
  const { cells } = splitCells(line);
  const first = cells.find((c) => c !== '' && !TABLE_NUMBER.test(compact(c))) ?? '';
  return TABLE_START.test(compact(first));
}

/** Each record's span: its title block, header, goal and indicator table. */
export function recordSpans(lines: string[]): Span[] {
  const nameLines: number[] = [];
  lines.forEach((l, i) => {
    if (isNameLine(l)) nameLines.push(i);
  });
  const starts = nameLines.map((n, k) => {
    const floor = k === 0 ? 0 : nameLines[k - 1] + 1;
    let s = n;
    for (let i = n - 1; i >= floor; i--) {
      const t = lines[i].trim();
      const cells = splitCells(lines[i]).cells.filter(Boolean);
      const one = cells.length === 1 ? cells[0] : t;
      if (t === '' || (cells.length <= 1 && (TITLE.test(one) || YEAR_LINE.test(one) || UNIT_LINE.test(compact(one))))) {
        if (t !== '') s = i;
        continue;
      }
      break;
    }
    return k === 0 ? 0 : s;
  });
  return starts.map((from, k) => {
    let to = k + 1 < starts.length ? starts[k + 1] - 1 : lines.length - 1;
    while (to > from && lines[to].trim() === '') to--;
    let f = from;
    while (f < to && lines[f].trim() === '') f++;
    return { from: f, to };
  });
}
