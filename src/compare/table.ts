/**
 * Generic comparison tables (rows × columns) and the tables built from the
 * comparisons, for CSV download (src/export/csv.ts tableToCsv) and pages.
 */
import type { BudgetMatrix } from './matrix';
import type { UnitCost } from './unitCosts';

export type CellValue = string | number | boolean | null;

export interface TableColumn {
  /** Header in the CSV. */
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  description: string;
}

export interface Table {
  /** Stable resource name (lower case, - and _ only), e.g. "budget-by-category". */
  name: string;
  title: string;
  description: string;
  columns: TableColumn[];
  rows: CellValue[][];
}

/** The budget matrix as a table: one row per jurisdiction and year, one amount column per category, the row total; a final row of column totals. */
export function matrixTable(m: BudgetMatrix): Table {
  const label = (c: string) => (c === '' ? '(unmatched)' : c);
  const columns: TableColumn[] = [
    { name: 'jurisdiction.code', type: 'string', description: 'GB/T 2260 code of the jurisdiction; empty on the totals row.' },
    { name: 'jurisdiction.name', type: 'string', description: 'Jurisdiction name; "合计" on the totals row.' },
    { name: 'year', type: 'integer', description: 'Budget year; empty on the totals row.' },
    { name: 'kinds', type: 'string', description: 'Kinds of table in the row (target, self-evaluation), joined by "+". Self-evaluation budgets are 全年预算数.' },
    ...m.columns.map((c) => ({
      name: label(c),
      type: 'number' as const,
      description: `Sum of budget.total (yuan) of the projects in category ${label(c)}; empty when none. Projects without a budget are not summed.`,
    })),
    { name: 'total', type: 'number', description: 'Row total, yuan.' },
    { name: 'projects', type: 'integer', description: 'Projects in the row.' },
    { name: 'missingBudget', type: 'integer', description: 'Projects in the row whose budget.total is null.' },
  ];
  const rows: CellValue[][] = m.rows.map((r) => [
    r.jurisdiction.code,
    r.jurisdiction.name,
    r.year,
    r.kinds.join('+'),
    ...m.columns.map((c) => (r.cells[c].count ? r.cells[c].total : null)),
    r.total.total,
    r.total.count,
    r.total.missingBudget,
  ]);
  rows.push([null, '合计', null, null, ...m.columns.map((c) => m.columnTotals[c].total), m.grandTotal.total, m.grandTotal.count, m.grandTotal.missingBudget]);
  return {
    name: 'budget-by-category',
    title: 'Budgets by category, jurisdiction and year',
    description: 'Jurisdiction × year matrix of project budgets (yuan) by category of work, with row and column totals.',
    columns,
    rows,
  };
}

/** Unit costs as a table, one row per unit cost. */
export function unitCostTable(xs: readonly UnitCost[]): Table {
  const columns: TableColumn[] = [
    { name: 'id', type: 'string', description: 'Record id of the project.' },
    { name: 'jurisdiction.code', type: 'string', description: 'GB/T 2260 code.' },
    { name: 'jurisdiction.name', type: 'string', description: 'Jurisdiction name.' },
    { name: 'year', type: 'integer', description: 'Budget year.' },
    { name: 'kind', type: 'string', description: 'target or self-evaluation.' },
    { name: 'name', type: 'string', description: 'Project name.' },
    { name: 'category.name', type: 'string', description: 'Category of work.' },
    { name: 'topic', type: 'string', description: '政府公报 for the gazette readers; empty for generic indicator pairs.' },
    { name: 'measure', type: 'string', description: 'What is measured.' },
    { name: 'basis', type: 'string', description: 'target (planned figures) or actual (实际完成值).' },
    { name: 'bound', type: 'string', description: 'How the true unit cost relates to value (≤: at most, =: exactly…); empty when unknown.' },
    { name: 'value', type: 'number', description: 'Yuan per unit, rounded half up to the fen.' },
    { name: 'unit', type: 'string', description: 'Unit of value, e.g. 元/册.' },
    { name: 'exact', type: 'string', description: 'The exact quotient as a fraction of yuan.' },
    { name: 'arithmetic', type: 'string', description: 'The arithmetic, with its inputs.' },
    { name: 'inputs', type: 'string', description: 'Where each number was read: "<from>: <indicator> [<text>]", joined by " | ".' },
    { name: 'assumed', type: 'boolean', description: 'True when the figure rests on an assumption (see assumptions).' },
    { name: 'assumptions', type: 'string', description: 'The assumptions, joined by " | "; empty when none.' },
    { name: 'notes', type: 'string', description: 'Remarks (consistency checks), joined by " | ".' },
  ];
  const inputs = (u: UnitCost) =>
    [...u.amount.inputs, ...u.quantity.inputs].map((i) => `${i.from}: ${i.indicator ?? '-'} [${i.raw}]`).join(' | ');
  return {
    name: 'unit-costs',
    title: 'Comparable unit costs',
    description: 'Amount ÷ quantity where a table states both for the same thing, with inputs and assumptions.',
    columns,
    rows: xs.map((u) => [
      u.id,
      u.jurisdiction.code,
      u.jurisdiction.name,
      u.year,
      u.kind,
      u.project,
      u.category,
      u.topic,
      u.measure,
      u.basis,
      u.bound,
      u.value,
      u.unit,
      u.exact,
      u.arithmetic,
      inputs(u),
      u.assumptions.length > 0,
      u.assumptions.join(' | '),
      u.notes.join(' | '),
    ]),
  };
}
