import { describe, expect, test } from 'vitest';
import { barChart } from '../../src/charts/bars';
import { executionChart, executionRate, executionTable, yearExecutionChart } from '../../src/charts/execution';
import { costChart, costSum, costTable } from '../../src/charts/costs';
import { budgetByJurisdictionChart, budgetByJurisdictionTable } from '../../src/charts/budget-by-jurisdiction';

/** The bars of an SVG string, as label → value and drawn width. */
function bars(svg: string) {
  return [...svg.matchAll(/<g class="chart-bar" data-label="([^"]*)" data-value="([^"]*)">.*?<rect [^>]*width="([^"]*)"/g)].map(
    ([, label, value, width]) => ({ label, value: Number(value), width: Number(width) }),
  );
}

describe('bar chart primitive', () => {
  const svg = barChart(
    { id: 't', title: '标题', description: '说明', rows: [{ label: 'A', value: 10 }, { label: 'B & C', value: 5 }], format: String },
    { width: 400 },
  );
  test('is an accessible SVG with a title and a text alternative', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="t-title t-desc"');
    expect(svg).toContain('<title id="t-title">标题</title>');
    expect(svg).toContain('<desc id="t-desc">说明</desc>');
    expect(svg).toContain('viewBox="0 0 400 ');
  });
  test('bar widths are proportional to the values; labels are escaped', () => {
    const [a, b] = bars(svg);
    expect(a.label).toBe('A');
    expect(b.label).toBe('B &amp; C');
    expect(b.width).toBeCloseTo(a.width / 2, 0);
  });
  test('says so when there is no data', () => {
    expect(barChart({ id: 'e', title: 't', description: 'd', rows: [], format: String }, { width: 300 })).toContain('无数据');
  });
});

describe('budget vs execution of a self-evaluation', () => {
  // 中卫市 2024 政府专项工作经费: 200 / 117.23 / 117.23 万元.
  const figures = { initialBudget: 2000000, adjustedBudget: 1172300, executed: 1172300 };
  const svg = executionChart(figures, { width: 560 });
  test('three bars: 年初预算数, 全年预算数, 全年执行数, labelled in 万元', () => {
    expect(bars(svg).map((b) => [b.label, b.value])).toEqual([
      ['年初预算数', 2000000],
      ['全年预算数', 1172300],
      ['全年执行数', 1172300],
    ]);
    expect(svg).toContain('>200.00 万元<');
    expect(svg).toContain('>117.23 万元<');
  });
  test('the text alternative states the figures and the rate', () => {
    expect(svg).toContain('年初预算数 200.00 万元，全年预算数 117.23 万元，全年执行数 117.23 万元；全年执行数占全年预算数的 100%');
  });
  test('execution rate is executed ÷ adjusted budget', () => {
    expect(executionRate(figures)).toBe(1);
    expect(executionRate({ ...figures, adjustedBudget: 0 })).toBeNull();
    expect(executionTable(figures).rows.at(-1)).toEqual(['执行率（全年执行数 ÷ 全年预算数）', '100%']);
  });
  test('a missing figure is left out, not drawn as zero', () => {
    expect(bars(executionChart({ ...figures, initialBudget: null }, { width: 560 })).map((b) => b.label)).toEqual(['全年预算数', '全年执行数']);
  });
  test('per jurisdiction-year: one group per year', () => {
    const svg = yearExecutionChart([{ year: 2024, projects: 2, ...figures }], { width: 560 });
    expect(svg).toContain('>2024年<');
    expect(bars(svg)).toHaveLength(3);
  });
});

describe('cost indicators against the budget', () => {
  const data = { budget: 180000, costs: [{ name: '政务公开宣传资料印刷', target: 70000 }, { name: '办公设备采购成本', target: 80000 }] };
  test('budget bar, one bar per cost indicator, and their sum', () => {
    expect(bars(costChart(data, { width: 560 })).map((b) => [b.label, b.value])).toEqual([
      ['项目预算', 180000],
      ['政务公开宣传资料印刷', 70000],
      ['办公设备采购成本', 80000],
      ['成本指标合计', 150000],
    ]);
    expect(costTable(data).rows[3]).toEqual(['成本指标合计', '15.00 万元']);
  });
  test('sums are exact to the fen', () => expect(costSum([{ target: 0.1 }, { target: 0.2 }])).toBe(0.3));
});

describe('budget by jurisdiction and year', () => {
  const data = [
    { jurisdiction: '银川市', year: 2026, budget: 400000, projects: 1 },
    { jurisdiction: '中卫市', year: 2024, budget: 1212300, projects: 2 },
  ];
  test('one bar per jurisdiction-year, with the numbers in a table', () => {
    const svg = budgetByJurisdictionChart(data, { width: 640 });
    expect(bars(svg).map((b) => b.label)).toEqual(['银川市 · 2026年', '中卫市 · 2024年']);
    expect(budgetByJurisdictionTable(data).rows).toEqual([
      ['银川市', '2026年', '1', '40.00 万元'],
      ['中卫市', '2024年', '2', '121.23 万元'],
    ]);
  });
});
