/**
 * npm run ingest                      read data/sources/*.txt, write data/records/<id>.json, print a report
 * npm run --silent ingest -- --stdout FILE...   print the records of FILE... as a JSON array, write nothing
 *
 * A document that cannot be read fails with `CODE file:line message` and exit
 * code 1; in the dataset mode nothing is written then.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectRecord } from '../schema/record.ts';
import { decodeText, ingestDocument, type DocumentReport } from './document.ts';
import { IngestError } from './errors.ts';
import { loadOverrides } from '../categories/load.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCES_DIR = path.join(root, 'data/sources');
export const RECORDS_DIR = path.join(root, 'data/records');

async function readDocument(file: string, displayName: string) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new IngestError('INGEST_READ', displayName, null, (e as Error).message);
  }
  const text = decodeText(bytes, displayName);
  const metaPath = file.replace(/\.txt$/, '') + '.meta.json';
  let meta: unknown;
  if (metaPath !== file && existsSync(metaPath)) {
    try {
      meta = JSON.parse(await readFile(metaPath, 'utf8'));
    } catch (e) {
      throw new IngestError('INGEST_META_INVALID', path.basename(metaPath), null, (e as Error).message);
    }
  }
  return ingestDocument({ file: displayName, text, meta, overrides: loadOverrides(path.join(root, 'data/categories.overrides.json')) });
}

/** Every source document and its records, in file order. */
export async function ingestSources(dir = SOURCES_DIR) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const out: { records: ProjectRecord[]; report: DocumentReport }[] = [];
  for (const f of files) out.push(await readDocument(path.join(dir, f), f));
  return out;
}

function fail(e: unknown): never {
  if (e instanceof IngestError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`INGEST_INTERNAL ${(e as Error)?.message ?? e}\n`);
  process.exit(2);
}

async function main(argv: string[]) {
  if (argv[0] === '--stdout') {
    const files = argv.slice(1);
    if (files.length === 0) {
      process.stderr.write('usage: npm run --silent ingest -- --stdout FILE...\n');
      process.exit(64);
    }
    const all: ProjectRecord[] = [];
    for (const f of files) all.push(...(await readDocument(path.resolve(f), f)).records);
    process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    return;
  }
  const docs = await ingestSources();
  const ids = new Set<string>();
  for (const d of docs)
    for (const r of d.records) {
      if (ids.has(r.id)) throw new IngestError('INGEST_DUPLICATE_ID', r.source.file, r.source.lines[0], `id ${r.id} is used twice`);
      ids.add(r.id);
    }
  await rm(RECORDS_DIR, { recursive: true, force: true });
  await mkdir(RECORDS_DIR, { recursive: true });
  for (const d of docs)
    for (const r of d.records) await writeFile(path.join(RECORDS_DIR, `${r.id}.json`), JSON.stringify(r, null, 2) + '\n');
  for (const { report: r } of docs)
    process.stdout.write(`${r.file}: ${r.projects} projects, ${r.indicators} indicators, ${r.unparsed} lines in unparsed\n`);
  const total = docs.reduce((n, d) => n + d.records.length, 0);
  process.stdout.write(`${total} records written to data/records/\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch(fail);
}
