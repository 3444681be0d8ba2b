/** Self-evaluation scores: indicator scores vs weights and the scoring rule, and the total (财预〔2020〕10号). */
import type { Indicator } from '../../schema/record';
import { hasNumber, indicatorLabel, makeFlag, perIndicator, unitLabel, type Rule } from '../flag';
import { approxEqual, decimalsOf, fmt, scoreTolerance } from '../numbers';

export interface ExpectedScore {
  expected: number;
  ratio: number;
  /** The arithmetic, e.g. "90.03 ÷ 100 × 3". */
  formula: string;
}

/**
 * The score the national rule gives a quantitative indicator, or null when
 * the rule does not apply (qualitative, no number, different units, other op).
 * ≥ and =: actual ÷ target × weight; ≤: target ÷ actual × weight; never above the weight.
 */
export function expectedIndicatorScore(ind: Indicator): ExpectedScore | null {
  const t = ind.target;
  const a = ind.actual;
  const w = ind.weight;
  if (w === null || !hasNumber(t) || !hasNumber(a)) return null;
  if ((t.unit ?? '') !== (a.unit ?? '')) return null;
  if (t.op !== '≥' && t.op !== '≤' && t.op !== '=') return null;
  let ratio: number;
  let formula: string;
  if (t.op === '≤') {
    if (a.value <= 0) {
      ratio = 1;
      formula = `实际完成值 ${fmt(a.value)} ≤ 指标值 ${fmt(t.value)}，满分 ${fmt(w)}`;
    } else {
      ratio = t.value / a.value;
      formula = `指标值 ÷ 实际完成值 × 分值 = ${fmt(t.value)} ÷ ${fmt(a.value)} × ${fmt(w)}`;
    }
  } else {
    if (t.value <= 0) return null;
    ratio = a.value / t.value;
    formula = `实际完成值 ÷ 指标值 × 分值 = ${fmt(a.value)} ÷ ${fmt(t.value)} × ${fmt(w)}`;
  }
  if (!Number.isFinite(ratio) || ratio < 0) return null;
  return { expected: Math.min(ratio, 1) * w, ratio, formula };
}

export const indicatorScoreOverWeight: Rule = perIndicator('INDICATOR_SCORE_OVER_WEIGHT', (ind, i) => {
  if (ind.score === null || ind.weight === null) return null;
  if (ind.score <= ind.weight + 1e-9) return null;
  return {
    message: `${indicatorLabel(ind, i)}得分 ${fmt(ind.score)} 高于分值 ${fmt(ind.weight)}（超出 ${fmt(ind.score - ind.weight)}）。`,
    figures: { score: ind.score, weight: ind.weight, excess: ind.score - ind.weight },
    field: 'score',
  };
});

export const indicatorScoreRule: Rule = perIndicator('INDICATOR_SCORE_RULE', (ind, i) => {
  if (ind.score === null || ind.weight === null) return null;
  if (ind.score > ind.weight + 1e-9) return null; // INDICATOR_SCORE_OVER_WEIGHT says it
  const exp = expectedIndicatorScore(ind);
  if (!exp) return null;
  const tol = scoreTolerance(ind.score);
  if (approxEqual(ind.score, exp.expected, tol)) return null;
  const t = ind.target!;
  const a = ind.actual!;
  const capped = exp.ratio > 1 ? `，比值 ${fmt(exp.ratio, 4)} 超过 1，按满分计` : '';
  return {
    message:
      `${indicatorLabel(ind, i)}：指标值 ${t.raw}，实际完成值 ${a.raw}（单位 ${unitLabel(t.unit)}），按计分规则 ${exp.formula} = ${fmt(exp.expected, 2)} 分${capped}；` +
      `印出的得分为 ${fmt(ind.score)}（相差 ${fmt(Math.abs(ind.score - exp.expected), 2)}，容差 ${fmt(tol, 3)}）。`,
    figures: {
      target: t.value,
      actual: a.value,
      op: t.op,
      weight: ind.weight,
      score: ind.score,
      expectedScore: exp.expected,
      tolerance: tol,
    },
    field: 'score',
  };
});

export const totalScoreMismatch: Rule = (record) => {
  if (record.totalScore === null) return [];
  const parts: number[] = [];
  const execScore = record.execution?.score ?? null;
  if (execScore !== null) parts.push(execScore);
  const indScores = record.indicators.map((ind) => ind.score).filter((s): s is number => s !== null);
  parts.push(...indScores);
  if (parts.length === 0) return [];
  const sum = parts.reduce((s, x) => s + x, 0);
  const fractional = parts.filter((x) => decimalsOf(x) > 0).length;
  const tol = Math.min(0.005 + 0.005 * fractional, 0.1);
  if (approxEqual(record.totalScore, sum, tol)) return [];
  // The execution score was not read: the parts are incomplete, so only a sum over the total says something.
  if (record.kind === 'self-evaluation' && execScore === null && sum < record.totalScore) return [];
  const terms = parts.map((x) => fmt(x)).join(' + ');
  const execText = execScore !== null ? `预算执行率得分 ${fmt(execScore)} + ` : '';
  return [
    makeFlag(record, 'TOTAL_SCORE_MISMATCH', {
      message:
        `总分印为 ${fmt(record.totalScore)}，但 ${execText}${indScores.length} 个指标得分之和 = ${terms} = ${fmt(sum, 2)}` +
        `（相差 ${fmt(Math.abs(record.totalScore - sum), 2)}，容差 ${fmt(tol, 3)}）。`,
      figures: {
        totalScore: record.totalScore,
        computedTotal: sum,
        executionScore: execScore,
        indicatorScoreSum: indScores.reduce((s, x) => s + x, 0),
        indicatorsScored: indScores.length,
        tolerance: tol,
      },
      field: 'totalScore',
    }),
  ];
};
