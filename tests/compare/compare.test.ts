import { describe, expect, it } from 'vitest';
import { budgetMatrix } from '../../src/compare/matrix';
import { sideBySide, compareCategory } from '../../src/compare/sideBySide';
import { acrossYears, nameSimilarity, normalizeName } from '../../src/compare/acrossYears';
import { divideYuan, sumYuan, ratio, toFen } from '../../src/domain/money';
import { ind, rec, val } from './helpers';

const YC = { name: '银川市', code: '640100' };
const SZS = { name: '石嘴山市', code: '640200' };

describe('money', () => {
  it('sums without drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumYuan([0.1, 0.2])).toBe(0.3);
    expect(sumYuan([778850.24, 7146, 0.01])).toBe(785996.25);
    expect(toFen(778850.24)).toBe(77885024n);
  });
  it('divides exactly and rounds half up to the fen', () => {
    expect(divideYuan(67000, 8200)).toEqual({ yuan: 8.17, exact: '335/41', rounded: true });
    expect(divideYuan(80000, 3200)).toEqual({ yuan: 25, exact: '25', rounded: false });
    expect(divideYuan(0.05, 2)).toEqual({ yuan: 0.03, exact: '1/40', rounded: true });
    expect(divideYuan(100, 0.5)).toEqual({ yuan: 200, exact: '200', rounded: false });
    expect(ratio(1172300, 1172300)).toBe(1);
    expect(ratio(40000, 80000)).toBe(0.5);
    expect(ratio(1, 3)).toBe(0.3333);
  });
});

describe('budgetMatrix', () => {
  const records = [
    rec({ name: '市政府政务公开工作经费', jurisdiction: YC, year: 2026, budget: { total: 400000, fiscal: null, other: null } }),
    rec({ name: '政府聘用人员', jurisdiction: YC, year: 2026, budget: { total: 778850.24, fiscal: null, other: null } }),
    rec({ name: '市政府督查室工作经费', jurisdiction: YC, year: 2026, budget: { total: 120000, fiscal: null, other: null } }),
    rec({ name: '《石嘴山市政府公报》编印费', jurisdiction: SZS, year: 2024, budget: { total: 120000, fiscal: null, other: null } }),
    rec({ name: '重点工作专项督查组工作经费', jurisdiction: SZS, year: 2024, budget: { total: null, fiscal: null, other: null } }),
    rec({ name: '城市绿化养护', jurisdiction: SZS, year: 2024, budget: { total: 0.01, fiscal: null, other: null } }),
  ];
  const m = budgetMatrix(records);
  it('has taxonomy-ordered columns and an unmatched column last', () => {
    expect(m.columns).toEqual(['政务公开与政府公报', '督查督办', '人员经费', '']);
  });
  it('has one row per jurisdiction and year, sorted by code', () => {
    expect(m.rows.map((r) => [r.jurisdiction.code, r.year])).toEqual([
      ['640100', 2026],
      ['640200', 2024],
    ]);
  });
  it('sums cells, rows, columns and the grand total exactly; null budgets are counted, not summed', () => {
    const [yc, szs] = m.rows;
    expect(yc.cells['政务公开与政府公报'].total).toBe(400000);
    expect(yc.cells['人员经费'].total).toBe(778850.24);
    expect(yc.total).toMatchObject({ total: 1298850.24, count: 3, missingBudget: 0 });
    expect(szs.cells['督查督办']).toMatchObject({ total: 0, count: 1, missingBudget: 1 });
    expect(szs.cells['']).toMatchObject({ total: 0.01, count: 1 });
    expect(szs.total).toMatchObject({ total: 120000.01, count: 3, missingBudget: 1 });
    expect(m.columnTotals['政务公开与政府公报']).toMatchObject({ total: 520000, count: 2 });
    expect(m.columnTotals['督查督办']).toMatchObject({ total: 120000, count: 2, missingBudget: 1 });
    expect(m.grandTotal).toMatchObject({ total: 1418850.25, count: 6, missingBudget: 1 });
    // row totals add up to the grand total
    expect(sumYuan(m.rows.map((r) => r.total.total))).toBe(m.grandTotal.total);
    expect(sumYuan(m.columns.map((c) => m.columnTotals[c].total))).toBe(m.grandTotal.total);
  });
  it('uses a stored category over the rules', () => {
    const r = rec({ name: '城市绿化养护', budget: { total: 5, fiscal: null, other: null } });
    const m2 = budgetMatrix([{ ...r, category: { name: '综合工作经费', rule: 'override', overridden: true } }]);
    expect(m2.columns).toEqual(['综合工作经费']);
  });
});

describe('sideBySide', () => {
  const a = rec({
    name: '市政府政务公开工作经费',
    budget: { total: 400000, fiscal: null, other: null },
    indicators: [
      ind('产出指标', '数量指标', '公报印制装订发行个数', val('≥0.82万册', '≥', 8200, '册')),
      ind('产出指标', '成本指标', '公报印制装订发行费用', val('≤6.7万元', '≤', 67000, '元')),
      ind('效益指标', '社会效益指标', '扩大受众面', val('长期', null, null, null)),
      ind('满意度指标', '服务对象满意度指标', '群众对政务公开工作满意度', val('95%', '=', 95, '%')),
      ind(null, null, '本指标不适用', null),
    ],
  });
  const b = rec({
    name: '《政府公报》创办费',
    kind: 'self-evaluation',
    year: 2024,
    jurisdiction: { name: '中卫市', code: '640500' },
    budget: { total: 40000, fiscal: null, other: null },
    execution: { initialBudget: 80000, adjustedBudget: 40000, executed: 40000, reportedRate: 0.5, weight: 10, score: 5, funding: [] },
    totalScore: 80,
    indicators: [ind('成本指标', '经济成本指标', '每期2万元', val('8万元', '=', 80000, '元'))],
  });
  it('groups by category and lists budget, counts, satisfaction, costs, execution', () => {
    const out = sideBySide([a, b]);
    expect(out).toHaveLength(1);
    const [pa, pb] = out[0].projects.sort((x, y) => x.id.localeCompare(y.id));
    expect(pa.budget).toBe(400000);
    expect(pa.indicatorsByLevel1).toEqual({ 产出指标: 2, 效益指标: 1, 满意度指标: 1, 成本指标: 0, null: 1 });
    expect(pa.notApplicable).toBe(1);
    expect(pa.satisfaction.map((s) => [s.position, s.target?.value])).toEqual([[4, 95]]);
    expect(pa.costs.map((s) => s.position)).toEqual([2]);
    expect(pa.execution).toBeNull();
    expect(pb.costs.map((s) => s.name)).toEqual(['每期2万元']); // level1 成本指标 (2021 layout) counts as a cost
    expect(pb.execution).toEqual({ initialBudget: 80000, adjustedBudget: 40000, executed: 40000, reportedRate: 0.5, computedRate: 1, totalScore: 80 });
  });
  it('compareCategory returns an empty list for a category with no project', () => {
    expect(compareCategory([a], '热线服务').projects).toEqual([]);
    expect(compareCategory([a], '政务公开与政府公报').projects).toHaveLength(1);
  });
});

describe('acrossYears', () => {
  const dept = { name: '某市人民政府办公室', code: null };
  const J = { name: '某市', code: '640300' };
  const mk = (name: string, year: number, total: number | null) => rec({ name, year, jurisdiction: J, department: dept, budget: { total, fiscal: null, other: null } });
  const records = [
    mk('2023年12345热线购买服务项目', 2023, 7000000),
    mk('12345热线2024年购买服务项目', 2024, 7630000),
    mk('市政府督查室工作经费', 2023, 120000),
    mk('市政府督查工作经费', 2024, 100000.5),
    mk('政务公开工作经费', 2023, 180000),
    mk('政府网站运维费', 2024, 50000), // new in 2024
    mk('市政府督查室工作经费', 2025, null),
  ];
  const series = acrossYears(records);
  it('normalizes names (years, punctuation, spaces)', () => {
    expect(normalizeName('2023年12345热线购买服务项目')).toBe(normalizeName('12345热线2024年购买服务项目'));
    expect(nameSimilarity('市政府督查室工作经费', '市政府督查工作经费')).toBeGreaterThan(0.8);
    expect(nameSimilarity('政务公开工作经费', '政府网站运维费')).toBeLessThan(0.5);
  });
  it('follows a project over the years within category, with exact budget changes', () => {
    const hotline = series.find((s) => s.category === '热线服务')!;
    expect(hotline.points.map((p) => p.year)).toEqual([2023, 2024]);
    expect(hotline.changes).toEqual([{ fromYear: 2023, toYear: 2024, change: 630000, relative: 0.09 }]);
    const insp = series.find((s) => s.category === '督查督办')!;
    expect(insp.points.map((p) => [p.year, p.budget])).toEqual([
      [2023, 120000],
      [2024, 100000.5],
      [2025, null],
    ]);
    expect(insp.changes[0]).toEqual({ fromYear: 2023, toYear: 2024, change: -19999.5, relative: -0.1667 });
    expect(insp.changes[1]).toEqual({ fromYear: 2024, toYear: 2025, change: null, relative: null });
  });
  it('does not match across categories; unmatched projects stand alone', () => {
    const open = series.find((s) => s.category === '政务公开与政府公报')!;
    expect(open.points).toHaveLength(1);
    const web = series.find((s) => s.category === '政府网站与政务新媒体')!;
    expect(web.points.map((p) => p.year)).toEqual([2024]);
    expect(series).toHaveLength(4);
  });
  it('keeps jurisdictions and departments apart, and with one year per jurisdiction every series has one point', () => {
    const other = rec({ name: '市政府督查室工作经费', year: 2024, jurisdiction: YC, department: dept, budget: { total: 1, fiscal: null, other: null } });
    const s2 = acrossYears([records[2], other]);
    expect(s2).toHaveLength(2);
    expect(s2.every((s) => s.points.length === 1 && s.changes.length === 0)).toBe(true);
  });
  it('one project joins at most one chain: the more similar one wins', () => {
    const s3 = acrossYears([mk('督查工作经费', 2023, 1), mk('专项督查工作经费', 2023, 2), mk('督查工作经费', 2024, 3)]);
    const long = s3.filter((s) => s.points.length === 2);
    expect(long).toHaveLength(1);
    expect(long[0].points[0].name).toBe('督查工作经费');
  });
});
