/** Target values and amounts: every form listed in domain.md. */
import { describe, expect, it } from 'vitest';
import { decimalToNumber, parseMoney, parsePercentFraction, shiftDecimal } from '../../src/ingest/amount.ts';
import { parseValue, targetFromName } from '../../src/ingest/value.ts';

type Reading = [op: string | null, value: number | null, unit: string | null, extra?: { upper?: number; date?: string; qualitative?: boolean }];

const FORMS: Record<string, Reading> = {
  '≥180万件': ['≥', 1800000, '件'],
  '≧95%': ['≥', 95, '%'],
  '≤0.8万': ['≤', 8000, null],
  '50 次以上': ['≥', 50, '次'],
  '小于 5%': ['<', 5, '%'],
  '30 余件': ['>', 30, '件'],
  '100%': ['=', 100, '%'],
  '1-12月': ['range', 1, '月', { upper: 12 }],
  '2025年12月底前': ['≤', null, null, { date: '2025-12' }],
  '5000 元/次': ['=', 5000, '元/次'],
  '15万元/年': ['=', 150000, '元/年'],
  '≤万分之一': ['≤', 0.01, '%'],
  有所提升: [null, null, null, { qualitative: true }],
  长期: [null, null, null, { qualitative: true }],
  无: [null, null, null, { qualitative: true }],
  // Further forms seen in the five documents.
  '≤6.94万元': ['≤', 69400, '元'],
  '≥0.82万册': ['≥', 8200, '册'],
  '≥97.3550万元': ['≥', 973550, '元'],
  '0': ['=', 0, null],
  '2024年': ['=', null, null, { date: '2024' }],
  '2025年12月底之前': ['≤', null, null, { date: '2025-12' }],
  '≧1次/月': ['≥', 1, '次/月'],
  '30日内': ['≤', 30, '日'],
  '30分钟之内恢复正常': ['≤', 30, '分钟'],
  '减少至 10%': ['≤', 10, '%'],
  '100 余件事项/年': ['>', 100, '件事项/年'],
  '<1%': ['<', 1, '%'],
  '>99%': ['>', 99, '%'],
  '3小时左右': ['≈', 3, '小时'],
  '≥良': ['≥', null, null, { qualitative: true }],
  '12月前': ['≤', 12, '月'],
  '90.03%': ['=', 90.03, '%'],
  '31家单位': ['=', 31, '家单位'],
};

describe('parseValue', () => {
  for (const [raw, [op, value, unit, extra = {}]] of Object.entries(FORMS)) {
    it(`reads ${raw}`, () => {
      const v = parseValue(raw)!;
      expect(v.raw).toBe(raw);
      expect(v.op).toBe(op);
      expect(v.value).toBe(value);
      expect(v.unit).toBe(unit);
      expect(v.upper).toBe(extra.upper ?? null);
      expect(v.date).toBe(extra.date ?? null);
      expect(v.qualitative).toBe(extra.qualitative ?? false);
      expect(v.fromName).toBe(false);
    });
  }

  it('keeps the raw text with its spaces and gives null for a blank cell', () => {
    expect(parseValue('  50 次以上 ')!.raw).toBe('50 次以上');
    expect(parseValue('   ')).toBeNull();
  });

  it('reads full-width digits and symbols', () => {
    expect(parseValue('≥９５％')).toMatchObject({ op: '≥', value: 95, unit: '%' });
  });
});

describe('targetFromName (石嘴山 layout)', () => {
  it('reads an explicit comparator phrase', () => {
    expect(targetFromName('全年督查不少于 50 次')).toMatchObject({ raw: '不少于 50 次', op: '≥', value: 50, unit: '次', fromName: true });
    expect(targetFromName('全年用于督查工作的车辆租赁费不高于 8 万元')).toMatchObject({ raw: '不高于 8 万元', op: '≤', value: 80000, unit: '元' });
    expect(targetFromName('人大代表、政协委员满意度达到 90%以上')).toMatchObject({ raw: '达到 90%以上', op: '≥', value: 90, unit: '%' });
  });
  it('reads nothing when there is no comparator', () => {
    expect(targetFromName('全市 5 个政府网站和 228 个政务新媒体全年检测费用为 12 万元')).toBeNull();
    expect(targetFromName('做好工作保障')).toBeNull();
  });
});

describe('amounts in yuan, exact', () => {
  it('moves the decimal point instead of multiplying floats', () => {
    expect(shiftDecimal('0.7146', 4)).toBe('7146');
    expect(shiftDecimal('9.6772', 4)).toBe('96772');
    expect(shiftDecimal('76.90', 4)).toBe('769000');
    expect(shiftDecimal('117.23', 4)).toBe('1172300');
    expect(shiftDecimal('58.62', -2)).toBe('0.5862');
    expect(shiftDecimal('0.0001', 4)).toBe('1');
    expect(shiftDecimal('1.23456', 4)).toBe('12345.6');
    // Floating multiplication would drift: 9.6772 * 10000 is 96771.99999999999.
    expect(9.6772 * 10000).not.toBe(96772);
    expect(decimalToNumber('9.6772', 4)).toBe(96772);
  });
  it('reads money cells with the unit of the cell or of the table', () => {
    expect(parseMoney('778850.24', '元')).toBe(778850.24);
    expect(parseMoney('0.7146万元', '元')).toBe(7146);
    expect(parseMoney('8.00', '万元')).toBe(80000);
    expect(parseMoney('49.5万元', '万元')).toBe(495000);
    expect(parseMoney('1,200元', '万元')).toBe(1200);
    expect(parseMoney('—', '万元')).toBeNull();
    expect(parseMoney('', '万元')).toBeNull();
    expect(parseMoney('八万', '万元')).toBeUndefined();
  });
  it('reads rates as fractions', () => {
    expect(parsePercentFraction('58.62%')).toBe(0.5862);
    expect(parsePercentFraction('100%')).toBe(1);
    expect(parsePercentFraction('')).toBeNull();
  });
});
