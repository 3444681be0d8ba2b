import { describe, expect, test } from 'vitest';
import { formatDate, formatMoney, formatRate, formatReading, formatWan, formatYuan, yearLabel } from '../../src/lib/format';
import type { Value } from '../../src/schema/record';

const value = (v: Partial<Value> & { raw: string }): Value => ({
  op: null, value: null, upper: null, unit: null, date: null, qualitative: false, fromName: false, ...v,
});

describe('yuan and 万元 (docs/style-guide.md: 万元 with two decimals everywhere)', () => {
  test.each([
    [400000, '40.00 万元'],
    [1172300, '117.23 万元'],
    [7146, '0.71 万元'],
    [778850.24, '77.89 万元'],
    [7146000, '714.60 万元'],
    [12345678, '1,234.57 万元'],
    [20849650.24, '2,084.97 万元'],
    [1944000, '194.40 万元'],
    [250000000, '25,000.00 万元'],
    [0, '0.00 万元'],
    [50, '0.01 万元'],
    [49.99, '0.00 万元'],
    [-1172300, '−117.23 万元'],
  ])('formatWan(%d) → %s', (yuan, expected) => expect(formatWan(yuan)).toBe(expected));

  test('an amount the table does not state', () => {
    expect(formatWan(null)).toBe('未列明');
    expect(formatMoney(undefined)).toBe('未列明');
  });

  test('yuan keep the fen only when there is one', () => {
    expect(formatYuan(778850.24)).toBe('778,850.24 元');
    expect(formatYuan(400000)).toBe('400,000 元');
  });

  test('one project’s amount: exact yuan, then 万元 in brackets, 约 when the 万元 form is rounded', () => {
    expect(formatMoney(400000)).toBe('400,000 元（40.00 万元）');
    expect(formatMoney(1200)).toBe('1,200 元（0.12 万元）');
    expect(formatMoney(778850.24)).toBe('778,850.24 元（约 77.89 万元）');
    expect(formatMoney(null)).toBe('未列明');
  });

  test('years carry 年', () => {
    expect(yearLabel(2026)).toBe('2026年');
    expect(yearLabel(null)).toBe('年度未列明');
  });
});

describe('rates', () => {
  test.each([
    [0.5862, '58.62%'],
    [1, '100%'],
    [0.5, '50%'],
    [1172300 / 2000000, '58.62%'],
    [null, '—'],
    [Infinity, '—'],
  ])('formatRate(%s) → %s', (fraction, expected) => expect(formatRate(fraction)).toBe(expected));
});

describe('dates', () => {
  test.each([
    ['2025', '2025年'],
    ['2025-12', '2025年12月'],
    ['2025-03-01', '2025年3月1日'],
    ['not a date', 'not a date'],
  ])('formatDate(%s) → %s', (iso, expected) => expect(formatDate(iso)).toBe(expected));
});

describe('the normalized reading of a target', () => {
  test('comparator, number with 万 applied, unit', () => {
    expect(formatReading(value({ raw: '≥0.82万册', op: '≥', value: 8200, unit: '册' }))).toBe('≥ 8,200 册');
  });
  test('a date', () => {
    expect(formatReading(value({ raw: '2025年12月底前', op: '≤', date: '2025-12' }))).toBe('≤ 2025年12月');
  });
  test('a range', () => {
    expect(formatReading(value({ raw: '1-12月', op: 'range', value: 1, upper: 12, unit: '月' }))).toBe('1–12 月');
  });
  test('qualitative', () => {
    expect(formatReading(value({ raw: '有所提升', qualitative: true }))).toBe('定性');
    expect(formatReading(value({ raw: '≥良', op: '≥', qualitative: true }))).toBe('≥ 定性');
  });
  test('no target', () => expect(formatReading(null)).toBe('—'));
});
