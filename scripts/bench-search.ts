/**
 * Search benchmark: bytes downloaded for a first and for later queries,
 * recall of a query set, and the size of the index on disk. Prints figures;
 * asserts nothing (budgets are read from the output).
 *
 *   npm run bench:search                                   # build data/records into dist-bench/ first
 *   RECORDS_DIR=/tmp/scale/records OUT_DIR=/tmp/scale/dist BASE_PATH=/budget/ npm run bench:search
 *   npm run bench:search -- --dist /tmp/scale/dist --base /budget/ --records /tmp/scale/records   # an existing build
 *
 * Bytes are what the browser received (encoded body and headers, as served
 * by scripts/serve.mjs, which does not compress), counted over the page and
 * its Pagefind worker:
 * - first search: a fresh browser profile; everything from opening the
 *   search page to the results of a typed query (the page, pagefind.js and
 *   its WebAssembly, which the page preloads, the index metadata and chunks,
 *   the ten shown fragments);
 * - later query: the next query typed on the same page;
 * - menus: opening the filter menus.
 * Recall: for each query, the projects whose page text contains it
 * (computed from the records, as in tests/e2e/search.test.ts) against the
 * count the page reports and the first ten it shows.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { ProjectRecord } from '../src/schema/record';
import { searchFields } from '../src/lib/search-document';
import { createSiteServer, normalizeBase } from './serve.mjs';

const QUERIES = ['信访', '督查', '督查室', '互联网电路', '挂职', '十心实事', '12345热线', '2025年鉴', '信访工作', '网上信访', '政务公开', '满意度', '驻村', '电子政务', '运行维护', '经费', '考核', '热线', '维稳', '以奖代补', 'A平面', '信访 维稳', '高速公路'];

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    base: { type: 'string' },
    records: { type: 'string' },
    cold: { type: 'string', default: '3' },
  },
});
const base = normalizeBase(values.base ?? process.env.BASE_PATH ?? '/budget/');
const recordsDir = values.records ?? process.env.RECORDS_DIR ?? 'data/records';
let dist = values.dist;
if (!dist) {
  dist = path.resolve(process.env.OUT_DIR ?? 'dist-bench');
  console.log(`building ${recordsDir} into ${dist} under ${base} …`);
  const t = Date.now();
  const build = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    env: { ...process.env, BASE_PATH: base, OUT_DIR: dist, RECORDS_DIR: recordsDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('astro build failed');
  console.log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const d = du(p);
      bytes += d.bytes;
      files += d.files;
    } else {
      bytes += statSync(p).size;
      files++;
    }
  }
  return { bytes, files };
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const records = readdirSync(recordsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ProjectRecord.parse(JSON.parse(readFileSync(path.join(recordsDir, f), 'utf8'))));
const normalize = (s: string) => s.normalize('NFKC').toLowerCase();
const texts = new Map(records.map((r) => [r.id, [r.name, ...searchFields(r)].map(normalize)]));
const runs = (q: string) => [...new Set(normalize(q).match(/[\p{Alphabetic}\p{N}]+/gu) ?? [])];
const expected = (q: string) => records.filter((r) => runs(q).every((run) => texts.get(r.id)!.some((t) => t.includes(run))));

const pf = path.join(dist, 'pagefind');
if (!existsSync(pf)) throw new Error(`no index in ${pf}`);
const sizes = Object.fromEntries(['index', 'fragment', 'filter'].map((d) => [d, du(path.join(pf, d))]));
const total = du(pf);
console.log(`projects: ${records.length}`);
console.log(`index on disk: ${kb(total.bytes)} in ${total.files} files — chunks ${kb(sizes.index.bytes)} (${sizes.index.files}), fragments ${kb(sizes.fragment.bytes)} (${sizes.fragment.files}), filters ${kb(sizes.filter.bytes)} (${sizes.filter.files})`);

const server = createSiteServer({ dir: dist, base });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}search/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh profile on the search page, counting bytes of every response (page and worker). */
async function openSearchPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let bytes = 0;
  const files: string[] = [];
  let pagefindAtLoad = 0;
  context.on('requestfinished', async (request) => {
    const s = await request.sizes().catch(() => null);
    if (!s) return;
    // A worker's script is reported with an empty body; its Content-Length is what was sent.
    const length = Number((await request.response())?.headers()['content-length'] ?? 0);
    bytes += Math.max(s.responseBodySize, length) + s.responseHeadersSize;
    files.push(request.url());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const settle = () => page.waitForTimeout(300);
  await settle();
  const pageBytes = bytes;
  // Pagefind files the page preloads count towards the first search.
  pagefindAtLoad = files.filter((f) => f.includes('/pagefind/')).length;
  return {
    page,
    pageBytes,
    pagefindAtLoad,
    close: () => context.close(),
    /** Bytes received while `action` runs and the network settles. */
    async measure(action: () => Promise<void>) {
      bytes = 0;
      files.length = 0;
      await action();
      await page.waitForLoadState('networkidle');
      await settle();
      return { bytes, files: [...files] };
    },
  };
}

async function query(page: Page, q: string) {
  await page.fill('#header-q', q);
  await page.press('#header-q', 'Enter');
  await page.waitForFunction((q) => {
    const s = document.querySelector('#search-status')?.textContent ?? '';
    return s.includes(`“${q}”`) && !s.includes('正在搜索');
  }, q);
  const status = (await page.textContent('#search-status')) ?? '';
  const ids = await page.locator('#search-results li h2 a').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').match(/projects\/([^/]+)\//)?.[1] ?? ''));
  return { count: Number(status.match(/^(\d+) 个项目/)?.[1] ?? 0), ids };
}

const firsts: number[] = [];
for (const q of QUERIES.slice(0, Number(values.cold))) {
  const s = await openSearchPage();
  const m = await s.measure(async () => void (await query(s.page, q)));
  // Everything the page downloaded is counted: the search page itself and what the search added.
  firsts.push(s.pageBytes + m.bytes);
  console.log(`first search "${q}": ${kb(s.pageBytes + m.bytes)} (search page with its preloads ${kb(s.pageBytes)}, ${s.pagefindAtLoad} Pagefind files; then ${kb(m.bytes)} in ${m.files.length} requests)`);
  await s.close();
}

const s = await openSearchPage();
await s.measure(async () => void (await query(s.page, QUERIES[QUERIES.length - 1])));
const later: number[] = [];
let complete = 0;
console.log('\nquery | expected | found | first ten all expected | later-query bytes');
for (const q of QUERIES) {
  const want = expected(q);
  let result = { count: 0, ids: [] as string[] };
  const m = await s.measure(async () => void (result = await query(s.page, q)));
  const wantIds = new Set(want.map((r) => r.id));
  const top = result.ids.length === Math.min(10, want.length) && result.ids.every((id) => wantIds.has(id));
  if (result.count === want.length && top) complete++;
  later.push(m.bytes);
  console.log(`${q} | ${want.length} | ${result.count} | ${top ? 'yes' : 'NO'} | ${kb(m.bytes)} (${m.files.length} requests)`);
}
const menus = await s.measure(async () => {
  await s.page.click('#search-filters summary');
  await s.page.waitForSelector('select[name="year"] option:nth-child(2)', { state: 'attached' });
});
await s.close();
await browser.close();
server.close();

const sorted = [...later].sort((a, b) => a - b);
console.log(`\nqueries with every expected project found and the first ten right: ${complete} / ${QUERIES.length}`);
console.log(`first search: max ${kb(Math.max(...firsts))} over ${firsts.length} fresh profiles`);
console.log(`later queries: median ${kb(sorted[Math.floor(sorted.length / 2)])}, max ${kb(sorted[sorted.length - 1])}`);
console.log(`opening the filter menus: ${kb(menus.bytes)}`);
