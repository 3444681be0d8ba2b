/**
 * Column definitions of the CSV downloads, derived from the zod schema.
 *
 * Convention: a column is named after the field's path in the record
 * (projects.json), levels joined by dots: `jurisdiction.code`, `budget.total`,
 * `source.lines.0`. In indicators.csv one row is one element of `indicators`,
 * so its fields are `indicators.name`, `indicators.target.raw`…; in
 * execution-funding.csv one row is one element of `execution.funding`. The
 * only columns that are not record fields are `position` (1-based order of
 * the element in its array) and `category.*` (until the record schema carries
 * the category itself).
 */
import { z } from 'zod';
import { ProjectRecord } from '../schema/record';
import { CategoryAssignment } from '../categories/schema';
import { csvText } from './csv';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean';

export interface Column {
  /** Column header: the dotted path. */
  name: string;
  type: FieldType;
  /** Allowed values, for enums. */
  enum?: string[];
  /** True when the field is never null. */
  required: boolean;
  /** Table Schema format hint / pattern. */
  pattern?: string;
}

type AnyZod = z.ZodTypeAny;

function unwrap(t: AnyZod): { t: AnyZod; nullable: boolean } {
  let nullable = false;
  for (;;) {
    if (t instanceof z.ZodNullable || t instanceof z.ZodOptional) {
      nullable = true;
      t = t.unwrap();
    } else if (t instanceof z.ZodDefault) t = t._def.innerType;
    else if (t instanceof z.ZodEffects) t = t.innerType();
    else return { t, nullable };
  }
}

function leafColumn(name: string, t0: AnyZod, parentNullable: boolean): Column {
  const { t, nullable } = unwrap(t0);
  const required = !nullable && !parentNullable;
  if (t instanceof z.ZodString) {
    const regex = t._def.checks.find((c: { kind: string }) => c.kind === 'regex') as { regex: RegExp } | undefined;
    // An empty cell reads as missing, so a string column is required only when it can never be "".
    const nonEmpty = regex !== undefined || (t.minLength ?? 0) >= 1;
    return { name, type: 'string', required: required && nonEmpty, ...(regex ? { pattern: regex.regex.source } : {}) };
  }
  if (t instanceof z.ZodNumber) return { name, type: t.isInt ? 'integer' : 'number', required };
  if (t instanceof z.ZodBoolean) return { name, type: 'boolean', required };
  // The values as the CSV writes them (the comparator = becomes ＝, see csvText).
  if (t instanceof z.ZodEnum) return { name, type: 'string', enum: (t.options as string[]).map(csvText), required };
  throw new Error(`column ${name}: unsupported zod type ${t.constructor.name}`);
}

/** Scalar leaf columns of a zod object, in schema order; arrays are skipped unless listed in `into`. */
export function leafColumns(schema: AnyZod, prefix = '', skip: string[] = [], parentNullable = false): Column[] {
  const { t, nullable } = unwrap(schema);
  const nul = parentNullable || nullable;
  if (t instanceof z.ZodObject) {
    const out: Column[] = [];
    for (const [k, v] of Object.entries(t.shape as Record<string, AnyZod>)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (skip.includes(path)) continue;
      const inner = unwrap(v).t;
      if (inner instanceof z.ZodArray) continue;
      out.push(...leafColumns(v, path, skip, nul));
    }
    return out;
  }
  if (t instanceof z.ZodTuple) {
    return (t.items as AnyZod[]).flatMap((it, i) => leafColumns(it, `${prefix}.${i}`, skip, nul));
  }
  return [leafColumn(prefix, schema, parentNullable)];
}

/** The zod schema at a dotted path (array elements entered transparently, tuple items by index). */
export function zodAt(schema: AnyZod, path: string): AnyZod | null {
  let t: AnyZod = schema;
  for (const seg of path.split('.')) {
    t = unwrap(t).t;
    if (t instanceof z.ZodArray) t = unwrap(t.element).t;
    if (t instanceof z.ZodObject) t = (t.shape as Record<string, AnyZod>)[seg];
    else if (t instanceof z.ZodTuple) t = (t.items as AnyZod[])[Number(seg)];
    else return null;
    if (!t) return null;
  }
  return t;
}

const recordShape = (ProjectRecord as unknown as z.ZodObject<z.ZodRawShape>).shape;
const hasCategoryInSchema = 'category' in recordShape;

function categoryColumns(): Column[] {
  return hasCategoryInSchema ? [] : leafColumns(CategoryAssignment, 'category', [], true);
}

function pick(names: string[]): Column[] {
  const all = [...leafColumns(ProjectRecord), ...categoryColumns()];
  return names.map((n) => {
    const c = all.find((x) => x.name === n);
    if (!c) throw new Error(`no record field ${n}`);
    return c;
  });
}

/** The columns depend only on the schema: computed once, not on every call (every per-project CSV asks). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const POSITION: Column = { name: 'position', type: 'integer', required: true };

/** projects.csv: every scalar field of the record except the execution block (execution.csv), plus the category. */
export const projectColumns = once((): Column[] => {
  return [...leafColumns(ProjectRecord, '', ['execution']), ...categoryColumns()];
});

const PROJECT_KEY = ['id', 'kind', 'year', 'jurisdiction.code', 'jurisdiction.name', 'name', 'category.name'];

/** indicators.csv: the project's key columns, position, then every indicator field. */
export const indicatorColumns = once((): Column[] => {
  const el = (zodAt(ProjectRecord, 'indicators') as z.ZodArray<AnyZod>).element;
  return [...pick(PROJECT_KEY), POSITION, ...leafColumns(el, 'indicators')];
});

/** execution.csv: one row per self-evaluation, the execution block and the score. */
export const executionColumns = once((): Column[] => {
  const ex = zodAt(ProjectRecord, 'execution') as AnyZod;
  return [...pick([...PROJECT_KEY, 'budget.total']), ...leafColumns(ex, 'execution', [], true), ...pick(['totalScore', 'totalWeight'])];
});

/** execution-funding.csv: one row per funding row under 年度资金总额. */
export const fundingColumns = once((): Column[] => {
  const el = (zodAt(ProjectRecord, 'execution.funding') as z.ZodArray<AnyZod>).element;
  return [...pick(['id', 'jurisdiction.code', 'year', 'name']), POSITION, ...leafColumns(el, 'execution.funding')];
});
