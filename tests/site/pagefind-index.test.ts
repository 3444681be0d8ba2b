/**
 * The search index (src/integrations/pagefind.ts), read from the records folder one
 * record at a time: two runs give byte-identical pagefind/ files, the pages
 * are in the site's default order, and the filter files hold their values in
 * a fixed order.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { afterAll, describe, expect, test } from 'vitest';
import { ProjectRecord } from '../../src/schema/record';
import { filesInDefaultOrder, indexSite } from '../../src/integrations/pagefind';
import { compareDefault } from '../../src/lib/facets';

const recordsDir = readdirSync('data/records').some((f) => f.endsWith('.json')) ? 'data/records' : 'tests/site/fixtures/records';
const records = readdirSync(recordsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ProjectRecord.parse(JSON.parse(readFileSync(path.join(recordsDir, f), 'utf8'))));

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Index the records into a fresh directory; the files of its pagefind/ folder, by relative path. */
async function build(): Promise<Map<string, Buffer>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagefind-test-'));
  dirs.push(dir);
  await indexSite(dir, { info: () => {}, warn: () => {} }, recordsDir);
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(dir, p), readFileSync(p));
    }
  };
  walk(path.join(dir, 'pagefind'));
  expect(readdirSync(dir)).toEqual(['pagefind']); // nothing else is left in the output
  return files;
}

describe('the Pagefind index', () => {
  test('reads the records in the default order of the project list', () => {
    const expected = [...records].sort(compareDefault).map((r) => r.id);
    const files = filesInDefaultOrder(recordsDir);
    expect(files.map((f) => ProjectRecord.parse(JSON.parse(readFileSync(f, 'utf8'))).id)).toEqual(expected);
  });

  test('a record that turns invalid after the pages were built fails the index, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagefind-bad-'));
    dirs.push(dir);
    const recs = mkdtempSync(path.join(tmpdir(), 'pagefind-bad-records-'));
    dirs.push(recs);
    const one = { ...records[0], budget: { ...records[0].budget, total: -1 } };
    writeFileSync(path.join(recs, 'a.json'), JSON.stringify(one));
    await expect(indexSite(dir, { info: () => {}, warn: () => {} }, recs)).rejects.toThrow(/RECORDS_INVALID .*a\.json/);
  });

  test('two builds from the same records are byte-identical', { timeout: 120_000 }, async () => {
    expect(records.length).toBeGreaterThan(0);
    const a = await build();
    const b = await build();
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differ = [...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
    expect(differ).toEqual([]);
    // Every project is a page of the index, and the filters are there, values in code-point order.
    const entry = JSON.parse(a.get('pagefind/pagefind-entry.json')!.toString()) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages)[0].page_count).toBe(records.length);
    const filters = [...a.keys()].filter((k) => k.endsWith('.pf_filter'));
    expect(filters.length).toBe(5);
    for (const f of filters) {
      const [name, values] = decode(gunzipSync(a.get(f)!).subarray(12)) as [string, [string, number[]][]];
      const keys = values.map(([v]) => v);
      expect(keys, name).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    }
  });
});
