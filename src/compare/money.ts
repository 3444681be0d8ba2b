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

/** A decimal number as an exact fraction n / 10^k. */
export function toFraction(x: number): { n: bigint; d: bigint } {
  const s = String(x);
  if (/e/i.test(s)) throw new Error(`cannot take ${s} exactly`);
  const neg = s.startsWith('-');
  const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
  const n = BigInt(i + f) * (neg ? -1n : 1n);
  return { n, d: 10n ** BigInt(f.length) };
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

/** amount (yuan) ÷ quantity, exact, rounded to the fen. */
export function divideYuan(amountYuan: number, quantity: number): Quotient {
  if (quantity === 0) throw new Error('division by zero quantity');
  const q = toFraction(quantity);
  // amountYuan / (q.n / q.d) = amountFen * q.d / (100 * q.n)
  let n = toFen(amountYuan) * q.d;
  let d = 100n * q.n;
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  const rn = n / g;
  const rd = d / g;
  const fen = roundDiv(n * 100n, d);
  return { yuan: fenToYuan(fen), exact: rd === 1n ? `${rn}` : `${rn}/${rd}`, rounded: fen * d !== n * 100n };
}

/** Format yuan with up to 2 decimals, no thousands separators (for arithmetic strings). */
export function fmt(yuan: number): string {
  return Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2).replace(/0$/, '');
}

/** a ÷ b for two yuan amounts, exact, rounded half up to `decimals` places (for rates). */
export function ratio(a: number, b: number, decimals = 4): number {
  const scale = 10n ** BigInt(decimals);
  const d = toFen(b);
  if (d === 0n) throw new Error('ratio: zero denominator');
  let n = toFen(a) * scale;
  let dd = d;
  if (dd < 0n) [n, dd] = [-n, -dd];
  return Number(roundDiv(n, dd)) / Number(scale);
}
