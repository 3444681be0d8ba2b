/**
 * Consistency and quality checks of ProjectRecords.
 *
 * Pure functions: a record in, flags out. The CHECKS catalogue (code,
 * severity, title, explanation, basis) is what the methodology page shows;
 * docs/methodology.md explains each check and its arithmetic.
 *
 *   auditRecord(record)   → Flag[]
 *   auditRecords(records) → Flag[] (in record order)
 */
import type { ProjectRecord } from '../schema/record';
import { CHECKS, type CheckCode } from './catalogue';
import type { Rule } from './flag';
import { budgetFundingMismatch, costVsBudget } from './rules/budget';
import { execOverBudget, execRateMismatch, execScoreMismatch } from './rules/execution';
import { allNotApplicable, level1Invalid, level2Invalid, level2ParentMismatch, noIndicators, requiredGroupMissing } from './rules/levels';
import { indicatorScoreOverWeight, indicatorScoreRule, totalScoreMismatch } from './rules/scores';
import { dateOutsideYear, duplicateIndicator, noTarget, percentOutOfRange, unitMismatch, vagueTarget } from './rules/targets';
import { weightSum } from './rules/weights';
import type { Flag } from './types';

export { CHECKS, VAGUE_WORDS, BASIS_2020_10, BASIS_2021_101, BASIS_HEURISTIC, BASIS_TABLE, checkInfo } from './catalogue';
export type { CheckCode } from './catalogue';
export type { CheckGroup, CheckInfo, Figures, Flag, Severity } from './types';
export { expectedIndicatorScore } from './rules/scores';
export { computedRate, rateAgrees, rateTolerance } from './rules/execution';
export { vagueWords } from './rules/targets';

/** Every rule, each producing the codes listed beside it. */
const RULES: readonly (readonly [Rule, readonly CheckCode[]])[] = [
  [execRateMismatch, ['EXEC_RATE_MISMATCH']],
  [execScoreMismatch, ['EXEC_SCORE_MISMATCH']],
  [execOverBudget, ['EXEC_OVER_BUDGET']],
  [indicatorScoreOverWeight, ['INDICATOR_SCORE_OVER_WEIGHT']],
  [indicatorScoreRule, ['INDICATOR_SCORE_RULE']],
  [totalScoreMismatch, ['TOTAL_SCORE_MISMATCH']],
  [weightSum, ['WEIGHT_SUM_NOT_100', 'WEIGHTS_ALL_ZERO']],
  [budgetFundingMismatch, ['BUDGET_FUNDING_MISMATCH']],
  [costVsBudget, ['COST_EXCEEDS_BUDGET', 'COST_SHORT_OF_BUDGET']],
  [noIndicators, ['NO_INDICATORS']],
  [level1Invalid, ['LEVEL1_INVALID']],
  [level2Invalid, ['LEVEL2_INVALID']],
  [level2ParentMismatch, ['LEVEL2_PARENT_MISMATCH']],
  [requiredGroupMissing, ['REQUIRED_GROUP_MISSING']],
  [allNotApplicable, ['ALL_NOT_APPLICABLE']],
  [vagueTarget, ['VAGUE_TARGET']],
  [noTarget, ['NO_TARGET']],
  [duplicateIndicator, ['DUPLICATE_INDICATOR']],
  [unitMismatch, ['UNIT_MISMATCH']],
  [percentOutOfRange, ['PERCENT_OUT_OF_RANGE']],
  [dateOutsideYear, ['DATE_OUTSIDE_YEAR']],
];

/** Codes each rule may produce (exported so tests can check the catalogue is complete). */
export const RULE_CODES: readonly CheckCode[] = RULES.flatMap(([, codes]) => codes);

const ORDER = new Map<string, number>(CHECKS.map((c, i) => [c.code, i]));

/** All flags of one record, ordered by check (catalogue order), then by indicator. */
export function auditRecord(record: ProjectRecord): Flag[] {
  const flags = RULES.flatMap(([rule]) => rule(record));
  return flags
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        ORDER.get(a.f.check)! - ORDER.get(b.f.check)! ||
        (a.f.indicatorIndex ?? -1) - (b.f.indicatorIndex ?? -1) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

/** All flags of many records, in record order. */
export function auditRecords(records: readonly ProjectRecord[]): Flag[] {
  return records.flatMap(auditRecord);
}
