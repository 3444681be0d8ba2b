/**
 * The columns of a self-evaluation's budget block (年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分, src/ingest/vocabulary.ts BUDGET_COLUMNS)
 * and which cell of a row is in which column. Pure: the table grammar
 * (src/ingest/parse.ts) reads the amounts from the cells this returns.
 */
import { compact } from '../domain/text.ts';
import { BUDGET_COLUMNS } from './vocabulary.ts';

export type BudgetRole = (typeof BUDGET_COLUMNS)[number][1];

export class BudgetColumns {
  /** The positions of the total row, when every column of it was filled (for rows of the same width). */
  private totalIndex: Map<string, number> | null = null;
  private totalWidth = -1;

  private constructor(
    /** The header's columns in order, with their cell positions. */
    readonly roles: { role: BudgetRole; index: number }[],
    private readonly headerWidth: number,
  ) {}

  static fromHeader(cells: string[]): BudgetColumns {
    const roles: { role: BudgetRole; index: number }[] = [];
    cells.forEach((cell, index) => {
      const c = compact(cell);
      const role = BUDGET_COLUMNS.find(([re]) => re.test(c))?.[1] ?? null;
      if (role) roles.push({ role, index });
    });
    return new BudgetColumns(roles, cells.length);
  }

  /**
   * The cell position of each column in a row (its label at `labelAt`), and whether the row could
   * not be read whole (fewer values than columns, no position to go by): then only what a
   * percentage anchors is read (anchoredBudgetIndex) and the row belongs in `unparsed`.
   */
  cellIndex(cells: string[], isTotal: boolean): { index: Map<string, number>; partial: boolean } {
    const labelAt = cells.findIndex((x) => compact(x).length > 0 && !/^[\d.]+%?$/.test(compact(x)) && x !== '—');
    const nonEmpty = cells.map((x, i) => ({ x, i })).filter(({ x, i }) => i > labelAt && x.trim() !== '');
    if (nonEmpty.length === this.roles.length) {
      // Every column filled: read in header order, whatever the shift.
      const index = new Map<string, number>(this.roles.map((r, k) => [r.role, nonEmpty[k].i]));
      if (isTotal) {
        this.totalIndex = index;
        this.totalWidth = cells.length;
      }
      return { index, partial: false };
    }
    if (this.totalIndex && cells.length === this.totalWidth) return { index: this.totalIndex, partial: false };
    // Cells in their columns (tab layout): the header's positions.
    if (cells.length === this.headerWidth) return { index: new Map(this.roles.map((r) => [r.role, r.index])), partial: false };
    // Fewer values than columns and no position to go by (collapsed cells): which column each
    // value belongs to is not printed. Only what can be attributed with certainty is read: a
    // percentage can only be the 执行率 column, so the values on either side of it are read
    // when their count equals the columns on that side. Nothing is shifted.
    const index = anchoredBudgetIndex(
      this.roles.map((r) => r.role),
      nonEmpty,
    );
    return { index, partial: nonEmpty.some(({ x }) => !/^[—–\-/／]+$/.test(x.trim())) };
  }
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
