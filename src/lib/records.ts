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
import { duplicateIds, formatLoadError, readRecordFile, recordFileNames, recordsDir, type LoadedRecord, type RecordLoadError } from '../domain/records';
import type { ProjectRecord } from '../schema/record';
import { compareDefault, jurisdictionTree, type JurisdictionNode } from './facets';
import { checkSource } from './sources';
import { bundleFolder, rendersRecordPages, shardFromEnv, shardKeyOf, sortKeys, WHOLE_BUNDLE } from './shard';

/** The records of this build: a promise, so that pages asking while they are being checked wait for the one check. */
let cache: Promise<ProjectRecord[]> | undefined;
let jurisdictions: Map<string, JurisdictionNode> | undefined;

/**
 * Checks every record of `dir`, one in memory at a time: the schema, duplicate
 * ids, and source passages that cannot be shown. Each valid entry is handed to
 * `keep`; throws one error listing every problem. The source passages are
 * checked for the records `shows` picks (default all: a record shard only
 * checks, and so renders, the sources of its own records), grouped by source
 * document so that each is rendered or read from the cache once
 * (src/lib/sources.ts).
 */
async function checkFolder(dir: string, keep: (entry: LoadedRecord) => void, shows: (record: ProjectRecord) => boolean = () => true): Promise<void> {
  let names: string[];
  try {
    names = recordFileNames(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(`1 record problem(s):\n${formatLoadError({ code: 'RECORDS_NO_DIR', file: dir, message: `cannot list directory (${code})` })}`);
  }
  const errors: RecordLoadError[] = [];
  const passages: { file: string; id: string; source: ProjectRecord['source'] }[] = [];
  const ids: { id: string; file: string }[] = [];
  for (const name of names) {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    ids.push({ id: read.record.id, file: read.file });
    if (shows(read.record)) passages.push({ file: read.file, id: read.record.id, source: read.record.source });
    keep(read);
  }
  const sources: string[] = [];
  passages.sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0));
  for (const p of passages) {
    const problem = await checkSource(p);
    if (problem) sources.push(formatLoadError({ code: 'RECORDS_BAD_SOURCE', file: p.file, message: `record ${p.id}: ${problem}` }));
  }
  errors.push(...duplicateIds(ids));
  const all = [...errors.map(formatLoadError), ...sources];
  if (all.length > 0) throw new Error(`${all.length} record problem(s):\n${all.join('\n')}`);
}

/** Reads and checks every record; throws one error listing every problem. */
export async function readCheckedRecords(dir: string = recordsDir()): Promise<ProjectRecord[]> {
  const records: ProjectRecord[] = [];
  await checkFolder(dir, (e) => records.push(e.record));
  return records;
}

/** The same checks as readCheckedRecords, keeping only the file names: the record files of `dir` in id order. */
export async function checkedRecordFiles(dir: string = recordsDir()): Promise<string[]> {
  const keys: { id: string; file: string }[] = [];
  await checkFolder(dir, (e) => keys.push({ id: e.record.id, file: e.file }));
  return keys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((k) => k.file);
}

/**
 * All records, checked, in the default order; read once per build. In a
 * record shard (src/lib/shard.ts) only the shard's records: every file is
 * still checked, so each shard refuses a bad dataset as the whole build would;
 * the source passages only of the shard's records (those are the documents
 * it renders; the other shards and the hub check the rest).
 */
export async function getRecords(): Promise<ProjectRecord[]> {
  cache ??= (async () => {
    const shard = shardFromEnv();
    const records: ProjectRecord[] = [];
    const own = (r: ProjectRecord) => shard.mode !== 'records' || rendersRecordPages(shard, r);
    await checkFolder(
      recordsDir(),
      (e) => {
        if (own(e.record)) records.push(e.record);
      },
      own,
    );
    return records.sort(compareDefault);
  })().catch((e: unknown) => {
    cache = undefined;
    throw e;
  });
  return cache;
}

let byId: Map<string, ProjectRecord> | undefined;

/** The records by id; built once per build (pages of flags look their projects up, page after page). */
export async function getRecordsById(): Promise<Map<string, ProjectRecord>> {
  byId ??= new Map((await getRecords()).map((r) => [r.id, r]));
  return byId;
}

let bySource: Map<string, ProjectRecord[]> | undefined;

/**
 * The records read from each source file, in the default order; built once
 * per build. A national dataset has about as many source files as records, so
 * filtering all records for each source page would be quadratic.
 */
export async function getRecordsBySource(): Promise<Map<string, ProjectRecord[]>> {
  if (!bySource) {
    bySource = new Map();
    for (const r of await getRecords()) {
      const list = bySource.get(r.source.file);
      if (list) list.push(r);
      else bySource.set(r.source.file, [r]);
    }
  }
  return bySource;
}

/** The records whose own pages this build renders: all of them, none in the hub, the shard's in a record shard. */
export async function getRecordPageRecords(): Promise<ProjectRecord[]> {
  return shardFromEnv().mode === 'hub' ? [] : getRecords();
}

/**
 * The Pagefind bundles the search page searches, relative to the base path:
 * "pagefind/" for a whole build; in the hub of a sharded build, one per shard
 * that has records, in key order (the first is loaded, the others merged).
 */
export async function getSearchBundles(): Promise<string[]> {
  const shard = shardFromEnv();
  if (shard.mode === 'all') return [WHOLE_BUNDLE];
  if (shard.mode === 'records') return [bundleFolder(shard.by, shard.key)];
  const keys = sortKeys((await getRecords()).map((r) => shardKeyOf(r, shard.by)));
  return keys.map((k) => bundleFolder(shard.by, k));
}

/** The jurisdictions with records and their ancestors, by code; computed once per build. */
export async function getJurisdictions(): Promise<Map<string, JurisdictionNode>> {
  if (!jurisdictions) jurisdictions = jurisdictionTree(await getRecords());
  return jurisdictions;
}

export { jurisdictionInfo, chainLabel } from './jurisdictions';
