import { describe, expect, it } from 'vitest';
import { boundOf, gazetteUnitCosts, pairedUnitCosts, stem, unitCosts } from '../../src/compare/unitCosts';
import { ind, rec, val } from './helpers';

// Inline copies of the gazette tables in data/sources/, as the record format reads them.

const yinchuan = rec({
  name: '市政府政务公开工作经费',
  jurisdiction: { name: '银川市', code: '640100' },
  year: 2026,
  budget: { total: 400000, fiscal: null, other: null },
  indicators: [
    ind('产出指标', '数量指标', '《银川市人民政府公报》网络电子书个数', val('≥12期', '≥', 12, '期')),
    ind('产出指标', '数量指标', '《银川市人民政府公报》印制装订发行个数', val('≥0.82万册', '≥', 8200, '册')),
    ind('产出指标', '数量指标', '《银川市人民政府公报》邮寄份数', val('≥0.82万册', '≥', 8200, '册')),
    ind('产出指标', '成本指标', '《银川市人民政府公报》网络电子书制作费用', val('≤10万元', '≤', 100000, '元')),
    ind('产出指标', '成本指标', '《银川市人民政府公报》印制装订发行费用', val('≤6.7万元', '≤', 67000, '元')),
    ind('产出指标', '成本指标', '《银川市人民政府公报》邮寄费用', val('≤2万元', '≤', 20000, '元')),
  ],
});

const shizuishan = rec({
  name: '《石嘴山市政府公报》编印费',
  jurisdiction: { name: '石嘴山市', code: '640200' },
  year: 2024,
  budget: { total: 120000, fiscal: null, other: null },
  indicators: [
    ind('产出指标', '数量指标', '投递：公报每月刊发后投递1次，原则上全年12期，每期投递387本', null, { weight: 10 }),
    ind('产出指标', '数量指标', '印制：公报每月刊发1期，原则上全年12期，每期400本，每本不超过50页', null, { weight: 10 }),
    ind('产出指标', '成本指标', '内页每页0.35元，封皮每本3元', null, { weight: 10 }),
    ind('产出指标', '成本指标', '投递每本价格4元', null, { weight: 10 }),
  ],
});

const pingluo = rec({
  name: '政务公开工作经费',
  jurisdiction: { name: '平罗县', code: '640221' },
  year: 2021,
  budget: { total: 180000, fiscal: 180000, other: 0 },
  indicators: [
    ind('产出指标', '数量指标', '政府公报印刷', val('4 期/年', '=', 4, '期/年')),
    ind('产出指标', '数量指标', '政务公开宣传资料', val('18000 册/年', '=', 18000, '册/年')),
    ind('产出指标', '数量指标', '办公设备采购', val('7 套', '=', 7, '套')),
    ind('产出指标', '成本指标', '政府公报印刷', null),
    ind('产出指标', '成本指标', '政务公开宣传资料印刷', val('7 万元', '=', 70000, '元')),
    ind('产出指标', '成本指标', '办公设备采购成本', val('8 万元', '=', 80000, '元')),
  ],
});

const zhongwei = rec({
  name: '《政府公报》创办费',
  kind: 'self-evaluation',
  jurisdiction: { name: '中卫市', code: '640500' },
  year: 2024,
  budget: { total: 40000, fiscal: null, other: null },
  outcome: '认真校对、准确刊印《政府公报》2期,刊登文件23个,印发1600份',
  execution: { initialBudget: 80000, adjustedBudget: 40000, executed: 40000, reportedRate: 0.5, weight: 10, score: 5, funding: [] },
  indicators: [
    ind('产出指标', '数量指标', '《政府公报》编辑、排版、印刷期数', val('3200份', '=', 3200, '份'), { actual: val('1600份', '=', 1600, '份') }),
    ind('产出指标', '成本指标', '完成编辑、校对、印刷、出版、发行等,每年4期,每期2万元', val('8万元', '=', 80000, '元'), {
      actual: val('4万元', '=', 40000, '元'),
    }),
  ],
});

const by = (xs: ReturnType<typeof unitCosts>, measure: string, basis = 'target') => {
  const hit = xs.filter((x) => x.measure === measure && x.basis === basis);
  expect(hit, `${measure} (${basis}) in ${xs.map((x) => `${x.measure}/${x.basis}`).join('; ')}`).toHaveLength(1);
  return hit[0];
};

describe('helpers', () => {
  it('stems indicator names', () => {
    expect(stem('《银川市人民政府公报》邮寄份数')).toBe('《银川市人民政府公报》邮寄');
    expect(stem('《银川市人民政府公报》邮寄费用')).toBe('《银川市人民政府公报》邮寄');
  });
  it('derives the direction of a ratio from the comparators', () => {
    expect(boundOf('≤', '≥')).toBe('≤');
    expect(boundOf('=', '=')).toBe('=');
    expect(boundOf('=', '>')).toBe('<');
    expect(boundOf('≥', '≤')).toBe('≥');
    expect(boundOf('≤', '≤')).toBeNull();
    expect(boundOf('≈', '=')).toBe('≈');
  });
});

describe('银川 2026: amount and quantity as paired indicators', () => {
  const xs = unitCosts([yinchuan]);
  it('印制装订发行: ≤6.7万元 ÷ ≥0.82万册 = at most 8.17 元/册', () => {
    const u = by(xs, '《银川市人民政府公报》印制装订发行（每册）');
    expect(u).toMatchObject({ topic: '政府公报', value: 8.17, exact: '335/41', unit: '元/册', bound: '≤', assumptions: [] });
    expect(u.amount).toMatchObject({ yuan: 67000, op: '≤' });
    expect(u.quantity).toMatchObject({ value: 8200, op: '≥', unit: '册' });
    expect(u.amount.inputs[0]).toEqual({ from: 'target', indicator: '《银川市人民政府公报》印制装订发行费用', position: 5, raw: '≤6.7万元' });
    expect(u.arithmetic).toBe('67,000 元 ÷ 8200 册 = 8.17 元/册（精确值 335/41，四舍五入到分）');
  });
  it('邮寄: 20000 ÷ 8200 = 2.44 元/册; e-book: 100000 ÷ 12 = 8333.33 元/期', () => {
    expect(by(xs, '《银川市人民政府公报》邮寄（每册）')).toMatchObject({ value: 2.44, exact: '100/41', bound: '≤' });
    expect(by(xs, '《银川市人民政府公报》网络电子书制作（每期）')).toMatchObject({ value: 8333.33, exact: '25000/3', bound: '≤' });
  });
  it('pairs only the same thing (3 pairs, not 9)', () => {
    expect(xs).toHaveLength(3);
  });
});

describe('石嘴山 2024: prices in the text of the indicator names', () => {
  const xs = gazetteUnitCosts(shizuishan);
  it('per copy: ≤50 页 × 0.35 + 3 = 20.50 元/本, an upper bound resting on a stated assumption', () => {
    const u = by(xs, '每本印制费（内页 + 封皮）');
    expect(u).toMatchObject({ value: 20.5, unit: '元/本', bound: '≤' });
    expect(u.arithmetic).toBe('≤50 页 × 0.35 元/页 + 3 元/本 = 20.50 元/本');
    expect(u.amount.inputs.map((i) => i.raw)).toEqual(['每本不超过50页', '内页每页0.35元', '封皮每本3元']);
    expect(u.amount.inputs.every((i) => i.from === 'indicator name')).toBe(true);
    expect(u.assumptions).toHaveLength(1);
    expect(u.assumptions[0]).toMatch(/按内页单价 0\.35 元\/页/);
  });
  it('per issue: 400 本 × 20.50 = 8200 元; delivery 387 × 4 = 1548 元; together 9748 元/期', () => {
    expect(by(xs, '每期印制费')).toMatchObject({ value: 8200, arithmetic: '400 本 × 20.50 元/本 = 8,200 元/期', bound: '≤' });
    expect(by(xs, '每期投递费')).toMatchObject({ value: 1548, arithmetic: '387 本 × 4 元/本 = 1,548 元/期', bound: '=', assumptions: [] });
    const t = by(xs, '每期印制与投递费');
    expect(t.value).toBe(9748);
    expect(t.notes[0]).toBe('全年 12 期 × (8,200 + 1,548) = 116,976 元，项目预算 120,000 元');
  });
});

describe('平罗 2021: issues stated, the gazette cost cell empty', () => {
  const xs = gazetteUnitCosts(pingluo);
  it('per issue 7500 元, flagged: the cost is the budget remainder 180000 − 70000 − 80000', () => {
    const u = by(xs, '每期印制费（由预算推算）');
    expect(u).toMatchObject({ value: 7500, exact: '7500', unit: '元/期', bound: '=' });
    expect(u.amount.yuan).toBe(30000);
    expect(u.assumptions).toHaveLength(1);
    expect(u.assumptions[0]).toContain('180,000 − 70,000 − 80,000 = 30,000 元');
    expect(u.amount.inputs.map((i) => i.from)).toEqual(['budget', 'target', 'target']);
  });
  it('the generic pairing finds 宣传资料 70000 ÷ 18000 册 = 3.89 元/册 and 设备 80000 ÷ 7 套, nothing for the gazette', () => {
    const ps = pairedUnitCosts(pingluo);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatchObject({ measure: '政务公开宣传资料印刷（每册）', value: 3.89, exact: '35/9', bound: '=', topic: null });
    expect(ps[0].notes).toEqual(['两个数字都是全年数']);
    expect(ps[1]).toMatchObject({ measure: '办公设备采购（每套）', value: 11428.57, exact: '80000/7', bound: '=' });
  });
});

describe('中卫 2024 self-evaluation: stated per-issue price, and actuals', () => {
  const xs = gazetteUnitCosts(zhongwei);
  it('stated 每期2万元 = 20000 元/期, consistent with the 8万元 target', () => {
    const u = by(xs, '每期全部制作费用（表中写明）');
    expect(u).toMatchObject({ value: 20000, bound: '=', assumptions: [] });
    expect(u.notes).toEqual(['4 期 × 20,000 元 = 80,000 元 = 该指标的指标值 8万元']);
  });
  it('actual per issue: 40000 元 ÷ 2 期 (from the outcome text) = 20000', () => {
    const u = by(xs, '每期全部制作费用', 'actual');
    expect(u).toMatchObject({ value: 20000, bound: '=' });
    expect(u.quantity.inputs[0]).toMatchObject({ from: 'outcome', raw: '公报》2期' });
  });
  it('per copy: 80000 ÷ 3200 = 25 元/份 planned, 40000 ÷ 1600 = 25 actual, both flagged', () => {
    const t = by(xs, '每份全部制作费用');
    const a = by(xs, '每份全部制作费用', 'actual');
    expect([t.value, a.value]).toEqual([25, 25]);
    expect(t.arithmetic).toBe('80,000 元 ÷ 3200 份 = 25 元/份');
    expect(t.assumptions).toHaveLength(2);
    expect(t.assumptions[1]).toMatch(/名为期数.*按份数理解/);
  });
});

describe('generic pairs elsewhere', () => {
  it('a 成本指标 amount without a unit is read as 元 and says so', () => {
    const r = rec({
      name: '市政府督查室工作经费',
      indicators: [
        ind('产出指标', '数量指标', '十心实事印刷品数量', val('≥860份', '≥', 860, '份')),
        ind('产出指标', '成本指标', '十心实事印刷品制作金额', val('≤1.2万', '≤', 12000, null)),
      ],
    });
    const [u] = pairedUnitCosts(r);
    expect(u).toMatchObject({ value: 13.95, exact: '600/43', bound: '≤' });
    expect(u.assumptions[0]).toMatch(/未写单位.*按元理解/);
  });
  it('does not pair on a short shared word (差旅 in 差旅费次数 and 挂职干部差旅费、考核奖费用)', () => {
    const r = rec({
      name: '工作经费',
      indicators: [
        ind('产出指标', '数量指标', '差旅费次数', val('≥76次', '≥', 76, '次')),
        ind('产出指标', '成本指标', '挂职干部差旅费、考核奖费用', val('≤14.4万元', '≤', 144000, '元')),
      ],
    });
    expect(pairedUnitCosts(r)).toEqual([]);
  });
  it('skips quantities below 2 and time units', () => {
    const r = rec({
      name: '驻村工作队员工作经费',
      indicators: [
        ind('产出指标', '数量指标', '工作队员数量', val('≥1人', '≥', 1, '人')),
        ind('产出指标', '数量指标', '办公物品使用月份', val('≥12个月', '≥', 12, '个月')),
        ind('产出指标', '成本指标', '工作队员费用', val('≤1200元', '≤', 1200, '元')),
        ind('产出指标', '成本指标', '办公物品使用费用', val('≤1200元', '≤', 1200, '元')),
      ],
    });
    expect(pairedUnitCosts(r)).toEqual([]);
  });
  it('self-evaluations also give actual unit costs', () => {
    const r = rec({
      name: '行政中心互联网电路服务费',
      kind: 'self-evaluation',
      indicators: [
        ind('产出指标', '数量指标', '行政中心办公大楼各部门(单位)', val('31家单位', '=', 31, '家单位'), { actual: val('31家单位', '=', 31, '家单位') }),
        ind('产出指标', '成本指标', '行政中心办公大楼各部门(单位)电信网络', val('8.4万元', '=', 84000, '元'), { actual: val('8.4万元', '=', 84000, '元') }),
      ],
    });
    const xs = pairedUnitCosts(r);
    expect(xs.map((x) => [x.basis, x.value, x.unit])).toEqual([
      ['target', 2709.68, '元/家单位'],
      ['actual', 2709.68, '元/家单位'],
    ]);
  });
});

// The importer's records, when present: the gazette unit costs worked out by hand above.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const recDir = join(process.cwd(), 'data/records');
const recFiles = existsSync(recDir) ? readdirSync(recDir).filter((f) => f.endsWith('.json')) : [];
describe.skipIf(recFiles.length === 0)('gazette unit costs on data/records (when present)', () => {
  const real = recFiles.map((f) => JSON.parse(readFileSync(join(recDir, f), 'utf8')));
  const g = unitCosts(real).filter((u) => u.topic === '政府公报');
  const pick = (code: string, measure: string, basis = 'target') => g.find((u) => u.jurisdiction.code === code && u.measure === measure && u.basis === basis);
  it('银川 8.17 元/册, 石嘴山 ≤20.5 元/本 and ≤9748 元/期, 平罗 7500 元/期 (assumed), 中卫 20000 元/期 and 25 元/份', () => {
    expect(pick('640100', '《银川市人民政府公报》印制装订发行（每册）')?.value).toBe(8.17);
    expect(pick('640200', '每本印制费（内页 + 封皮）')?.value).toBe(20.5);
    expect(pick('640200', '每期印制与投递费')?.value).toBe(9748);
    const pl = pick('640221', '每期印制费（由预算推算）');
    expect(pl?.value).toBe(7500);
    expect(pl?.assumptions.length).toBe(1);
    expect(pick('640500', '每期全部制作费用（表中写明）')?.value).toBe(20000);
    expect(pick('640500', '每期全部制作费用', 'actual')?.value).toBe(20000);
    expect(pick('640500', '每份全部制作费用')?.value).toBe(25);
    expect(g.filter((u) => u.jurisdiction.code === '640502')).toEqual([]); // 沙坡头: a bundled amount, no gazette quantity
  });
});
