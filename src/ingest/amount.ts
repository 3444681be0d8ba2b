/**
 * Exact decimal amounts. Published amounts are converted to yuan by moving the
 * decimal point in the digit string (0.7146万元 → "7146"), never by floating
 * multiplication, so 778850.24 and 0.7146万 stay exact to the fen.
 */

const NUMBER = /^[+-]?(\d+(?:\.\d+)?|\.\d+)$/;

/** Multiply a decimal string by 10^shift (shift may be negative) and return the canonical decimal string. */
export function shiftDecimal(num: string, shift: number): string {
  const m = num.trim().replace(/,/g, '');
  if (!NUMBER.test(m)) throw new RangeError(`not a decimal number: ${num}`);
  const negative = m.startsWith('-');
  const body = m.replace(/^[+-]/, '');
  const [intPart, fracPart = ''] = body.split('.');
  let digits = (intPart || '0') + fracPart;
  let point = (intPart || '0').length + shift;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const frac = digits.slice(point).replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && out !== '0' ? `-${out}` : out;
}

/** The number a decimal string states, after moving the point; exact for the digits given. */
export function decimalToNumber(num: string, shift = 0): number {
  return Number(shiftDecimal(num, shift));
}

export type MoneyUnit = '元' | '万元' | '亿元';
const SHIFT: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * Read a money cell ("8.00", "49.5万元", "7630000", "1,200元") in yuan.
 * A unit written in the cell wins over the table's unit. Returns null for a
 * blank or a dash (—, -, /); undefined when the text is not an amount.
 */
export function parseMoney(cell: string, tableUnit: MoneyUnit): number | null | undefined {
  const s = cell.replace(/\s+/g, '').replace(/[,，]/g, '');
  if (s === '' || /^[—–\-/／无]+$/.test(s)) return null;
  const m = /^(\d+(?:\.\d+)?)(亿元|万元|元)?$/.exec(s);
  if (!m) return undefined;
  const unit = (m[2] as MoneyUnit | undefined) ?? tableUnit;
  return decimalToNumber(m[1], SHIFT[unit]);
}

/** The money unit a label or line states: 单位：万元, 项目资金(万元), 项目年度金额(元). */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const m = /(亿元|万元|元)/.exec(text);
  return m ? (m[1] as MoneyUnit) : null;
}

/** A percentage cell ("58.62%") as a fraction (0.5862), exact; null when blank or a dash. */
export function parsePercentFraction(cell: string): number | null | undefined {
  const s = cell.replace(/\s+/g, '').replace(/％/g, '%');
  if (s === '' || /^[—–\-/／]+$/.test(s)) return null;
  const m = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (m) return decimalToNumber(m[1], -2);
  const f = /^(\d+(?:\.\d+)?)$/.exec(s);
  if (f) return Number(f[1]) <= 1 ? Number(f[1]) : decimalToNumber(f[1], -2);
  return undefined;
}

/** A plain number cell (weights, scores); null when blank or a dash; undefined when not a number. */
export function parsePlainNumber(cell: string): number | null | undefined {
  const s = cell.replace(/\s+/g, '');
  if (s === '' || /^[—–\-/／]+$/.test(s)) return null;
  const m = /^(\d+(?:\.\d+)?)(分)?$/.exec(s);
  return m ? Number(m[1]) : undefined;
}
