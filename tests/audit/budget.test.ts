import { describe, expect, it } from 'vitest';
import { auditRecord } from '../../src/audit/checks';
import { isMoney } from '../../src/domain/indicators';
import { execution, ind, num, only, selfEvalRecord, targetRecord } from './helpers';

describe('BUDGET_FUNDING_MISMATCH', () => {
  it('flags total ≠ fiscal + other', () => {
    const [f] = only(auditRecord(targetRecord({ budget: { total: 80000, fiscal: 70000, other: 0 } })), 'BUDGET_FUNDING_MISMATCH');
    expect(f).toMatchObject({ severity: 'error', field: 'budget.total', figures: { total: 80000, fiscal: 70000, other: 0, sum: 70000 } });
    expect(f.message).toContain('相差 10,000 元（1.00 万元）');
  });

  it('accepts total = fiscal + other exactly to the fen (0.1 + 0.2 does not drift)', () => {
    expect(only(auditRecord(targetRecord({ budget: { total: 0.3, fiscal: 0.1, other: 0.2 } })), 'BUDGET_FUNDING_MISMATCH')).toEqual([]);
    expect(only(auditRecord(targetRecord({ budget: { total: 495000, fiscal: 495000, other: null } })), 'BUDGET_FUNDING_MISMATCH')).toEqual([]);
  });

  it('checks a self-evaluation’s funding rows column by column', () => {
    const e = execution({
      initialBudget: 2000000,
      adjustedBudget: 1172300,
      executed: 1172300,
      reportedRate: 1,
      funding: [
        { label: '其中:当年财政拨款', initialBudget: 2000000, adjustedBudget: 1172300, executed: 1100000 },
        { label: '上年结转资金', initialBudget: null, adjustedBudget: null, executed: null },
      ],
    });
    const base = selfEvalRecord();
    const flags = only(auditRecord(selfEvalRecord({ budget: { ...base.budget, total: 1172300 }, execution: e })), 'BUDGET_FUNDING_MISMATCH');
    expect(flags).toHaveLength(1);
    expect(flags[0].field).toBe('execution.executed');
    expect(flags[0].figures).toMatchObject({ total: 1172300, sum: 1100000 });
  });
});

describe('COST_EXCEEDS_BUDGET / COST_SHORT_OF_BUDGET', () => {
  const cost = (target: ReturnType<typeof num>, name = '成本') => ind({ level2: '成本指标', name, target });
  const withCosts = (costs: ReturnType<typeof ind>[], total = 100000) =>
    targetRecord({ budget: { total, fiscal: null, other: null }, indicators: [...targetRecord().indicators, ...costs] });

  it('recognises money targets: 元, 元/年, or no unit with 万 in the text', () => {
    expect(isMoney(cost(num('≤', 8000, null, { raw: '≤0.8万' })).target)).toBe(true);
    expect(isMoney(cost(num('=', 150000, '元/年')).target)).toBe(true);
    expect(isMoney(cost(num('=', 5000, '元/次')).target)).toBe(false);
    expect(isMoney(cost(num('=', 8, null)).target)).toBe(false);
  });

  it('flags cost indicators summing above the budget', () => {
    const r = withCosts([cost(num('≤', 60000, '元'), 'a'), cost(num('≤', 50000, '元'), 'b')]);
    const [f] = only(auditRecord(r), 'COST_EXCEEDS_BUDGET');
    expect(f).toMatchObject({ severity: 'warning', field: 'budget.total', figures: { costSum: 110000, budget: 100000, difference: 10000 } });
    expect(f.message).toContain('6 万元 + 5 万元 = 11 万元');
  });

  it('sums exactly: 0.7146万 + … equal to the budget is not flagged', () => {
    const r = withCosts([cost(num('≤', 7146, '元'), 'a'), cost(num('≤', 92854, '元'), 'b')]);
    expect(only(auditRecord(r), 'COST_EXCEEDS_BUDGET')).toEqual([]);
  });

  it('flags (info) exact cost amounts (=) short of the budget', () => {
    const r = withCosts([cost(num('=', 35000, '元'), 'a'), cost(num('=', 25000, '元'), 'b')]);
    const [f] = only(auditRecord(r), 'COST_SHORT_OF_BUDGET');
    expect(f).toMatchObject({ severity: 'info', figures: { costSum: 60000, budget: 100000, difference: 40000 } });
  });

  it('does not flag upper bounds (≤) short of the budget', () => {
    const r = withCosts([cost(num('≤', 35000, '元'), 'a'), cost(num('=', 25000, '元'), 'b')]);
    expect(only(auditRecord(r), 'COST_SHORT_OF_BUDGET')).toEqual([]);
  });

  it('uses the 年初预算数 for a self-evaluation (targets were set against it)', () => {
    const base = selfEvalRecord();
    const r = selfEvalRecord({
      budget: { total: 1172300, fiscal: null, other: null },
      execution: execution({ initialBudget: 2000000, adjustedBudget: 1172300, executed: 1172300, reportedRate: 1 }),
      indicators: [
        base.indicators[0],
        base.indicators[1],
        ind({ level2: '成本指标', name: 'a', target: num('=', 700000, '元'), actual: num('=', 630200, '元') }),
        ind({ level2: '成本指标', name: 'b', target: num('=', 1300000, '元'), actual: num('=', 542100, '元') }),
      ],
    });
    const flags = auditRecord(r);
    expect(only(flags, 'COST_EXCEEDS_BUDGET')).toEqual([]);
    expect(only(flags, 'COST_SHORT_OF_BUDGET')).toEqual([]);
  });

  it('counts cost indicators under 一级 成本指标', () => {
    const r = withCosts([ind({ level1: '成本指标', level2: '经济成本指标', name: 'a', target: num('=', 150000, '元') })]);
    expect(only(auditRecord(r), 'COST_EXCEEDS_BUDGET')).toHaveLength(1);
  });
});
