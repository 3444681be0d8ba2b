/** Building flags, and small readers of a record shared by the rules. */
import type { Indicator, ProjectRecord } from '../schema/record';
import { compact } from '../domain/text';
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

/** What a per-indicator check says about one indicator; `field` is relative to the indicator ("score", "target"). */
export interface IndicatorFinding {
  message: string;
  figures: Figures;
  field: string;
}

/**
 * A rule that looks at each indicator on its own: `check` returns what it
 * found (none, one, or several findings); the flags get the indicator's index and field path.
 */
export function perIndicator(
  code: CheckCode,
  check: (ind: Indicator, i: number, record: ProjectRecord) => IndicatorFinding | IndicatorFinding[] | null,
): Rule {
  return (record) =>
    record.indicators.flatMap((ind, i) => {
      const found = check(ind, i, record);
      return (found === null ? [] : Array.isArray(found) ? found : [found]).map((f) =>
        makeFlag(record, code, { message: f.message, figures: f.figures, indicatorIndex: i, field: `indicators[${i}].${f.field}` }),
      );
    });
}

/** "第3个指标「文字差错率」" (1-based for readers). */
export function indicatorLabel(ind: Indicator, index: number): string {
  return `第${index + 1}个指标「${ind.name}」`;
}

/** Name without whitespace (PDF extraction splits words with spaces): the importer's helper. */
export { compact };

export { hasNumber, isNotApplicable } from '../domain/indicators';

export function unitLabel(unit: string | null): string {
  return unit === null ? '（无单位）' : unit;
}
