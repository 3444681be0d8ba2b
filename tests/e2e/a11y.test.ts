/**
 * The site as citizens and journalists use it: axe-core (WCAG 2.1 A and AA)
 * on every kind of page at a 390 px phone and a 1280 px desktop, touch
 * targets, scroll boxes, chart text on a phone, phone layouts where the
 * money stays on screen, and what the pages do without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { auditRecords } from '../../src/audit/checks';
import { useSite } from './use-site';

const site = useSite();
const { siteUrl, records } = site;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [390, 1280] as const;

const target = records.find((r) => r.kind === 'target' && r.indicators.length > 0)!;
const selfEvaluation = records.find((r) => r.kind === 'self-evaluation' && r.indicators.length > 0 && r.execution)!;
const withJurisdiction = records.find((r) => r.jurisdiction.code)!;
const withYear = records.find((r) => r.year !== null)!;
const flags = auditRecords(records);
const nameWord = target.name.replace(/\s+/g, '').slice(0, 4);

/** Every kind of page, by path under the base; department and category pages are found from their index pages. */
async function pageKinds(page: Page): Promise<[string, string][]> {
  const firstLink = async (path: string, pattern: RegExp) => {
    await page.goto(`${siteUrl}${path}`);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const found = hrefs.find((h) => pattern.test(new URL(h).pathname));
    expect(found, `a link matching ${pattern} on ${path}`).toBeDefined();
    return new URL(found!).pathname.slice(new URL(siteUrl).pathname.length);
  };
  return [
    ['home', ''],
    ['project (target)', `projects/${target.id}/`],
    ['project (self-evaluation)', `projects/${selfEvaluation.id}/`],
    ['list', 'projects/'],
    ['list, sorted', 'projects/sort/budget-desc/'],
    ['jurisdictions', 'jurisdictions/'],
    ['jurisdiction', `jurisdictions/${withJurisdiction.jurisdiction.code}/`],
    ['departments', 'departments/'],
    ['department', await firstLink('departments/', /\/departments\/[0-9a-f]{10}\/$/)],
    ['years', 'years/'],
    ['year', `years/${withYear.year}/`],
    ['kind', `kinds/${selfEvaluation.kind}/`],
    ['categories', 'categories/'],
    ['category', await firstLink('categories/', /\/categories\/[\w-]+\/$/)],
    ['compare', 'compare/'],
    ['compare, a selection', `compare/?j=${withJurisdiction.jurisdiction.code}`],
    ['matrix', 'compare/matrix/'],
    ['matrix, one province', `compare/matrix/${withJurisdiction.jurisdiction.code!.slice(0, 2)}0000/`],
    ['unit costs', 'compare/unit-costs/'],
    ['across years', 'compare/years/'],
    ['across years, one jurisdiction', `compare/years/${withJurisdiction.jurisdiction.code}/`],
    ['checks', 'checks/'],
    ['one check', `checks/${flags[0]?.check ?? 'EXEC_RATE_MISMATCH'}/`],
    ['methodology', 'methodology/'],
    ['data', 'data/'],
    ['source', await firstLink(`projects/${target.id}/`, /\/sources\/[^/]+\/$/)],
    ['search with results', `search/?q=${encodeURIComponent(nameWord)}`],
    ['search without results', `search/?q=${encodeURIComponent('无此词语无此词语')}`],
    ['404', 'no-such-page/'],
  ];
}

async function settle(page: Page, path: string) {
  // The comparison builder renders after loading its data files.
  if (/^compare\/(\?|$)/.test(path)) await page.waitForSelector('#compare-results[data-state="ready"]', { state: 'attached', timeout: 10_000 });
  if (path.startsWith('search/')) await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '', null, { timeout: 10_000 });
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

describe('axe-core, WCAG 2.1 A and AA', () => {
  test('every kind of page, at 390 and at 1280 px, has no violations', { timeout: 240_000 }, async () => {
    // axe is injected with page.evaluate; this context bypasses the pages' Content-Security-Policy for it.
    const context = await site.browser.newContext({ viewport: { width: WIDTHS[0], height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const kinds = await pageKinds(page);
    const found: string[] = [];
    let runs = 0;
    for (const [kind, path] of kinds) {
      await page.goto(`${siteUrl}${path}`);
      await settle(page, path);
      await page.evaluate(axeSource);
      // Both widths on the same loaded page: the layout follows the viewport (media queries only).
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const result = await page.evaluate(
          (tags) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          WCAG21,
        );
        runs++;
        for (const v of result.violations) found.push(`${kind} (${path}) at ${width} px: ${v.id} ×${v.nodes.length} — ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    }
    await context.close();
    expect(runs).toBe(kinds.length * WIDTHS.length);
    expect(kinds.length).toBeGreaterThanOrEqual(25);
    expect(found).toEqual([]);
  });
});

/** Targets on the page smaller than `min` px; inline links inside text count by their line height (WCAG 2.5.8's inline exception). */
async function smallTargets(page: Page, selector: string, min: number): Promise<string[]> {
  return page.locator(selector).evaluateAll((els, min) => {
    const out: string[] = [];
    for (const el of els as HTMLElement[]) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      // Not rendered, or inside a closed <details>.
      if (rect.width === 0 || rect.height === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest('.visually-hidden')) continue;
      let height = rect.height;
      let width = rect.width;
      if (style.display === 'inline') {
        height = Math.max(height, parseFloat(style.lineHeight) || 0);
        width = Math.max(width, min); // inline text links: only the line height is constrained by the text
      }
      if (height < min - 0.5 || width < min - 0.5) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ${width.toFixed(1)}×${height.toFixed(1)}`);
    }
    return out;
  }, min);
}

describe('touch targets', () => {
  test('every link and control is at least 24 px, the main navigation 44 px, at 390 and 1280 px', { timeout: 120_000 }, async () => {
    const paths = ['', 'projects/', `projects/${selfEvaluation.id}/`, `projects/${target.id}/`, 'checks/', 'compare/', 'compare/unit-costs/', 'methodology/', 'data/'];
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const { page, close } = await site.watchedPage(width);
      for (const p of paths) {
        await page.goto(`${siteUrl}${p}`);
        for (const t of await smallTargets(page, 'a, button, input, select, summary, [tabindex="0"]', 24)) problems.push(`${width} ${p}: ${t}`);
        for (const t of await smallTargets(page, '.site-header nav a', 44)) problems.push(`${width} ${p} nav: ${t}`);
      }
      // A source document's line numbers (the project pages show the lines of their table).
      await page.goto(`${siteUrl}projects/${target.id}/`);
      expect(await page.locator('.source-lines li > a[href^="#L"]').count()).toBeGreaterThan(0);
      await close();
    }
    expect(problems).toEqual([]);
  });
});

describe('scroll boxes', () => {
  test('every box that scrolls sideways at 390 px is focusable, labelled, and a region', { timeout: 120_000 }, async () => {
    const paths = ['', 'projects/', `projects/${selfEvaluation.id}/`, `projects/${target.id}/`, 'checks/', 'compare/', 'compare/matrix/', 'compare/unit-costs/', 'compare/years/', 'categories/', 'data/', 'methodology/'];
    const { page, close } = await site.watchedPage(390);
    const bad: string[] = [];
    let scrolling = 0;
    for (const p of paths) {
      await page.goto(`${siteUrl}${p}`);
      const boxes = await page.locator('main *').evaluateAll((els) =>
        (els as HTMLElement[])
          .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
          .map((el) => ({ tabindex: el.getAttribute('tabindex'), role: el.getAttribute('role'), label: el.getAttribute('aria-label'), cls: el.className })),
      );
      scrolling += boxes.length;
      for (const b of boxes) if (b.tabindex !== '0' || b.role !== 'region' || !b.label) bad.push(`${p}: .${b.cls} ${JSON.stringify(b)}`);
      // And every table wrapper, scrolling or not, is marked up the same way.
      const wraps = await page.locator('.table-wrap').evaluateAll((els) => els.map((el) => [el.getAttribute('tabindex'), el.getAttribute('role'), el.getAttribute('aria-label')]));
      for (const [tabindex, role, label] of wraps) if (tabindex !== '0' || role !== 'region' || !label) bad.push(`${p}: .table-wrap ${tabindex} ${role} ${label}`);
    }
    await close();
    expect(bad).toEqual([]);
    // The source lines at least do scroll on a phone, so the check above has something to check.
    expect(scrolling).toBeGreaterThan(0);
  });
});

describe('charts on a phone', () => {
  test('chart text is at least 12 px on screen at 390 px', { timeout: 60_000 }, async () => {
    const paths = ['', `projects/${selfEvaluation.id}/`, `jurisdictions/${withJurisdiction.jurisdiction.code}/`, 'compare/matrix/', 'compare/years/', 'categories/open-government/'];
    const { page, close } = await site.watchedPage(390);
    const small: string[] = [];
    let texts = 0;
    for (const p of paths) {
      await page.goto(`${siteUrl}${p}`);
      const sizes = await page.locator('svg.chart').evaluateAll((svgs) =>
        (svgs as SVGSVGElement[])
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale }));
          }),
      );
      texts += sizes.length;
      for (const s of sizes) if (s.px < 12) small.push(`${p}: "${s.text}" ${s.px.toFixed(1)} px`);
    }
    await close();
    expect(texts).toBeGreaterThan(0);
    expect(small).toEqual([]);
  });
});

describe('phone layouts at 390 px', () => {
  test('in project lists each project’s name, budget and flag count are on screen together', async () => {
    const { page, problems, close } = await site.watchedPage(390);
    for (const p of ['projects/', `years/${withYear.year}/`, `jurisdictions/${withJurisdiction.jurisdiction.code}/`]) {
      await page.goto(`${siteUrl}${p}`);
      const rows = await page.locator('table.project-table tbody tr').evaluateAll((trs) =>
        (trs as HTMLTableRowElement[]).map((tr) => {
          const box = (sel: string) => tr.querySelector(sel)!.getBoundingClientRect();
          const [name, budget, flagCell] = [box('.pt-name'), box('.pt-budget'), box('.pt-flags')];
          return { name: name.bottom, budget: [budget.left, budget.right, budget.top], flags: [flagCell.right, flagCell.top], text: tr.querySelector('.pt-budget')!.textContent };
        }),
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.budget[0]).toBeGreaterThanOrEqual(0);
        expect(r.budget[1]).toBeLessThanOrEqual(390);
        expect(r.flags[0]).toBeLessThanOrEqual(390);
        // Right under the name, on one line with the flags.
        expect(r.budget[2] - r.name).toBeLessThan(20);
        expect(Math.abs(r.flags[1] - r.budget[2])).toBeLessThan(8);
        expect(r.text).toMatch(/万元|未列明/);
      }
    }
    expect(problems).toEqual([]);
    await close();
  });

  test('a self-evaluation’s 实际完成值, 分值, 得分 and reasons, and /compare/’s amounts, are within the screen', async () => {
    const { page, close } = await site.watchedPage(390);
    await page.goto(`${siteUrl}projects/${selfEvaluation.id}/`);
    // Each card's cell says what it is (its label drawn by CSS: IndicatorTable.astro).
    const cells = await page.locator('.indicator-table td').evaluateAll((tds) => tds.map((td) => [getComputedStyle(td, '::before').content.replace(/^"|："$/g, ''), td.getBoundingClientRect().right] as const));
    for (const label of ['实际完成值', '得分', '未完成原因']) expect(cells.some(([l]) => l === label), label).toBe(true);
    expect(cells.filter(([, right]) => right > 390)).toEqual([]);
    await page.goto(`${siteUrl}compare/`);
    await page.waitForSelector('#compare-results[data-state="ready"]', { state: 'attached', timeout: 10_000 });
    const amounts = await page.locator('.compare-table td.c-budget').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().right));
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.filter((r) => r > 390)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await close();
  });

  test('/checks/ shows each explanation at nearly the full width of the screen', async () => {
    const { page, close } = await site.watchedPage(390);
    await page.goto(`${siteUrl}checks/`);
    const widths = await page.locator('.flag-table-message').evaluateAll((tds) => tds.filter((td) => td.getBoundingClientRect().width > 0).map((td) => td.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.min(...widths)).toBeGreaterThan(300);
    await close();
  });
});

describe('without JavaScript', () => {
  test('controls that need JavaScript are hidden; /compare/ says what needs it and links the static comparisons', async () => {
    const { page, problems, close } = await site.watchedPage(1280, false);
    await page.goto(`${siteUrl}projects/`);
    expect(await page.locator('#project-filters').isVisible()).toBe(false);
    // The same filtering as links: every jurisdiction, year and kind has its own page.
    for (const p of ['jurisdictions/', 'years/', `kinds/${target.kind}/`]) expect(await page.locator(`main a[href$="${p}"]`).count(), p).toBeGreaterThan(0);
    await page.goto(`${siteUrl}checks/`);
    expect(await page.locator('#flag-filters').isVisible()).toBe(false);
    expect(await page.locator('main a[href*="/checks/"]').count()).toBeGreaterThan(0);
    await page.goto(`${siteUrl}compare/?j=${withJurisdiction.jurisdiction.code}`);
    expect(await page.locator('#compare-form').isVisible()).toBe(false);
    const notice = page.locator('#compare-nojs');
    expect(await notice.isVisible()).toBe(true);
    await expect(notice.textContent()).resolves.toContain('需要 JavaScript');
    expect(await notice.locator('a[href$="compare/matrix/"]').count()).toBe(1);
    await page.goto(`${siteUrl}projects/${target.id}/`);
    expect(await page.locator('#cite-copy').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  test('with JavaScript the same controls appear', async () => {
    const { page, close } = await site.watchedPage(1280, true);
    await page.goto(`${siteUrl}projects/`);
    expect(await page.locator('#project-filters').isVisible()).toBe(true);
    await page.goto(`${siteUrl}checks/`);
    expect(await page.locator('#flag-filters').isVisible()).toBe(true);
    await page.goto(`${siteUrl}compare/`);
    expect(await page.locator('#compare-form').isVisible()).toBe(true);
    await close();
  });
});
