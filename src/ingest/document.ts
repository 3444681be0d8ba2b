/**
 * From a document's text (and its metadata file, when there is one) to
 * validated records: parse, then add what identifies each table
 * (jurisdiction, year, kind, id) and check it against the schema.
 * No file system here: the CLI and the tests pass text in.
 */
import { createHash } from 'node:crypto';
import { ProjectRecord, SourceMeta, type Kind } from '../schema/record.ts';
import { divisionChain, findJurisdiction } from '../domain/places.ts';
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
  /** Refuse the whole document when a table in it is cut off (default: import the complete ones, report the rest). */
  strict?: boolean;
}

export interface DocumentReport {
  file: string;
  projects: number;
  indicators: number;
  unparsed: number;
  /** The layout reader that read it, and how sure it was (0–1). */
  layout: { name: string; confidence: number };
  /** Tables left out (cut off), each with its code, file and line. */
  omitted: { code: string; file: string; line: number | null; message: string }[];
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
  if (input.strict && parsed.omitted.length > 0) throw parsed.omitted[0];

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
      layout: { name: parsed.layout.reader.name, confidence: parsed.layout.confidence },
      omitted: parsed.omitted.map((e) => ({ code: e.code, file: e.file, line: e.line, message: e.message })),
    },
  };
}

/**
 * The place a department, unit or title printed in the table names, against
 * the metadata's jurisdiction: they agree when one contains the other
 * (石嘴山市人民政府办公室 in a 平罗县 document). Returns what contradicts, or null.
 */
export function jurisdictionConflict(r: Pick<ParsedRecord, 'department' | 'implementingUnit' | 'title'>, meta: SourceMeta): string | null {
  const metaChain = divisionChain(meta.jurisdiction.code);
  for (const [what, text] of [
    ['主管部门', r.department?.name],
    ['实施单位', r.implementingUnit?.name],
    ['title', r.title],
  ] as const) {
    if (!text) continue;
    const place = findJurisdiction(text);
    if (!place) continue;
    const related = place.code
      ? metaChain.some((d) => d.code === place.code) || divisionChain(place.code).some((d) => d.code === meta.jurisdiction.code)
      : metaChain.some((d) => d.name === place.name);
    if (!related)
      return `the ${what} "${text}" names ${place.name}${place.code ? ` (${place.code})` : ''}, the metadata ${meta.jurisdiction.name} (${meta.jurisdiction.code})`;
  }
  return null;
}

function complete(r: ParsedRecord, documentYear: number | null, meta: SourceMeta | null, file: string, overrides: Overrides): ProjectRecord {
  const line = r.source.lines[0];
  const statedYear = r.year ?? documentYear;
  if (meta && statedYear !== null && statedYear !== meta.year)
    throw new IngestError('INGEST_META_CONFLICT', file, line, `the document states ${statedYear}, the metadata ${meta.year}`);
  if (meta && r.kind !== null && r.kind !== meta.kind)
    throw new IngestError('INGEST_META_CONFLICT', file, line, `the table is a ${r.kind} table, the metadata says ${meta.kind}`);
  if (meta) {
    const conflict = jurisdictionConflict(r, meta);
    if (conflict) throw new IngestError('INGEST_META_CONFLICT', file, line, conflict);
  }
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
