/**
 * Astro integration: in a sharded build (src/lib/shard.ts), writes
 * <out>/shard.json, which `npm run shards -- merge` reads to put the shards
 * together and to check that none is missing or stale:
 *
 *   hub:          { by, shard: "hub", records, keys: { "<key>": <records>, … } }
 *   record shard: { by, shard: "<key>", records, ids: [ … ], bundle: "pagefind/<by>-<key>/" }
 *
 * A whole build writes nothing. shard.json is not part of the merged site.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatLoadError, readRecordFile, recordFileNames, recordsDir } from '../domain/records.ts';
import { bundleFolder, shardFromEnv, shardKeyOf, type ShardBy } from '../lib/shard.ts';

export const SHARD_MANIFEST = 'shard.json';

export type ShardManifest =
  | { by: ShardBy; shard: 'hub'; records: number; keys: Record<string, number> }
  | { by: ShardBy; shard: string; records: number; ids: string[]; bundle: string };

/** What shard.json says for `shard`, from the records of `dir` (one in memory at a time). */
export function shardManifest(dir: string, shard: { by: ShardBy; key: string | 'hub' }): ShardManifest {
  const keys: Record<string, number> = {};
  const ids: string[] = [];
  let records = 0;
  for (const name of recordFileNames(dir)) {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) throw new Error(formatLoadError(read.error));
    const key = shardKeyOf(read.record, shard.by);
    if (shard.key === 'hub') {
      keys[key] = (keys[key] ?? 0) + 1;
      records += 1;
    } else if (key === shard.key) {
      ids.push(read.record.id);
      records += 1;
    }
  }
  if (shard.key === 'hub') return { by: shard.by, shard: 'hub', records, keys: Object.fromEntries(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : 1))) };
  return { by: shard.by, shard: shard.key, records, ids: ids.sort(), bundle: bundleFolder(shard.by, shard.key) };
}

export function shardManifestIntegration(): AstroIntegration {
  return {
    name: 'budget-site:shard-manifest',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const shard = shardFromEnv();
        if (shard.mode === 'all') return;
        const manifest = shardManifest(recordsDir(), { by: shard.by, key: shard.mode === 'hub' ? 'hub' : shard.key });
        writeFileSync(path.join(fileURLToPath(dir), SHARD_MANIFEST), JSON.stringify(manifest));
        logger.info(`shard ${manifest.by}=${manifest.shard}: ${manifest.records} records`);
      },
    },
  };
}
