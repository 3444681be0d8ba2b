/**
 * The comparison pages and the open data in a real browser, under /budget/:
 * a shared comparison URL restores its selection; a category page puts the
 * projects of every jurisdiction side by side; the data files answer with
 * the right content type; project pages carry a citation.
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { e2ePublicUrl } from './browser';
import { useSite } from './use-site';

const site = useSite();
const { siteUrl, records, watchedPage } = site;

const GAZETTE = '政务公开与政府公报';

describe('the comparison builder', () => {
  test('a shared URL restores the same selection: boxes checked, the same projects shown', async () => {
    const codes = ['640100', '640200'];
    const expected = records.filter((r) => codes.includes(r.jurisdiction.code ?? '') && r.category.name === GAZETTE);
    expect(expected.length).toBeGreaterThan(0);
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}compare/?j=${codes.join(',')}&c=open-government`);
    for (const code of codes) expect(await page.isChecked(`input[name="j"][value="${code}"]`)).toBe(true);
    expect(await page.isChecked('input[name="c"][value="open-government"]')).toBe(true);
    expect(await page.locator('input[type=checkbox]:checked').count()).toBe(3);
    const shown = await page.locator('#compare-results tbody tr[data-id]:visible').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(shown.sort()).toEqual(expected.map((r) => r.id).sort());
    await expect(page.locator('#compare-summary').textContent()).resolves.toContain(`显示 ${expected.length} 个项目`);
    const restored = page.url();

    // Changing the choice updates the URL; opening that URL shows the same again.
    await page.check('input[name="j"][value="640500"]');
    expect(new URL(page.url()).search).toBe('?j=640100,640200,640500&c=open-government');
    const after = await page.locator('#compare-results tbody tr[data-id]:visible').count();
    expect(after).toBe(records.filter((r) => ['640100', '640200', '640500'].includes(r.jurisdiction.code ?? '') && r.category.name === GAZETTE).length);
    const again = await site.browser.newPage();
    await again.goto(page.url());
    expect(await again.locator('#compare-results tbody tr[data-id]:visible').count()).toBe(after);
    await again.close();
    expect(restored).toContain('j=640100,640200');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a plain form submit (j=a&j=b) is read the same way; without a query everything is shown', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}compare/?j=640221&j=640502&y=2021&y=2025`);
    expect(await page.isChecked('input[name="j"][value="640221"]')).toBe(true);
    expect(await page.isChecked('input[name="y"][value="2025"]')).toBe(true);
    expect(new URL(page.url()).search).toBe('?j=640221,640502&y=2021,2025');
    const n = records.filter((r) => ['640221', '640502'].includes(r.jurisdiction.code ?? '')).length;
    expect(await page.locator('#compare-results tbody tr[data-id]:visible').count()).toBe(n);
    await page.goto(`${siteUrl}compare/`);
    expect(await page.locator('#compare-results tbody tr[data-id]:visible').count()).toBe(records.length);
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
