/** Total budget by jurisdiction and year (home page). */
import { yearLabel } from '../lib/format';
import { formatWan } from '../lib/format';
import { barChart, type ChartSize } from './bars';
import type { DataTable } from './table';

export interface JurisdictionYearBudget {
  jurisdiction: string;
  year: number | null;
  /** Sum of budget.total of the projects, yuan. */
  budget: number;
  projects: number;
}


export function budgetByJurisdictionChart(data: JurisdictionYearBudget[], size: ChartSize, id = 'budget-chart'): string {
  const description =
    '各辖区各年度项目预算合计：' +
    data.map((d) => `${d.jurisdiction} ${yearLabel(d.year)} ${formatWan(d.budget)}（${d.projects} 个项目）`).join('；') +
    '。';
  return barChart(
    {
      id,
      title: '各辖区、年度的项目预算',
      description,
      rows: data.map((d) => ({ label: `${d.jurisdiction} · ${yearLabel(d.year)}`, value: d.budget, series: '预算' })),
      format: formatWan,
    },
    size,
  );
}

export function budgetByJurisdictionTable(data: JurisdictionYearBudget[]): DataTable {
  return {
    columns: ['辖区', '年度', '项目数', '预算合计'],
    rows: data.map((d) => [d.jurisdiction, yearLabel(d.year), `${d.projects}`, formatWan(d.budget)]),
  };
}
