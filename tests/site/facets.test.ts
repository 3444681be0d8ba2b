import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { jurisdictionInfo } from '../../src/lib/jurisdictions';
import { budgetByJurisdictionYear, jurisdictionTree, totalBudget } from '../../src/lib/facets';
import { costIndicators, groupIndicators } from '../../src/lib/indicators';
import { recordToCsv } from '../../src/lib/record-csv';
import { exportOpenData } from '../../src/export/index';
import { ProjectRecord } from '../../src/schema/record';

const dir = 'tests/site/fixtures/records';
const records = readdirSync(dir).map((f) => ProjectRecord.parse(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))));
const byName = (name: string) => records.find((r) => r.name === name)!;

describe('jurisdictions from the national codes', () => {
  test('平罗县 sits in 石嘴山市 in 宁夏回族自治区', () => {
    expect(jurisdictionInfo('640221')?.chain.map((j) => j.name)).toEqual(['宁夏回族自治区', '石嘴山市', '平罗县']);
    expect(jurisdictionInfo('640200')).toMatchObject({ name: '石嘴山市', level: 'city', parentCode: '640000' });
    expect(jurisdictionInfo('640000')).toMatchObject({ name: '宁夏回族自治区', level: 'province', parentCode: null });
  });
  test('an unknown code is null, never guessed', () => {
    expect(jurisdictionInfo('999999')).toBeNull();
    expect(jurisdictionInfo(null)).toBeNull();
  });
  test('the tree holds each jurisdiction with records and its ancestors', () => {
    const tree = jurisdictionTree(records);
    expect(tree.get('640000')?.all).toHaveLength(records.length);
    expect(tree.get('640000')?.own).toHaveLength(0);
    expect(tree.get('640200')?.children).toEqual(['640221']);
    expect(tree.get('640200')?.all.map((r) => r.jurisdiction.code).sort()).toEqual(['640200', '640221']);
  });
});

describe('grouping for pages', () => {
  test('budget sums per jurisdiction and year are exact', () => {
    const zhongwei = budgetByJurisdictionYear(records).find((g) => g.code === '640500')!;
    expect(zhongwei).toMatchObject({ year: 2024, projects: 2, budget: 1212300 });
    expect(totalBudget([{ budget: { total: 0.1 } }, { budget: { total: 0.2 } }] as ProjectRecord[])).toBe(0.3);
  });
  test('indicators group by 一级 then 二级, in published order', () => {
    const sections = groupIndicators(byName('政务公开工作经费').indicators);
    expect(sections.map((s) => s.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(sections[0].groups.map((g) => g.level2)).toEqual(['数量指标', '质量指标', '成本指标']);
  });
  test('cost indicators are the 成本指标 rows in 元', () => {
    expect(costIndicators(byName('政务公开工作经费'))).toEqual([
      { name: '政务公开宣传资料印刷', target: 70000, actual: null },
      { name: '办公设备采购成本', target: 80000, actual: null },
    ]);
    expect(costIndicators(byName('政府专项工作经费'))[0]).toEqual({ name: '应急值班等人员工资福利', target: 200000, actual: 149800 });
  });
});

describe('CSV download', () => {
  test('one row per indicator, with a BOM and the header of the dataset indicators.csv', () => {
    const r = byName('政务公开工作经费');
    const lines = recordToCsv(r).trimEnd().split('\r\n');
    const whole = exportOpenData([r]).find((f) => f.path === 'indicators.csv')!.content;
    expect(lines[0].startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(whole.split('\r\n')[0]);
    expect(lines).toHaveLength(1 + r.indicators.length);
    expect(lines[1]).toContain('政务公开工作经费');
  });
});
