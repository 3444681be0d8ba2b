import { describe, expect, it } from 'vitest';
import { auditRecord, expectedIndicatorScore } from '../../src/audit/checks';
import { ind, num, only, qual, selfEvalRecord } from './helpers';

/** A self-evaluation whose first indicator is `first` (weight 50 unless given); the rest keeps totals consistent when scores match. */
function withFirst(first: Parameters<typeof ind>[0]) {
  const base = selfEvalRecord();
  const i0 = ind({ name: '产出', weight: 50, ...first });
  const total = 10 + (i0.score ?? 0) + 40;
  return selfEvalRecord({ indicators: [i0, base.indicators[1]], totalScore: Number(total.toFixed(2)) });
}

describe('INDICATOR_SCORE_OVER_WEIGHT', () => {
  it('flags score 4.5 above weight 3 (中卫 table 一, line 17)', () => {
    const r = withFirst({ target: num('=', 60, '人'), actual: num('=', 90.03, '%'), weight: 3, score: 4.5 });
    const [f] = only(auditRecord(r), 'INDICATOR_SCORE_OVER_WEIGHT');
    expect(f).toMatchObject({ severity: 'error', indicatorIndex: 0, field: 'indicators[0].score', figures: { score: 4.5, weight: 3 } });
    expect(f.message).toContain('得分 4.5 高于分值 3');
  });

  it('does not flag a score equal to the weight', () => {
    expect(only(auditRecord(withFirst({ score: 50, weight: 50 })), 'INDICATOR_SCORE_OVER_WEIGHT')).toEqual([]);
  });
});

describe('INDICATOR_SCORE_RULE', () => {
  it('computes the rule: ≥ actual ÷ target, ≤ target ÷ actual, = actual ÷ target, capped', () => {
    expect(expectedIndicatorScore(ind({ target: num('≥', 90, '%'), actual: num('=', 45, '%'), weight: 10 }))?.expected).toBe(5);
    expect(expectedIndicatorScore(ind({ target: num('≥', 90, '%'), actual: num('=', 100, '%'), weight: 10 }))?.expected).toBe(10);
    expect(expectedIndicatorScore(ind({ target: num('≤', 5, '%'), actual: num('=', 10, '%'), weight: 10 }))?.expected).toBe(5);
    expect(expectedIndicatorScore(ind({ target: num('≤', 5, '%'), actual: num('=', 0, '%'), weight: 10 }))?.expected).toBe(10);
    expect(expectedIndicatorScore(ind({ target: num('=', 110000, '元'), actual: num('=', 32400, '元'), weight: 10 }))?.expected).toBeCloseTo(2.9454545, 6);
  });

  it('does not apply to qualitative values, different units, or other comparators', () => {
    expect(expectedIndicatorScore(ind({ target: qual('长期'), actual: qual('长期'), weight: 10 }))).toBeNull();
    expect(expectedIndicatorScore(ind({ target: num('=', 60, '人'), actual: num('=', 90.03, '%'), weight: 3 }))).toBeNull();
    expect(expectedIndicatorScore(ind({ target: num('>', 30, '件'), actual: num('=', 10, '件'), weight: 3 }))).toBeNull();
    expect(expectedIndicatorScore(ind({ target: num('≥', 90, '%'), actual: num('=', 95, '%'), weight: null }))).toBeNull();
  });

  it('flags 3200份 → 1600份 scored 10 of 10 (rule gives 5)', () => {
    const r = withFirst({ target: num('=', 3200, '份'), actual: num('=', 1600, '份'), weight: 50, score: 50 });
    const [f] = only(auditRecord(r), 'INDICATOR_SCORE_RULE');
    expect(f).toMatchObject({ severity: 'warning', indicatorIndex: 0, field: 'indicators[0].score' });
    expect(f.figures.expectedScore).toBe(25);
    expect(f.message).toContain('1600 ÷ 3200 × 50 = 25');
  });

  it('accepts scores rounded to 2 or 1 decimals (14.98 ÷ 20 × 2 = 1.498 printed 1.5; 39.23 ÷ 110 × 5 = 1.7832 printed 1.78)', () => {
    const a = withFirst({ level2: '成本指标', target: num('=', 200000, '元'), actual: num('=', 149800, '元'), weight: 2, score: 1.5 });
    expect(only(auditRecord(a), 'INDICATOR_SCORE_RULE')).toEqual([]);
    const b = withFirst({ level2: '成本指标', target: num('=', 1100000, '元'), actual: num('=', 392300, '元'), weight: 5, score: 1.78 });
    expect(only(auditRecord(b), 'INDICATOR_SCORE_RULE')).toEqual([]);
    const c = withFirst({ level2: '成本指标', target: num('=', 1100000, '元'), actual: num('=', 392300, '元'), weight: 5, score: 1.8 });
    expect(only(auditRecord(c), 'INDICATOR_SCORE_RULE')).toEqual([]); // 1.7832 → 1.8 at one decimal
    const d = withFirst({ level2: '成本指标', target: num('=', 1100000, '元'), actual: num('=', 392300, '元'), weight: 5, score: 1.9 });
    expect(only(auditRecord(d), 'INDICATOR_SCORE_RULE')).toHaveLength(1);
  });

  it('leaves a score above its weight to INDICATOR_SCORE_OVER_WEIGHT', () => {
    const r = withFirst({ target: num('≥', 10, '件'), actual: num('=', 10, '件'), weight: 3, score: 4.5 });
    expect(only(auditRecord(r), 'INDICATOR_SCORE_RULE')).toEqual([]);
  });
});

describe('TOTAL_SCORE_MISMATCH', () => {
  it('flags a total that is not execution score + indicator scores', () => {
    const [f] = only(auditRecord(selfEvalRecord({ totalScore: 94.1 })), 'TOTAL_SCORE_MISMATCH');
    expect(f).toMatchObject({ severity: 'error', field: 'totalScore', indicatorIndex: null });
    expect(f.figures).toMatchObject({ totalScore: 94.1, computedTotal: 100, executionScore: 10, indicatorScoreSum: 90 });
    expect(f.message).toContain('10 + 50 + 40 = 100');
  });

  it('tolerates rounding of the parts (0.005 per fractional score)', () => {
    const base = selfEvalRecord();
    const r = selfEvalRecord({
      execution: { ...base.execution!, executed: 58615, reportedRate: 0.5862, score: 5.86 },
      indicators: [{ ...base.indicators[0], score: 50 }, { ...base.indicators[1], score: 40 }],
      totalScore: 95.87,
    });
    // 5.86 + 50 + 40 = 95.86; printed 95.87 from unrounded 5.8615 + 90 = 95.8615 → within 0.01
    expect(only(auditRecord(r), 'TOTAL_SCORE_MISMATCH')).toEqual([]);
    expect(only(auditRecord({ ...r, totalScore: 95.9 }), 'TOTAL_SCORE_MISMATCH')).toHaveLength(1);
  });

  it('is silent without a printed total', () => {
    expect(only(auditRecord(selfEvalRecord({ totalScore: null })), 'TOTAL_SCORE_MISMATCH')).toEqual([]);
  });
});
