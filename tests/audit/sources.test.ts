/**
 * 中卫市 2024 self-evaluations (data/sources/004_a583d9a954743c2a.txt), tables
 * 一 and 四, transcribed by hand from the source (not from the importer), so
 * the audit's verdicts on them do not depend on the importer.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/schema/record';
import { auditRecord } from '../../src/audit/checks';
import { execution, ind, num, qual, selfEvalRecord } from './helpers';

const pct = (v: number, op: '=' | '≥' = '=') => num(op, v, '%');
const yuan = (wan: number) => num('=', Math.round(wan * 10000 * 100) / 100, '元', { raw: `${wan}万元` });

describe('004 table 一 政府专项工作经费 (lines 7–30)', () => {
  const record = selfEvalRecord({
    name: '政府专项工作经费',
    budget: { total: 1172300, fiscal: 1172300, other: null },
    // line 10: 年初 200, 全年 117.23, 执行 117.23, 分值 10, 执行率 58.62%, 得分 5.86
    execution: execution({
      initialBudget: 2000000,
      adjustedBudget: 1172300,
      executed: 1172300,
      reportedRate: 0.5862,
      weight: 10,
      score: 5.86,
      funding: [{ label: '其中:当年财政拨款', initialBudget: 2000000, adjustedBudget: 1172300, executed: 1172300 }],
    }),
    indicators: [
      ind({ name: '外出公务交通费、住宿费、伙食补助费', target: num('=', 60, '人'), actual: pct(90.03), weight: 3, score: 4.5 }), // 17
      ind({ name: '办公费、印刷费、邮电费、劳务费等费用', target: num('=', 60, '人'), actual: pct(35.66), weight: 5, score: 2.5 }), // 18
      ind({ name: '应急值班人员数', target: num('=', 11, '人'), actual: pct(74.9), weight: 2, score: 1.5 }), // 19
      ind({ level2: '质量指标', name: '保障政府日常工作的顺利开展', target: pct(90, '≥'), actual: pct(100), weight: 10, score: 10 }), // 20
      ind({ level2: '时效指标', name: '按工作进度有序推进', target: { ...qual('2024年'), qualitative: false, date: '2024', op: '=' }, actual: pct(100), weight: 10, score: 10 }), // 21
      ind({ level2: '成本指标', name: '应急值班等人员工资福利', target: yuan(20), actual: yuan(14.98), weight: 2, score: 1.5 }), // 22
      ind({ level2: '成本指标', name: '外出公务交通费、住宿费、伙食补助费', target: yuan(70), actual: yuan(63.02), weight: 3, score: 2.7 }), // 23
      ind({ level2: '成本指标', name: '办公费、印刷费、邮电费等费用', target: yuan(110), actual: yuan(39.23), weight: 5, score: 1.78 }), // 24
      ind({ level2: '经济效益指标', name: '经济效益', target: pct(100), actual: pct(100), weight: 10, score: 10 }), // 25
      ind({ level2: '社会效益指标', name: '社会效益', target: pct(90, '≥'), actual: pct(90, '≥'), weight: 10, score: 10 }), // 26
      ind({ level2: '生态效益指标', name: '生态效益', target: qual('≥良'), actual: qual('≥良'), weight: 10, score: 10 }), // 27
      ind({ level2: '可持续影响指标', name: '可持续影响', target: qual('长期'), actual: qual('长期'), weight: 10, score: 10 }), // 28
      ind({ level2: '服务对象满意度指标', name: '相关部门、人员满意度', target: pct(90, '≥'), actual: pct(90, '≥'), weight: 10, score: 10 }), // 29
    ],
    totalScore: 86.34, // line 30
    totalWeight: 100,
  });
  const flags = auditRecord(record);
  const list = flags.map((f) => [f.check, f.indicatorIndex]);

  it('flags exactly: rate, execution score, score above weight, total, three unit mismatches, one vague target', () => {
    expect(list).toEqual([
      ['EXEC_RATE_MISMATCH', null],
      ['EXEC_SCORE_MISMATCH', null],
      ['INDICATOR_SCORE_OVER_WEIGHT', 0],
      ['TOTAL_SCORE_MISMATCH', null],
      ['VAGUE_TARGET', 11],
      ['UNIT_MISMATCH', 0],
      ['UNIT_MISMATCH', 1],
      ['UNIT_MISMATCH', 2],
    ]);
  });

  it('explains the rate: 100% computed, 58.62% printed = 117.23 ÷ 200', () => {
    const f = flags[0];
    expect(f.message).toBe(
      '执行率印为 58.62%，但全年执行数 ÷ 全年预算数 = 117.23 万元 ÷ 117.23 万元 = 100.00%，相差 41.38 个百分点（容差 0.055 个百分点）。' +
        '印出的执行率等于 全年执行数 ÷ 年初预算数 = 117.23 万元 ÷ 200 万元 = 58.62%，疑按年初预算数计算。',
    );
  });

  it('totals 90.34 against the printed 86.34', () => {
    const f = flags.find((x) => x.check === 'TOTAL_SCORE_MISMATCH')!;
    expect(f.figures.computedTotal).toBeCloseTo(90.34, 6);
    expect(f.message).toContain('= 90.34（相差 4');
  });

  it('accepts the cost scores 1.5, 2.7, 1.78 (14.98 ÷ 20 × 2, 63.02 ÷ 70 × 3, 39.23 ÷ 110 × 5) and the 200万元 cost targets against the 年初预算数 200万元', () => {
    expect(flags.some((f) => f.check === 'INDICATOR_SCORE_RULE' || f.check.startsWith('COST_'))).toBe(false);
  });
});

describe('004 table 四 政府网站和政务新媒体监测 (lines 87–107)', () => {
  const ten = (name: string, level2: Indicator['level2'] = '质量指标') =>
    ind({ level2, name, target: pct(90, '≥'), actual: pct(90, '≥'), weight: 10, score: 10 });
  const record = selfEvalRecord({
    name: '政府网站和政务新媒体监测',
    budget: { total: 32400, fiscal: 32400, other: null },
    // line 90: 年初 11.00, 全年 3.24, 执行 3.24, 分值 10, 执行率 100%, 得分 2.95
    execution: execution({ initialBudget: 110000, adjustedBudget: 32400, executed: 32400, reportedRate: 1, weight: 10, score: 2.95 }),
    indicators: [
      ind({ name: '政府门户网站', target: num('=', 1, '个'), actual: num('=', 1, '次'), weight: 5, score: 5 }), // 97
      ind({ name: '政务新媒体(微信、微博、快手等)', target: num('=', 53, '个'), actual: num('=', 67, '个'), weight: 5, score: 5 }), // 98
      ten('每月开展网站测评,出具书面报告。'), // 99
      ten('全年工作任务', '时效指标'), // 100
      ind({ level2: '成本指标', name: '政府网站和政务新媒体监测,对存在问题进行修复', target: yuan(11), actual: yuan(3.24), weight: 10, score: 2.95 }), // 101
      ten('经济效益', '经济效益指标'), // 102
      ten('社会效益', '社会效益指标'), // 103
      ten('生态效益', '生态效益指标'), // 104
      ten('可持续影响', '可持续影响指标'), // 105
      ten('群众满意度', '服务对象满意度指标'), // 106
    ],
    totalScore: 94.1, // line 107
    totalWeight: 100,
  });
  const flags = auditRecord(record);

  it('flags the execution score 2.95 (rate 100%, weight 10 → 10), the total and the 个/次 mismatch, not the rate', () => {
    expect(flags.map((f) => f.check)).toEqual(['EXEC_SCORE_MISMATCH', 'TOTAL_SCORE_MISMATCH', 'UNIT_MISMATCH']);
    const s = flags[0];
    expect(s.figures).toMatchObject({ score: 2.95, expectedScore: 10, rate: 1, weight: 10 });
    expect(s.message).toContain('3.24 万元 ÷ 11 万元 × 10 = 2.95，疑按年初预算数计分');
    expect(flags[1].figures.computedTotal).toBeCloseTo(85.9, 6);
  });
});
