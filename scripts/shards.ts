/**
 * npm run shards -- <plan|build|merge|all> …   (docs/scale.md "Shards")
 *
 * A sharded build: the hub (every page but the record pages) and one record
 * shard per province or year, each an independent `astro build` that could
 * run on its own CI machine, merged into one site whose search covers all
 * shards (src/lib/shard.ts, src/shards/merge.ts).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from '../src/domain/cli';
import { formatLoadError, readRecordFile, recordFileNames, recordsDir } from '../src/domain/records';
import { SHARD_BYS, shardKeyOf, sortKeys, type ShardBy } from '../src/lib/shard';
import { MergeError, mergeShards } from '../src/shards/merge';

const USAGE = `usage: npm run shards -- <command> --by province|year [options]

  plan  --by B                       print the shard keys as a JSON array (a CI matrix: "hub" and each key)
  build --by B --key K --out DIR     build one shard (K = hub, a province code such as 64, or a year) into DIR
  merge --by B --out DIR SHARD_DIR…  put the built shards together into the site in DIR (must not exist or be empty)
  all   --by B --out DIR [--jobs N]  plan, build the hub and every shard into DIR.shards/, merge into DIR

  RECORDS_DIR, BASE_PATH and SITE_URL are read as by npm run build; every shard must get the same ones.
  --help   this text`;

function keysOf(dir: string, by: ShardBy): string[] {
  return sortKeys(
    recordFileNames(dir).map((name) => {
      const read = readRecordFile(path.join(dir, name));
      if ('error' in read) throw new Error(formatLoadError(read.error));
      return shardKeyOf(read.record, by);
    }),
  );
}

/**
 * One shard's `astro build`. It builds into a folder inside the project
 * (.shards/), then moves the result to `out`: with an output folder outside the
 * working directory, Astro stages its server files in ./.astro/, which two
 * builds running at once in one checkout would overwrite for each other.
 */
function buildShard(by: ShardBy, key: string, out: string): Promise<number> {
  const staging = path.resolve('.shards', `${by}-${key}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  return new Promise((resolve) => {
    process.stderr.write(`building shard ${by}=${key} into ${out}\n`);
    const child = spawn(path.resolve('node_modules/.bin/astro'), ['build'], {
      env: { ...process.env, SHARD_BY: by, SHARD: key, OUT_DIR: staging },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', (status) => {
      if (status !== 0) {
        process.stderr.write(`error SHARD_BUILD_FAILED: shard ${by}=${key} exited with ${status}\n`);
        rmSync(staging, { recursive: true, force: true });
        return resolve(status ?? 1);
      }
      rmSync(out, { recursive: true, force: true });
      mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      try {
        renameSync(staging, out);
      } catch {
        // Another file system: copy, then remove.
        cpSync(staging, out, { recursive: true });
        rmSync(staging, { recursive: true, force: true });
      }
      resolve(0);
    });
  });
}

/** Runs `jobs` builds at a time; resolves with the first non-zero exit status, or 0. */
async function buildAll(by: ShardBy, keys: string[], work: string, jobs: number): Promise<number> {
  const queue = [...keys];
  let failed = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      while (queue.length > 0 && failed === 0) {
        const key = queue.shift()!;
        const status = await buildShard(by, key, path.join(work, key));
        if (status !== 0) failed = status;
      }
    }),
  );
  return failed;
}

function merge(dirs: string[], out: string): number {
  try {
    const r = mergeShards(dirs, out);
    process.stderr.write(`merged ${r.shards} shards and the hub (${r.records} records) into ${out}\n`);
    return 0;
  } catch (err) {
    if (err instanceof MergeError) {
      process.stderr.write(`error ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function main(): Promise<number> {
  const cmd = parseCommandLine(process.argv.slice(2), {
    code: 'SHARDS',
    usage: USAGE,
    positionals: true,
    options: { by: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' } },
  });
  if (!cmd.ok) return cmd.exitCode;
  const [command, ...rest] = cmd.positionals;
  const bad = (message: string) => {
    process.stderr.write(`error SHARDS_BAD_ARGS: ${message}\n${USAGE}\n`);
    return 2;
  };
  const by = cmd.values.by as ShardBy | undefined;
  if (!by || !SHARD_BYS.includes(by)) return bad('--by must be province or year');
  const out = cmd.values.out;
  switch (command) {
    case 'plan':
      if (rest.length > 0) return bad('plan takes no folders');
      process.stdout.write(`${JSON.stringify(['hub', ...keysOf(recordsDir(), by)])}\n`);
      return 0;
    case 'build':
      if (!cmd.values.key || !out || rest.length > 0) return bad('build needs --key and --out');
      return buildShard(by, cmd.values.key, out);
    case 'merge':
      if (!out || rest.length === 0) return bad('merge needs --out and the built shard folders');
      return merge(rest, out);
    case 'all': {
      if (!out || rest.length > 0) return bad('all needs --out');
      const jobs = Number(cmd.values.jobs ?? 1);
      if (!Number.isInteger(jobs) || jobs < 1) return bad('--jobs must be a positive whole number');
      const work = `${path.resolve(out)}.shards`;
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      const keys = ['hub', ...keysOf(recordsDir(), by)];
      const status = await buildAll(by, keys, work, jobs);
      if (status !== 0) return status;
      rmSync(out, { recursive: true, force: true });
      return merge(
        keys.map((k) => path.join(work, k)),
        out,
      );
    }
    default:
      return bad(`unknown command ${JSON.stringify(command ?? '')}`);
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`error SHARDS_INTERNAL: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
