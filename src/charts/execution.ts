/**
 * Budget vs execution of a self-evaluation (年初预算数, 全年预算数, 全年执行数),
 * and the same per jurisdiction and year (sums over its self-evaluations).
 */
import { formatRate, formatWan } from '../lib/format';
import { barChart, type BarRow, type ChartSize } from './bars';
import type { DataTable } from './table';

export interface ExecutionFigures {
  initialBudget: number | null;
  adjustedBudget: number | null;
  executed: number | null;
}

const series = [
  ['年初预算数', 'initialBudget'],
  ['全年预算数', 'adjustedBudget'],
  ['全年执行数', 'executed'],
] as const;

function rowsOf(figures: ExecutionFigures, group?: string): BarRow[] {
  return series
    .filter(([, key]) => figures[key] !== null)
    .map(([label, key]) => ({ group, label, value: figures[key]!, series: label }));
}

/** executed ÷ adjusted budget (the national rule), or null when either is missing or zero. */
export function executionRate(figures: ExecutionFigures): number | null {
  if (figures.executed === null || !figures.adjustedBudget) return null;
  return figures.executed / figures.adjustedBudget;
}

function describe(figures: ExecutionFigures): string {
  const stated = series
    .filter(([, key]) => figures[key] !== null)
    .map(([label, key]) => `${label} ${formatWan(figures[key]!)}`);
  const rate = executionRate(figures);
  return `${stated.join('，')}${rate === null ? '' : `；全年执行数占全年预算数的 ${formatRate(rate)}`}。`;
}

export function executionChart(figures: ExecutionFigures, size: ChartSize, id = 'execution-chart'): string {
  return barChart(
    { id, title: '预算与执行', description: describe(figures), rows: rowsOf(figures), format: formatWan },
    size,
  );
}

export function executionTable(figures: ExecutionFigures): DataTable {
  return {
    columns: ['项目', '金额'],
    rows: [
      ...series.map(([label, key]) => [label, figures[key] === null ? '未列明' : formatWan(figures[key]!)]),
      ['执行率（全年执行数 ÷ 全年预算数）', formatRate(executionRate(figures))],
    ],
  };
}

export interface YearExecution extends ExecutionFigures {
  year: number;
  /** How many self-evaluations the sums cover. */
  projects: number;
}

export function yearExecutionChart(years: YearExecution[], size: ChartSize, id = 'year-execution-chart'): string {
  const description = years.map((y) => `${y.year}年（${y.projects} 个项目）：${describe(y)}`).join(' ');
  return barChart(
    {
      id,
      title: '各年度自评项目预算与执行',
      description,
      rows: years.flatMap((y) => rowsOf(y, `${y.year}年`)),
      format: formatWan,
    },
    size,
  );
}

export function yearExecutionTable(years: YearExecution[]): DataTable {
  return {
    columns: ['年度', '项目数', '年初预算数', '全年预算数', '全年执行数', '执行率'],
    rows: years.map((y) => [
      `${y.year}年`,
      `${y.projects}`,
      ...series.map(([, key]) => formatWan(y[key])),
      formatRate(executionRate(y)),
    ]),
  };
}
