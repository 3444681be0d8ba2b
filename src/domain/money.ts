/**
 * Exact money arithmetic. Records hold yuan as JSON numbers exact to the fen;
 * here they become integer fen (BigInt) so sums and divisions never drift.
 */

/** Yuan (a number exact to the fen) → integer fen. */
export function toFen(yuan: number): bigint {
  const s = yuan.toFixed(2); // the number is exact to the fen; toFixed(2) recovers it
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  const v = BigInt(i) * 100n + BigInt(f);
  return neg ? -v : v;
}

/** Integer fen → yuan as a number. */
export function fenToYuan(fen: bigint): number {
  return Number(fen) / 100;
}

/** Sum of yuan amounts, exact. */
export function sumYuan(values: readonly number[]): number {
  return fenToYuan(values.reduce((a, v) => a + toFen(v), 0n));
}

/** A finite number as an exact fraction n / d (d a power of ten), exponent notation (5e-7, 1.5e+21) included. */
export function toFraction(x: number): { n: bigint; d: bigint } {
  if (!Number.isFinite(x)) throw new Error(`cannot take ${x} exactly`);
  const [mantissa, exp = '0'] = String(x).toLowerCase().split('e');
  const neg = mantissa.startsWith('-');
  const [i, f = ''] = (neg ? mantissa.slice(1) : mantissa).split('.');
  const shift = Number(exp) - f.length;
  const digits = BigInt(i + f) * (neg ? -1n : 1n);
  return shift >= 0 ? { n: digits * 10n ** BigInt(shift), d: 1n } : { n: digits, d: 10n ** BigInt(-shift) };
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Round n/d (d > 0) half away from zero to an integer. */
function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

export interface Quotient {
  /** Rounded to the fen, half up. */
  yuan: number;
  /** The exact quotient as a reduced fraction "p/q" (or "p" when whole). */
  exact: string;
  /** True when rounding to the fen changed the value. */
  rounded: boolean;
}

/** Largest quotient divideYuan returns, in yuan (the schema's MAX_NUMBER): beyond it a "cost per unit" means a quantity too small to divide by. */
const MAX_QUOTIENT_FEN = 10n ** 17n;

/** amount (yuan) ÷ quantity, exact, rounded to the fen; null for a zero quantity or a quotient beyond 1e15 yuan. */
export function divideYuan(amountYuan: number, quantity: number): Quotient | null {
  if (quantity === 0 || !Number.isFinite(quantity)) return null;
  const q = toFraction(quantity);
  // amountYuan / (q.n / q.d) = amountFen * q.d / (100 * q.n)
  let n = toFen(amountYuan) * q.d;
  let d = 100n * q.n;
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  const rn = n / g;
  const rd = d / g;
  const fen = roundDiv(n * 100n, d);
  if (fen > MAX_QUOTIENT_FEN || -fen > MAX_QUOTIENT_FEN) return null;
  return { yuan: fenToYuan(fen), exact: rd === 1n ? `${rn}` : `${rn}/${rd}`, rounded: fen * d !== n * 100n };
}

/** a ÷ b for two yuan amounts, exact, rounded half up to `decimals` places (for rates); null when b is zero. */
export function ratio(a: number, b: number, decimals = 4): number | null {
  const scale = 10n ** BigInt(decimals);
  const d = toFen(b);
  if (d === 0n) return null;
  let n = toFen(a) * scale;
  let dd = d;
  if (dd < 0n) [n, dd] = [-n, -dd];
  return Number(roundDiv(n, dd)) / Number(scale);
}

// ─── Display: the one way an amount is written, on pages, in audit messages and in arithmetic ───

/** What an amount the table does not state is shown as. */
export const NOT_STATED = '未列明';

const grouped = (whole: bigint): string => whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Integer fen as a grouped decimal with `scale` (a power of ten of fen per unit) and no trailing zeros beyond `minDecimals`. */
function decimal(fen: bigint, scale: bigint, decimals: number, minDecimals: number): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const whole = abs / scale;
  let frac = (abs % scale).toString().padStart(decimals, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${neg ? '−' : ''}${grouped(whole)}${frac ? `.${frac}` : ''}`;
}

/** The number of an amount, exact, grouped, no unit: 1172300 → "1,172,300"; 778850.24 → "778,850.24"; 0.5 → "0.50". */
export function formatAmount(yuan: number): string {
  const fen = toFen(yuan);
  return fen % 100n === 0n ? decimal(fen, 100n, 2, 0) : decimal(fen, 100n, 2, 2);
}

/** An exact amount in yuan: 1172300 → "1,172,300 元"; 778850.24 → "778,850.24 元". */
export function formatYuan(yuan: number): string {
  return `${formatAmount(yuan)} 元`;
}

/**
 * The display of an amount in lists, comparisons, charts and totals
 * (docs/style-guide.md): 万元 with exactly two decimals and thousands
 * separators, whatever the size, so amounts line up and compare at a glance:
 * 1172300 → "117.23 万元", 400000 → "40.00 万元", 7146 → "0.71 万元",
 * 250000000 → "25,000.00 万元"; null → "未列明". Rounded half away from zero
 * from the exact fen.
 */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NOT_STATED;
  const fen = toFen(yuan);
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  // Hundredths of a 万元 are units of 10^4 fen; round half up.
  const cents = (abs + 5000n) / 10000n;
  return `${decimal(neg && cents > 0n ? -cents : cents, 100n, 2, 2)} 万元`;
}

/** An amount in 万元 with every decimal it has, for arithmetic that must add up: 7146 → "0.7146 万元", 1172300 → "117.23 万元". */
export function formatWanExact(yuan: number): string {
  return `${decimal(toFen(yuan), 1_000_000n, 6, 0)} 万元`;
}

/**
 * One amount where the exact figure matters (the project page, audit
 * messages): the exact yuan, then the 万元 form in brackets — "400,000 元（40.00 万元）",
 * "778,850.24 元（约 77.89 万元）" (约 when the 万元 form is rounded); null → "未列明".
 */
export function formatMoney(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NOT_STATED;
  const rounded = toFen(yuan) % 10000n !== 0n;
  return `${formatYuan(yuan)}（${rounded ? '约 ' : ''}${formatWan(yuan)}）`;
}
