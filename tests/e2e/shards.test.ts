/**
 * A sharded build (src/lib/shard.ts, src/shards/merge.ts, `npm run shards`):
 * the records of two provinces are built as the hub and two record shards,
 * three independent `astro build` processes, under a base path, and merged.
 * Then, in the merged site: every project page is there, every link of every
 * page resolves (the hub's lists link into the shards, the shards' pages link
 * to the hub's), and one search finds projects of both shards, exactly those
 * whose page contains the query (expected sets computed from the records).
 * The merge refuses a missing shard and a shard given twice.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSiteServer } from '../../scripts/serve.mjs';
import { shardKeyOf } from '../../src/lib/shard';
import { MergeError, mergeShards } from '../../src/shards/merge';
import type { ProjectRecord } from '../../src/schema/record';
import { launchChromium, loadRecords } from './browser';
import { contains, normalize, pageTexts } from './page-texts';

const BASE = '/shards/';
const tmp = mkdtempSync(path.join(tmpdir(), 'site-shards-'));
const recordsDir = path.join(tmp, 'records');
const out = path.join(tmp, 'site');

/** The two provinces of data/records with the fewest records (the test's cost is three builds, whatever the data). */
const all = loadRecords('data/records');
const byProvince = new Map<string, ProjectRecord[]>();
for (const r of all) byProvince.set(shardKeyOf(r, 'province'), [...(byProvince.get(shardKeyOf(r, 'province')) ?? []), r]);
const [a, b] = [...byProvince].sort((x, y) => x[1].length - y[1].length || (x[0] < y[0] ? -1 : 1)).slice(0, 2);
const records = [...a[1], ...b[1]];
const provinceOf = new Map(records.map((r) => [r.id, shardKeyOf(r, 'province')]));

let server: ReturnType<typeof createSiteServer> | undefined;
let siteUrl = '';
let browser: Browser | undefined;
let buildLog = '';

function run(args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    // Vitest's own Vite env (BASE_URL, MODE, …) would override the build's import.meta.env.
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
    const child = spawn(path.resolve('node_modules/.bin/tsx'), args, { env: { ...clean, ...env } });
    child.stdout.on('data', (d) => (buildLog += d));
    child.stderr.on('data', (d) => (buildLog += d));
    child.on('close', resolve);
  });
}

beforeAll(async () => {
  mkdirSync(recordsDir);
  for (const r of records) cpSync(path.join('data/records', `${r.id}.json`), path.join(recordsDir, `${r.id}.json`));
  const status = await run(['scripts/shards.ts', 'all', '--by', 'province', '--out', out], { RECORDS_DIR: recordsDir, BASE_PATH: BASE, NODE_ENV: 'production' });
  if (status !== 0) throw new Error(`npm run shards failed (${status}):\n${buildLog.slice(-4000)}`);
  server = createSiteServer({ dir: out, base: BASE });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(tmp, { recursive: true, force: true });
  // A build with OUT_DIR outside the project removes ./.astro/ (types included); restore them for tsc.
  spawnSync(path.resolve('node_modules/.bin/astro'), ['sync'], { stdio: 'ignore' });
}, 60_000);

function files(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, r)).isDirectory() ? files(dir, r) : [r];
  });
}

/** The file a link of page `from` (a path in the output) points to, or null for links that leave the site. */
function target(from: string, href: string): string | null {
  const url = new URL(href, `http://site${BASE}${from}`);
  if (url.host !== 'site') return null;
  expect(url.pathname.startsWith(BASE), `${from}: ${href} leaves the base path`).toBe(true);
  const rel = decodeURIComponent(url.pathname.slice(BASE.length));
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

describe('a site built in shards', () => {
  test('has every project page, one search bundle per shard, and no shard manifest', () => {
    expect(a[1].length).toBeGreaterThan(0);
    expect(b[1].length).toBeGreaterThan(0);
    for (const r of records) expect(existsSync(path.join(out, 'projects', r.id, 'index.html')), r.id).toBe(true);
    expect(readdirSync(path.join(out, 'pagefind')).sort()).toEqual([`province-${a[0]}`, `province-${b[0]}`].sort());
    expect(existsSync(path.join(out, 'shard.json'))).toBe(false);
    const listed = readFileSync(path.join(out, 'projects/index.html'), 'utf8');
    for (const r of records) expect(listed, `the hub's list links ${r.id}`).toContain(`${BASE}projects/${r.id}/`);
  });

  test('every link of every page resolves, across shards', () => {
    const html = files(out).filter((f) => f.endsWith('.html'));
    let checked = 0;
    const broken: string[] = [];
    for (const page of html) {
      const text = readFileSync(path.join(out, page), 'utf8');
      for (const m of text.matchAll(/\s(?:href|src)="([^"#?]*)[^"]*"/g)) {
        if (m[1] === '' || /^(mailto|tel|data):/.test(m[1])) continue;
        const file = target(page, m[1].replace(/&amp;/g, '&'));
        if (file === null) continue;
        checked += 1;
        if (!existsSync(path.join(out, file))) broken.push(`${page} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
    // The project pages (shards) link to the hub's jurisdiction pages, and the hub's pages to the projects.
    expect(checked).toBeGreaterThan(html.length * 5);
  });

  test('one search covers both shards: exactly the projects whose page contains the query', async () => {
    // Two-character words from the names of the first province's records, kept when their projects span both shards.
    const bigrams = (t: string) => [...t].slice(0, -1).map((c, i) => c + t[i + 1]).filter((q) => /^[\p{Script=Han}]{2}$/u.test(q));
    const candidates = [...new Set(a[1].flatMap((r) => [r.name, ...pageTexts(r)].flatMap((t) => bigrams(normalize(t)))))];
    const spanning = candidates.filter((q) => new Set(records.filter((r) => contains(r, q)).map((r) => provinceOf.get(r.id))).size === 2).slice(0, 3);
    expect(spanning.length, 'a query whose projects are in both shards').toBeGreaterThan(0);
    const context = await browser!.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    for (const q of spanning) {
      await page.goto(`${siteUrl}search/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => {
        const s = document.querySelector('#search-status')?.textContent ?? '';
        return s !== '' && !s.includes('正在搜索');
      });
      // Every result, not only the first ten.
      while (await page.locator('#search-more').isVisible()) await page.click('#search-more');
      const hrefs = await page.locator('#search-results li h2 a').evaluateAll((as) => as.map((x) => x.getAttribute('href') ?? ''));
      const ids = hrefs.map((h) => h.match(/projects\/([^/]+)\//)?.[1] ?? h).sort();
      const expected = records.filter((r) => contains(r, q)).map((r) => r.id).sort();
      expect(ids, q).toEqual(expected);
      for (const h of hrefs) expect(h.startsWith(`${BASE}projects/`), h).toBe(true);
      const first = hrefs[0];
      const res = await page.goto(new URL(first, siteUrl).href);
      expect(res?.status()).toBe(200);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the merge refuses a missing shard and a shard given twice, writing nothing', () => {
    const work = `${out}.shards`;
    const into = path.join(tmp, 'again');
    const err = (dirs: string[]) => {
      try {
        mergeShards(dirs, into);
      } catch (e) {
        return e instanceof MergeError ? e.code : String(e);
      }
      return 'merged';
    };
    expect(err([path.join(work, 'hub'), path.join(work, a[0])])).toBe('SHARD_MISSING');
    expect(err([path.join(work, 'hub'), path.join(work, a[0]), path.join(work, a[0]), path.join(work, b[0])])).toBe('SHARD_PLAN');
    expect(err([path.join(work, a[0]), path.join(work, b[0])])).toBe('SHARD_PLAN');
    expect(existsSync(into)).toBe(false);
  });
});
