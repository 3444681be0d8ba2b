/** Builders of minimal valid ProjectRecords for the audit tests. */
import type { Comparator, Execution, Indicator, ProjectRecord, Value } from '../../src/schema/record';
import { ProjectRecord as ProjectRecordSchema } from '../../src/schema/record';
import type { Flag } from '../../src/audit/checks';

/** A numeric value: num('≥', 90, '%') → { raw: '≥90%', op: '≥', value: 90, unit: '%' … }. */
export function num(op: Comparator, value: number, unit: string | null = null, extra: Partial<Value> = {}): Value {
  const sign = op === '=' ? '' : op;
  return { raw: `${sign}${value}${unit ?? ''}`, op, value, upper: null, unit, date: null, qualitative: false, fromName: false, ...extra };
}

/** A qualitative value: qual('有所提升'). */
export function qual(raw: string, extra: Partial<Value> = {}): Value {
  return { raw, op: null, value: null, upper: null, unit: null, date: null, qualitative: true, fromName: false, ...extra };
}

/** A date value: date('2025年12月底前', '2025-12'). */
export function dateValue(raw: string, date: string, op: Comparator | null = '≤'): Value {
  return { raw, op, value: null, upper: null, unit: null, date, qualitative: false, fromName: false };
}

const LEVEL1_OF: Record<string, Indicator['level1']> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
};

/** An indicator; level1 follows level2 unless given. Default: 数量指标 「指标」 target =10件. */
export function ind(overrides: Partial<Indicator> = {}): Indicator {
  const level2 = overrides.level2 === undefined ? '数量指标' : overrides.level2;
  const level1 = overrides.level1 === undefined ? (level2 ? LEVEL1_OF[level2] ?? null : null) : overrides.level1;
  return {
    level1,
    level2,
    level1Raw: level1,
    level2Raw: level2,
    name: '指标',
    target: num('=', 10, '件'),
    weight: null,
    actual: null,
    score: null,
    shortfallReason: null,
    ...overrides,
  };
}

/** A clean target table: one 产出 and one 效益 indicator, budget 100000 元. */
export function targetRecord(overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  const r: ProjectRecord = {
    id: '640100-2026-target-0a1b2c3d',
    kind: 'target',
    year: 2026,
    name: '测试项目',
    title: null,
    jurisdiction: { name: '银川市', code: '640100' },
    department: { name: '测试部门', code: null },
    implementingUnit: null,
    projectType: null,
    projectPeriod: null,
    managingOffice: null,
    budget: { total: 100000, fiscal: null, other: null },
    goal: '',
    outcome: null,
    indicators: [
      ind({ name: '产出', target: num('≥', 10, '件') }),
      ind({ level2: '社会效益指标', name: '效益', target: num('≥', 90, '%') }),
    ],
    execution: null,
    totalScore: null,
    totalWeight: null,
    source: { file: 'test.txt', lines: [1, 10] },
    unparsed: [],
    category: { name: null, rule: null, overridden: false },
    ...overrides,
  };
  return ProjectRecordSchema.parse(r);
}

export function execution(overrides: Partial<Execution> = {}): Execution {
  return {
    initialBudget: 100000,
    adjustedBudget: 100000,
    executed: 100000,
    reportedRate: 1,
    weight: 10,
    score: 10,
    funding: [],
    ...overrides,
  };
}

/**
 * A clean self-evaluation: execution 10/10, two indicators weighted 50 and 40
 * fully scored, total 100.
 */
export function selfEvalRecord(overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  const r: ProjectRecord = targetRecord({
    id: '640500-2024-selfeval-0a1b2c3d',
    kind: 'self-evaluation',
    year: 2024,
    budget: { total: 100000, fiscal: null, other: null },
    outcome: '',
    indicators: [
      ind({ name: '产出', target: num('≥', 10, '件'), actual: num('=', 10, '件'), weight: 50, score: 50 }),
      ind({ level2: '社会效益指标', name: '效益', target: num('≥', 90, '%'), actual: num('=', 95, '%'), weight: 40, score: 40 }),
    ],
    execution: execution(),
    totalScore: 100,
    totalWeight: 100,
  });
  return ProjectRecordSchema.parse({ ...r, ...overrides });
}

/** The codes of a flag list. */
export function codes(flags: readonly Flag[]): string[] {
  return flags.map((f) => f.check);
}

export function only(flags: readonly Flag[], code: string): Flag[] {
  return flags.filter((f) => f.check === code);
}
