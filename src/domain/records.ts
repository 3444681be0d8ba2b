/**
 * The one record loader: every command (audit, data:export), the site's
 * build and the tests read data/records/ through it, so they all see the same
 * records and reject the same bad ones.
 *
 * Records are untrusted input (anyone may contribute one), so each file is
 * validated with the record schema, and two files holding the same id are an
 * error naming both, never a silent overwrite.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ProjectRecord } from '../schema/record.ts';

/** Where the records are unless RECORDS_DIR or --records says otherwise. */
export const DEFAULT_RECORDS_DIR = 'data/records';

/**
 * The records folder for a command: its --records flag, else the RECORDS_DIR
 * environment variable, else data/records; resolved against the working directory.
 */
export function recordsDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? (env.RECORDS_DIR || DEFAULT_RECORDS_DIR));
}

export type RecordLoadCode = 'RECORDS_NO_DIR' | 'RECORDS_UNREADABLE' | 'RECORDS_BAD_JSON' | 'RECORDS_INVALID' | 'RECORDS_DUPLICATE_ID' | 'RECORDS_BAD_SOURCE';

export interface RecordLoadError {
  code: RecordLoadCode;
  /** The file at fault (for a duplicate id, the second file in name order). */
  file: string;
  message: string;
}

export interface LoadedRecord {
  record: ProjectRecord;
  /** The file the record was read from. */
  file: string;
}

export interface Loaded {
  /** Valid records, in file-name order. */
  records: ProjectRecord[];
  /** The same records with the file each came from. */
  entries: LoadedRecord[];
  errors: RecordLoadError[];
}

/** zod issues as one line: `indicators.0.weight: Expected number, received string; …` */
export function describeIssues(issues: readonly { path: (string | number)[]; message: string }[], max = 5): string {
  const shown = issues
    .slice(0, max)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return shown + (issues.length > max ? ` (+${issues.length - max} more)` : '');
}

/**
 * Ids used by more than one entry: one error per repeated use, naming the file
 * that already holds the id and the one that repeats it.
 */
export function duplicateIds(entries: readonly { id: string; file: string }[]): RecordLoadError[] {
  const seen = new Map<string, string>();
  const errors: RecordLoadError[] = [];
  for (const { id, file } of entries) {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, file);
    else errors.push({ code: 'RECORDS_DUPLICATE_ID', file, message: `id ${id} is already used by ${path.relative(process.cwd(), first) || first}` });
  }
  return errors;
}

/** Reads every *.json in `dir` (sorted by name) and validates it. Never throws for bad files: they are in `errors`. */
export function loadRecords(dir: string): Loaded {
  let names: string[];
  try {
    names = recordFileNames(dir);
  } catch (err) {
    return { records: [], entries: [], errors: [{ code: 'RECORDS_NO_DIR', file: dir, message: `cannot list directory (${errnoCode(err)})` }] };
  }
  const entries: LoadedRecord[] = [];
  const errors: RecordLoadError[] = [];
  for (const name of names) {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) errors.push(read.error);
    else entries.push(read);
  }
  errors.push(...duplicateIds(entries.map((e) => ({ id: e.record.id, file: e.file }))));
  return { records: entries.map((e) => e.record), entries, errors };
}

/** The *.json file names of a records folder, sorted (throws when it cannot be listed). */
export function recordFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
}

/** Reads and validates one record file. Never throws for a bad file: it is the error. */
export function readRecordFile(file: string): LoadedRecord | { error: RecordLoadError } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { error: { code: 'RECORDS_UNREADABLE', file, message: `cannot read (${errnoCode(err)})` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: { code: 'RECORDS_BAD_JSON', file, message: (err as Error).message } };
  }
  const parsed = ProjectRecord.safeParse(json);
  if (!parsed.success) return { error: { code: 'RECORDS_INVALID', file, message: describeIssues(parsed.error.issues) } };
  return { record: parsed.data, file };
}

/** One line per error: `error CODE file: message`, the file relative to the working directory. */
export function formatLoadError(e: RecordLoadError): string {
  return `error ${e.code} ${path.relative(process.cwd(), e.file) || e.file}: ${e.message}`;
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}
