/** Money: funding rows vs the total; cost indicators vs the budget. */
import type { FundingRow, ProjectRecord } from '../../schema/record';
import { isCost, isMoney } from '../../domain/indicators';
import { makeFlag, type Rule } from '../flag';
import { fenToYuan, formatMoney, formatWanExact, toFen } from '../../domain/money';
import type { Flag } from '../types';

export const budgetFundingMismatch: Rule = (record) => {
  const flags: Flag[] = [];
  const { total, fiscal, other } = record.budget;
  if (total !== null && fiscal !== null) {
    const sum = toFen(fiscal) + toFen(other ?? 0);
    if (sum !== toFen(total)) {
      flags.push(
        makeFlag(record, 'BUDGET_FUNDING_MISMATCH', {
          message:
            `年度资金总额 ${formatMoney(total)}，但 财政拨款 ${formatMoney(fiscal)} + 其他资金 ${other === null ? '（未印出，按 0）' : formatMoney(other)} = ${formatMoney(fenToYuan(sum))}` +
            `，相差 ${formatMoney(Math.abs(fenToYuan(toFen(total) - sum)))}。`,
          figures: { total, fiscal, other, sum: fenToYuan(sum) },
          field: 'budget.total',
        }),
      );
    }
  }
  const e = record.execution;
  if (e && e.funding.length > 0) {
    const columns: [keyof Omit<FundingRow, 'label'>, string][] = [
      ['initialBudget', '年初预算数'],
      ['adjustedBudget', '全年预算数'],
      ['executed', '全年执行数'],
    ];
    for (const [key, label] of columns) {
      const totalValue = e[key];
      const rows = e.funding.filter((r) => r[key] !== null);
      if (totalValue === null || rows.length === 0) continue;
      const sum = rows.reduce((s, r) => s + toFen(r[key]!), 0n);
      if (sum === toFen(totalValue)) continue;
      const terms = rows.map((r) => `${r.label} ${formatWanExact(r[key]!)}`).join(' + ');
      flags.push(
        makeFlag(record, 'BUDGET_FUNDING_MISMATCH', {
          message: `年度资金总额的${label}为 ${formatWanExact(totalValue)}，但其下各行 ${terms} = ${formatWanExact(fenToYuan(sum))}，相差 ${formatMoney(Math.abs(fenToYuan(toFen(totalValue) - sum)))}。`,
          figures: { total: totalValue, sum: fenToYuan(sum), rows: rows.length, column: key },
          field: `execution.${key}`,
        }),
      );
    }
  }
  return flags;
};

/** The budget cost targets are measured against: a self-evaluation's 年初预算数 (the targets were set then), else the annual total. */
function budgetReference(record: ProjectRecord): { amount: number; label: string; field: string } | null {
  const initial = record.execution?.initialBudget ?? null;
  if (record.kind === 'self-evaluation' && initial !== null) {
    return { amount: initial, label: '年初预算数', field: 'execution.initialBudget' };
  }
  if (record.budget.total !== null) {
    return { amount: record.budget.total, label: record.kind === 'self-evaluation' ? '全年预算数' : '年度资金总额', field: 'budget.total' };
  }
  return null;
}

export const costVsBudget: Rule = (record) => {
  const ref = budgetReference(record);
  if (!ref) return [];
  const cost = record.indicators.map((ind, i) => ({ ind, i })).filter(({ ind }) => isCost(ind));
  const money = cost.filter(({ ind }) => isMoney(ind.target));
  if (money.length === 0) return [];
  const sum = money.reduce((s, { ind }) => s + toFen(ind.target!.value!), 0n);
  const budget = toFen(ref.amount);
  const terms = money.map(({ ind }) => formatWanExact(ind.target!.value!)).join(' + ');
  const figures = {
    costSum: fenToYuan(sum),
    budget: ref.amount,
    costIndicatorsWithAmount: money.length,
    costIndicatorsWithoutAmount: cost.length - money.length,
  };
  if (sum > budget) {
    return [
      makeFlag(record, 'COST_EXCEEDS_BUDGET', {
        message: `${money.length} 个成本指标的金额之和 ${terms} = ${formatWanExact(fenToYuan(sum))}，超过${ref.label} ${formatWanExact(ref.amount)}，多出 ${formatMoney(fenToYuan(sum - budget))}。`,
        figures: { ...figures, difference: fenToYuan(sum - budget) },
        field: ref.field,
      }),
    ];
  }
  if (sum < budget && money.every(({ ind }) => ind.target!.op === '=')) {
    const without = cost.filter(({ ind }) => !isMoney(ind.target));
    return [
      makeFlag(record, 'COST_SHORT_OF_BUDGET', {
        message:
          (money.length === 1
            ? `唯一以金额表示的成本指标写成确定金额 ${formatWanExact(fenToYuan(sum))}，`
            : `${money.length} 个以金额表示的成本指标都写成确定金额，之和 ${terms} = ${formatWanExact(fenToYuan(sum))}，`) +
          `比${ref.label} ${formatWanExact(ref.amount)} 少 ${formatMoney(fenToYuan(budget - sum))}，差额用途未说明。` +
          (without.length > 0
            ? `另有 ${without.length} 个成本指标没有以元或元/年计的金额（${without.map(({ ind }) => `「${ind.target?.raw ?? '未写指标值'}」`).join('')}）。`
            : ''),
        figures: { ...figures, difference: fenToYuan(budget - sum) },
        field: ref.field,
      }),
    ];
  }
  return [];
};
