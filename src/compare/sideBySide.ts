/**
 * Per category, the projects side by side: budget, indicators counted by 一级,
 * the key targets (satisfaction targets and cost indicators) and, for
 * self-evaluations, the execution rate and total score.
 */
import type { Indicator, Value } from '../schema/record';
import { categoryName, type CompareOptions, type CompareRecord } from './common';
import { isCost, isNotApplicable, isSatisfaction, LEVEL1 } from '../domain/indicators';
import { ratio } from '../domain/money';

export interface KeyTarget {
  /** 1-based position of the indicator in the record. */
  position: number;
  name: string;
  level1: string | null;
  level2: string | null;
  target: Value | null;
  actual: Value | null;
}

export interface SideBySideProject {
  id: string;
  kind: CompareRecord['kind'];
  year: number | null;
  jurisdiction: CompareRecord['jurisdiction'];
  department: string | null;
  name: string;
  /** budget.total, yuan. */
  budget: number | null;
  /** Indicators per canonical 一级 label; "null" counts rows whose 一级 is not canonical. */
  indicatorsByLevel1: Record<string, number>;
  /** Rows reading 本指标不适用 (counted in indicatorsByLevel1 too). */
  notApplicable: number;
  /** Indicators with level1 满意度指标. */
  satisfaction: KeyTarget[];
  /** Indicators with level2 成本指标, or level1 成本指标 (2021 layout). */
  costs: KeyTarget[];
  /** Self-evaluations only; null for target tables. */
  execution: {
    initialBudget: number | null;
    adjustedBudget: number | null;
    executed: number | null;
    /** 执行率 as printed (fraction). */
    reportedRate: number | null;
    /** executed ÷ adjustedBudget, rounded to 4 decimals; null when either is missing or the budget is 0. */
    computedRate: number | null;
    totalScore: number | null;
  } | null;
}

export interface CategoryComparison {
  category: string | null;
  projects: SideBySideProject[];
}


function keyTarget(ind: Indicator, i: number): KeyTarget {
  return { position: i + 1, name: ind.name, level1: ind.level1, level2: ind.level2, target: ind.target, actual: ind.actual };
}

function rate(executed: number | null, budget: number | null): number | null {
  if (executed === null || budget === null || budget === 0) return null;
  return ratio(executed, budget, 4);
}

export function sideBySideProject(r: CompareRecord): SideBySideProject {
  const counts: Record<string, number> = Object.fromEntries([...LEVEL1, 'null'].map((k) => [k, 0]));
  r.indicators.forEach((ind) => counts[ind.level1 ?? 'null']++);
  const ex = r.execution;
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    jurisdiction: r.jurisdiction,
    department: r.department?.name ?? null,
    name: r.name,
    budget: r.budget.total,
    indicatorsByLevel1: counts,
    notApplicable: r.indicators.filter(isNotApplicable).length,
    satisfaction: r.indicators.flatMap((ind, i) => (isSatisfaction(ind) ? [keyTarget(ind, i)] : [])),
    costs: r.indicators.flatMap((ind, i) => (isCost(ind) ? [keyTarget(ind, i)] : [])),
    execution:
      r.kind === 'self-evaluation' || ex
        ? {
            initialBudget: ex?.initialBudget ?? null,
            adjustedBudget: ex?.adjustedBudget ?? null,
            executed: ex?.executed ?? null,
            reportedRate: ex?.reportedRate ?? null,
            computedRate: rate(ex?.executed ?? null, ex?.adjustedBudget ?? null),
            totalScore: r.totalScore,
          }
        : null,
  };
}

/** One comparison per category (taxonomy order as met, unmatched = null last); projects by jurisdiction code, year, name. */
export function sideBySide(records: readonly CompareRecord[], opts: CompareOptions = {}): CategoryComparison[] {
  const groups = new Map<string | null, CompareRecord[]>();
  for (const r of records) {
    const c = categoryName(r, opts);
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(r);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'zh')));
  return keys.map((category) => ({
    category,
    projects: groups
      .get(category)!
      .slice()
      .sort(
        (a, b) =>
          (a.jurisdiction.code ?? '~').localeCompare(b.jurisdiction.code ?? '~') || (a.year ?? 0) - (b.year ?? 0) || a.name.localeCompare(b.name, 'zh'),
      )
      .map(sideBySideProject),
  }));
}

/** The comparison for one category (null = unmatched projects). */
export function compareCategory(records: readonly CompareRecord[], category: string | null, opts: CompareOptions = {}): CategoryComparison {
  return sideBySide(records, opts).find((c) => c.category === category) ?? { category, projects: [] };
}
