/**
 * Formatting for people reading Chinese — the one place where amounts, years,
 * rates and dates get their display form (rules: docs/style-guide.md) — and
 * the normalized reading of a published target.
 */
import { format } from 'd3-format';
import type { Kind, Value } from '../schema/record';

// Amounts are displayed by the domain core, the same way on pages, in audit messages and downloads.
export { formatMoney, formatWan, formatYuan, NOT_STATED } from '../domain/money';

const groupedInteger = format(',');

/** Trim a decimal string's trailing zeros: "117.2300" → "117.23", "40.0000" → "40". */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function groupWhole(s: string): string {
  const [whole, frac] = s.split('.');
  const grouped = groupedInteger(Number(whole));
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A year as written everywhere on the site: 2026 → "2026年"; null → "年度未列明". */
export function yearLabel(year: number | null | undefined): string {
  return year === null || year === undefined ? '年度未列明' : `${year}年`;
}

/** A fraction as a percentage: 0.5862 → "58.62%", 1 → "100%". */
export function formatRate(fraction: number | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  // toPrecision strips binary noise first (0.58615 × 100 is 58.614999…), then round half up.
  const scaled = Math.round(Number((fraction * 100 * 10 ** digits).toPrecision(12)));
  return `${trimZeros((scaled / 10 ** digits).toFixed(digits))}%`;
}

/** ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" → "2025年", "2025年12月", "2025年12月31日". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** A plain number for tables: 8200 → "8,200", 0.01 → "0.01", 74.9 → "74.9". */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return groupedInteger(n);
  return groupWhole(trimZeros(n.toFixed(6)));
}

/** Points (分值, 得分): 5.86 → "5.86", null → "—". */
export function formatPoints(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : formatNumber(n);
}

const opWords: Record<string, string> = { '≥': '≥', '≤': '≤', '>': '>', '<': '<', '=': '=', '≈': '≈' };

/**
 * Our reading of a published value, shown beside the raw text:
 * ≥0.82万册 → "≥ 8,200 册"; 2025年12月底前 → "≤ 2025年12月"; 1-12月 → "1–12 月";
 * 有所提升 → "定性"; ≥良 → "≥ 定性".
 */
export function formatReading(value: Value | null): string {
  if (!value) return '—';
  const unit = value.unit ? ` ${value.unit}` : '';
  if (value.op === 'range' && value.value !== null && value.upper !== null) {
    return `${formatNumber(value.value)}–${formatNumber(value.upper)}${unit}`;
  }
  const op = value.op ? `${opWords[value.op]} ` : '';
  if (value.value !== null) return `${op}${formatNumber(value.value)}${unit}`;
  if (value.date) return `${op}${formatDate(value.date)}`;
  if (value.qualitative) return `${op}定性`;
  return '未读出';
}

export const kindLabels: Record<Kind, string> = {
  target: '绩效目标表',
  'self-evaluation': '绩效自评表',
};

export function kindLabel(kind: Kind): string {
  return kindLabels[kind];
}
