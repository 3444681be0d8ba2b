/**
 * Audit flags for the pages: the records are audited once per build
 * (`getFlagIndex(records)`, cached per records array), and the flags are
 * indexed by project, by the spot on the project page where each one sits
 * (an indicator's cell, the execution rate, the total score, …) and by check.
 *
 * Pure functions (no Astro imports), so unit tests call them directly.
 */
import { auditRecords, CHECKS, type CheckInfo, type Flag, type Severity } from '../audit/checks';
import type { ProjectRecord } from '../schema/record';

/** Severities, most serious first; each has a text label and an icon so colour is never the only cue. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_INFO: Record<Severity, { label: string; icon: string; rank: number }> = {
  error: { label: '错误', icon: '✖', rank: 0 },
  warning: { label: '警告', icon: '⚠', rank: 1 },
  info: { label: '提示', icon: 'ℹ', rank: 2 },
};

/** The columns of the indicator table a flag can sit in. */
export type IndicatorColumn = 'name' | 'target' | 'actual' | 'weight' | 'score';
const INDICATOR_COLUMNS: readonly IndicatorColumn[] = ['name', 'target', 'actual', 'weight', 'score'];
const COLUMN_LABELS: Record<IndicatorColumn, string> = {
  name: '指标名称',
  target: '指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
};

/**
 * Where on the project page a flag sits ("spot"):
 *   indicators[3].score  → the score cell of indicator 3 (level1/level2/name → the name cell)
 *   execution.reportedRate, execution.score (and .weight), execution.executed / initialBudget / adjustedBudget
 *   budget.total, budget.fiscal, budget.other, totalScore
 *   indicators           → the indicator table as a whole
 *   record               → the record as a whole (field null or unknown)
 */
export function flagSpot(flag: Pick<Flag, 'field' | 'indicatorIndex'>): string {
  const field = flag.field ?? '';
  const m = /^indicators\[(\d+)\]\.(\w+)/.exec(field);
  if (m) {
    const key = m[2] as IndicatorColumn;
    return `indicators[${m[1]}].${INDICATOR_COLUMNS.includes(key) ? key : 'name'}`;
  }
  if (flag.indicatorIndex !== null) return `indicators[${flag.indicatorIndex}].name`;
  if (field === 'execution.weight') return 'execution.score';
  if (/^(execution\.(reportedRate|score|executed|initialBudget|adjustedBudget)|budget\.(total|fiscal|other)|totalScore|indicators)$/.test(field)) return field;
  if (field.startsWith('execution.')) return 'execution.executed';
  if (field.startsWith('budget.')) return 'budget.total';
  return 'record';
}

/** The column of the indicator table a flag belongs in, given the columns the table shows (falls back to the name). */
export function indicatorColumn(flag: Pick<Flag, 'field' | 'indicatorIndex'>, shown: readonly IndicatorColumn[]): IndicatorColumn {
  const m = /^indicators\[\d+\]\.(\w+)$/.exec(flagSpot(flag));
  const column = (m?.[1] ?? 'name') as IndicatorColumn;
  return shown.includes(column) ? column : 'name';
}

const SPOT_LABELS: Record<string, string> = {
  'execution.reportedRate': '执行率',
  'execution.score': '预算执行得分',
  'execution.executed': '预算执行金额',
  'execution.initialBudget': '年初预算数',
  'execution.adjustedBudget': '全年预算数',
  'budget.total': '年度资金总额',
  'budget.fiscal': '财政拨款',
  'budget.other': '其他资金',
  totalScore: '总分',
  indicators: '指标体系',
  record: '整张表',
};

/** Where a flag sits, in words: "第3个指标「会费缴纳时间」的指标值", "执行率". */
export function spotLabel(flag: Pick<Flag, 'field' | 'indicatorIndex'>, indicatorNames: readonly string[] = []): string {
  const spot = flagSpot(flag);
  const m = /^indicators\[(\d+)\]\.(\w+)$/.exec(spot);
  if (m) {
    const i = Number(m[1]);
    const name = indicatorNames[i];
    return `第${i + 1}个指标${name ? `「${name}」` : ''}的${COLUMN_LABELS[m[2] as IndicatorColumn]}`;
  }
  return SPOT_LABELS[spot] ?? spot;
}

/** A flag with its anchor on the project page and its spot. */
export interface PageFlag extends Flag {
  /** id of the marker on the project page, unique within the page: "flag-EXEC_RATE_MISMATCH", "flag-VAGUE_TARGET-12". */
  anchor: string;
  spot: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

export function severityCounts(flags: readonly Pick<Flag, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, total: 0 };
  for (const f of flags) {
    counts[f.severity]++;
    counts.total++;
  }
  return counts;
}

/** "2 条错误、1 条警告、10 条提示" (severities with none are left out); "无核查提示" when empty. */
export function countsLabel(counts: SeverityCounts): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} 条${SEVERITY_INFO[s].label}`);
  return parts.length ? parts.join('、') : '无核查提示';
}

/** Errors first, then warnings, then info; stable otherwise. */
export function bySeverity<T extends Pick<Flag, 'severity'>>(flags: readonly T[]): T[] {
  return flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_INFO[a.f.severity].rank - SEVERITY_INFO[b.f.severity].rank || a.i - b.i)
    .map(({ f }) => f);
}

export interface FlagIndex {
  /** Every flag, in record order then catalogue order. */
  all: PageFlag[];
  /** The flags of one project (empty when none). */
  forProject(projectId: string): PageFlag[];
  /** The flags of one project at one spot (see flagSpot). */
  at(projectId: string, spot: string): PageFlag[];
  /** The flags of one project's indicator (any column). */
  forIndicator(projectId: string, index: number): PageFlag[];
  /** Every flag of one check. */
  forCheck(code: string): PageFlag[];
  counts(projectId: string): SeverityCounts;
}

/** Index flags (as auditRecords returns them) by project, spot and check; gives each an anchor unique within its project. */
export function indexFlags(flags: readonly Flag[]): FlagIndex {
  const byProject = new Map<string, PageFlag[]>();
  const bySpot = new Map<string, PageFlag[]>();
  const byCheck = new Map<string, PageFlag[]>();
  const used = new Map<string, Set<string>>();
  const all: PageFlag[] = [];
  const push = <K>(map: Map<K, PageFlag[]>, key: K, f: PageFlag) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const flag of flags) {
    let ids = used.get(flag.projectId);
    if (!ids) used.set(flag.projectId, (ids = new Set()));
    const stem = `flag-${flag.check}${flag.indicatorIndex === null ? '' : `-${flag.indicatorIndex + 1}`}`;
    let anchor = stem;
    for (let n = 2; ids.has(anchor); n++) anchor = `${stem}-${n}`;
    ids.add(anchor);
    const f: PageFlag = { ...flag, anchor, spot: flagSpot(flag) };
    all.push(f);
    push(byProject, flag.projectId, f);
    push(bySpot, `${flag.projectId} ${f.spot}`, f);
    push(byCheck, flag.check, f);
  }
  return {
    all,
    forProject: (id) => byProject.get(id) ?? [],
    at: (id, spot) => bySpot.get(`${id} ${spot}`) ?? [],
    forIndicator: (id, index) => (byProject.get(id) ?? []).filter((f) => f.indicatorIndex === index),
    forCheck: (code) => byCheck.get(code) ?? [],
    counts: (id) => severityCounts(byProject.get(id) ?? []),
  };
}

const cache = new WeakMap<readonly ProjectRecord[], FlagIndex>();

/** The flags of the records, audited once per records array (getRecords() returns the same array for the whole build). */
export function getFlagIndex(records: readonly ProjectRecord[]): FlagIndex {
  let index = cache.get(records);
  if (!index) {
    index = indexFlags(auditRecords(records));
    cache.set(records, index);
  }
  return index;
}

/** The catalogue, most serious first, then in catalogue order. */
export function checksBySeverity(): CheckInfo[] {
  return bySeverity<CheckInfo>(CHECKS);
}

export function checkOf(code: string): CheckInfo | undefined {
  return CHECKS.find((c) => c.code === code);
}

