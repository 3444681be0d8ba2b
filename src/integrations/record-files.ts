/**
 * Astro integration that writes each project's downloads, `<base>projects/<id>.json`
 * (the record as validated) and `<base>projects/<id>.csv` (its indicator rows,
 * src/lib/record-csv.ts), one record at a time on astro:build:done.
 *
 * They were Astro endpoints: at 10,000 projects, 20,000 routes rendered through
 * Astro's page pipeline cost 38 s of a build, for files that are a
 * JSON.stringify and a CSV each. Here a record is read, written twice and
 * dropped; memory stays bounded by one record.
 *
 * A record shard writes its records' files, the hub none (src/lib/shard.ts),
 * as it did with the endpoints. Under `astro dev` the files are served from
 * the record files at the same addresses.
 *
 * The file names come from validated ids (src/schema/record.ts: digits, x,
 * a kind and 8 hex digits), never from a path in a record.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatLoadError, readRecordFile, recordFileNames, recordsDir } from '../domain/records.ts';
import { recordToCsv } from '../lib/record-csv.ts';
import { normalizeBase, sitePath } from '../lib/site-url.ts';
import { rendersRecordPages, shardFromEnv, type Shard } from '../lib/shard.ts';
import type { ProjectRecord } from '../schema/record.ts';

/** A project's downloads: file name (under projects/) → content and type. */
export function recordDownloads(record: ProjectRecord): { name: string; body: string; type: string }[] {
  return [
    { name: `${record.id}.json`, body: JSON.stringify(record, null, 2) + '\n', type: 'application/json; charset=utf-8' },
    { name: `${record.id}.csv`, body: recordToCsv(record), type: 'text/csv; charset=utf-8' },
  ];
}

/** Writes the downloads of every record of `dir` this process builds into `outDir`/projects/; returns how many records. */
export function writeRecordDownloads(dir: string, outDir: string, shard: Shard = { mode: 'all' }): number {
  if (shard.mode === 'hub') return 0;
  const folder = path.join(outDir, 'projects');
  mkdirSync(folder, { recursive: true });
  let count = 0;
  for (const name of recordFileNames(dir)) {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) throw new Error(`project downloads: ${formatLoadError(read.error)}`);
    if (!rendersRecordPages(shard, read.record)) continue;
    for (const f of recordDownloads(read.record)) writeFileSync(path.join(folder, f.name), f.body);
    count++;
  }
  return count;
}

/** The id a download address names, or null: `<base>projects/<id>.json|csv`. */
export function downloadIdOf(url: string, base: string): { id: string; ext: 'json' | 'csv' } | null {
  const m = /^\/projects\/([0-9x]+-[0-9x]+-(?:target|selfeval)-[0-9a-f]{8})\.(json|csv)$/.exec(sitePath(url, base));
  return m ? { id: m[1], ext: m[2] as 'json' | 'csv' } : null;
}

export function recordFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'budget-site:record-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const wanted = downloadIdOf(req.url ?? '', base);
          if (!wanted) return next();
          // Dev only, a handful of records: the record is looked up afresh on each request, so edits show.
          const dir = recordsDir();
          for (const name of recordFileNames(dir)) {
            const read = readRecordFile(path.join(dir, name));
            if ('error' in read || read.record.id !== wanted.id) continue;
            const file = recordDownloads(read.record).find((f) => f.name.endsWith(`.${wanted.ext}`))!;
            res.setHeader('Content-Type', file.type);
            return res.end(file.body);
          }
          next();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const count = writeRecordDownloads(recordsDir(), fileURLToPath(dir), shardFromEnv());
        logger.info(`${count} projects' .json and .csv written in ${((performance.now() - started) / 1000).toFixed(2)}s`);
      },
    },
  };
}
