/** Self-evaluation budget block: 执行率 and its score (财预〔2020〕10号). */
import type { ProjectRecord } from '../../schema/record';
import { makeFlag, type Rule } from '../flag';
import { fenToYuan, formatWanExact, toFen } from '../../domain/money';
import { approxEqual, decimalsOf, fmt, fmtPct, scoreTolerance } from '../numbers';
import type { Flag } from '../types';

/** Decimals of a rate printed as a percentage (0.5862 → 58.62% → 2), at most 4. */
export function printedPercentDecimals(fraction: number): number {
  return Math.min(decimalsOf(fraction * 100), 4);
}

/** Tolerance of EXEC_RATE_MISMATCH, as a fraction: 0.0005 plus half a unit of the printed last digit. */
export function rateTolerance(reportedRate: number): number {
  const d = printedPercentDecimals(reportedRate);
  return 0.0005 + (0.5 * 10 ** -d) / 100;
}

/** Does the printed rate agree with `computed` within the tolerance? */
export function rateAgrees(reportedRate: number, computed: number): boolean {
  return approxEqual(reportedRate, computed, rateTolerance(reportedRate));
}

/** 全年执行数 ÷ 全年预算数, or null when either is missing or the budget is 0. */
export function computedRate(record: ProjectRecord): number | null {
  const e = record.execution;
  if (!e || e.adjustedBudget === null || e.executed === null || e.adjustedBudget <= 0) return null;
  return e.executed / e.adjustedBudget;
}

export const execRateMismatch: Rule = (record) => {
  const e = record.execution;
  const computed = computedRate(record);
  if (!e || computed === null || e.reportedRate === null) return [];
  const rep = e.reportedRate;
  if (rateAgrees(rep, computed)) return [];
  const d = printedPercentDecimals(rep);
  const tol = rateTolerance(rep);
  const diffPoints = (rep - computed) * 100;
  let message =
    `执行率印为 ${fmtPct(rep, d)}，但全年执行数 ÷ 全年预算数 = ${formatWanExact(e.executed!)} ÷ ${formatWanExact(e.adjustedBudget!)} = ${fmtPct(computed, Math.max(d, 2))}，` +
    `相差 ${fmt(Math.abs(diffPoints), 2)} 个百分点（容差 ${fmt(tol * 100, 3)} 个百分点）。`;
  let initialRate: number | null = null;
  if (e.initialBudget !== null && e.initialBudget > 0) {
    initialRate = e.executed! / e.initialBudget;
    if (toFen(e.initialBudget) !== toFen(e.adjustedBudget!) && rateAgrees(rep, initialRate)) {
      message += `印出的执行率等于 全年执行数 ÷ 年初预算数 = ${formatWanExact(e.executed!)} ÷ ${formatWanExact(e.initialBudget)} = ${fmtPct(initialRate, Math.max(d, 2))}，疑按年初预算数计算。`;
    }
  }
  return [
    makeFlag(record, 'EXEC_RATE_MISMATCH', {
      message,
      figures: {
        reportedRate: rep,
        computedRate: computed,
        executed: e.executed,
        adjustedBudget: e.adjustedBudget,
        initialBudget: e.initialBudget,
        rateAgainstInitialBudget: initialRate,
        tolerance: tol,
      },
      field: 'execution.reportedRate',
    }),
  ];
};

export const execScoreMismatch: Rule = (record) => {
  const e = record.execution;
  if (!e || e.weight === null || e.score === null) return [];
  const computed = computedRate(record);
  const rate = computed ?? e.reportedRate;
  if (rate === null) return [];
  const expected = Math.min(rate, 1) * e.weight;
  const tol = scoreTolerance(e.score);
  if (approxEqual(e.score, expected, tol) && e.score <= e.weight + 1e-9) return [];
  const rateText =
    computed !== null
      ? `执行率按 全年执行数 ÷ 全年预算数 = ${formatWanExact(e.executed!)} ÷ ${formatWanExact(e.adjustedBudget!)} = ${fmtPct(computed)}`
      : `执行率按印出的 ${fmtPct(rate)}`;
  let message =
    `执行率得分印为 ${fmt(e.score)}，但 ${rateText}，应得 min(${fmtPct(rate)}, 100%) × ${fmt(e.weight)} = ${fmt(expected, 2)} 分` +
    `（相差 ${fmt(Math.abs(e.score - expected), 2)}，容差 ${fmt(tol, 3)}）。`;
  if (e.score > e.weight + 1e-9) message += `得分高于分值 ${fmt(e.weight)}。`;
  let withReported: number | null = null;
  if (computed !== null && e.reportedRate !== null) {
    withReported = Math.min(e.reportedRate, 1) * e.weight;
    if (!rateAgrees(e.reportedRate, computed) && approxEqual(e.score, withReported, tol)) {
      message += `得分与印出的执行率 ${fmtPct(e.reportedRate)} 一致（${fmtPct(e.reportedRate)} × ${fmt(e.weight)} = ${fmt(withReported, 2)}），错误来自执行率。`;
    }
  }
  let withInitial: number | null = null;
  if (e.initialBudget !== null && e.initialBudget > 0 && e.executed !== null) {
    withInitial = Math.min(e.executed / e.initialBudget, 1) * e.weight;
    if (
      e.adjustedBudget !== null &&
      toFen(e.initialBudget) !== toFen(e.adjustedBudget) &&
      approxEqual(e.score, withInitial, tol) &&
      !(withReported !== null && approxEqual(e.score, withReported, tol))
    ) {
      message += `得分等于 全年执行数 ÷ 年初预算数 × 分值 = ${formatWanExact(e.executed)} ÷ ${formatWanExact(e.initialBudget)} × ${fmt(e.weight)} = ${fmt(withInitial, 2)}，疑按年初预算数计分。`;
    }
  }
  return [
    makeFlag(record, 'EXEC_SCORE_MISMATCH', {
      message,
      figures: {
        score: e.score,
        expectedScore: expected,
        rate,
        weight: e.weight,
        reportedRate: e.reportedRate,
        scoreWithReportedRate: withReported,
        scoreWithInitialBudget: withInitial,
        tolerance: tol,
      },
      field: 'execution.score',
    }),
  ];
};

export const execOverBudget: Rule = (record) => {
  const e = record.execution;
  if (!e || e.adjustedBudget === null || e.executed === null) return [];
  if (toFen(e.executed) <= toFen(e.adjustedBudget)) return [];
  const excess = fenToYuan(toFen(e.executed) - toFen(e.adjustedBudget));
  const rate = computedRate(record);
  const flags: Flag[] = [
    makeFlag(record, 'EXEC_OVER_BUDGET', {
      message: `全年执行数 ${formatWanExact(e.executed)} 大于全年预算数 ${formatWanExact(e.adjustedBudget)}，超出 ${formatWanExact(excess)}（${rate === null ? '全年预算数为 0，执行率无从计算' : `执行率 ${fmtPct(rate)}`}）。`,
      figures: { executed: e.executed, adjustedBudget: e.adjustedBudget, excess },
      field: 'execution.executed',
    }),
  ];
  return flags;
};
