/** Building flags, and small readers of a record shared by the rules. */
import type { Indicator, ProjectRecord, Value } from '../schema/record';
import { checkInfo, type CheckCode } from './catalogue';
import type { Figures, Flag } from './types';

export interface FlagInput {
  message: string;
  figures: Figures;
  indicatorIndex?: number | null;
  field?: string | null;
}

export function makeFlag(record: ProjectRecord, code: CheckCode, input: FlagInput): Flag {
  return {
    projectId: record.id,
    project: record.name,
    check: code,
    severity: checkInfo(code).severity,
    message: input.message,
    figures: input.figures,
    indicatorIndex: input.indicatorIndex ?? null,
    field: input.field ?? null,
  };
}

/** A rule: pure function from a record to its flags. */
export type Rule = (record: ProjectRecord) => Flag[];

/** "第3个指标「文字差错率」" (1-based for readers). */
export function indicatorLabel(ind: Indicator, index: number): string {
  return `第${index + 1}个指标「${ind.name}」`;
}

/** Name without whitespace (PDF extraction splits words with spaces). */
export function compact(s: string): string {
  return s.replace(/\s+/gu, '');
}

const NOT_APPLICABLE = /^(本指标不适用|指标不适用|不适用|无)$/u;

/** A row that reads 本指标不适用 or 无 (in its name or its value). */
export function isNotApplicable(ind: Indicator): boolean {
  if (NOT_APPLICABLE.test(compact(ind.name))) return true;
  return ind.target !== null && NOT_APPLICABLE.test(compact(ind.target.raw));
}

/** A value with a number. */
export function hasNumber(v: Value | null): v is Value & { value: number } {
  return v !== null && typeof v.value === 'number' && Number.isFinite(v.value);
}

export function unitLabel(unit: string | null): string {
  return unit === null ? '（无单位）' : unit;
}
