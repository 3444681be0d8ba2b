/**
 * The per-project downloads (src/integrations/record-files.ts): projects/<id>.json and .csv,
 * written one record at a time after the pages. Expected contents come from the record files
 * themselves (data/records/*.json parsed, and the dataset's CSV writer), not from the writer's output.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadRecords } from '../e2e/browser';
import { downloadIdOf, writeRecordDownloads } from '../../src/integrations/record-files';
import { indicatorsCsv } from '../../src/export/index';
import { shardKeyOf } from '../../src/lib/shard';

const records = loadRecords('data/records');
const dirs: string[] = [];
const out = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'record-files-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeRecordDownloads', () => {
  test('a whole build writes every record as JSON (the record file, parsed) and CSV (its indicator rows)', () => {
    const dir = out();
    expect(writeRecordDownloads('data/records', dir)).toBe(records.length);
    const names = readdirSync(path.join(dir, 'projects')).sort();
    expect(names).toEqual(records.flatMap((r) => [`${r.id}.csv`, `${r.id}.json`]).sort());
    for (const file of readdirSync('data/records')) {
      const raw = JSON.parse(readFileSync(path.join('data/records', file), 'utf8'));
      const written = readFileSync(path.join(dir, 'projects', `${raw.id}.json`), 'utf8');
      expect(JSON.parse(written), file).toEqual(raw);
      expect(written.endsWith('}\n')).toBe(true);
      const csv = readFileSync(path.join(dir, 'projects', `${raw.id}.csv`), 'utf8');
      expect(csv).toBe(indicatorsCsv([records.find((r) => r.id === raw.id)!]));
      // Like the dataset's CSV files, with a byte-order mark (Excel then reads it as UTF-8).
      expect(csv.startsWith('\ufeff')).toBe(true);
    }
  });

  test('the hub writes none; a record shard only its own records', () => {
    expect(writeRecordDownloads('data/records', out(), { mode: 'hub', by: 'province' })).toBe(0);
    const key = shardKeyOf(records[0], 'province');
    const dir = out();
    const mine = records.filter((r) => shardKeyOf(r, 'province') === key);
    expect(writeRecordDownloads('data/records', dir, { mode: 'records', by: 'province', key })).toBe(mine.length);
    expect(readdirSync(path.join(dir, 'projects')).sort()).toEqual(mine.flatMap((r) => [`${r.id}.csv`, `${r.id}.json`]).sort());
  });

  test('an invalid record fails with its code and file, not a silent skip', () => {
    const src = out();
    writeFileSync(path.join(src, 'bad.json'), '{"id": "../../etc"}');
    expect(() => writeRecordDownloads(src, out())).toThrow(/RECORDS_INVALID .*bad\.json/);
  });
});

describe('downloadIdOf (the dev server)', () => {
  test('reads an id and a format from a download address under the base path', () => {
    const id = records[0].id;
    expect(downloadIdOf(`/budget/projects/${id}.csv`, '/budget/')).toEqual({ id, ext: 'csv' });
    expect(downloadIdOf(`/projects/${id}.json`, '/')).toEqual({ id, ext: 'json' });
    // Astro's dev server strips the base before an integration's middleware sees the request.
    expect(downloadIdOf(`/projects/${id}.json?x=1`, '/budget/')).toEqual({ id, ext: 'json' });
  });
  test.each(['/projects/../records/x.json', '/projects/%2e%2e%2fetc.json', `/projects/${'6401'}-2024-target-zzzzzzzz.json`, '/projects/a/b.json', '/other/x-1-target-00000000.json', '/projects/640100-2024-target-0123abcd.html'])(
    'refuses %s',
    (url) => {
      expect(downloadIdOf(url, '/')).toBeNull();
    },
  );
});
