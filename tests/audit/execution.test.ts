import { describe, expect, it } from 'vitest';
import { auditRecord } from '../../src/audit/checks';
import { execution, only, selfEvalRecord } from './helpers';

const rateFlags = (e: Parameters<typeof execution>[0]) =>
  only(auditRecord(selfEvalRecord({ execution: execution(e) })), 'EXEC_RATE_MISMATCH');

describe('EXEC_RATE_MISMATCH', () => {
  it('does not flag 99.96% against a computed 0.99957 (rounding)', () => {
    // 99957 / 100000 = 0.99957 → 99.96% at the printed precision.
    expect(rateFlags({ adjustedBudget: 100000, executed: 99957, reportedRate: 0.9996, score: 10 })).toEqual([]);
  });

  it('does not flag a rate printed with no decimals that rounds correctly (99.6% → 100%)', () => {
    expect(rateFlags({ adjustedBudget: 100000, executed: 99600, reportedRate: 1, score: 9.96 })).toEqual([]);
  });

  it('does not flag a difference inside 0.0005 + half a unit', () => {
    // 0.58615 printed as 58.66%: |diff| = 0.00045 < 0.0005 + 0.00005
    expect(rateFlags({ adjustedBudget: 200000, executed: 117230, reportedRate: 0.5866, score: 5.86 })).toEqual([]);
  });

  it('flags a difference just beyond the tolerance', () => {
    // computed 0.58615, printed 58.68%: |diff| = 0.00065 > 0.00055
    expect(rateFlags({ adjustedBudget: 200000, executed: 117230, reportedRate: 0.5868, score: 5.87 })).toHaveLength(1);
  });

  it('flags the 中卫 case: 117.23 ÷ 117.23 = 100% printed as 58.62%, and names the 年初预算数', () => {
    const [f] = rateFlags({ initialBudget: 2000000, adjustedBudget: 1172300, executed: 1172300, reportedRate: 0.5862, weight: 10, score: 5.86 });
    expect(f).toBeDefined();
    expect(f.severity).toBe('error');
    expect(f.field).toBe('execution.reportedRate');
    expect(f.indicatorIndex).toBeNull();
    expect(f.figures).toMatchObject({ reportedRate: 0.5862, computedRate: 1, executed: 1172300, adjustedBudget: 1172300, initialBudget: 2000000 });
    expect(f.message).toContain('58.62%');
    expect(f.message).toContain('117.23 万元 ÷ 117.23 万元 = 100.00%');
    expect(f.message).toContain('年初预算数');
  });

  it('is silent when a figure is missing or the budget is 0', () => {
    expect(rateFlags({ reportedRate: null })).toEqual([]);
    expect(rateFlags({ executed: null })).toEqual([]);
    expect(rateFlags({ adjustedBudget: 0, executed: 0, reportedRate: 0.5 })).toEqual([]);
  });
});

const scoreFlags = (e: Parameters<typeof execution>[0]) =>
  only(auditRecord(selfEvalRecord({ execution: execution(e) })), 'EXEC_SCORE_MISMATCH');

describe('EXEC_SCORE_MISMATCH', () => {
  it('flags rate 100%, weight 10, score 2.95 and notes it is the rate against the 年初预算数', () => {
    const [f] = scoreFlags({ initialBudget: 110000, adjustedBudget: 32400, executed: 32400, reportedRate: 1, weight: 10, score: 2.95 });
    expect(f).toBeDefined();
    expect(f.field).toBe('execution.score');
    expect(f.figures).toMatchObject({ score: 2.95, expectedScore: 10, rate: 1, weight: 10 });
    expect(f.message).toContain('应得 min(100%, 100%) × 10 = 10 分');
    expect(f.message).toContain('年初预算数');
  });

  it('accepts a score rounded to 2 decimals', () => {
    // 0.58615 × 10 = 5.8615 → 5.86
    expect(scoreFlags({ initialBudget: 200000, adjustedBudget: 200000, executed: 117230, reportedRate: 0.5862, score: 5.86 })).toEqual([]);
    // 0.99957 × 10 = 9.9957 → 10.00 (printed 10)
    expect(scoreFlags({ adjustedBudget: 100000, executed: 99957, reportedRate: 0.9996, score: 10 })).toEqual([]);
  });

  it('caps the rate at 100%', () => {
    expect(scoreFlags({ adjustedBudget: 100000, executed: 120000, reportedRate: 1.2, score: 10 })).toEqual([]);
    expect(scoreFlags({ adjustedBudget: 100000, executed: 120000, reportedRate: 1.2, score: 12 })).toHaveLength(1);
  });

  it('flags a score that follows a wrong printed rate, and says so', () => {
    const [f] = scoreFlags({ initialBudget: 80000, adjustedBudget: 40000, executed: 40000, reportedRate: 0.5, weight: 10, score: 5 });
    expect(f).toBeDefined();
    expect(f.message).toContain('错误来自执行率');
  });

  it('uses the printed rate when no amounts are printed', () => {
    expect(scoreFlags({ adjustedBudget: null, executed: null, reportedRate: 0.8, score: 8 })).toEqual([]);
    expect(scoreFlags({ adjustedBudget: null, executed: null, reportedRate: 0.8, score: 9 })).toHaveLength(1);
  });
});

describe('EXEC_OVER_BUDGET', () => {
  it('flags executed above the adjusted budget, not equal amounts', () => {
    const over = auditRecord(selfEvalRecord({ execution: execution({ executed: 100000.01, reportedRate: 1 }) }));
    expect(only(over, 'EXEC_OVER_BUDGET')).toHaveLength(1);
    expect(only(over, 'EXEC_OVER_BUDGET')[0].figures.excess).toBe(0.01);
    expect(only(auditRecord(selfEvalRecord()), 'EXEC_OVER_BUDGET')).toEqual([]);
  });
});
