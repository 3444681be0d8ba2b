/** Reading data/records/*.json and validating each record (the I/O edge of the audit). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProjectRecord } from '../schema/record';

export type LoadErrorCode = 'AUDIT_NO_RECORDS_DIR' | 'AUDIT_UNREADABLE' | 'AUDIT_BAD_JSON' | 'AUDIT_INVALID_RECORD';

export interface LoadError {
  code: LoadErrorCode;
  file: string;
  message: string;
}

export interface Loaded {
  records: ProjectRecord[];
  errors: LoadError[];
}

/** Reads every *.json in `dir` (sorted by name), validating each with ProjectRecord. Never throws for bad files. */
export async function loadRecords(dir: string): Promise<Loaded> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    return { records: [], errors: [{ code: 'AUDIT_NO_RECORDS_DIR', file: dir, message: `cannot list directory (${(err as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  const records: ProjectRecord[] = [];
  const errors: LoadError[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      errors.push({ code: 'AUDIT_UNREADABLE', file, message: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      errors.push({ code: 'AUDIT_BAD_JSON', file, message: (err as Error).message });
      continue;
    }
    const parsed = ProjectRecord.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      errors.push({ code: 'AUDIT_INVALID_RECORD', file, message: issues + (parsed.error.issues.length > 5 ? ` (+${parsed.error.issues.length - 5} more)` : '') });
      continue;
    }
    records.push(parsed.data);
  }
  return { records, errors };
}
