import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/schema/record';
import { auditRecord } from '../../src/audit/checks';
import { ind, num, only, qual, targetRecord } from './helpers';

const base = targetRecord().indicators;

describe('LEVEL1_INVALID / LEVEL2_INVALID', () => {
  it('flags 产出指标 printed in the 二级 column (level2 null, level2Raw set)', () => {
    const r = targetRecord({ indicators: [...base, ind({ level1: '产出指标', level2: null, level2Raw: '产出指标', name: '办公耗材及用品使用时间' })] });
    const [f] = only(auditRecord(r), 'LEVEL2_INVALID');
    expect(f).toMatchObject({ indicatorIndex: 2, field: 'indicators[2].level2', severity: 'warning' });
    expect(f.message).toContain('「产出指标」');
  });

  it('does not flag a missing (blank) 二级 label', () => {
    const r = targetRecord({ indicators: [...base, ind({ level2: null, level2Raw: null, level1: '产出指标' })] });
    expect(only(auditRecord(r), 'LEVEL2_INVALID')).toEqual([]);
  });

  it('flags an invalid 一级 label', () => {
    const r = targetRecord({ indicators: [...base, ind({ level1: null, level1Raw: '可持续影响', level2: '可持续影响指标' })] });
    expect(only(auditRecord(r), 'LEVEL1_INVALID')).toHaveLength(1);
  });
});

describe('LEVEL2_PARENT_MISMATCH', () => {
  it('flags 社会效益指标 under 产出指标', () => {
    const r = targetRecord({ indicators: [...base, ind({ level1: '产出指标', level2: '社会效益指标' })] });
    const [f] = only(auditRecord(r), 'LEVEL2_PARENT_MISMATCH');
    expect(f.message).toContain('属于「效益指标」');
  });

  it('accepts 成本指标 under 产出指标 and 经济成本指标 (and 成本指标) under 一级 成本指标', () => {
    const r = targetRecord({
      indicators: [
        ...base,
        ind({ level1: '产出指标', level2: '成本指标', target: num('≤', 1000, '元') }),
        ind({ level1: '成本指标', level2: '经济成本指标', name: 'b', target: num('≤', 1000, '元') }),
        ind({ level1: '成本指标', level2: '成本指标', name: 'c', target: num('≤', 1000, '元') }),
      ],
    });
    expect(only(auditRecord(r), 'LEVEL2_PARENT_MISMATCH')).toEqual([]);
  });

  it('flags 数量指标 under 一级 成本指标', () => {
    const r = targetRecord({ indicators: [...base, ind({ level1: '成本指标', level2: '数量指标' })] });
    expect(only(auditRecord(r), 'LEVEL2_PARENT_MISMATCH')).toHaveLength(1);
  });
});

describe('REQUIRED_GROUP_MISSING / NO_INDICATORS / ALL_NOT_APPLICABLE', () => {
  it('flags a table with no 效益 rows', () => {
    const r = targetRecord({ indicators: [base[0], ind({ level2: '服务对象满意度指标', name: '满意度', target: num('≥', 90, '%') })] });
    const flags = only(auditRecord(r), 'REQUIRED_GROUP_MISSING');
    expect(flags).toHaveLength(1);
    expect(flags[0].figures.missingGroup).toBe('效益指标');
  });

  it('infers the group from the 二级 label when the 一级 is not given', () => {
    const r = targetRecord({ indicators: [base[0], ind({ level1: null, level1Raw: null, level2: '社会效益指标', name: 'x' })] });
    expect(only(auditRecord(r), 'REQUIRED_GROUP_MISSING')).toEqual([]);
  });

  it('flags a table with no indicators', () => {
    const flags = auditRecord(targetRecord({ indicators: [] }));
    expect(flags.map((f) => f.check)).toEqual(['NO_INDICATORS']);
  });

  it('flags a table of nothing but 本指标不适用, and only that', () => {
    const na = (level2: Indicator['level2']) => ind({ level2, name: '本指标不适用', target: null, weight: 0 });
    const r = targetRecord({ indicators: [na('数量指标'), na('社会效益指标'), na('服务对象满意度指标')] });
    const flags = auditRecord(r);
    expect(flags.map((f) => f.check).sort()).toEqual(['ALL_NOT_APPLICABLE', 'WEIGHTS_ALL_ZERO']);
  });

  it('does not flag a table where only some rows read 无', () => {
    const r = targetRecord({ indicators: [...base, ind({ level2: '经济效益指标', name: '无', target: qual('无') })] });
    expect(only(auditRecord(r), 'ALL_NOT_APPLICABLE')).toEqual([]);
  });
});
