/**
 * A record as CSV for the per-project download: one row per indicator, the
 * project's fields repeated on each row so the file stands on its own.
 * Column names are the record's field paths (see docs/data-format.md).
 */
import { stringify } from 'csv-stringify/sync';
import type { ProjectRecord, Value } from '../schema/record';

const valueColumns = (prefix: string) =>
  ['raw', 'op', 'value', 'upper', 'unit', 'date', 'qualitative'].map((f) => `${prefix}.${f}`);

export const csvColumns = [
  'id', 'kind', 'year', 'name', 'jurisdiction.code', 'jurisdiction.name', 'department.name', 'department.code',
  'implementingUnit.name', 'budget.total', 'budget.fiscal', 'budget.other',
  'execution.initialBudget', 'execution.adjustedBudget', 'execution.executed', 'execution.reportedRate', 'totalScore',
  'indicator.level1', 'indicator.level2', 'indicator.level1Raw', 'indicator.level2Raw', 'indicator.name',
  ...valueColumns('indicator.target'), 'indicator.weight', ...valueColumns('indicator.actual'),
  'indicator.score', 'indicator.shortfallReason',
];

function valueCells(v: Value | null) {
  return v ? [v.raw, v.op, v.value, v.upper, v.unit, v.date, v.qualitative] : [null, null, null, null, null, null, null];
}

/** CSV text with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese correctly. */
export function recordToCsv(r: ProjectRecord): string {
  const project = [
    r.id, r.kind, r.year, r.name, r.jurisdiction.code, r.jurisdiction.name, r.department?.name ?? null, r.department?.code ?? null,
    r.implementingUnit?.name ?? null, r.budget.total, r.budget.fiscal, r.budget.other,
    r.execution?.initialBudget ?? null, r.execution?.adjustedBudget ?? null, r.execution?.executed ?? null,
    r.execution?.reportedRate ?? null, r.totalScore,
  ];
  const rows = r.indicators.length
    ? r.indicators.map((i) => [
        ...project, i.level1, i.level2, i.level1Raw, i.level2Raw, i.name,
        ...valueCells(i.target), i.weight, ...valueCells(i.actual), i.score, i.shortfallReason,
      ])
    : [[...project, ...csvColumns.slice(project.length).map(() => null)]];
  return '\uFEFF' + stringify(rows, { header: true, columns: csvColumns, cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
