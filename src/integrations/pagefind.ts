/**
 * Astro integration that writes the search index with Pagefind on astro:build:done.
 *
 * The pages are not crawled (only project pages are in the index, and the
 * aggregate pages would only cost parsing): each record in data/records/ (or
 * RECORDS_DIR) becomes one custom record (src/lib/search-document.ts), whose
 * content is the project's text as a stream of two-character pieces
 * (src/lib/search-tokens.ts), in the index language INDEX_LANGUAGE, which
 * Pagefind neither segments nor stems.
 *
 * Memory stays bounded by one record, not the dataset: a first pass reads
 * and validates each record and keeps only its sort keys (so an invalid
 * record fails before Pagefind starts), then the records are read again one
 * at a time, in the site's default order (page numbers follow the order
 * records are added in), turned into a document, and handed to Pagefind.
 *
 * Then the index is made deterministic (src/integrations/pagefind-canonical.ts): two
 * builds of the same records give byte-identical pagefind/ files.
 *
 * The search page relies on how pagefind.js 1.5.2 reads its language and
 * splits queries (src/scripts/search.ts), so the version is checked here.
 *
 * Any failure fails the build: a site whose search silently has no index is
 * worse than no build.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
// A static import: the config's module runner is closed by the time astro:build:done runs.
import { createIndex, close } from 'pagefind';
import { formatLoadError, readRecordFile, recordFileNames, recordsDir } from '../domain/records.ts';
import { compareDefault } from '../lib/facets.ts';
import { searchDocument } from '../lib/search-document.ts';
import type { ProjectRecord } from '../schema/record.ts';
import { INDEX_LANGUAGE } from '../lib/search-tokens.ts';
import { canonicalizeIndex } from './pagefind-canonical.ts';
import { bundleFolder, rendersRecordPages, shardFromEnv, WHOLE_BUNDLE, type Shard } from '../lib/shard.ts';

/** The Pagefind version whose pagefind.js the search page was written and tested against. */
export const PAGEFIND_VERSION = '1.5.2';

/** Locations per index chunk (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE overrides). */
export const INDEX_CHUNK_SIZE = 3000;

export function pagefind(): AstroIntegration {
  return {
    name: 'budget-site:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const shard = shardFromEnv();
        // The hub of a sharded build has no record pages, so no index: its search page merges the shards' (src/lib/shard.ts).
        if (shard.mode === 'hub') return logger.info('hub of a sharded build: no search index of its own');
        await indexSite(fileURLToPath(dir), logger, recordsDir(), shard);
      },
    },
  };
}

/** Pagefind's ready-made search interfaces, which this site does not use. */
const PREBUILT_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** What compareDefault reads of a record. */
type SortKeys = Pick<ProjectRecord, 'id' | 'year' | 'kind' | 'name'> & { jurisdiction: Pick<ProjectRecord['jurisdiction'], 'code'> };

/**
 * The record files of `dir` in the site's default order. Each is read and
 * validated, and only its sort keys are kept: an invalid record fails here,
 * before Pagefind is started.
 */
export function filesInDefaultOrder(dir: string, shard: Shard = { mode: 'all' }): string[] {
  const keyed = recordFileNames(dir).flatMap((name) => {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) fail('could not read a record', [formatLoadError(read.error)]);
    const r = read.record;
    if (!rendersRecordPages(shard, r)) return [];
    return [{ file: read.file, keys: { id: r.id, year: r.year, kind: r.kind, name: r.name, jurisdiction: { code: r.jurisdiction.code } } satisfies SortKeys }];
  });
  keyed.sort((a, b) => compareDefault(a.keys as ProjectRecord, b.keys as ProjectRecord));
  return keyed.map((k) => k.file);
}

export async function indexSite(outDir: string, logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>, dir: string = recordsDir(), shard: Shard = { mode: 'all' }): Promise<void> {
  const started = performance.now();
  let added = started;
  const files = filesInDefaultOrder(dir, shard);
  const sorted = performance.now();
  // A whole build's index is pagefind/; a record shard's, pagefind/<by>-<key>/.
  const outputPath = path.join(outDir, shard.mode === 'records' ? bundleFolder(shard.by, shard.key) : WHOLE_BUNDLE);
  rmSync(outputPath, { recursive: true, force: true });
  // Smaller index chunks than Pagefind's default (20000 locations): every query piece loads the chunk
  // that holds it, so at 10,000 projects this keeps a later query near 20 KB instead of 35 (see
  // scripts/bench-search.ts). Read by the Pagefind binary when createIndex() starts it.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  try {
    const { index, errors: createErrors } = await createIndex({});
    if (!index) fail('could not create the index', createErrors);
    // One at a time: page numbers follow the order records are added in.
    for (const file of files) {
      const read = readRecordFile(file);
      if ('error' in read) fail('could not read a record', [formatLoadError(read.error)]);
      const doc = searchDocument(read.record);
      const { errors } = await index.addCustomRecord({ ...doc, language: INDEX_LANGUAGE });
      if (errors.length > 0) fail(`could not index ${doc.url}`, errors);
    }
    if (files.length === 0) logger.warn('no projects to index');
    added = performance.now();
    const { errors: writeErrors } = await index.writeFiles({ outputPath });
    if (writeErrors.length > 0) fail('could not write the index', writeErrors);
  } finally {
    await close();
  }
  // The site has its own search page (src/scripts/search.ts) and uses only pagefind.js, its worker,
  // its WebAssembly and the index. Pagefind's prebuilt UIs are not shipped: less to serve, and one of
  // them (pagefind-component-ui.css) once came out different in one of two builds of the same records.
  for (const unused of PREBUILT_UI) rmSync(path.join(outputPath, unused), { force: true });
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { version: string };
  if (entry.version !== PAGEFIND_VERSION) {
    fail(`version ${entry.version} is not ${PAGEFIND_VERSION}`, ['the search page depends on how pagefind.js reads its language and splits queries; check src/scripts/search.ts before upgrading']);
  }
  const changed = canonicalizeIndex(outputPath);
  const s = (from: number, to: number) => ((to - from) / 1000).toFixed(2);
  const now = performance.now();
  logger.info(`Indexed ${files.length} projects into ${outputPath} (${changed} files rewritten in canonical order; records read and sorted ${s(started, sorted)}s, added ${s(sorted, added)}s, written ${s(added, now)}s) in ${s(started, now)}s`);
}

function fail(what: string, errors: string[]): never {
  throw new Error(`Pagefind ${what}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}
