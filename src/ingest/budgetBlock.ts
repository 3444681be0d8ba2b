/**
 * The columns of a self-evaluation's budget block (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, src/ingest/vocabulary.ts BUDGET_COLUMNS)
 * and which cell of a row is in which column. Pure: the table grammar
 * (src/ingest/grammar/header.ts) reads the amounts from the cells this returns.
 */
import { compact } from '../domain/text.ts';
import { BUDGET_COLUMNS } from './vocabulary.ts';

export type BudgetRole = (typeof BUDGET_COLUMNS)[number][1];

/** The budget block's columns, read from its header; `total`: the positions of the total row, when every column of it was filled (for rows of the same width). */
export interface BudgetColumns {
  /** The header's columns in order, with their cell positions. */
  readonly roles: readonly { role: BudgetRole; index: number }[];
  readonly headerWidth: number;
  readonly total: { readonly index: ReadonlyMap<string, number>; readonly width: number } | null;
}

export function budgetColumns(cells: string[]): BudgetColumns {
  const roles: { role: BudgetRole; index: number }[] = [];
  cells.forEach((cell, index) => {
    const c = compact(cell);
    const role = BUDGET_COLUMNS.find(([re]) => re.test(c))?.[1] ?? null;
    if (role) roles.push({ role, index });
  });
  return { roles, headerWidth: cells.length, total: null };
}

/**
 * The cell position of each column in a row, and whether the row could not be read whole (fewer
 * values than columns, no position to go by): then only what a percentage anchors is read
 * (anchoredBudgetIndex) and the row belongs in `unparsed`. `columns`: the columns after this row
 * (a total row filled in every column gives the positions of the rows after it).
 */
export function budgetCellIndex(
  cols: BudgetColumns,
  cells: string[],
  isTotal: boolean,
): { index: ReadonlyMap<string, number>; partial: boolean; columns: BudgetColumns } {
  const labelAt = cells.findIndex((x) => compact(x).length > 0 && !/^[\d.]+%?$/.test(compact(x)) && x !== '—');
  const nonEmpty = cells.map((x, i) => ({ x, i })).filter(({ x, i }) => i > labelAt && x.trim() !== '');
  if (nonEmpty.length === cols.roles.length) {
    // Every column filled: read in header order, whatever the shift.
    const index = new Map<string, number>(cols.roles.map((r, k) => [r.role, nonEmpty[k].i]));
    return { index, partial: false, columns: isTotal ? { ...cols, total: { index, width: cells.length } } : cols };
  }
  if (cols.total && cells.length === cols.total.width) return { index: cols.total.index, partial: false, columns: cols };
  // Cells in their columns (tab layout): the header's positions.
  if (cells.length === cols.headerWidth) return { index: new Map(cols.roles.map((r) => [r.role, r.index])), partial: false, columns: cols };
  // Fewer values than columns and no position to go by (collapsed cells): which column each
  // value belongs to is not printed. Only what can be attributed with certainty is read: a
  // percentage can only be the 执行率 column, so the values on either side of it are read
  // when their count equals the columns on that side. Nothing is shifted.
  const index = anchoredBudgetIndex(
    cols.roles.map((r) => r.role),
    nonEmpty,
  );
  return { index, partial: nonEmpty.some(({ x }) => !/^[—–\-/／]+$/.test(x.trim())), columns: cols };
}

/**
 * Column of each value of a budget row with fewer values than columns (empty cells collapsed):
 * the one percentage is the 执行率 column; the values before it are read in header order only when
 * there are exactly as many as the columns before 执行率, likewise after it. Otherwise nothing.
 */
export function anchoredBudgetIndex(roles: string[], values: { x: string; i: number }[]): Map<string, number> {
  const index = new Map<string, number>();
  const rateAt = roles.indexOf('reportedRate');
  const pct = values.map((v, k) => (/^\d+(\.\d+)?\s*[%％]$/.test(v.x.trim()) ? k : -1)).filter((k) => k >= 0);
  if (rateAt < 0 || pct.length !== 1) return index;
  const k = pct[0];
  index.set('reportedRate', values[k].i);
  const before = values.slice(0, k);
  const after = values.slice(k + 1);
  if (before.length === rateAt) before.forEach((v, j) => index.set(roles[j], v.i));
  if (after.length === roles.length - rateAt - 1) after.forEach((v, j) => index.set(roles[rateAt + 1 + j], v.i));
  return index;
}
