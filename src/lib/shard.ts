/**
 * Building the site in shards (issue 12; docs/scale.md "Shards").
 *
 * A national dataset can be built as independent processes, on one machine
 * or on many CI machines, and merged into one site (scripts/shards.ts):
 *
 *   SHARD_BY=province SHARD=hub   the hub: every page except the record pages
 *                                 (lists, jurisdictions, departments, years,
 *                                 categories, checks, comparisons, search page,
 *                                 open-data files), over all records
 *   SHARD_BY=province SHARD=64    a record shard: the pages of the records of
 *                                 province 64 (projects/<id>/, <id>.json,
 *                                 <id>.csv) and their own Pagefind index in
 *                                 pagefind/province-64/
 *
 * SHARD_BY is `province` (the first two digits of the GB/T 2260 code) or
 * `year`. Without SHARD the site is built whole, as always. The hub's search
 * page loads the first shard's pagefind.js and merges the other shards'
 * indexes with Pagefind's own mergeIndex, so one search covers all of them.
 *
 * Pure functions of the environment and the record (no Astro imports).
 */
import type { ProjectRecord } from '../schema/record';

export type ShardBy = 'province' | 'year';
export const SHARD_BYS: readonly ShardBy[] = ['province', 'year'];

export type Shard =
  | { mode: 'all' }
  | { mode: 'hub'; by: ShardBy }
  | { mode: 'records'; by: ShardBy; key: string };

/** A shard key is a province (two digits; "xx" for records without a code) or a year (four digits; "xxxx" for records without one): never a path. */
const KEY = { province: /^(\d{2}|xx)$/, year: /^(\d{4}|xxxx)$/ } as const;

export class ShardError extends Error {
  readonly code = 'SHARD_BAD_OPTION';
}

/** The shard this process builds, from SHARD_BY and SHARD; throws ShardError for anything else. */
export function shardFromEnv(env: Record<string, string | undefined> = process.env): Shard {
  const by = env.SHARD_BY;
  const shard = env.SHARD;
  if (!shard && !by) return { mode: 'all' };
  if (!by || !SHARD_BYS.includes(by as ShardBy)) throw new ShardError(`SHARD_BY must be one of ${SHARD_BYS.join(', ')} (got ${JSON.stringify(by ?? '')})`);
  if (!shard) throw new ShardError('SHARD must be "hub" or a shard key when SHARD_BY is set');
  if (shard === 'hub') return { mode: 'hub', by: by as ShardBy };
  if (!KEY[by as ShardBy].test(shard)) throw new ShardError(`SHARD for SHARD_BY=${by} must be "hub" or ${by === 'province' ? 'two digits (e.g. 64)' : 'a year (e.g. 2024)'} (got ${JSON.stringify(shard)})`);
  return { mode: 'records', by: by as ShardBy, key: shard };
}

/** The shard a record belongs to. */
export function shardKeyOf(record: Pick<ProjectRecord, 'year'> & { jurisdiction: Pick<ProjectRecord['jurisdiction'], 'code'> }, by: ShardBy): string {
  return by === 'province' ? (record.jurisdiction.code?.slice(0, 2) ?? 'xx') : String(record.year ?? 'xxxx');
}

/** Whether this process renders the record's own pages (projects/<id>/ and its downloads). */
export function rendersRecordPages(shard: Shard, record: Parameters<typeof shardKeyOf>[0]): boolean {
  if (shard.mode === 'all') return true;
  if (shard.mode === 'hub') return false;
  return shardKeyOf(record, shard.by) === shard.key;
}

/** The Pagefind bundle folder of a whole build, relative to the site's base. */
export const WHOLE_BUNDLE = 'pagefind/';

/** The Pagefind bundle folder of a record shard, relative to the site's base. */
export function bundleFolder(by: ShardBy, key: string): string {
  return `pagefind/${by}-${key}/`;
}

/** Keys in the order the merged search lists them: province codes and years ascending (the default order is by jurisdiction code first). */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}
