/**
 * From a document's text (and its metadata file, when there is one) to
 * validated records: parse, then add what identifies each table
 * (jurisdiction, year, kind, id) and check it against the schema.
 * No file system here: the CLI and the tests pass text in.
 */
import { createHash } from 'node:crypto';
import { ProjectRecord, SourceMeta, type Kind } from '../schema/record.ts';
import { findJurisdiction } from '../domain/places.ts';
import { categorize, NO_OVERRIDES, type Overrides } from '../categories/index.ts';
import { IngestError } from './errors.ts';
import { parseDocument, type ParsedRecord } from './parse.ts';

export interface DocumentInput {
  /** Name used in errors and in `source.file` (relative to data/sources/ for the dataset). */
  file: string;
  text: string;
  /** Parsed metadata file content, or undefined when the document has none. */
  meta?: unknown;
  /** Hand-maintained category overrides (data/categories.overrides.json); none by default. */
  overrides?: Overrides;
}

export interface DocumentReport {
  file: string;
  projects: number;
  indicators: number;
  unparsed: number;
}

/** The record id: readable prefix, and a hash of what identifies the table so that re-ingesting keeps it. */
export function recordId(parts: { jurisdictionName: string | null; code: string | null; year: number | null; kind: Kind; name: string }): string {
  const key = `${parts.jurisdictionName ?? ''}|${parts.year ?? ''}|${parts.kind}|${parts.name}`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
  return `${parts.code ?? 'x'}-${parts.year ?? 'x'}-${parts.kind === 'target' ? 'target' : 'selfeval'}-${hash}`;
}

/** Decode a file's bytes: UTF-8 (with or without BOM), else GB18030 (common for Chinese government files). */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new IngestError('INGEST_EMPTY_FILE', file, 1, 'the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new IngestError('INGEST_BINARY', file, 1, 'neither UTF-8 nor GB18030 text');
    }
  }
  text = text.replace(/^\uFEFF/, '');
  // Control characters other than tab/newline/carriage return/form feed mean binary data.
  const control = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (control > 0 && control / text.length > 0.001) {
    const line = text.slice(0, text.search(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/)).split('\n').length;
    throw new IngestError('INGEST_BINARY', file, line, `${control} control characters: not a text document`);
  }
  return text;
}

/** Read one document into validated records. Throws IngestError. */
export function ingestDocument(input: DocumentInput): { records: ProjectRecord[]; report: DocumentReport } {
  let meta: SourceMeta | null = null;
  if (input.meta !== undefined) {
    const m = SourceMeta.safeParse(input.meta);
    if (!m.success) {
      const issue = m.error.issues[0];
      throw new IngestError('INGEST_META_INVALID', `${input.file} (metadata)`, null, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    meta = m.data;
  }
  const parsed = parseDocument(input.text, input.file);

  const records = parsed.records.map((r) => complete(r, parsed.documentYear, meta, input.file, input.overrides ?? NO_OVERRIDES));
  const seen = new Map<string, ProjectRecord>();
  for (const r of records) {
    const other = seen.get(r.id);
    if (other)
      throw new IngestError('INGEST_DUPLICATE_ID', input.file, r.source.lines[0], `"${r.name}" gets the same id as the table at line ${other.source.lines[0]}`);
    seen.set(r.id, r);
  }
  return {
    records,
    report: {
      file: input.file,
      projects: records.length,
      indicators: records.reduce((n, r) => n + r.indicators.length, 0),
      unparsed: records.reduce((n, r) => n + r.unparsed.length, 0),
    },
  };
}

function complete(r: ParsedRecord, documentYear: number | null, meta: SourceMeta | null, file: string, overrides: Overrides): ProjectRecord {
  const line = r.source.lines[0];
  const statedYear = r.year ?? documentYear;
  if (meta && statedYear !== null && statedYear !== meta.year)
    throw new IngestError('INGEST_META_CONFLICT', file, line, `the document states ${statedYear}, the metadata ${meta.year}`);
  if (meta && r.kind !== null && r.kind !== meta.kind)
    throw new IngestError('INGEST_META_CONFLICT', file, line, `the table is a ${r.kind} table, the metadata says ${meta.kind}`);
  const year = statedYear ?? meta?.year ?? null;
  const kind: Kind = r.kind ?? meta?.kind ?? 'target';
  const jurisdiction = meta
    ? { name: meta.jurisdiction.name, code: meta.jurisdiction.code }
    : (findJurisdiction(r.department?.name ?? '') ?? findJurisdiction(r.title ?? '') ?? { name: null, code: null });
  const id = recordId({ jurisdictionName: jurisdiction.name, code: jurisdiction.code, year, kind, name: r.name });
  const category = categorize({ id, name: r.name, goal: r.goal, jurisdiction, year, kind }, overrides);
  // source.file is a name inside data/sources/ (the schema refuses paths), however the file was given on the command line.
  const source = { ...r.source, file: file.split(/[\\/]/).pop()! };
  const record = { id, ...r, kind, year, jurisdiction, category, source };
  const checked = ProjectRecord.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new IngestError('INGEST_SCHEMA', file, line, `${issue.path.join('.')}: ${issue.message}`);
  }
  // Key order as in the schema, so files diff cleanly.
  return checked.data;
}
