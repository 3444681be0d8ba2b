/**
 * The built site in a real browser, under the base path /budget/.
 * Given the records, the pages show them; searching finds them; every link works.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSite } from './use-site';

const { siteUrl, records, watchedPage, origin } = useSite();
const basePath = new URL(siteUrl).pathname;

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results li h2').allTextContents();
}

describe('a project page', () => {
  const selfEvaluation = records.find((r) => r.kind === 'self-evaluation' && r.indicators.length > 0 && r.execution?.adjustedBudget != null && r.execution.executed != null);
  const target = records.find((r) => r.kind === 'target' && r.indicators.length > 0);

  test('a self-evaluation shows its indicators, execution chart and source lines', async () => {
    expect(selfEvaluation, 'a self-evaluation record with indicators').toBeDefined();
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}projects/${selfEvaluation!.id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(selfEvaluation!.name);
    const rows = page.locator('.indicator-table tbody tr:not(:has(th[scope="rowgroup"]))');
    expect(await rows.count()).toBe(selfEvaluation!.indicators.length);
    await expect(page.locator('.indicator-table').textContent()).resolves.toContain(selfEvaluation!.indicators[0].name);
    const chart = page.locator('svg.chart').first();
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('title').textContent()).toBe('预算与执行');
    expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.source-lines li').count()).toBe(selfEvaluation!.source.lines[1] - selfEvaluation!.source.lines[0] + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a target table shows raw targets beside their reading, and fits a 360 px phone', async () => {
    const { page, problems } = await watchedPage(360);
    await page.goto(`${siteUrl}projects/${target!.id}/`);
    const first = target!.indicators.find((i) => i.target)!;
    await expect(page.locator('.indicator-table').textContent()).resolves.toContain(first.target!.raw);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('search', () => {
  const about = records.filter((r) => r.name.includes('政务公开'));

  test('searching 政务公开 from the header finds the projects about 政务公开; a jurisdiction filter narrows them', async () => {
    expect(about.length).toBeGreaterThan(1);
    const { page, problems } = await watchedPage();
    await page.goto(siteUrl);
    await page.fill('#header-q', '政务公开');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/budget\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('政务公开');
    await page.waitForSelector('#search-results li');
    const titles = await resultTitles(page);
    for (const r of about) expect(titles).toContain(r.name);

    expect(await page.inputValue('#header-q')).toBe('政务公开');
    const place = about.find((r) => r.jurisdiction.name)!.jurisdiction.name!;
    // The filter menus are filled when they are opened.
    await page.click('#search-filters summary');
    await page.waitForSelector(`select[name="jurisdiction"] option[value="${place}"]`, { state: 'attached' });
    await page.selectOption('select[name="jurisdiction"]', place);
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length < n, titles.length);
    const narrowed = await resultTitles(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(titles.length);
    for (const r of about.filter((r) => r.jurisdiction.name === place)) expect(narrowed).toContain(r.name);
    expect(new URL(page.url()).searchParams.get('jurisdiction')).toBe(place);
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${basePath}projects/`));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the project list', () => {
  test('filters instantly by jurisdiction with JavaScript, and keeps the filter in the URL', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${siteUrl}projects/`);
    const all = await page.locator('#project-list tbody tr').count();
    expect(all).toBe(records.length);
    const code = records[0].jurisdiction.code!;
    await page.selectOption('select[name="jurisdiction"]', code);
    const visible = await page.locator('#project-list tbody tr:visible').count();
    expect(visible).toBe(records.filter((r) => r.jurisdiction.code === code).length);
    expect(page.url()).toContain(`jurisdiction=${code}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('links', () => {
  test('every internal link and asset on every page answers 200 under the base path', async () => {
    const seen = new Set<string>();
    const queue = [siteUrl];
    const broken: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status !== 200) {
        broken.push(`${res.status} ${url}`);
        continue;
      }
      if (!res.headers.get('content-type')?.includes('text/html')) continue;
      // The canonical link is the public address (SITE_URL), not this test server.
      const html = (await res.text()).replace(/<link rel="canonical"[^>]*>/g, '');
      for (const [, ref] of html.matchAll(/(?:href|src)="([^"#]*)(?:#[^"]*)?"/g)) {
        if (!ref || ref.startsWith('mailto:')) continue;
        const next = new URL(ref.replaceAll('&amp;', '&'), url);
        if (next.origin !== origin) {
          broken.push(`external ${next.href} on ${url}`);
          continue;
        }
        next.search = '';
        if (!seen.has(next.href)) queue.push(next.href);
      }
    }
    expect(broken).toEqual([]);
    // Home, list, every project with its JSON and CSV, and the browsing pages.
    expect(seen.size).toBeGreaterThan(records.length * 3);
  });

  test('no console errors and no failed requests on the main pages', async () => {
    const withExecution = records.find((r) => r.execution) ?? records[0];
    const paths = ['', 'projects/', `projects/${records[0].id}/`, `projects/${withExecution.id}/`, `jurisdictions/640000/`, 'departments/', 'years/', `search/?q=${encodeURIComponent('督查')}`];
    const { page, problems } = await watchedPage();
    for (const p of paths) {
      await page.goto(`${siteUrl}${p}`, { waitUntil: 'networkidle' });
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
