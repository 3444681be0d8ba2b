/**
 * Indicator helpers for the project page: the 一级 › 二级 grouping of the
 * table and the cost indicators (成本指标 in 元) that the cost chart uses.
 */
import { isCost, isMoney } from '../domain/indicators';
import type { Indicator, ProjectRecord } from '../schema/record';

export interface IndicatorGroup {
  /** Canonical 二级 label, else the label as published, else 未标明. */
  level2: string;
  indicators: Indicator[];
}

export interface IndicatorSection {
  level1: string;
  groups: IndicatorGroup[];
}

const unlabeled = '（未标明）';

/** Groups in the order the table publishes them (merged cells read top to bottom). */
export function groupIndicators(indicators: Indicator[]): IndicatorSection[] {
  const sections: IndicatorSection[] = [];
  for (const indicator of indicators) {
    const level1 = indicator.level1 ?? indicator.level1Raw ?? unlabeled;
    const level2 = indicator.level2 ?? indicator.level2Raw ?? unlabeled;
    let section = sections.find((s) => s.level1 === level1);
    if (!section) sections.push((section = { level1, groups: [] }));
    let group = section.groups.find((g) => g.level2 === level2);
    if (!group) section.groups.push((group = { level2, indicators: [] }));
    group.indicators.push(indicator);
  }
  return sections;
}

export interface CostItem {
  name: string;
  /** Target amount in yuan. */
  target: number;
  /** Actual amount in yuan (self-evaluation), when stated in 元. */
  actual: number | null;
}

/**
 * Cost indicators whose target is an amount of money (元, 元/年, or 万 in the
 * text; not 元/次, not a rate): the same ones the audit's cost checks add up.
 */
export function costIndicators(record: Pick<ProjectRecord, 'indicators'>): CostItem[] {
  return record.indicators
    .filter((i) => isCost(i) && isMoney(i.target))
    .map((i) => ({
      name: i.name,
      target: i.target!.value!,
      actual: isMoney(i.actual) ? i.actual.value : null,
    }));
}
