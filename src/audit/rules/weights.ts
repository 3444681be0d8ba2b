/** Weights (分值) adding up to 100. */
import { makeFlag, type Rule } from '../flag';
import { fmt } from '../numbers';

export const weightSum: Rule = (record) => {
  const weights = record.indicators.map((ind) => ind.weight);
  const printed = weights.filter((w): w is number => w !== null);
  if (printed.length === 0) return [];
  const execWeight = record.kind === 'self-evaluation' ? (record.execution?.weight ?? null) : null;
  const indicatorSum = printed.reduce((s, w) => s + w, 0);
  const all = execWeight !== null ? [execWeight, ...printed] : printed;
  if (all.every((w) => w === 0)) {
    return [
      makeFlag(record, 'WEIGHTS_ALL_ZERO', {
        message: `${printed.length} 个指标的分值都是 0${execWeight !== null ? '，预算执行率分值也是 0' : ''}：分值合计为 0，无从计分。`,
        figures: { indicatorsWithWeight: printed.length, weightSum: 0 },
        field: 'indicators',
      }),
    ];
  }
  const sum = Number((indicatorSum + (execWeight ?? 0)).toFixed(6));
  if (sum === 100) return [];
  // A self-evaluation whose execution weight was not read (not printed, or not placeable): the sum
  // is incomplete, so only a sum already over 100 says something.
  if (record.kind === 'self-evaluation' && execWeight === null && sum < 100) return [];
  const missing = weights.length - printed.length;
  const terms = printed.map((w) => fmt(w)).join(' + ');
  const message =
    execWeight !== null
      ? `预算执行率分值 ${fmt(execWeight)} + ${printed.length} 个指标分值（${terms} = ${fmt(indicatorSum)}）= ${fmt(sum)}，不等于 100（差 ${fmt(sum - 100)}）。`
      : `${printed.length} 个指标分值之和 ${terms} = ${fmt(sum)}，不等于 100（差 ${fmt(sum - 100)}）。`;
  return [
    makeFlag(record, 'WEIGHT_SUM_NOT_100', {
      message: message + (missing > 0 ? `另有 ${missing} 个指标未印分值。` : '') + (record.totalWeight !== null && record.totalWeight !== sum ? `总分行印的分值为 ${fmt(record.totalWeight)}。` : ''),
      figures: {
        weightSum: sum,
        executionWeight: execWeight,
        indicatorWeightSum: indicatorSum,
        indicatorsWithWeight: printed.length,
        indicatorsWithoutWeight: missing,
        totalWeight: record.totalWeight,
      },
      field: 'indicators',
    }),
  ];
};
