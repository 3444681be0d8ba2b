/**
 * Budgets by category: one row per (jurisdiction, year), one column per
 * category, with row totals, column totals and a grand total. Sums are exact
 * (integer fen). Projects without a budget are counted, not summed.
 */
import { CATEGORY_NAMES } from '../categories/index';
import { categoryName, jurisdictionKey, type CompareOptions, type CompareRecord } from './common';
import { toFen, fenToYuan } from '../domain/money';

export interface Cell {
  /** Sum of budget.total in yuan (for a self-evaluation: 全年预算数); 0 when no project. */
  total: number;
  /** Projects in the cell. */
  count: number;
  /** Projects in the cell whose budget.total is null (not included in total). */
  missingBudget: number;
  /** Ids of the projects in the cell. */
  ids: string[];
}

export interface MatrixRow {
  jurisdiction: { code: string | null; name: string | null };
  year: number | null;
  /** Kinds of table in this row ("target", "self-evaluation"). */
  kinds: string[];
  /** Keyed by category name; "" is the column of unmatched projects. */
  cells: Record<string, Cell>;
  total: Cell;
}

export interface BudgetMatrix {
  /** Category names in taxonomy order, then "" for unmatched if any project is unmatched. */
  columns: string[];
  rows: MatrixRow[];
  columnTotals: Record<string, Cell>;
  grandTotal: Cell;
}

function emptyCell(): Cell {
  return { total: 0, count: 0, missingBudget: 0, ids: [] };
}

function add(cell: Cell & { fen?: bigint }, r: CompareRecord): void {
  cell.count++;
  cell.ids.push(r.id);
  if (r.budget.total === null) cell.missingBudget++;
  else cell.total = fenToYuan(toFen(cell.total) + toFen(r.budget.total));
}

export const UNMATCHED_COLUMN = '';

export function budgetMatrix(records: readonly CompareRecord[], opts: CompareOptions & { kind?: 'target' | 'self-evaluation' } = {}): BudgetMatrix {
  const rs = opts.kind ? records.filter((r) => r.kind === opts.kind) : records;
  const cats = rs.map((r) => categoryName(r, opts) ?? UNMATCHED_COLUMN);
  const columns = [...CATEGORY_NAMES.filter((c) => cats.includes(c)), ...[...new Set(cats)].filter((c) => c !== UNMATCHED_COLUMN && !CATEGORY_NAMES.includes(c)).sort()];
  if (cats.includes(UNMATCHED_COLUMN)) columns.push(UNMATCHED_COLUMN);

  const rows = new Map<string, MatrixRow>();
  const columnTotals: Record<string, Cell> = Object.fromEntries(columns.map((c) => [c, emptyCell()]));
  const grandTotal = emptyCell();
  rs.forEach((r, i) => {
    const key = `${jurisdictionKey(r)}|${r.year ?? 'x'}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        jurisdiction: { code: r.jurisdiction.code, name: r.jurisdiction.name },
        year: r.year,
        kinds: [],
        cells: Object.fromEntries(columns.map((c) => [c, emptyCell()])),
        total: emptyCell(),
      };
      rows.set(key, row);
    }
    if (!row.kinds.includes(r.kind)) row.kinds.push(r.kind);
    const c = cats[i];
    add(row.cells[c], r);
    add(row.total, r);
    add(columnTotals[c], r);
    add(grandTotal, r);
  });
  const sorted = [...rows.values()].sort(
    (a, b) => (a.jurisdiction.code ?? '~').localeCompare(b.jurisdiction.code ?? '~') || (a.year ?? 0) - (b.year ?? 0),
  );
  return { columns, rows: sorted, columnTotals, grandTotal };
}
