/**
 * The comparison pages and the open data in a real browser, under /budget/:
 * a shared comparison URL restores its selection, and the builder loads only
 * the per-jurisdiction-year files of the selection; a category page puts the
 * projects of every jurisdiction side by side; the data files answer with
 * the right content type; project pages carry a citation.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { e2ePublicUrl } from './browser';
import { useSite } from './use-site';

const site = useSite();
const { siteUrl, records, watchedPage } = site;

const GAZETTE = '政务公开与政府公报';

/** The builder renders after loading its data files: wait until the current selection is shown. */
const ready = (page: Page) => page.waitForSelector('#compare-results[data-state="ready"]', { state: 'attached', timeout: 10_000 });
const shownIds = (page: Page) => page.locator('#compare-results tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id!));
/** The builder file of a record: compare/data/<code>-<year>.json (src/lib/compare-data.ts). */
const fileOf = (r: { jurisdiction: { code: string | null }; year: number | null }) => `${r.jurisdiction.code ?? 'x'}-${r.year ?? 'x'}.json`;

describe('the comparison builder', () => {
  test('a shared URL restores the same selection: boxes checked, the same projects shown', async () => {
    const codes = ['640100', '640200'];
    const expected = records.filter((r) => codes.includes(r.jurisdiction.code ?? '') && r.category.name === GAZETTE);
    expect(expected.length).toBeGreaterThan(0);
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}compare/?j=${codes.join(',')}&c=open-government`);
    await ready(page);
    for (const code of codes) expect(await page.isChecked(`input[name="j"][value="${code}"]`)).toBe(true);
    expect(await page.isChecked('input[name="c"][value="open-government"]')).toBe(true);
    expect(await page.locator('input[type=checkbox]:checked').count()).toBe(3);
    expect((await shownIds(page)).sort()).toEqual(expected.map((r) => r.id).sort());
    await expect(page.locator('#compare-summary').textContent()).resolves.toContain(`显示 ${expected.length} 个项目`);
    const restored = page.url();

    // Changing the choice updates the URL; opening that URL shows the same again.
    await page.check('input[name="j"][value="640500"]');
    expect(new URL(page.url()).search).toBe('?j=640100,640200,640500&c=open-government');
    await ready(page);
    const after = (await shownIds(page)).sort();
    expect(after).toEqual(records.filter((r) => ['640100', '640200', '640500'].includes(r.jurisdiction.code ?? '') && r.category.name === GAZETTE).map((r) => r.id).sort());
    const again = await site.browser.newPage();
    await again.goto(page.url());
    await ready(again);
    expect((await shownIds(again)).sort()).toEqual(after);
    await again.close();
    expect(restored).toContain('j=640100,640200');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a plain form submit (j=a&j=b) is read the same way; without a query everything is shown', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}compare/?j=640221&j=640502&y=2021&y=2025`);
    await ready(page);
    expect(await page.isChecked('input[name="j"][value="640221"]')).toBe(true);
    expect(await page.isChecked('input[name="y"][value="2025"]')).toBe(true);
    expect(new URL(page.url()).search).toBe('?j=640221,640502&y=2021,2025');
    const n = records.filter((r) => ['640221', '640502'].includes(r.jurisdiction.code ?? '') && [2021, 2025].includes(r.year ?? 0));
    expect((await shownIds(page)).sort()).toEqual(n.map((r) => r.id).sort());
    await page.goto(`${siteUrl}compare/`);
    await ready(page);
    expect((await shownIds(page)).sort()).toEqual(records.map((r) => r.id).sort());
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the page carries no project: it loads the index and only the jurisdiction-year files of the selection', async () => {
    const codes = ['640100', '640500'];
    const wanted = records.filter((r) => codes.includes(r.jurisdiction.code ?? ''));
    const { page, problems } = await watchedPage();
    const html = await fetch(`${siteUrl}compare/`).then((r) => r.text());
    for (const r of records) expect(html).not.toContain(r.id);
    const loaded: string[] = [];
    page.on('request', (req) => {
      const m = /\/compare\/data\/([^/]+\.json)$/.exec(new URL(req.url()).pathname);
      if (m) loaded.push(m[1]);
    });
    await page.goto(`${siteUrl}compare/?j=${codes.join(',')}`);
    await ready(page);
    expect(loaded.sort()).toEqual(['index.json', ...new Set(wanted.map(fileOf))].sort());
    expect((await shownIds(page)).sort()).toEqual(wanted.map((r) => r.id).sort());
    // The totals table: one row per jurisdiction and year of the selection, counting its projects.
    const totals = await page.locator('#compare-totals tbody tr').evaluateAll((trs) => trs.map((tr) => [`${(tr as HTMLElement).dataset.j}-${(tr as HTMLElement).dataset.y}.json`, tr.querySelector('[data-count]')!.textContent]));
    const perFile = new Map<string, number>();
    for (const r of wanted) perFile.set(fileOf(r), (perFile.get(fileOf(r)) ?? 0) + 1);
    expect(new Map(totals.map(([f, c]) => [f, Number(c)]))).toEqual(perFile);
    // A year added to the selection loads nothing new: the files of a jurisdiction and year are loaded once.
    const before = loaded.length;
    const year = String(wanted[0].year);
    await page.check(`input[name="y"][value="${year}"]`);
    await ready(page);
    expect(loaded.length).toBe(before);
    expect((await shownIds(page)).sort()).toEqual(wanted.filter((r) => String(r.year) === year).map((r) => r.id).sort());
    // The search field narrows the jurisdiction boxes.
    const name = records.find((r) => r.jurisdiction.code === '640221')!.jurisdiction.name!;
    await page.fill('#j-search', name);
    expect(await page.locator('input[name="j"]:visible').evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value))).toEqual(['640221']);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a category page', () => {
  test(`${GAZETTE} shows the project of every jurisdiction that has one`, async () => {
    const expected = records.filter((r) => r.category.name === GAZETTE);
    const places = [...new Set(expected.map((r) => r.jurisdiction.name))];
    for (const p of ['银川市', '石嘴山市', '平罗县', '沙坡头区', '中卫市']) expect(places).toContain(p);
    const { page, problems } = await watchedPage(360);
    await page.goto(`${siteUrl}categories/open-government/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(GAZETTE);
    const table = page.locator('#category-projects');
    expect(await table.locator('tbody tr').count()).toBe(expected.length);
    const text = (await table.textContent()) ?? '';
    for (const r of expected) expect(text).toContain(r.name);
    for (const p of places) expect(text).toContain(p!);
    const chart = page.locator('svg.chart').first();
    expect(await chart.locator('title').textContent()).toContain(GAZETTE);
    expect(await chart.locator('g.chart-bar').count()).toBe(expected.length);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const csvHref = await page.locator('a[href$="data/categories/open-government.csv"]').getAttribute('href');
    const buffer: ArrayBuffer = await fetch(new URL(csvHref!, siteUrl)).then((r) => r.arrayBuffer());
    const bytes = Buffer.from(buffer);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(bytes.toString('utf8'), { bom: true, columns: true });
    expect(rows.map((row) => row.id).sort()).toEqual(expected.map((x) => x.id).sort());
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('open data', () => {
  const types: Record<string, RegExp> = {
    'projects.json': /^application\/json; ?charset=utf-8$/,
    'projects.csv': /^text\/csv; ?charset=utf-8$/,
    'indicators.csv': /^text\/csv; ?charset=utf-8$/,
    'execution.csv': /^text\/csv; ?charset=utf-8$/,
    'execution-funding.csv': /^text\/csv; ?charset=utf-8$/,
    'budget-by-category.csv': /^text\/csv; ?charset=utf-8$/,
    'unit-costs.csv': /^text\/csv; ?charset=utf-8$/,
    'flags.csv': /^text\/csv; ?charset=utf-8$/,
    'flags.json': /^application\/json; ?charset=utf-8$/,
    'datapackage.json': /^application\/json; ?charset=utf-8$/,
    SHA256SUMS: /^text\/plain; ?charset=utf-8$/,
  };

  test('every data file answers 200 with its content type; CSV starts with the UTF-8 BOM', async () => {
    for (const [file, type] of Object.entries(types)) {
      const res = await fetch(`${siteUrl}data/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(type);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (file.endsWith('.csv')) expect([...bytes.slice(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
    }
    const projects = await fetch(`${siteUrl}data/projects.json`).then((r) => r.json());
    expect(projects).toHaveLength(records.length);
  });

  test('the data page lists every file with its size and SHA-256, matching SHA256SUMS', async () => {
    const sums = await fetch(`${siteUrl}data/SHA256SUMS`).then((r) => r.text());
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}data/`);
    const rows = await page.locator('#data-files tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ file: (tr as HTMLElement).dataset.file, hash: tr.querySelector('code')?.textContent })),
    );
    expect(rows.map((r) => r.file).sort()).toEqual(Object.keys(types).sort());
    for (const r of rows) if (r.file !== 'SHA256SUMS') expect(sums).toContain(`${r.hash}  ${r.file}\n`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('citation', () => {
  test('a project page has a permalink built from its id and a GB/T 7714 citation', async () => {
    const r = records.find((x) => x.department && x.title && x.year)!;
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}projects/${r.id}/`);
    const permalink = await page.locator('.citation a.permalink').getAttribute('href');
    expect(permalink).toBe(`${new URL(siteUrl).pathname}projects/${r.id}/`);
    const text = await page.locator('#cite-text').textContent();
    expect(text).toBe(`${r.department!.name.replace(/\s+/g, '')}. ${r.title!.replace(/\s+/g, '')}：${r.name}（${r.year}年）[EB/OL]. ${e2ePublicUrl}projects/${r.id}/, [引用日期].`);
    expect(await page.locator('#cite-copy').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
