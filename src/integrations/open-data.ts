/**
 * Astro integration that publishes the open-data files (src/lib/open-data.ts)
 * at <base>data/<file>.
 *
 * On astro:build:start, before any page is rendered, the files are written as
 * streams, one record at a time (src/export/stream.ts), into a staging folder,
 * with a manifest of their names, sizes and checksums that the data page reads
 * (MANIFEST_ENV). On astro:build:done they are moved into the output. So no
 * file is ever one string in memory, whatever the size of the dataset, and the
 * data page still lists each file's size and SHA-256.
 *
 * Under `astro dev` the files are written once when the server starts and
 * served from the staging folder at <base>data/<file>.
 *
 * Invalid records fail here first, with the same listing of every problem as
 * the pages' loader (src/lib/records.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { recordsDir } from '../domain/records.ts';
import { contentTypeOf, MANIFEST_ENV, writeSiteOpenData, type DataFile } from '../lib/open-data.ts';
import { shardFromEnv } from '../lib/shard.ts';
import { normalizeBase, sitePath } from '../lib/site-url.ts';

/** Where the files go in the output, relative to it. */
export const DATA_FOLDER = 'data';

/** Writes the files into a new staging folder and points the data page at its manifest. */
async function stage(): Promise<{ staging: string; written: DataFile[] }> {
  const staging = mkdtempSync(path.join(tmpdir(), 'budget-open-data-'));
  // A build that fails (invalid records) or a dev server that stops leaves nothing behind.
  process.once('exit', () => rmSync(staging, { recursive: true, force: true }));
  const written = await writeSiteOpenData(recordsDir(), path.join(staging, 'files'));
  const manifest = path.join(staging, 'manifest.json');
  writeFileSync(manifest, JSON.stringify(written));
  process.env[MANIFEST_ENV] = manifest;
  return { staging, written };
}

export function openData(): AstroIntegration {
  let staging: string | undefined;
  let base = '/';
  return {
    name: 'budget-site:open-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:server:setup': async ({ server }) => {
        const { staging: dir, written } = await stage();
        const names = new Set(written.map((f) => f.name));
        server.middlewares.use((req, res, next) => {
          const url = sitePath(req.url ?? '', base);
          const prefix = `/${DATA_FOLDER}/`;
          const name = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : '';
          if (!names.has(name) || !existsSync(path.join(dir, 'files', name))) return next();
          res.setHeader('Content-Type', contentTypeOf(name));
          res.end(readFileSync(path.join(dir, 'files', name)));
        });
      },
      'astro:build:start': async ({ logger }) => {
        // A record shard publishes only its record pages; the hub writes the open-data files (src/lib/shard.ts).
        if (shardFromEnv().mode === 'records') return logger.info('record shard of a sharded build: the open-data files are the hub\'s');
        const started = performance.now();
        const staged = await stage();
        staging = staged.staging;
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${staged.written.length} open-data files written (${staged.written.reduce((n, f) => n + f.bytes, 0)} bytes) in ${seconds}s`);
      },
      'astro:build:done': ({ dir }) => {
        if (!staging) return;
        cpSync(path.join(staging, 'files'), path.join(fileURLToPath(dir), DATA_FOLDER), { recursive: true });
        rmSync(staging, { recursive: true, force: true });
        delete process.env[MANIFEST_ENV];
        staging = undefined;
      },
    },
  };
}
