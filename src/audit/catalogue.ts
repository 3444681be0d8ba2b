/**
 * The catalogue of checks: code, severity, title, explanation, basis.
 * The methodology page (docs/methodology.md and the site) is written from it.
 * Codes are a public contract: never rename one; add new ones.
 */
import type { CheckInfo } from './types';

export const BASIS_2020_10 = '财预〔2020〕10号《项目支出绩效评价管理办法》';
export const BASIS_2021_101 = '财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》';
export const BASIS_TABLE = '表内勾稽（表格自身的合计关系）';
export const BASIS_HEURISTIC = '经验规则（heuristic）';

/** Words that make a qualitative target vague when no number or graded level comes with them (财预〔2021〕101号 asks for measurable targets). */
export const VAGUE_WORDS: readonly string[] = [
  '有所提升',
  '有所提高',
  '有所改善',
  '有所增加',
  '有所下降',
  '明显',
  '显著',
  '逐步',
  '逐年',
  '进一步',
  '稳步',
  '持续',
  '不断',
  '提升',
  '提高',
  '改善',
  '增强',
  '加强',
  '长期',
  '有效',
  '效果好',
  '较好',
  '扎实',
];

export const CHECKS = [
  // ── execution (self-evaluations) ──────────────────────────────────────────
  {
    code: 'EXEC_RATE_MISMATCH',
    severity: 'error',
    group: 'execution',
    title: '执行率与执行数、预算数不符',
    explanation:
      '执行率应等于全年执行数 ÷ 全年预算数。把计算值与印出的执行率比较，容差为 0.0005（0.05 个百分点）加印出值末位的半个单位（58.62% 为 0.005 个百分点，100% 为 0.5 个百分点），因此印为 99.96% 而算得 0.99957 不算不符。若印出值等于全年执行数 ÷ 年初预算数，提示中注明。',
    english: 'Printed execution rate differs from executed ÷ adjusted budget beyond rounding.',
    basis: BASIS_2020_10,
    isHeuristic: false,
  },
  {
    code: 'EXEC_SCORE_MISMATCH',
    severity: 'error',
    group: 'execution',
    title: '执行率得分与执行率、分值不符',
    explanation:
      '预算执行率得分应为 min(执行率, 100%) × 分值，执行率取全年执行数 ÷ 全年预算数（未印执行数时取印出的执行率）。容差为得分末位的半个单位（最多 0.05）加 0.005。提示中注明得分是否与印出的执行率或按年初预算数算的执行率一致。',
    english: 'Execution score differs from min(rate, 1) × weight.',
    basis: BASIS_2020_10,
    isHeuristic: false,
  },
  {
    code: 'EXEC_OVER_BUDGET',
    severity: 'warning',
    group: 'execution',
    title: '执行数超过全年预算数',
    explanation: '全年执行数大于全年预算数（执行率超过 100%），按分计算时在 0.005 元以内视为相等。',
    english: 'Amount executed exceeds the adjusted annual budget.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  // ── scores (self-evaluations) ─────────────────────────────────────────────
  {
    code: 'INDICATOR_SCORE_OVER_WEIGHT',
    severity: 'error',
    group: 'scores',
    title: '指标得分高于分值',
    explanation: '三级指标的得分不得超过其分值。',
    english: 'An indicator scores more than its weight.',
    basis: BASIS_2020_10,
    isHeuristic: false,
  },
  {
    code: 'INDICATOR_SCORE_RULE',
    severity: 'warning',
    group: 'scores',
    title: '定量指标得分与计分规则不符',
    explanation:
      '年度指标值与实际完成值都是同一单位的数值、比较符为 ≥、≤ 或 = 时，按计分规则计算应得分：≥ 与 = 为 实际完成值 ÷ 指标值 × 分值，≤ 为 指标值 ÷ 实际完成值 × 分值，最多为分值。容差为得分末位的半个单位（最多 0.05）加 0.005。各地计分细则有差异，故为警告。',
    english: 'A quantitative indicator’s score differs from actual ÷ target × weight (≥, =) or target ÷ actual × weight (≤), capped at the weight.',
    basis: BASIS_2020_10,
    isHeuristic: false,
  },
  {
    code: 'TOTAL_SCORE_MISMATCH',
    severity: 'error',
    group: 'scores',
    title: '总分与各项得分之和不符',
    explanation:
      '总分应等于预算执行率得分加各三级指标得分之和。容差为 0.005 加每个带小数的得分 0.005（最多 0.1），以容纳各得分分别四舍五入。',
    english: 'The total score differs from the execution score plus the indicator scores.',
    basis: BASIS_2020_10,
    isHeuristic: false,
  },
  // ── weights ───────────────────────────────────────────────────────────────
  {
    code: 'WEIGHT_SUM_NOT_100',
    severity: 'error',
    group: 'weights',
    title: '分值合计不等于 100',
    explanation:
      '自评表：预算执行率分值加各指标分值应为 100。按分值列编制的目标表（如石嘴山的“绩效值”列）：各指标分值之和应为 100。精确比较（分值为整数或一位小数）。',
    english: 'Weights do not add up to 100 (execution weight + indicator weights; or indicator weights in a weight-column target table).',
    basis: BASIS_2020_10,
    isHeuristic: false,
  },
  {
    code: 'WEIGHTS_ALL_ZERO',
    severity: 'info',
    group: 'weights',
    title: '分值全部为 0',
    explanation: '表格有分值列，但每个指标的分值都是 0，无从计分；不再检查合计是否为 100。',
    english: 'The table has a weight column but every weight is 0.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  // ── budget ────────────────────────────────────────────────────────────────
  {
    code: 'BUDGET_FUNDING_MISMATCH',
    severity: 'error',
    group: 'budget',
    title: '资金来源合计与年度资金总额不符',
    explanation:
      '目标表：年度资金总额应等于财政拨款 + 其他资金（其他资金未印出时按 0）。自评表：年度资金总额一行的年初预算数、全年预算数、全年执行数应分别等于其下各行（当年财政拨款、上年结转资金、其他资金）之和（只比较有数字的列）。按分精确比较。',
    english: 'The annual total differs from the sum of its funding rows (fiscal + other; or the rows under 年度资金总额).',
    basis: BASIS_TABLE,
    isHeuristic: false,
  },
  {
    code: 'COST_EXCEEDS_BUDGET',
    severity: 'warning',
    group: 'budget',
    title: '成本指标金额合计超过项目预算',
    explanation:
      '成本指标（二级“成本指标”或一级“成本指标”下各项）中以元、元/年计的指标值之和，大于项目年度资金总额（自评表用年初预算数，因为指标值是年初设定的）。按分精确比较。',
    english: 'Cost indicators stated in yuan add up to more than the project budget.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  {
    code: 'COST_SHORT_OF_BUDGET',
    severity: 'info',
    group: 'budget',
    title: '成本指标金额合计少于项目预算',
    explanation:
      '全部以金额表示的成本指标都用“=”（即声称列出了实际成本），其和却少于项目年度资金总额：差额去向未说明。用 ≤ 等上限表示的成本不在此列。',
    english: 'Cost indicators that all state exact amounts (=) add up to less than the budget: the rest is unexplained.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  // ── levels ────────────────────────────────────────────────────────────────
  {
    code: 'NO_INDICATORS',
    severity: 'error',
    group: 'levels',
    title: '没有绩效指标',
    explanation: '表中没有任何三级指标。',
    english: 'The table has no indicators.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'LEVEL1_INVALID',
    severity: 'warning',
    group: 'levels',
    title: '一级指标名称不规范',
    explanation: '一级指标栏印有文字，但不是产出指标、效益指标、满意度指标、成本指标之一。',
    english: 'The printed 一级 label is not a valid first-level group.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'LEVEL2_INVALID',
    severity: 'warning',
    group: 'levels',
    title: '二级指标名称不规范',
    explanation:
      '二级指标栏印有文字，但不是规定的二级指标（数量、质量、时效、成本；经济效益、社会效益、生态效益、可持续影响；服务对象满意度；经济成本、社会成本、生态环境成本），例如在二级栏印了“产出指标”。',
    english: 'The printed 二级 label is not a valid second-level indicator (e.g. 产出指标 in the 二级 column).',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'LEVEL2_PARENT_MISMATCH',
    severity: 'warning',
    group: 'levels',
    title: '二级指标不属于其一级指标',
    explanation:
      '数量、质量、时效、成本指标属于产出指标；经济效益、社会效益、生态效益、可持续影响指标属于效益指标；服务对象满意度指标属于满意度指标；经济成本、社会成本、生态环境成本指标属于成本指标（一级“成本指标”下的二级“成本指标”也接受）。',
    english: 'A 二级 label sits under the wrong 一级 group.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'REQUIRED_GROUP_MISSING',
    severity: 'warning',
    group: 'levels',
    title: '缺少产出指标或效益指标',
    explanation: '产出指标和效益指标是必填的一级指标；表中没有属于其中一组的指标（全部“本指标不适用”的表另见 ALL_NOT_APPLICABLE）。',
    english: 'No output (产出) or no effect (效益) indicators.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'ALL_NOT_APPLICABLE',
    severity: 'warning',
    group: 'levels',
    title: '全部指标均为“本指标不适用”',
    explanation: '每一个三级指标都是“本指标不适用”或“无”：项目没有设定任何绩效目标。',
    english: 'Every indicator reads 本指标不适用 (not applicable) or 无.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  // ── targets ───────────────────────────────────────────────────────────────
  {
    code: 'VAGUE_TARGET',
    severity: 'warning',
    group: 'targets',
    title: '指标值表述模糊、不可衡量',
    explanation: `定性指标值只用模糊的词语（${VAGUE_WORDS.join('、')}），没有数字，也没有分级标准（如 优、良、合格）。财预〔2021〕101号要求指标值能量化的量化，不能量化的采用可衡量的分级表述。`,
    english: 'A qualitative target uses vague wording (有所提升, 明显, 逐步, 进一步 …) with no number or graded level.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'NO_TARGET',
    severity: 'info',
    group: 'targets',
    title: '指标没有指标值',
    explanation:
      '三级指标没有指标值（“本指标不适用”和“无”除外）。在以分值列编制的表（石嘴山）中，只有指标名称里写明比较关系（不少于、不高于、达到…以上、≥）时才读出指标值，其余即属此类。',
    english: 'An indicator states no target value.',
    basis: BASIS_2021_101,
    isHeuristic: false,
  },
  {
    code: 'DUPLICATE_INDICATOR',
    severity: 'warning',
    group: 'targets',
    title: '重复的指标',
    explanation: '同一项目中，同一二级指标下有名称相同（忽略空白）的三级指标。',
    english: 'Two indicators with the same name under the same 二级 label.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  {
    code: 'UNIT_MISMATCH',
    severity: 'warning',
    group: 'targets',
    title: '指标值与实际完成值单位不一致',
    explanation: '自评表中年度指标值与实际完成值都有数值，但单位不同（如 60人 对 90.03%），两者无法比较，得分也无从核对。',
    english: 'Target and actual are numbers in different units.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  {
    code: 'PERCENT_OUT_OF_RANGE',
    severity: 'warning',
    group: 'targets',
    title: '百分比超出 0–100',
    explanation: '单位为 % 的指标值或实际完成值小于 0 或大于 100。增长率等指标可能合理地超过 100%，故为经验规则。',
    english: 'A percentage target or actual lies outside 0–100.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
  {
    code: 'DATE_OUTSIDE_YEAR',
    severity: 'warning',
    group: 'targets',
    title: '时效日期不在预算年度内',
    explanation: '指标值或实际完成值所写的日期（如 2025年12月底前）的年份与表格的预算年度不同。',
    english: 'A date in a target or actual falls outside the budget year.',
    basis: BASIS_HEURISTIC,
    isHeuristic: true,
  },
] as const satisfies readonly CheckInfo[];

export type CheckCode = (typeof CHECKS)[number]['code'];

const BY_CODE = new Map<string, CheckInfo>(CHECKS.map((c) => [c.code, c]));

export function checkInfo(code: CheckCode): CheckInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new Error(`unknown check ${code}`);
  return info;
}
