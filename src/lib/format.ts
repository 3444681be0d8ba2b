/**
 * Formatting for people reading Chinese — the one place where amounts, years,
 * rates and dates get their display form (rules: docs/style-guide.md) — and
 * the normalized reading of a published target.
 */
import { format } from 'd3-format';
import type { Kind, Value } from '../schema/record';

const groupedInteger = format(',');
const groupedFen = format(',.2f');

/** 1172300 → "1,172,300 元"; 778850.24 → "778,850.24 元". */
export function formatYuan(yuan: number): string {
  return `${Number.isInteger(yuan) ? groupedInteger(yuan) : groupedFen(yuan)} 元`;
}

/** Trim a decimal string's trailing zeros: "117.2300" → "117.23", "40.0000" → "40". */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** What an amount the table does not state is shown as. */
export const NOT_STATED = '未列明';

/**
 * The one display of an amount in lists, comparisons, charts and totals
 * (docs/style-guide.md): 万元 with exactly two decimals and thousands
 * separators, whatever the size, so amounts line up and compare at a glance:
 * 1172300 → "117.23 万元", 400000 → "40.00 万元", 7146 → "0.71 万元",
 * 250000000 → "25,000.00 万元"; null → "未列明". Rounded half away from zero
 * from the exact yuan (the records are exact to the fen).
 */
export function formatWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NOT_STATED;
  // Work in integer fen, so 1234.5 万 rounds the same on every machine.
  const fen = Math.round(Number((yuan * 100).toPrecision(15)));
  const neg = fen < 0;
  const abs = Math.abs(fen);
  // 万元 to two decimals = yuan / 10^4 rounded to 10^-2 = fen / 10^6 rounded to 10^-2 → units of 10^4 fen.
  const cents = Math.floor((abs + 5000) / 10000); // hundredths of a 万元, half up
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  return `${neg && cents > 0 ? '−' : ''}${groupedInteger(whole)}.${frac} 万元`;
}

function groupWhole(s: string): string {
  const [whole, frac] = s.split('.');
  const grouped = groupedInteger(Number(whole));
  return frac ? `${grouped}.${frac}` : grouped;
}

/**
 * One amount of one project, where the exact figure matters (the project
 * page): the exact yuan, then the 万元 form in brackets — "400,000 元（40.00 万元）",
 * "778,850.24 元（约 77.89 万元）" (约 when the 万元 form is rounded); null → "未列明".
 */
export function formatMoney(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return NOT_STATED;
  const exact = Number.isInteger(yuan) && Math.round(yuan) % 100 === 0;
  return `${formatYuan(yuan)}（${exact ? '' : '约 '}${formatWan(yuan)}）`;
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
