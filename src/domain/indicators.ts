/**
 * What an indicator is, decided once: its place in the 一级 › 二级 hierarchy
 * and whether it is a cost, a money amount, a satisfaction indicator or
 * "not applicable". The audit, the comparisons and the project page's cost
 * chart all ask here, so a cost flag and the cost chart beside it always
 * count the same indicators.
 */
import { compact } from './text';
import { Level1, type Indicator, type Level2, type Value } from '../schema/record';

/** The 一级 levels in their usual order (产出, 效益, 满意度, and the 2021 成本 一级). */
export const LEVEL1: readonly Level1[] = Level1.options;

/**
 * Which 二级 labels belong to each 一级. 成本指标 is accepted under both 产出指标
 * (older tables) and the 2021 一级 成本指标.
 */
export const LEVEL2_PARENTS: Record<Level1, readonly Level2[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标', '成本指标'],
};

/** The 一级 group an indicator belongs to: its 一级, or the parent its 二级 implies. */
export function groupOf(ind: Pick<Indicator, 'level1' | 'level2'>): Level1 | null {
  if (ind.level1 !== null) return ind.level1;
  if (ind.level2 === null) return null;
  for (const l1 of LEVEL1) if (LEVEL2_PARENTS[l1].includes(ind.level2)) return l1;
  return null;
}

const COST_LEVEL2: ReadonlySet<Level2> = new Set(LEVEL2_PARENTS.成本指标);

/** A cost indicator: 一级 成本指标 (2021), or a 二级 成本指标 / 经济成本指标 / 社会成本指标 / 生态环境成本指标. Canonical labels only. */
export function isCost(ind: Pick<Indicator, 'level1' | 'level2'>): boolean {
  return ind.level1 === '成本指标' || (ind.level2 !== null && COST_LEVEL2.has(ind.level2));
}

/** A satisfaction indicator (满意度指标, or a 服务对象满意度指标 whose 一级 is not printed). */
export function isSatisfaction(ind: Pick<Indicator, 'level1' | 'level2'>): boolean {
  return groupOf(ind) === '满意度指标';
}

/** A value with a finite number. */
export function hasNumber(v: Value | null): v is Value & { value: number } {
  return v !== null && typeof v.value === 'number' && Number.isFinite(v.value);
}

/**
 * A value that is an amount of money: unit 元 or 元/年, or no unit printed but
 * 万/亿 in the text (≤0.8万). Ranges are not amounts.
 */
export function isMoney(v: Value | null): v is Value & { value: number } {
  if (!hasNumber(v) || v.op === 'range') return false;
  if (v.unit === '元' || v.unit === '元/年') return true;
  return v.unit === null && /[万亿]/u.test(v.raw);
}

const NOT_APPLICABLE = /^(本指标不适用|指标不适用|不适用|无)$/u;

/** A row that says the indicator does not apply (本指标不适用, 无) in its name or its target. */
export function isNotApplicable(ind: Pick<Indicator, 'name' | 'target'>): boolean {
  if (NOT_APPLICABLE.test(compact(ind.name))) return true;
  return ind.target !== null && NOT_APPLICABLE.test(compact(ind.target.raw));
}
