/** The shard options (src/lib/shard.ts): what each process builds, and refusing anything else. */
import { describe, expect, test } from 'vitest';
import { loadRecords } from '../e2e/browser';
import { bundleFolder, rendersRecordPages, shardFromEnv, ShardError, shardKeyOf } from '../../src/lib/shard';

const records = loadRecords('data/records');

describe('shardFromEnv', () => {
  test('no options: the whole site', () => {
    expect(shardFromEnv({})).toEqual({ mode: 'all' });
  });
  test('the hub and record shards by province or year', () => {
    expect(shardFromEnv({ SHARD_BY: 'province', SHARD: 'hub' })).toEqual({ mode: 'hub', by: 'province' });
    expect(shardFromEnv({ SHARD_BY: 'province', SHARD: '64' })).toEqual({ mode: 'records', by: 'province', key: '64' });
    expect(shardFromEnv({ SHARD_BY: 'year', SHARD: '2024' })).toEqual({ mode: 'records', by: 'year', key: '2024' });
  });
  test.each([
    [{ SHARD: '64' }],
    [{ SHARD_BY: 'province' }],
    [{ SHARD_BY: 'city', SHARD: '6401' }],
    [{ SHARD_BY: 'province', SHARD: '640' }],
    [{ SHARD_BY: 'province', SHARD: '../64' }],
    [{ SHARD_BY: 'year', SHARD: '64' }],
    [{ SHARD_BY: 'year', SHARD: '2024/..' }],
  ])('refuses %j', (env) => {
    expect(() => shardFromEnv(env)).toThrow(ShardError);
  });
});

describe('which records a shard renders', () => {
  test('every record is rendered by exactly one record shard of each split, and never by the hub', () => {
    for (const by of ['province', 'year'] as const) {
      const keys = [...new Set(records.map((r) => shardKeyOf(r, by)))];
      for (const r of records) {
        const owners = keys.filter((key) => rendersRecordPages({ mode: 'records', by, key }, r));
        expect(owners).toEqual([by === 'province' ? r.jurisdiction.code!.slice(0, 2) : String(r.year)]);
        expect(rendersRecordPages({ mode: 'hub', by }, r)).toBe(false);
        expect(rendersRecordPages({ mode: 'all' }, r)).toBe(true);
      }
    }
  });
  test('a shard key becomes a search bundle folder of letters, digits and a dash', () => {
    for (const r of records) expect(bundleFolder('province', shardKeyOf(r, 'province'))).toMatch(/^pagefind\/province-\d{2}\/$/);
  });
});
