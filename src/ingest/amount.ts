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

/** Digits a JSON number holds exactly (Number.MAX_SAFE_INTEGER has 16). */
export const MAX_DIGITS = 15;

/**
 * A decimal as printed, with thousands separators only where they group
 * three digits (1,234,567.89); "12,34" and "1_000" are not numbers. Returns
 * the plain digit string, or null.
 */
export function cleanDecimal(s: string): string | null {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return s.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(s)) return s;
  return null;
}

/** Does the decimal (after moving the point) fit in a number without losing digits? */
export function representable(num: string, shift = 0): boolean {
  const digits = shiftDecimal(num, shift).replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return digits.length <= MAX_DIGITS;
}

/**
 * Read a money cell ("8.00", "49.5万元", "7630000", "1,200元", "854万") in yuan.
 * A unit written in the cell wins over the table's unit. Returns null for a
 * blank or a dash (—, -, /); undefined when the text is not an amount, or
 * too long to be held exactly.
 */
export function parseMoney(cell: string, tableUnit: MoneyUnit): number | null | undefined {
  const s = cell.replace(/\s+/g, '').replace(/，/g, ',');
  if (s === '' || /^[—–\-/／无]+$/.test(s)) return null;
  const m = /^([\d,.]+)(亿元|万元|元|万|亿)?$/.exec(s);
  if (!m) return undefined;
  const num = cleanDecimal(m[1]);
  if (num === null) return undefined;
  const written = m[2] === '万' ? '万元' : m[2] === '亿' ? '亿元' : (m[2] as MoneyUnit | undefined);
  const unit = written ?? tableUnit;
  if (!representable(num, SHIFT[unit])) return undefined;
  return decimalToNumber(num, SHIFT[unit]);
}

/**
 * A free-text amount cell: the stated total first, then its breakdown or a
 * repeat of it, as in 854万(高标准农田建设400万元,…) or 854万854万(…). Returns
 * the total's text and whether text followed it; null when the cell does not
 * start with an amount followed by a bracket or the same amount again.
 */
export function statedTotal(cell: string): { amount: string; rest: string } | null {
  const s = cell.replace(/\s+/g, '');
  const m = /^([\d,.]+(?:亿元|万元|元|万|亿)?)(.*)$/.exec(s);
  if (!m || m[2] === '') return null;
  const [, amount, rest] = m;
  if (/^[(（]/.test(rest)) return { amount, rest };
  if (rest.startsWith(amount) && (rest.length === amount.length || /^[(（]/.test(rest.slice(amount.length)))) return { amount, rest };
  return null;
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
  const m = /^(\d{1,6}(?:\.\d{1,8})?)%$/.exec(s);
  if (m) return decimalToNumber(m[1], -2);
  const f = /^(\d{1,6}(?:\.\d{1,8})?)$/.exec(s);
  if (f) return Number(f[1]) <= 1 ? Number(f[1]) : decimalToNumber(f[1], -2);
  return undefined;
}

/** A plain number cell (weights, scores); null when blank or a dash; undefined when not a number. */
export function parsePlainNumber(cell: string): number | null | undefined {
  const s = cell.replace(/\s+/g, '');
  if (s === '' || /^[—–\-/／]+$/.test(s)) return null;
  const m = /^(\d{1,6}(?:\.\d{1,8})?)(分)?$/.exec(s);
  return m ? Number(m[1]) : undefined;
}
