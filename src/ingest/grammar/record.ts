/**
 * Record assembly: the grammar's state at the end of a table becomes a
 * ParsedRecord. A table that is cut off is refused here
 * (INGEST_TRUNCATED_TABLE); every line of the table's span that no rule read,
 * or read only in part, is listed in `unparsed`.
 */
import type { Indicator } from '../../schema/record.ts';
import { IngestError } from '../errors.ts';
import { targetFromName } from '../value.ts';
import { SATISFACTION_LEVELS } from '../vocabulary.ts';
import type { Doc, State } from './state.ts';
import type { ParsedRecord } from './types.ts';

export function assembleRecord(s: State, doc: Doc): ParsedRecord {
  const { file, span, lines } = doc;
  const firstLine = span.from + 1;
  const lastLine = span.to + 1;
  if (s.name === null) throw new IngestError('INGEST_NO_TABLE', file, firstLine, 'project without a 项目名称 value');
  if (s.indicators.length === 0) throw new IngestError('INGEST_TRUNCATED_TABLE', file, lastLine, `table "${s.name}" has no indicator rows: cut off?`);
  const kind = s.kind ?? (s.execution ? 'self-evaluation' : null);
  if (doc.isLast) {
    if (!hasSatisfactionRows(s.indicators))
      throw new IngestError('INGEST_TRUNCATED_TABLE', file, lastLine, `table "${s.name}" ends before its 满意度指标 rows: the document is cut off`);
    if (kind === 'self-evaluation' && !s.sawTotalRow)
      throw new IngestError('INGEST_TRUNCATED_TABLE', file, lastLine, `self-evaluation "${s.name}" ends without its 总分 row: the document is cut off`);
  }
  const indicators = kind === 'self-evaluation' || s.columns?.includes('weight') ? (s.indicators as Indicator[]) : readWeightsColumn(s.indicators as Indicator[]);
  const unparsed: { line: number; text: string }[] = [];
  for (let l = firstLine; l <= lastLine; l++) {
    const lineText = lines[l - 1];
    if (lineText.trim() === '' || /^[\s|｜]+$/.test(lineText)) continue;
    if (!s.used.has(l) || s.partly.has(l)) unparsed.push({ line: l, text: lineText.replace(/\s+$/, '') });
  }
  const isSelf = kind === 'self-evaluation';
  return {
    kind,
    year: s.year,
    name: s.name,
    title: s.title,
    department: s.department,
    implementingUnit: s.implementingUnit,
    projectType: s.projectType,
    projectPeriod: s.projectPeriod,
    managingOffice: s.managingOffice,
    budget: { ...s.budget },
    goal: s.goalParts.join('\n'),
    outcome: isSelf ? s.outcome : null,
    indicators,
    execution: isSelf ? (s.execution as ParsedRecord['execution']) : null,
    totalScore: isSelf ? s.totalScore : null,
    totalWeight: isSelf ? s.totalWeight : null,
    source: { file, lines: [firstLine, lastLine] },
    unparsed,
  };
}

/** The table has its satisfaction rows (the group a complete table ends with). */
export function hasSatisfactionRows(indicators: readonly Pick<Indicator, 'level1' | 'level2'>[]): boolean {
  return indicators.some((i) => i.level1 === SATISFACTION_LEVELS.level1 || i.level2 === SATISFACTION_LEVELS.level2);
}

/**
 * The 石嘴山 layout: the value column holds weights, and the target is
 * written in the name. Read from the cells, row by row: every value printed
 * is a bare number (no unit, no %, no comparator) between 0 and 100, on at
 * least three rows. A target is almost never printed that way; a weight
 * always is. The sum of the weights is not evidence (a sum off by one digit
 * is an audit finding, not a different table).
 */
function readWeightsColumn(indicators: Indicator[]): Indicator[] {
  const printed = indicators.map((i) => i.target?.raw ?? null).filter((r): r is string => r !== null);
  if (printed.length < 3) return indicators;
  if (!printed.every((r) => /^\d{1,3}(\.\d{1,2})?$/.test(r) && Number(r) <= 100)) return indicators;
  return indicators.map((ind) => ({ ...ind, weight: ind.target ? Number(ind.target.raw) : null, target: targetFromName(ind.name) }));
}
