/**
 * Reading a target or actual cell: comparator, number (万/亿 applied), unit,
 * date, qualitative flag. The raw text is always kept; see the table in
 * docs/data-format.md for every form.
 */
import type { Comparator, Value } from '../schema/record.ts';
import { shiftDecimal } from './amount.ts';
import { collapse, halfWidth } from '../domain/text.ts';

// Longest words first, so 大于等于 is not read as 大于.
const PREFIX: [string, Comparator][] = [
  ['大于等于', '≥'],
  ['小于等于', '≤'],
  ['不少于', '≥'],
  ['不低于', '≥'],
  ['不小于', '≥'],
  ['至少', '≥'],
  ['达到', '≥'],
  ['不超过', '≤'],
  ['不高于', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['减少至', '≤'],
  ['降至', '≤'],
  ['控制在', '≤'],
  ['大于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['高于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['约', '≈'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['>=', '≥'],
  ['<=', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

// Words after the number or unit that set the comparator.
const SUFFIX: [string, Comparator][] = [
  ['以上', '≥'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  ['左右', '≈'],
  ['以前', '≤'],
  ['之前', '≤'],
  ['底前', '≤'],
  ['内', '≤'],
  ['前', '≤'],
];

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function qualitative(raw: string, op: Comparator | null = null, fromName = false): Value {
  return { raw, op, value: null, upper: null, unit: null, date: null, qualitative: true, fromName };
}

function takePrefix(s: string): [Comparator | null, string] {
  for (const [word, op] of PREFIX) if (s.startsWith(word)) return [op, s.slice(word.length)];
  return [null, s];
}

function numberWithMultiplier(num: string, rest: string): [number, string] {
  if (rest.startsWith('亿')) return [Number(shiftDecimal(num, 8)), rest.slice(1)];
  if (rest.startsWith('万') && !rest.startsWith('万分之')) return [Number(shiftDecimal(num, 4)), rest.slice(1)];
  return [Number(shiftDecimal(num, 0)), rest];
}

/** Split what follows the number into unit and suffix comparator; words after those stay in raw only. */
function unitAndSuffix(rest: string): [string | null, Comparator | null] {
  let s = rest;
  let op: Comparator | null = null;
  if (/^[余多]/.test(s)) {
    op = '>';
    s = s.slice(1);
  }
  let cut = s.length;
  let suffixOp: Comparator | null = null;
  for (const [word, sop] of SUFFIX) {
    const i = s.indexOf(word);
    if (i >= 0 && i < cut) {
      cut = i;
      suffixOp = sop;
    }
  }
  const stop = s.slice(0, cut).search(/[\s,，;；。、（(]/);
  const unit = (stop >= 0 ? s.slice(0, stop) : s.slice(0, cut)).trim();
  return [unit === '' ? null : unit, op ?? suffixOp];
}

const DATE = /^(\d{4})年(?:(\d{1,2})月(?:份)?)?(?:(\d{1,2})日)?(底|末|初)?(前|之前|以前|前完成)?$/;

/**
 * A number that does not parse cleanly: a letter or underscore inside the
 * digits (1O0, 1_000), commas that do not group thousands (12,34), two
 * decimal points, or more digits than a number holds exactly. Such a cell is
 * never read as a nearby number.
 */
export function hasGarbledNumber(text: string): boolean {
  const t = halfWidth(text).replace(/\s+/g, '');
  if (/\d[_OoIl]|[_OoIl]\d/.test(t)) return true;
  for (const m of t.matchAll(/\d[\d,.]*\d|\d/g)) {
    const tok = m[0];
    if (tok.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(tok)) return true;
    if ((tok.match(/\./g)?.length ?? 0) > 1) return true;
    if (tok.replace(/[,.]/g, '').replace(/^0+/, '').length > 15) return true;
  }
  return false;
}

/** Read a published target/actual cell. Returns null for a blank cell. */
export function parseValue(rawCell: string, options: { fromName?: boolean } = {}): Value | null {
  const raw = collapse(rawCell);
  if (raw === '') return null;
  const fromName = options.fromName ?? false;
  // Not a clean number: keep the text, read nothing from it.
  if (hasGarbledNumber(raw)) return { raw, op: null, value: null, upper: null, unit: null, date: null, qualitative: false, fromName };
  const s = halfWidth(raw).replace(/\s+/g, '').replace(/(\d),(?=\d{3})/g, '$1');

  const [prefixOp, afterPrefix] = takePrefix(s);

  // 万分之一 etc.: a ratio, read in percent (万分之一 = 0.01%).
  const wan = /^万分之([一二两三四五六七八九十]|\d+(?:\.\d+)?)$/.exec(afterPrefix);
  if (wan) {
    const n = CN_DIGIT[wan[1]] !== undefined ? String(CN_DIGIT[wan[1]]) : wan[1];
    return { raw, op: prefixOp ?? '=', value: Number(shiftDecimal(n, -2)), upper: null, unit: '%', date: null, qualitative: false, fromName };
  }

  // Dates: 2025年12月底前, 2024年.
  const date = DATE.exec(afterPrefix);
  if (date) {
    const [, y, m, d, , before] = date;
    const iso = [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
    return { raw, op: prefixOp ?? (before ? '≤' : '='), value: null, upper: null, unit: null, date: iso, qualitative: false, fromName };
  }

  // Ranges: 1-12月, 5-10分钟, 1～2名.
  const range = /^(\d+(?:\.\d+)?)[-~～—–至到](\d+(?:\.\d+)?)(.*)$/.exec(afterPrefix);
  if (range && prefixOp === null) {
    // 1-2万 applies the multiplier to both ends.
    const [lo] = numberWithMultiplier(range[1], range[3]);
    const [hi, rest] = numberWithMultiplier(range[2], range[3]);
    const [unit] = unitAndSuffix(rest);
    return { raw, op: 'range', value: lo, upper: hi, unit, date: null, qualitative: false, fromName };
  }

  const num = /^(\d+(?:\.\d+)?)(.*)$/.exec(afterPrefix);
  if (!num) {
    // No number: qualitative (有所提升, 长期, ≥良).
    return qualitative(raw, prefixOp, fromName);
  }
  const [value, rest] = numberWithMultiplier(num[1], num[2]);
  // After the multiplier is taken, 万元 leaves the unit 元.
  const [unit, suffixOp] = unitAndSuffix(rest);
  return {
    raw,
    op: prefixOp ?? suffixOp ?? '=',
    value,
    upper: null,
    unit,
    date: null,
    qualitative: false,
    fromName,
  };
}

// A comparator phrase inside an indicator name (石嘴山 layout: 全年督查不少于 50 次).
const NAME_PHRASE =
  /(不少于|不低于|至少|达到|大于等于|不高于|不超过|不多于|小于等于|[≥≤≧≦])\s*\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:%|[^\s\d，,。；;、（()）“”以/]{0,2}(?:\/[^\s\d，,。；;、]{1,2})?)(?:以上|以下)?/;

/**
 * The target written inside an indicator name, when the table's value column
 * holds weights. Only an explicit comparator phrase is read; otherwise null.
 */
export function targetFromName(name: string): Value | null {
  if (hasGarbledNumber(name)) return null;
  const m = NAME_PHRASE.exec(name);
  return m ? parseValue(m[0].trim(), { fromName: true }) : null;
}
