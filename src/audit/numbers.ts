/**
 * Small numeric helpers for the checks: decimals as printed, tolerant
 * comparison (money arithmetic is src/domain/money.ts), and Chinese
 * display of numbers, money and percentages.
 */

const EPS = 1e-9;

/** Number of decimals a number shows when printed plainly (58.62 → 2, 100 → 0, 0.5862 → 4). Float noise is ignored. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const s = String(Number(x.toFixed(10)));
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Half a unit of the last printed digit of x (5.86 → 0.005, 4.5 → 0.05, 10 → 0.5). */
export function halfUnit(x: number): number {
  return 0.5 * 10 ** -Math.min(decimalsOf(x), 10);
}

/** Round to d decimals (half away from zero), tolerant of float noise (1.005 → 1.01). */
export function roundTo(x: number, d: number): number {
  const f = 10 ** d;
  const y = Math.abs(x) * f;
  const r = Math.round(Number(y.toFixed(6)));
  return (Math.sign(x) * r) / f;
}

/**
 * Tolerance for a printed score: half a unit of its last printed digit (at most
 * 0.05, so a score printed as an integer is read as if rounded to one decimal),
 * plus 0.005 for the rounding to two decimals of the figures it came from.
 */
export function scoreTolerance(printed: number): number {
  return Math.min(halfUnit(printed), 0.05) + 0.005 + EPS;
}

/** A number as it would be printed: at most `max` decimals, no trailing zeros. */
export function fmt(x: number, max = 4): string {
  return String(Number(x.toFixed(max)));
}

/** A fraction as a percentage with d decimals: (0.58615, 2) → "58.62%"; d omitted → up to 2 decimals, trailing zeros removed. */
export function fmtPct(fraction: number, d?: number): string {
  if (d === undefined) return `${fmt(fraction * 100, 2)}%`;
  return `${roundTo(fraction * 100, d).toFixed(d)}%`;
}

export function approxEqual(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol + EPS;
}
