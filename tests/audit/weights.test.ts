import { describe, expect, it } from 'vitest';
import { auditRecord } from '../../src/audit/checks';
import { ind, only, qual, selfEvalRecord, targetRecord } from './helpers';

describe('WEIGHT_SUM_NOT_100', () => {
  it('flags a self-evaluation whose execution weight + indicator weights is not 100', () => {
    const base = selfEvalRecord();
    const r = selfEvalRecord({ indicators: [{ ...base.indicators[0], weight: 45, score: 45 }, base.indicators[1]], totalScore: 95 });
    const [f] = only(auditRecord(r), 'WEIGHT_SUM_NOT_100');
    expect(f).toMatchObject({ severity: 'error', field: 'indicators' });
    expect(f.figures).toMatchObject({ weightSum: 95, executionWeight: 10, indicatorWeightSum: 85 });
    expect(f.message).toContain('预算执行率分值 10 + 2 个指标分值（45 + 40 = 85）= 95');
  });

  it('a self-evaluation whose execution weight and score were not read: no claim from an incomplete sum, unless it is already over', () => {
    const base = selfEvalRecord();
    const unread = { ...base.execution!, weight: null, score: null };
    const r = selfEvalRecord({ execution: unread });
    expect(only(auditRecord(r), 'WEIGHT_SUM_NOT_100')).toEqual([]);
    expect(only(auditRecord(r), 'TOTAL_SCORE_MISMATCH')).toEqual([]);
    const over = selfEvalRecord({ execution: unread, indicators: [{ ...base.indicators[0], weight: 70, score: 70 }, base.indicators[1]] });
    expect(only(auditRecord(over), 'WEIGHT_SUM_NOT_100')).toHaveLength(1);
    expect(only(auditRecord(over), 'TOTAL_SCORE_MISMATCH')).toHaveLength(1);
  });

  it('does not flag 10 + 50 + 40', () => {
    expect(only(auditRecord(selfEvalRecord()), 'WEIGHT_SUM_NOT_100')).toEqual([]);
  });

  it('checks weight-column target tables (石嘴山 layout): indicator weights sum to 100', () => {
    const good = targetRecord({ indicators: [ind({ weight: 60 }), ind({ level2: '社会效益指标', name: '效益', weight: 40 })] });
    expect(auditRecord(good)).toEqual([]);
    const bad = targetRecord({ indicators: [ind({ weight: 60 }), ind({ level2: '社会效益指标', name: '效益', weight: 30 })] });
    expect(only(auditRecord(bad), 'WEIGHT_SUM_NOT_100')[0].figures.weightSum).toBe(90);
  });

  it('ignores target tables without weights', () => {
    expect(only(auditRecord(targetRecord()), 'WEIGHT_SUM_NOT_100')).toEqual([]);
  });
});

describe('WEIGHTS_ALL_ZERO', () => {
  it('flags a table whose weights are all 0, as info and instead of the sum', () => {
    const r = targetRecord({
      indicators: [
        ind({ name: '本指标不适用', target: null, weight: 0 }),
        ind({ level2: '社会效益指标', name: '本指标不适用', target: null, weight: 0 }),
      ],
    });
    const flags = auditRecord(r);
    expect(only(flags, 'WEIGHTS_ALL_ZERO')).toHaveLength(1);
    expect(only(flags, 'WEIGHTS_ALL_ZERO')[0].severity).toBe('info');
    expect(only(flags, 'WEIGHT_SUM_NOT_100')).toEqual([]);
  });

  it('does not flag when some weights are 0 and others not', () => {
    const r = targetRecord({
      indicators: [ind({ weight: 100 }), ind({ level2: '经济效益指标', name: '本指标不适用', target: qual('本指标不适用'), weight: 0 })],
    });
    expect(only(auditRecord(r), 'WEIGHTS_ALL_ZERO')).toEqual([]);
  });
});
