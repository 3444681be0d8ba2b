/**
 * Search relevance in a real browser: for every query of an everyday set,
 * the projects whose page text contains the query are found, all of them
 * (recall@10 = 1), none other, names that contain it first; queries that no
 * project contains find nothing. The expected projects are computed here from
 * the records, so the test grows with the data.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { contains, inName } from './page-texts';
import { useSite } from './use-site';

const { siteUrl, records, watchedPage } = useSite();

/** Everyday queries: words from the issue, names, goals and indicators, places, digits, Latin letters. */
const QUERIES = [
  '督查', '督查室', '互联网电路', '信访', '信访工作', '网上信访', '挂职', '十心实事', '12345热线', '2025年鉴',
  '政务公开', '满意度', '政府公报', '年鉴', '驻村', '乡村振兴', '电子政务', '外网', '运行维护', '经费',
  '办公室', '考核', '服务费', '宣传', '印刷', '热线', '维稳', '值班', '档案', '平罗县',
  '沙坡头区', '石嘴山', '以奖代补', 'A平面', '100%', '信访 维稳', '群众满意度', '一年期', '办公设备', '公务',
];
/** Queries no project should contain. */
const ABSENT = ['高速公路', '核电站建设', '督查督查', '信访平罗县'];

async function search(page: Page, q: string) {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const s = document.querySelector('#search-status')?.textContent ?? '';
    return s !== '' && !s.includes('正在搜索');
  });
  const status = (await page.textContent('#search-status')) ?? '';
  const hrefs = await page.locator('#search-results li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const ids = hrefs.map((h) => h.match(/projects\/([^/]+)\//)?.[1] ?? h);
  const count = Number(status.match(/^(\d+) 个项目/)?.[1] ?? 0);
  return { status, ids, count };
}

describe('search finds every project whose page contains the query', () => {
  test(`${QUERIES.length} everyday queries: all projects found, exactly those, names first; recall@10 = 1`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(30);
    const { page, problems } = await watchedPage();
    const byId = new Map(records.map((r) => [r.id, r]));
    let nonEmpty = 0;
    for (const q of QUERIES) {
      const expected = records.filter((r) => contains(r, q));
      if (expected.length > 0) nonEmpty++;
      const { ids, count, status } = await search(page, q);
      expect(count, `${q}: ${status}`).toBe(expected.length);
      // The first page shows ten (or all of them), every one expected: recall@10 = 1.
      expect(ids.length, q).toBe(Math.min(10, expected.length));
      for (const id of ids) expect(expected.map((r) => r.id), `${q}: ${id}`).toContain(id);
      // Names that contain the query come first.
      const named = ids.map((id) => inName(byId.get(id)!, q));
      expect(named, q).toEqual([...named].sort((a, b) => Number(b) - Number(a)));
      expect(named.filter(Boolean).length, q).toBe(Math.min(10, expected.filter((r) => inName(r, q)).length));
    }
    // The set is about things that are there.
    expect(nonEmpty).toBeGreaterThanOrEqual(30);
    expect(problems).toEqual([]);
    await page.close();
    // 40 searches in one browser: over a minute on a loaded 2-core machine.
  }, 180_000);

  test('queries that no project contains find nothing, and say so with ways to browse', async () => {
    const { page, problems } = await watchedPage();
    for (const q of ABSENT) {
      expect(records.filter((r) => contains(r, q)), q).toEqual([]);
      const { ids, status } = await search(page, q);
      expect(ids, q).toEqual([]);
      expect(status).toContain(`没有项目含有“${q}”`);
      expect(await page.locator('#search-none').isVisible()).toBe(true);
      const links = await page.locator('#search-none a:visible').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining([`${new URL(siteUrl).pathname}categories/`, `${new URL(siteUrl).pathname}projects/`]));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  test('excerpts are visible text of the project page, with the query marked; the header box shows the query', async () => {
    const { page, problems } = await watchedPage();
    const q = '信访';
    await search(page, q);
    expect(await page.inputValue('#header-q')).toBe(q);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    const items = await page.locator('#search-results li').evaluateAll((lis) =>
      lis.map((li) => ({
        href: li.querySelector('h2 a')!.getAttribute('href')!,
        excerpt: li.querySelector('.excerpt')!.textContent ?? '',
        marks: [...li.querySelectorAll('.excerpt mark, h2 mark')].map((m) => m.textContent),
      })),
    );
    expect(items.length).toBeGreaterThan(0);
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const item of items) {
      expect(item.marks.length, item.href).toBeGreaterThan(0);
      for (const m of item.marks) expect(m).toBe(q);
      const html = await (await fetch(new URL(item.href, siteUrl))).text();
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      const text = squash(
        main
          .replace(/<[^>]+>/g, '')
          .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
          .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
          .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
      );
      for (const piece of item.excerpt.split('…')) expect(text, item.href).toContain(squash(piece));
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
