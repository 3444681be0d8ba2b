import { describe, expect, it } from 'vitest';
import { auditRecord, VAGUE_WORDS, vagueWords } from '../../src/audit/checks';
import { dateValue, ind, num, only, qual, selfEvalRecord, targetRecord } from './helpers';

const base = targetRecord().indicators;
const withExtra = (...extra: ReturnType<typeof ind>[]) => targetRecord({ indicators: [...base, ...extra] });

describe('VAGUE_TARGET', () => {
  it('lists the words of the brief', () => {
    for (const w of ['有所提升', '明显', '逐步', '进一步', '显著', '提升', '长期']) expect(VAGUE_WORDS).toContain(w);
  });

  it('flags 有所提升, 明显提升, 逐步提高, 进一步提高, 显著, 长期 and cites 财预〔2021〕101号', () => {
    for (const raw of ['有所提升', '明显提升', '逐步提高', '进一步提高', '显著', '长期', '有效提升']) {
      const [f] = only(auditRecord(withExtra(ind({ level2: '社会效益指标', name: 'x', target: qual(raw) }))), 'VAGUE_TARGET');
      expect(f, raw).toBeDefined();
      expect(f.field).toBe('indicators[2].target');
      expect(f.message).toContain('财预〔2021〕101号');
    }
    expect(vagueWords(qual('有所提升'))).toEqual(['有所提升']);
  });

  it('does not flag measurable or graded targets, nor 无 / 本指标不适用', () => {
    for (const v of [num('≥', 90, '%'), qual('≥良'), qual('合格'), qual('无'), qual('本指标不适用'), qual('全年'), qual('提升至95%')]) {
      expect(only(auditRecord(withExtra(ind({ level2: '社会效益指标', name: 'x', target: v }))), 'VAGUE_TARGET'), v.raw).toEqual([]);
    }
  });
});

describe('NO_TARGET', () => {
  it('flags an indicator without a target, as info', () => {
    const [f] = only(auditRecord(withExtra(ind({ name: '有力推动重点任务落实', target: null }))), 'NO_TARGET');
    expect(f).toMatchObject({ severity: 'info', indicatorIndex: 2, field: 'indicators[2].target' });
  });

  it('does not flag 本指标不适用 rows', () => {
    expect(only(auditRecord(withExtra(ind({ level2: '经济效益指标', name: '本指标不适用', target: null }))), 'NO_TARGET')).toEqual([]);
  });
});

describe('DUPLICATE_INDICATOR', () => {
  it('flags the same name under the same 二级 (ignoring spaces)', () => {
    const r = withExtra(
      ind({ level2: '时效指标', name: '会费缴纳时间', target: qual('12月前') }),
      ind({ level2: '时效指标', name: '会费 缴纳时间', target: qual('≥11月前') }),
    );
    const [f] = only(auditRecord(r), 'DUPLICATE_INDICATOR');
    expect(f).toMatchObject({ indicatorIndex: 3, figures: { firstIndex: 2, duplicateIndex: 3 } });
    expect(f.message).toContain('与第3个指标同名');
  });

  it('does not flag the same name under different 二级 labels', () => {
    const r = withExtra(
      ind({ level2: '数量指标', name: '政府领导外出公务活动', target: num('≥', 50, '次') }),
      ind({ level2: '成本指标', name: '政府领导外出公务活动', target: num('=', 200000, '元') }),
    );
    expect(only(auditRecord(r), 'DUPLICATE_INDICATOR')).toEqual([]);
  });
});

describe('UNIT_MISMATCH', () => {
  it('flags 60人 against 90.03%', () => {
    const s = selfEvalRecord();
    const r = selfEvalRecord({ indicators: [{ ...s.indicators[0], target: num('=', 60, '人'), actual: num('=', 90.03, '%') }, s.indicators[1]] });
    const [f] = only(auditRecord(r), 'UNIT_MISMATCH');
    expect(f).toMatchObject({ indicatorIndex: 0, field: 'indicators[0].actual', figures: { targetUnit: '人', actualUnit: '%' } });
  });

  it('does not flag same units or a qualitative side', () => {
    expect(only(auditRecord(selfEvalRecord()), 'UNIT_MISMATCH')).toEqual([]);
    const s = selfEvalRecord();
    const r = selfEvalRecord({ indicators: [{ ...s.indicators[0], target: dateValue('2024年', '2024', '='), actual: num('=', 100, '%') }, s.indicators[1]] });
    expect(only(auditRecord(r), 'UNIT_MISMATCH')).toEqual([]);
  });
});

describe('PERCENT_OUT_OF_RANGE', () => {
  it('flags 120% and -5%, not 0% or ≥100%', () => {
    expect(only(auditRecord(withExtra(ind({ level2: '质量指标', name: 'x', target: num('≥', 120, '%') }))), 'PERCENT_OUT_OF_RANGE')).toHaveLength(1);
    expect(only(auditRecord(withExtra(ind({ level2: '质量指标', name: 'x', target: num('=', -5, '%') }))), 'PERCENT_OUT_OF_RANGE')).toHaveLength(1);
    expect(only(auditRecord(withExtra(ind({ level2: '质量指标', name: 'x', target: num('≥', 100, '%') }))), 'PERCENT_OUT_OF_RANGE')).toEqual([]);
    expect(only(auditRecord(withExtra(ind({ level2: '质量指标', name: 'x', target: num('=', 0, '%') }))), 'PERCENT_OUT_OF_RANGE')).toEqual([]);
  });

  it('checks actuals too', () => {
    const s = selfEvalRecord();
    const r = selfEvalRecord({ indicators: [s.indicators[0], { ...s.indicators[1], actual: num('=', 105, '%') }] });
    const [f] = only(auditRecord(r), 'PERCENT_OUT_OF_RANGE');
    expect(f.field).toBe('indicators[1].actual');
  });
});

describe('DATE_OUTSIDE_YEAR', () => {
  it('flags a 时效 date in another year', () => {
    const [f] = only(auditRecord(withExtra(ind({ level2: '时效指标', name: 'x', target: dateValue('2025年12月底前', '2025-12') }))), 'DATE_OUTSIDE_YEAR');
    expect(f).toMatchObject({ figures: { year: 2025, budgetYear: 2026 }, field: 'indicators[2].target' });
  });

  it('does not flag a date inside the year', () => {
    expect(only(auditRecord(withExtra(ind({ level2: '时效指标', name: 'x', target: dateValue('2026年12月底前', '2026-12') }))), 'DATE_OUTSIDE_YEAR')).toEqual([]);
  });
});
