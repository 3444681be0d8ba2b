/**
 * Audit flags on the built site (under /budget/): markers beside the numbers
 * on project pages (readable without JavaScript), the /checks/ page with its
 * filters kept in the URL, and the methodology page's entry for every check.
 */
import { describe, expect, test } from 'vitest';
import { auditRecords, CHECKS } from '../../src/audit/checks';
import { useSite } from './use-site';

const { siteUrl, records, watchedPage } = useSite();
const flags = auditRecords(records);
const ZHONGWEI = '640500-2024-selfeval-6aafabe3';

describe('flags on a project page', () => {
  test('the 中卫 政府专项工作经费 page shows EXEC_RATE_MISMATCH beside the execution rate; opening it (no JavaScript) shows the arithmetic', async () => {
    expect(records.some((r) => r.id === ZHONGWEI)).toBe(true);
    const { page, problems, close } = await watchedPage(1280, false);
    await page.goto(`${siteUrl}projects/${ZHONGWEI}/`);
    // The marker sits in the <dd> of the printed execution rate.
    const rate = page.locator('dt', { hasText: '执行率（表中所填）' }).locator('xpath=following-sibling::dd[1]');
    await expect(rate.textContent()).resolves.toContain('58.62%');
    const flag = rate.locator('details.flag#flag-EXEC_RATE_MISMATCH');
    expect(await flag.count()).toBe(1);
    const summary = flag.locator('summary');
    await expect(summary.textContent()).resolves.toContain('错误');
    const message = flag.locator('.flag-message');
    expect(await message.isVisible()).toBe(false);
    // Keyboard: focus the summary and press Enter.
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await message.isVisible()).toBe(true);
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(/117\.23.*58\.62%/s);
    // Its methodology link points at the check's entry under the base path.
    const href = await flag.locator('a', { hasText: '核查方法' }).getAttribute('href');
    expect(href).toBe(`${new URL(siteUrl).pathname}methodology/#EXEC_RATE_MISMATCH`);
    // The summary box at the top links to the marker.
    const link = page.locator('#flags a[href="#flag-EXEC_RATE_MISMATCH"]');
    expect(await link.count()).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  test('indicator flags sit in their indicator row; info flags are in a collapsed list in the summary', async () => {
    const { page, problems, close } = await watchedPage();
    await page.goto(`${siteUrl}projects/${ZHONGWEI}/`);
    const over = flags.find((f) => f.projectId === ZHONGWEI && f.check === 'INDICATOR_SCORE_OVER_WEIGHT')!;
    const row = page.locator('.indicator-table tbody tr', { has: page.locator(`#flag-INDICATOR_SCORE_OVER_WEIGHT-${over.indicatorIndex! + 1}`) });
    await expect(row.locator('td.name').textContent()).resolves.toContain(records.find((r) => r.id === ZHONGWEI)!.indicators[over.indicatorIndex!].name);
    expect(problems).toEqual([]);

    // A project with info flags: the info list is collapsed.
    const withInfo = records.find((r) => flags.some((f) => f.projectId === r.id && f.severity === 'info'));
    if (withInfo) {
      await page.goto(`${siteUrl}projects/${withInfo.id}/`);
      const infoList = page.locator('#flags details.flag-info-list');
      expect(await infoList.count()).toBe(1);
      expect(await infoList.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    }
    await close();
  });

  test('the project list shows each project’s flag count with an accessible label', async () => {
    const { page, close } = await watchedPage();
    await page.goto(`${siteUrl}projects/`);
    const row = page.locator('#project-list tbody tr', { has: page.locator(`a[href$="projects/${ZHONGWEI}/"]`) });
    const count = row.locator('.flag-count');
    const own = flags.filter((f) => f.projectId === ZHONGWEI);
    const errors = own.filter((f) => f.severity === 'error').length;
    await expect(count.locator('.visually-hidden').textContent()).resolves.toContain(`${errors} 条错误`);
    await expect(count.textContent()).resolves.toContain(`✖ ${errors}`);
    await close();
  });
});

describe('the /checks/ page', () => {
  test('lists every flag grouped by check, with totals by severity', async () => {
    const { page, problems, close } = await watchedPage();
    await page.goto(`${siteUrl}checks/`);
    expect(await page.locator('.check-group tbody tr').count()).toBe(flags.length);
    for (const s of ['error', 'warning', 'info'] as const) {
      await expect(page.locator(`[data-total="${s}"]`).textContent()).resolves.toBe(String(flags.filter((f) => f.severity === s).length));
    }
    expect(problems).toEqual([]);
    await close();
  });

  test('filtered by a jurisdiction shows only its flags, and the filter survives a reload from the URL', async () => {
    const code = '640500';
    const expected = flags.filter((f) => records.find((r) => r.id === f.projectId)?.jurisdiction.code === code);
    expect(expected.length).toBeGreaterThan(0);
    const { page, problems, close } = await watchedPage();
    await page.goto(`${siteUrl}checks/`);
    await page.selectOption('#flag-filters select[name="jurisdiction"]', code);
    expect(new URL(page.url()).searchParams.get('jurisdiction')).toBe(code);
    const visible = async () => page.locator('.check-group tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.jurisdiction));
    const shown = await visible();
    expect(shown).toHaveLength(expected.length);
    expect(new Set(shown)).toEqual(new Set([code]));
    await expect(page.locator('[data-total="error"]').textContent()).resolves.toBe(String(expected.filter((f) => f.severity === 'error').length));

    await page.reload();
    expect(await page.locator('#flag-filters select[name="jurisdiction"]').inputValue()).toBe(code);
    expect(await visible()).toHaveLength(expected.length);

    // Adding a check filter narrows further and keeps both in the URL.
    await page.selectOption('#flag-filters select[name="check"]', 'EXEC_RATE_MISMATCH');
    const url = new URL(page.url());
    expect(url.searchParams.get('check')).toBe('EXEC_RATE_MISMATCH');
    expect(url.searchParams.get('jurisdiction')).toBe(code);
    expect(await visible()).toHaveLength(expected.filter((f) => f.check === 'EXEC_RATE_MISMATCH').length);
    expect(problems).toEqual([]);
    await close();
  });

  test('each check has a static page listing its flags', async () => {
    const { page, problems, close } = await watchedPage(1280, false);
    await page.goto(`${siteUrl}checks/EXEC_RATE_MISMATCH/`);
    expect(await page.locator('.flag-table tbody tr').count()).toBe(flags.filter((f) => f.check === 'EXEC_RATE_MISMATCH').length);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('the methodology page', () => {
  test('has an entry, anchored by its code, for every check in CHECKS, saying its basis', async () => {
    const { page, problems, close } = await watchedPage();
    await page.goto(`${siteUrl}methodology/`);
    for (const check of CHECKS) {
      const entry = page.locator(`[id="${check.code}"]`);
      expect(await entry.count(), check.code).toBe(1);
      const text = (await entry.textContent()) ?? '';
      expect(text).toContain(check.code);
      expect(text).toContain(check.title);
      expect(text).toContain(check.isHeuristic ? '经验规则' : check.basis);
    }
    await expect(page.locator('body').textContent()).resolves.toContain('财预〔2020〕10号');
    await expect(page.locator('body').textContent()).resolves.toContain('财预〔2021〕101号');
    expect(problems).toEqual([]);
    await close();
  });
});
