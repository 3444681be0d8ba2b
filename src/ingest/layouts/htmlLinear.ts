/**
 * A badly linearised HTML table copied as pipe rows (云南 公开14表): empty
 * rows as bare `|`, a header and the first data row run together on one
 * line, a row's label printed at the end of the line before it, merged
 * (rowspan) cells split over several lines, and a two-level header
 * (绩效指标 over 一级/二级/三级指标, 年度指标值 over 指标性质/指标值/度量单位).
 *
 * The reader rebuilds rows by the vocabulary only: header words start and
 * end header rows, field labels start rows, a row that ends with a name
 * continues on the next line until its values come.
 */
import { readLabel } from '../levels.ts';
import { compact } from '../../domain/text.ts';
import { splitCells } from '../text.ts';
import { FIELD_LABELS, HEADER_WORD, TABLE_NUMBER, TITLE } from '../vocabulary.ts';
import type { LayoutReader, Row } from './types.ts';

const norm = (s: string) => compact(s).replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
const ROW_LABELS = new Set(
  FIELD_LABELS.filter(([k]) => k === 'total' || k === 'fiscal' || k === 'carryOver' || k === 'other' || k === 'money').map(([, l]) => l),
);
const GOAL_WORDS = /^(年度总体目标|总体目标|预期目标|实际完成情况)$/;
const BUDGET_WORDS = /^(年初预算数|全年预算数|全年执行数|执行率)$/;

const isRowLabel = (cell: string) => ROW_LABELS.has(norm(cell).replace(/:$/, ''));
const isHeaderWord = (cell: string) => {
  const c = norm(cell);
  return c !== '' && (HEADER_WORD.test(c) || c === '绩效指标' || GOAL_WORDS.test(c) || BUDGET_WORDS.test(c));
};
/** A cell that holds a value: a number, percentage, comparator, dash. */
const isValueCell = (cell: string) => /^([≥≤≧≦═=<>＜＞]|[—-]+|\d+(\.\d+)?%?|%)$/.test(compact(cell));

/** Merge a two-level header: 绩效指标 → its 一级/二级/三级 sub-columns, 年度指标值 → 指标性质/指标值/度量单位. */
export function mergeHeader(run: string[]): string[] {
  const c = run.map(norm);
  const top = c.indexOf('绩效指标');
  const sub = c.indexOf('一级指标');
  if (top < 0 || sub <= top) return run;
  const subCells = run.slice(sub);
  const levels = subCells.filter((x) => /^[一二三]级指标$/.test(norm(x)));
  const target = subCells.filter((x) => /^(指标性质|指标值|度量单位)$/.test(norm(x)));
  const out: string[] = [];
  for (const cell of run.slice(0, sub)) {
    const n = norm(cell);
    if (n === '绩效指标') out.push(...levels);
    else if (n === '年度指标值') out.push(...target);
    else out.push(cell);
  }
  return out;
}

/** Split one line's cells into rows at header runs, table numbers, titles and the 总分 cell. */
function segments(cells: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let curHeader = false;
  const flush = () => {
    if (cur.length) out.push(curHeader ? mergeHeader(cur) : cur);
    cur = [];
  };
  cells.forEach((cell, i) => {
    const h = isHeaderWord(cell);
    const n = norm(cell);
    if (TABLE_NUMBER.test(n) || (i === 0 && TITLE.test(n) && cells.length > 1)) {
      flush();
      out.push([cell]);
      curHeader = false;
      return;
    }
    // A row label (年度资金总额, 项目资金(元)) takes the kind of the cells after it.
    const labelOnly = cur.length === 1 && isRowLabel(cur[0]);
    if (n === '总分' || (isRowLabel(cell) && cur.length > 0) || (h !== curHeader && cur.length > 0 && !labelOnly)) flush();
    if (cur.length === 0 || labelOnly) curHeader = h;
    cur.push(cell);
  });
  flush();
  return out;
}

export const htmlLinear: LayoutReader = {
  name: 'linearised HTML table (pipe rows, merged cells split)',
  detect(lines) {
    const pipeLines = lines.filter((l) => /^\s*[|｜]/.test(l));
    const bare = pipeLines.filter((l) => /^\s*[|｜]\s*$/.test(l)).length;
    // A header and data on one line: goal words and level headers together.
    const runTogether = lines.some((l) => /预期目标/.test(l) && /一级指标/.test(l) && /[|｜]/.test(l));
    return runTogether && bare >= 3 ? 0.85 : 0;
  },
  rows(lines, from, to) {
    const rows: Row[] = [];
    let carry: string[] = [];
    let carryLine: number | null = null;
    let inTable = false;
    for (let i = from; i <= to; i++) {
      const { cells: raw, flat } = splitCells(lines[i]);
      // Blank lines and empty rows (a bare |) carry nothing.
      if (/^[\s|｜]*$/.test(lines[i])) continue;
      if (flat) {
        rows.push({ cells: [lines[i].trim()], flat: true, text: lines[i].trim(), lines: [i + 1] });
        continue;
      }
      let cells = raw.map((c) => c.trim());
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length === 0) continue;
      // A row label printed at the end of the line above its values.
      let next: string[] = [];
      if (cells.length > 1 && isRowLabel(cells[cells.length - 1])) next = [cells.pop()!];
      const carried = carry.length > 0 ? carryLine : null;
      cells = [...carry, ...cells];
      carry = next;
      carryLine = next.length ? i + 1 : null;
      segments(cells).forEach((seg, k) => {
        const lineNos = k === 0 && carried !== null ? [carried, i + 1] : [i + 1];
        if (seg.some((c) => norm(c) === '一级指标' || norm(c) === '三级指标')) inTable = true;
        const prev = rows[rows.length - 1];
        const hasLabel = seg.some((c) => readLabel(c) !== null) || seg.some(isHeaderWord);
        // A merged cell split over lines: the row above ends with a name and waits for its values.
        if (inTable && prev && !prev.flat && prev.lines[prev.lines.length - 1] < i + 1 && !hasLabel && seg.length <= 3 && !isValueCell(prev.cells[prev.cells.length - 1]) && !prev.cells.some(isHeaderWord)) {
          prev.cells.push(...seg);
          prev.lines.push(i + 1);
          return;
        }
        rows.push({ cells: seg, flat: false, text: '', lines: lineNos });
      });
    }
    if (carry.length) rows.push({ cells: carry, flat: false, text: '', lines: [carryLine ?? to + 1] });
    return rows;
  },
};
