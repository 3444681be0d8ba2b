#!/usr/bin/env node
/**
 * Screenshots of the built site for a human look: home, a target project,
 * a self-evaluation, the list and the search page, at 1280 and 390 px wide,
 * into screenshots/ (git-ignored). Build first (npm run build).
 *
 *   node scripts/screenshots.mjs            # dist/, base "/"
 *   OUT_DIR=dist-e2e BASE_PATH=/budget/ node scripts/screenshots.mjs
 *   node scripts/screenshots.mjs --docs     # the phone screenshots committed in docs/screenshots/ (PNG)
 */
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createSiteServer, normalizeBase } from './serve.mjs';

const dir = path.resolve(process.env.OUT_DIR ?? 'dist');
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const projectDirs = readdirSync(path.join(dir, 'projects'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'sort')
  .map((d) => d.name);
const target = projectDirs.find((id) => id.includes('-target-'));
const selfEval = projectDirs.find((id) => id.includes('-selfeval-'));

const pages = [
  ['home', ''],
  ['project-target', target && `projects/${target}/`],
  ['project-selfeval', selfEval && `projects/${selfEval}/`],
  ['list', 'projects/'],
  ['search', `search/?q=${encodeURIComponent('政务公开')}`],
  ['categories', 'categories/'],
  ['category', 'categories/open-government/'],
  ['compare', 'compare/?j=640100,640200,640500&c=open-government'],
  ['matrix', 'compare/matrix/'],
  ['unit-costs', 'compare/unit-costs/'],
  ['years', 'compare/years/'],
  ['data', 'data/'],
  ['project-flags', 'projects/640500-2024-selfeval-6aafabe3/'],
  ['checks', 'checks/'],
  ['checks-filtered', 'checks/?jurisdiction=640500'],
  ['check-page', 'checks/EXEC_RATE_MISMATCH/'],
  ['methodology', 'methodology/#EXEC_RATE_MISMATCH'],
].filter(([, p]) => p !== undefined);

const server = createSiteServer({ dir, base });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
/**
 * The phone screenshots shown in docs/style-guide.md: 390 px wide, PNG,
 * a fixed height from a fixed place on the page so each stays small (~100–300 KB).
 */
const docsShots = [
  ['list', 'projects/', null, 1500],
  ['self-evaluation', selfEval && 'projects/640500-2024-selfeval-6aafabe3/', '#execution-heading', 2200],
  ['compare', 'compare/', null, 2000],
  ['checks', 'checks/', null, 2400],
];

if (process.argv.includes('--docs')) {
  mkdirSync('docs/screenshots', { recursive: true });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    for (const [name, p, from, height] of docsShots) {
      if (!p) continue;
      await page.goto(`${origin}${base}${p}`, { waitUntil: 'networkidle' });
      const y = from ? Math.max(0, ((await page.locator(from).first().boundingBox())?.y ?? 0) - 8) : 0;
      const full = await page.evaluate(() => document.documentElement.scrollHeight);
      const file = `docs/screenshots/${name}-390.png`;
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(height, full - y) } });
      console.log(file);
    }
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(0);
}

mkdirSync('screenshots', { recursive: true });
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    for (const [name, p] of pages) {
      await page.goto(`${origin}${base}${p}`, { waitUntil: 'networkidle' });
      if (name === 'project-flags') {
        // Open the flag beside the execution rate to show the arithmetic.
        await page.locator('#flag-EXEC_RATE_MISMATCH > summary').click().catch(() => {});
      }
      if (name === 'search') await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const file = `screenshots/${name}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      // The first screenful too: full pages of long tables shrink to nothing in a viewer.
      await page.screenshot({ path: file.replace('.png', '-top.png') });
      console.log(`${file}${overflow > 0 ? `  (page scrolls horizontally by ${overflow}px!)` : ''}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
