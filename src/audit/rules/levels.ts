/** The indicator hierarchy: valid labels, 二级 under the right 一级, required groups (财预〔2021〕101号). */
import type { Level1 } from '../../schema/record';
import { groupOf, LEVEL2_PARENTS } from '../../domain/indicators';
import { indicatorLabel, isNotApplicable, makeFlag, perIndicator, type Rule } from '../flag';

const blank = (s: string | null): boolean => s === null || s.trim() === '';

export const noIndicators: Rule = (record) =>
  record.indicators.length > 0
    ? []
    : [
        makeFlag(record, 'NO_INDICATORS', {
          message: '表中没有任何三级绩效指标。',
          figures: { indicators: 0 },
          field: 'indicators',
        }),
      ];

export const level1Invalid: Rule = perIndicator('LEVEL1_INVALID', (ind, i) => {
  if (ind.level1 !== null || blank(ind.level1Raw)) return null;
  return {
    message: `${indicatorLabel(ind, i)}的一级指标印为「${ind.level1Raw}」，不是产出指标、效益指标、满意度指标或成本指标。`,
    figures: {},
    field: 'level1',
  };
});

export const level2Invalid: Rule = perIndicator('LEVEL2_INVALID', (ind, i) => {
  if (ind.level2 !== null || blank(ind.level2Raw)) return null;
  return {
    message: `${indicatorLabel(ind, i)}的二级指标印为「${ind.level2Raw}」，不是规定的二级指标。`,
    figures: {},
    field: 'level2',
  };
});

export const level2ParentMismatch: Rule = perIndicator('LEVEL2_PARENT_MISMATCH', (ind, i) => {
  if (ind.level1 === null || ind.level2 === null) return null;
  const allowed = LEVEL2_PARENTS[ind.level1];
  if (allowed.includes(ind.level2)) return null;
  const parent = (Object.keys(LEVEL2_PARENTS) as Level1[]).find((l1) => LEVEL2_PARENTS[l1].includes(ind.level2!));
  return {
    message: `${indicatorLabel(ind, i)}的二级指标「${ind.level2}」列在一级指标「${ind.level1}」下，但它属于「${parent ?? '？'}」（${ind.level1}下应为 ${allowed.join('、')}）。`,
    figures: {},
    field: 'level2',
  };
});

export const allNotApplicable: Rule = (record) => {
  const n = record.indicators.length;
  if (n === 0 || !record.indicators.every(isNotApplicable)) return [];
  return [
    makeFlag(record, 'ALL_NOT_APPLICABLE', {
      message: `全部 ${n} 个指标都是“本指标不适用”或“无”，项目没有设定任何绩效目标。`,
      figures: { indicators: n },
      field: 'indicators',
    }),
  ];
};

export const requiredGroupMissing: Rule = (record) => {
  const n = record.indicators.length;
  if (n === 0 || record.indicators.every(isNotApplicable)) return [];
  const groups = new Set(record.indicators.map(groupOf));
  const missing = (['产出指标', '效益指标'] as const).filter((g) => !groups.has(g));
  return missing.map((g) =>
    makeFlag(record, 'REQUIRED_GROUP_MISSING', {
      message: `表中 ${n} 个指标没有一个属于必填的一级指标「${g}」。`,
      figures: { missingGroup: g, indicators: n },
      field: 'indicators',
    }),
  );
};
