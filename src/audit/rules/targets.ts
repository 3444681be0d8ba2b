/** Targets and actuals: vague wording, missing targets, duplicates, units, percentages, dates. */
import type { Value } from '../../schema/record';
import { VAGUE_WORDS } from '../catalogue';
import { compact, hasNumber, indicatorLabel, isNotApplicable, makeFlag, perIndicator, unitLabel, type Rule } from '../flag';
import { fmt } from '../numbers';
import type { Flag } from '../types';

/** The vague words a target's text contains, or [] when it has a number or none of the words. */
export function vagueWords(v: Value | null): string[] {
  if (v === null || v.value !== null || /[0-9０-９]/u.test(v.raw)) return [];
  const text = compact(v.raw);
  // Longest first so 有所提升 is reported rather than 提升 as well.
  const found: string[] = [];
  for (const w of [...VAGUE_WORDS].sort((a, b) => b.length - a.length)) {
    if (text.includes(w) && !found.some((f) => f.includes(w))) found.push(w);
  }
  return found;
}

// The two value cells of an indicator, with their Chinese names.
const VALUE_FIELDS = [
  ['target', '指标值'],
  ['actual', '实际完成值'],
] as const;

export const vagueTarget: Rule = perIndicator('VAGUE_TARGET', (ind, i) => {
  const words = vagueWords(ind.target);
  if (words.length === 0) return null;
  return {
    message: `${indicatorLabel(ind, i)}的指标值为「${ind.target!.raw}」，含模糊表述「${words.join('」「')}」，没有数字或分级标准，无法衡量是否完成（财预〔2021〕101号）。`,
    figures: { words: words.join('、') },
    field: 'target',
  };
});

export const noTarget: Rule = perIndicator('NO_TARGET', (ind, i) => {
  if (ind.target !== null || isNotApplicable(ind)) return null;
  return {
    message: `${indicatorLabel(ind, i)}没有指标值。`,
    figures: {},
    field: 'target',
  };
});

export const duplicateIndicator: Rule = (record) => {
  const flags: Flag[] = [];
  const seen = new Map<string, number>();
  record.indicators.forEach((ind, i) => {
    if (isNotApplicable(ind)) return;
    const level2 = ind.level2 ?? (ind.level2Raw !== null ? compact(ind.level2Raw) : '');
    const key = `${level2}\u0000${compact(ind.name)}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const t1 = record.indicators[first].target?.raw ?? '（无）';
    const t2 = ind.target?.raw ?? '（无）';
    flags.push(
      makeFlag(record, 'DUPLICATE_INDICATOR', {
        message: `${indicatorLabel(ind, i)}与第${first + 1}个指标同名，且同属「${level2 || '（无二级指标）'}」；指标值分别为「${t1}」与「${t2}」。`,
        figures: { firstIndex: first, duplicateIndex: i },
        indicatorIndex: i,
        field: `indicators[${i}].name`,
      }),
    );
  });
  return flags;
};

export const unitMismatch: Rule = perIndicator('UNIT_MISMATCH', (ind, i) => {
  const t = ind.target;
  const a = ind.actual;
  if (!hasNumber(t) || !hasNumber(a)) return null;
  if ((t.unit ?? '') === (a.unit ?? '')) return null;
  return {
    message: `${indicatorLabel(ind, i)}的指标值「${t.raw}」单位为 ${unitLabel(t.unit)}，实际完成值「${a.raw}」单位为 ${unitLabel(a.unit)}，无法比较。`,
    figures: { target: t.value, targetUnit: t.unit, actual: a.value, actualUnit: a.unit },
    field: 'actual',
  };
});

export const percentOutOfRange: Rule = perIndicator('PERCENT_OUT_OF_RANGE', (ind, i) =>
  VALUE_FIELDS.flatMap(([key, label]) => {
    const v = ind[key];
    if (v === null || v.unit !== '%') return [];
    const bad = [v.value, v.upper].find((x) => x !== null && (x < 0 || x > 100));
    if (bad === undefined || bad === null) return [];
    return [{ message: `${indicatorLabel(ind, i)}的${label}「${v.raw}」为 ${fmt(bad)}%，超出 0–100%。`, figures: { value: bad }, field: key }];
  }),
);

export const dateOutsideYear: Rule = perIndicator('DATE_OUTSIDE_YEAR', (ind, i, record) =>
  VALUE_FIELDS.flatMap(([key, label]) => {
    const v = ind[key];
    if (record.year === null || v === null || v.date === null) return [];
    const year = Number(v.date.slice(0, 4));
    if (!Number.isInteger(year) || year === record.year) return [];
    return [
      {
        message: `${indicatorLabel(ind, i)}的${label}「${v.raw}」在 ${year} 年，不在预算年度 ${record.year} 年内。`,
        figures: { year, budgetYear: record.year, date: v.date },
        field: key,
      },
    ];
  }),
);
