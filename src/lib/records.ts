/**
 * Loading the records for pages: every page gets its data from here, so
 * later pages (categories, comparisons, audit flags) see the same list.
 *
 * Records are read from data/records/ (or RECORDS_DIR) by the one record
 * loader every command and test uses (src/domain/records.ts), validated by
 * the same zod schema, once per build. They do not go through Astro's
 * content collections: those keep every record in a content store that is
 * serialised into one JavaScript module and bundled, which is where a build
 * of 30,000 projects ran out of memory (issue 12; docs/scale.md).
 *
 * Before any page is built, the whole set is checked for what the schema
 * cannot see: two files with one id (one page silently overwritten, its
 * budget counted twice) and source passages that cannot be shown (a path out
 * of data/sources/, a missing file, lines beyond its end). Every problem is
 * listed with its code and file, and the build stops.
 */
import path from 'node:path';
import { duplicateIds, formatLoadError, loadRecords, readRecordFile, recordFileNames, recordsDir, type RecordLoadError } from '../domain/records';
import type { ProjectRecord } from '../schema/record';
import { compareDefault, jurisdictionTree, type JurisdictionNode } from './facets';
import { sourceProblem } from './sources';

let cache: ProjectRecord[] | undefined;
let jurisdictions: Map<string, JurisdictionNode> | undefined;

/** Reads and checks every record; throws one error listing every problem. */
export function readCheckedRecords(dir: string = recordsDir()): ProjectRecord[] {
  const { entries, errors } = loadRecords(dir);
  const problems = errors.map(formatLoadError);
  for (const { record, file } of entries) {
    const problem = sourceProblem(record);
    if (problem) problems.push(formatLoadError({ code: 'RECORDS_BAD_SOURCE', file, message: `record ${record.id}: ${problem}` }));
  }
  if (problems.length > 0) throw new Error(`${problems.length} record problem(s):\n${problems.join('\n')}`);
  return entries.map((e) => e.record);
}

/**
 * The same checks as readCheckedRecords, one record in memory at a time: the
 * record files of `dir` in id order. Throws one error listing every problem.
 */
export function checkedRecordFiles(dir: string = recordsDir()): string[] {
  let names: string[];
  try {
    names = recordFileNames(dir);
  } catch {
    readCheckedRecords(dir); // the loader's own RECORDS_NO_DIR message
    return [];
  }
  const errors: RecordLoadError[] = [];
  const problems: string[] = [];
  const keys: { id: string; file: string }[] = [];
  for (const name of names) {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    keys.push({ id: read.record.id, file: read.file });
    const problem = sourceProblem(read.record);
    if (problem) problems.push(formatLoadError({ code: 'RECORDS_BAD_SOURCE', file: read.file, message: `record ${read.record.id}: ${problem}` }));
  }
  errors.push(...duplicateIds(keys));
  const all = [...errors.map(formatLoadError), ...problems];
  if (all.length > 0) throw new Error(`${all.length} record problem(s):\n${all.join('\n')}`);
  return keys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((k) => k.file);
}

/** All records, checked, in the default order; read once per build. */
export async function getRecords(): Promise<ProjectRecord[]> {
  if (!cache) cache = readCheckedRecords().sort(compareDefault);
  return cache;
}

/** The jurisdictions with records and their ancestors, by code; computed once per build. */
export async function getJurisdictions(): Promise<Map<string, JurisdictionNode>> {
  if (!jurisdictions) jurisdictions = jurisdictionTree(await getRecords());
  return jurisdictions;
}

export { jurisdictionInfo, chainLabel } from './jurisdictions';
