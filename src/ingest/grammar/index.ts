/**
 * The table grammar: one document's rows (from the layout reader that is most
 * sure of it, src/ingest/layouts/) read into project records through the
 * vocabulary (src/ingest/vocabulary.ts, src/ingest/levels.ts).
 *
 * The structure is read from the tables' words and header rows, not from line
 * positions: a record starts at a 项目名称 row (src/ingest/spans.ts); header
 * fields are found by their labels (src/ingest/fields.ts); the indicator table
 * by its header (一级指标 / 三级指标 / 指标值 …) or its level labels; cells are
 * recognised by their words wherever a shifted row puts them. A multi-project
 * list table is read by the grammar's list-table mode (listTable.ts) from the
 * same rows, with the same vocabulary, indicator and record assembly.
 *
 * Every line of a record's span is accounted for: it becomes a field, is table
 * structure (a title, a header row, an empty template row), or is listed in
 * `unparsed`. A table cut off is left out and reported (ParsedDocument.omitted).
 */
import { IngestError } from '../errors.ts';
import { readListHeader, readListTable } from './listTable.ts';
import { READERS, detectLayout, type LayoutReader } from '../../ingest/layouts/index.ts';
import { recordSpans } from '../spans.ts';
import { DOCUMENT_YEAR } from '../vocabulary.ts';
import { assembleRecord } from './record.ts';
import { readTable } from './rules.ts';
import type { ParsedDocument, ParsedRecord } from './types.ts';

export type { ParsedDocument, ParsedRecord } from './types.ts';
export { splitNameValue, splitNameValues } from './flat.ts';

/**
 * Parse a document. `file` is used in errors and in `source.file`; `readers`: the layout readers to
 * choose from (the registry, src/ingest/layouts/index.ts, unless told).
 */
export function parseDocument(text: string, file: string, readers: readonly LayoutReader[] = READERS): ParsedDocument {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.every((l) => l.trim() === '')) throw new IngestError('INGEST_EMPTY_FILE', file, 1, 'nothing to read');
  const layout = detectLayout(lines, readers);
  // A multi-project list table (one row per indicator, the project's cells on its first row): the
  // grammar's list-table mode, on the same reader's rows.
  const rows = layout.reader.rows(lines, 0, lines.length - 1);
  const listHeader = readListHeader(rows);
  if (listHeader) {
    const list = readListTable(rows, listHeader, lines, file);
    return { ...list, layout: { reader: { name: `${layout.reader.name}, multi-project list table` }, confidence: layout.confidence } };
  }
  const spans = recordSpans(lines);
  if (spans.length === 0) {
    const first = lines.findIndex((l) => l.trim() !== '');
    throw new IngestError('INGEST_NO_TABLE', file, first + 1, 'no 项目名称 row: this does not look like a performance table');
  }
  const documentYear = documentYearOf(lines);
  const structureLines = new Set<number>();
  const records: ParsedRecord[] = [];
  const omitted: IngestError[] = [];
  spans.forEach((span, k) => {
    const doc = { lines, span, file, isLast: k === spans.length - 1 };
    try {
      const state = readTable(doc, layout.reader);
      for (const l of state.structure) structureLines.add(l);
      records.push(assembleRecord(state, doc));
    } catch (e) {
      // A cut-off table is left out and reported; the complete ones are imported.
      if (e instanceof IngestError && e.code === 'INGEST_TRUNCATED_TABLE') omitted.push(e);
      else throw e;
    }
  });
  if (records.length === 0) throw omitted[0];
  return { records, documentYear, structureLines, layout, omitted };
}

/** The year stated in the document outside the tables (cover letter, document title). */
function documentYearOf(lines: string[]): number | null {
  for (const l of lines) {
    const m = DOCUMENT_YEAR.exec(l);
    if (m) return Number(m[1]);
  }
  return null;
}
