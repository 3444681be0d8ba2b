/** A project's cost indicators (成本指标 in 元) against its budget. */
import { sumYuan } from '../domain/money';
import { formatWan } from '../lib/format';
import { barChart, type BarRow, type ChartSize } from './bars';
import type { DataTable } from './table';

export interface CostChartData {
  /** The project's annual budget in yuan (null when not printed). */
  budget: number | null;
  costs: { name: string; target: number }[];
}

/** Exact sum, so 6.7万 + 2万 stays 87000. */
export function costSum(costs: { target: number }[]): number {
  return sumYuan(costs.map((c) => c.target));
}

function rows(data: CostChartData): BarRow[] {
  const out: BarRow[] = [];
  if (data.budget !== null) out.push({ label: '项目预算', value: data.budget, series: '预算' });
  for (const c of data.costs) out.push({ label: c.name, value: c.target, series: '成本指标' });
  if (data.costs.length > 1) out.push({ label: '成本指标合计', value: costSum(data.costs), series: '合计' });
  return out;
}

export function costChart(data: CostChartData, size: ChartSize, id = 'cost-chart'): string {
  const sum = costSum(data.costs);
  const description =
    `${data.costs.length} 项成本指标合计 ${formatWan(sum)}` +
    (data.budget === null ? '；项目预算未列明。' : `，项目预算 ${formatWan(data.budget)}。`);
  return barChart({ id, title: '成本指标与项目预算', description, rows: rows(data), format: formatWan }, size);
}

export function costTable(data: CostChartData): DataTable {
  return { columns: ['项目', '金额'], rows: rows(data).map((r) => [r.label, formatWan(r.value)]) };
}
