/**
 * The browser tests' build is given its public address
 * (SITE_URL=https://budget.example.org/budget/, tests/e2e/global-setup.ts):
 * permalinks, citations, canonical links and og:url are absolute, and the
 * build wrote a sitemap of every page and robots.txt.
 */
import { describe, expect, test } from 'vitest';
import { e2ePublicUrl } from './browser';
import { useSite } from './use-site';

const { siteUrl, records, watchedPage } = useSite();

describe('with SITE_URL set', () => {
  test('a project page’s permalink, citation, canonical link and og:url are absolute addresses under SITE_URL', async () => {
    const { page, problems, close } = await watchedPage(390, false);
    for (const r of records.slice(0, 3)) {
      const expected = `${e2ePublicUrl}projects/${r.id}/`;
      await page.goto(`${siteUrl}projects/${r.id}/`);
      await expect(page.locator('.permalink').textContent()).resolves.toBe(expected);
      // The link itself still works on any copy of the site (it is the path).
      expect(await page.locator('.permalink').getAttribute('href')).toBe(`${new URL(siteUrl).pathname}projects/${r.id}/`);
      const citation = (await page.locator('#cite-text').textContent()) ?? '';
      expect(citation).toContain(`[EB/OL]. ${expected}, [引用日期].`);
      expect(await page.locator('.notice-relative').count()).toBe(0);
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(expected);
      expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe(expected);
      const title = await page.title();
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(title);
      expect(title).toContain(r.name.trim());
      expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe(await page.locator('meta[name="description"]').getAttribute('content'));
    }
    expect(problems).toEqual([]);
    await close();
  });

  test('the 404 page has no canonical link', async () => {
    const html = await fetch(`${siteUrl}no-such-page/`).then((r) => r.text());
    expect(html).not.toContain('rel="canonical"');
  });

  test('sitemap-index.xml lists sitemaps holding every project page (absolute), and robots.txt points to it', async () => {
    const index = await fetch(`${siteUrl}sitemap-index.xml`).then((r) => r.text());
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(maps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const map of maps) {
      expect(map.startsWith(e2ePublicUrl)).toBe(true);
      // Fetch it from the test server at the same path.
      const xml = await fetch(new URL(map.slice(e2ePublicUrl.length), siteUrl)).then((r) => r.text());
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    }
    for (const r of records) expect(locs).toContain(`${e2ePublicUrl}projects/${r.id}/`);
    expect(locs).toContain(e2ePublicUrl);
    for (const loc of locs) expect(loc.startsWith(e2ePublicUrl)).toBe(true);
    expect(locs.some((l) => l.includes('404'))).toBe(false);
    const robots = await fetch(`${siteUrl}robots.txt`).then((r) => r.text());
    expect(robots).toContain(`Sitemap: ${e2ePublicUrl}sitemap-index.xml`);
  });
});
