/**
 * Putting the shards of a sharded build together into one site
 * (src/lib/shard.ts; `npm run shards -- merge`).
 *
 * The hub's output is taken whole. From each record shard only what is its
 * own: the pages of its records (projects/<id>/, projects/<id>.json,
 * projects/<id>.csv), its Pagefind bundle (pagefind/<by>-<key>/) and the
 * built assets (_astro/, content-hashed, so a file present in two shards must
 * be byte-identical). The shard.json manifests are checked first: one hub,
 * every shard the hub expects present once with the hub's record count, all
 * split the same way. Any mismatch is an error with a code; nothing is
 * written then.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ShardManifest } from '../integrations/shard-manifest';
import { SHARD_MANIFEST } from '../integrations/shard-manifest';
import { bundleFolder } from '../lib/shard';

export class MergeError extends Error {
  constructor(
    readonly code: 'SHARD_NO_MANIFEST' | 'SHARD_PLAN' | 'SHARD_MISSING' | 'SHARD_CONFLICT' | 'SHARD_OUT_EXISTS',
    message: string,
  ) {
    super(message);
  }
}

const RECORD_ID = /^[0-9x]+-[0-9x]+-(target|selfeval)-[0-9a-f]{8}$/;

function readManifest(dir: string): ShardManifest {
  const file = path.join(dir, SHARD_MANIFEST);
  if (!existsSync(file)) throw new MergeError('SHARD_NO_MANIFEST', `${dir}: no ${SHARD_MANIFEST}; build it with SHARD_BY and SHARD set (npm run shards -- build)`);
  return JSON.parse(readFileSync(file, 'utf8')) as ShardManifest;
}

function files(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...files(dir, r));
    else out.push(r);
  }
  return out;
}

export interface MergeResult {
  shards: number;
  records: number;
}

/** Merges the built shard folders `dirs` (the hub and every record shard) into `out`, which must not exist or be empty. */
export function mergeShards(dirs: readonly string[], out: string): MergeResult {
  const manifests = dirs.map((dir) => ({ dir, m: readManifest(dir) }));
  const hubs = manifests.filter((x) => x.m.shard === 'hub');
  if (hubs.length !== 1) throw new MergeError('SHARD_PLAN', `expected one hub among the shards, found ${hubs.length}`);
  const hub = hubs[0];
  if (!('keys' in hub.m)) throw new MergeError('SHARD_PLAN', `${hub.dir}: the hub's ${SHARD_MANIFEST} lists no shard keys`);
  const expected = hub.m.keys;
  const shards = manifests.filter((x) => x !== hub);
  const seen = new Set<string>();
  for (const { dir, m } of shards) {
    if (m.by !== hub.m.by) throw new MergeError('SHARD_PLAN', `${dir}: split by ${m.by}, the hub by ${hub.m.by}`);
    if (!('ids' in m)) throw new MergeError('SHARD_PLAN', `${dir}: not a record shard`);
    if (seen.has(m.shard)) throw new MergeError('SHARD_PLAN', `${dir}: shard ${m.shard} given twice`);
    seen.add(m.shard);
    if (!(m.shard in expected)) throw new MergeError('SHARD_PLAN', `${dir}: shard ${m.shard} has no records in the hub's dataset`);
    if (expected[m.shard] !== m.records || m.ids.length !== m.records)
      throw new MergeError('SHARD_PLAN', `${dir}: shard ${m.shard} was built from ${m.records} records, the hub counts ${expected[m.shard]}: rebuild both from the same records`);
    if (m.bundle !== bundleFolder(m.by, m.shard)) throw new MergeError('SHARD_PLAN', `${dir}: unexpected search bundle ${JSON.stringify(m.bundle)}`);
    const bad = m.ids.find((id) => !RECORD_ID.test(id));
    if (bad !== undefined) throw new MergeError('SHARD_PLAN', `${dir}: ${JSON.stringify(bad)} is not a record id`);
  }
  const missing = Object.keys(expected).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new MergeError('SHARD_MISSING', `missing shard(s) ${missing.join(', ')} (${hub.m.by}); the search would not cover them`);
  // What each shard contributes, checked before anything is written.
  const plan: { from: string; rel: string }[] = [];
  for (const { dir, m } of shards) {
    if (!('ids' in m)) continue;
    for (const id of m.ids)
      for (const rel of [`projects/${id}/index.html`, `projects/${id}.json`, `projects/${id}.csv`]) {
        if (!existsSync(path.join(dir, rel))) throw new MergeError('SHARD_MISSING', `${dir}: ${rel} is missing; was the shard's build complete?`);
        plan.push({ from: dir, rel });
      }
    if (!existsSync(path.join(dir, m.bundle, 'pagefind-entry.json'))) throw new MergeError('SHARD_MISSING', `${dir}: no search index in ${m.bundle}`);
    for (const rel of files(path.join(dir, m.bundle))) plan.push({ from: dir, rel: `${m.bundle}${rel}` });
    if (existsSync(path.join(dir, '_astro'))) for (const rel of files(path.join(dir, '_astro'))) plan.push({ from: dir, rel: `_astro/${rel}` });
  }
  const hubFiles = new Set(files(hub.dir));
  const taken = new Map<string, string>();
  for (const p of plan) {
    const first = taken.get(p.rel) ?? (hubFiles.has(p.rel) ? hub.dir : undefined);
    if (first !== undefined) {
      if (!p.rel.startsWith('_astro/')) throw new MergeError('SHARD_CONFLICT', `${p.rel} is in both ${first} and ${p.from}`);
      if (!readFileSync(path.join(first, p.rel)).equals(readFileSync(path.join(p.from, p.rel))))
        throw new MergeError('SHARD_CONFLICT', `${p.rel} differs between ${first} and ${p.from}: build every shard from the same commit`);
      continue;
    }
    taken.set(p.rel, p.from);
  }
  if (existsSync(out) && readdirSync(out).length > 0) throw new MergeError('SHARD_OUT_EXISTS', `${out} exists and is not empty`);
  mkdirSync(out, { recursive: true });
  cpSync(hub.dir, out, { recursive: true, filter: (src) => path.relative(hub.dir, src) !== SHARD_MANIFEST });
  for (const [rel, from] of taken) {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    copyFileSync(path.join(from, rel), path.join(out, rel));
  }
  return { shards: shards.length, records: Object.values(expected).reduce((n, c) => n + c, 0) };
}
