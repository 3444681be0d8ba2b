import type { Indicator, ProjectRecord, Value } from '../../src/schema/record';
import { categorize } from '../../src/categories/index';

let n = 0;
export function val(raw: string, op: Value['op'], value: number | null, unit: string | null, extra: Partial<Value> = {}): Value {
  return { raw, op, value, upper: null, unit, date: null, qualitative: value === null, fromName: false, ...extra };
}
export function ind(level1: Indicator['level1'], level2: Indicator['level2'], name: string, target: Value | null, extra: Partial<Indicator> = {}): Indicator {
  return { level1, level2, level1Raw: level1, level2Raw: level2, name, target, weight: null, actual: null, score: null, shortfallReason: null, ...extra };
}
export function rec(p: Partial<ProjectRecord> & { name: string }): ProjectRecord {
  n++;
  const kind = p.kind ?? 'target';
  const code = p.jurisdiction?.code ?? '640100';
  const r: Omit<ProjectRecord, 'category'> & { category?: ProjectRecord['category'] } = {
    id: p.id ?? `${code}-${p.year ?? 2026}-${kind === 'target' ? 'target' : 'selfeval'}-${n.toString(16).padStart(8, '0')}`,
    kind,
    year: 2026,
    title: null,
    jurisdiction: { name: '银川市', code: '640100' },
    department: { name: '银川市人民政府办公室', code: null },
    implementingUnit: null,
    projectType: null,
    projectPeriod: null,
    managingOffice: null,
    budget: { total: null, fiscal: null, other: null },
    goal: '',
    outcome: null,
    indicators: [],
    execution: null,
    totalScore: null,
    totalWeight: null,
    source: { file: 'x.txt', lines: [1, 2] },
    unparsed: [],
    ...p,
  };
  // Categorized by the rules, as at ingest, unless the test gives one.
  return { ...r, category: r.category ?? categorize(r) };
}
