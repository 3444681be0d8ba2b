/** Shared settings of the browser tests: Debian's Chromium driven by playwright-core. */
import { chromium, type Browser } from 'playwright-core';
import { formatLoadError, loadRecords as loadRecordsDir } from '../../src/domain/records';
import type { ProjectRecord } from '../../src/schema/record';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const e2eBase = '/budget/';
export const e2eOutDir = 'dist-e2e';
/** The public address the browser tests' build is given (SITE_URL): absolute permalinks, canonical, sitemap. */
export const e2ePublicUrl = 'https://budget.example.org/budget/';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The records the site was built from, through the loader every command uses. */
export function loadRecords(dir: string): ProjectRecord[] {
  const { records, errors } = loadRecordsDir(dir);
  if (errors.length > 0) throw new Error(errors.map(formatLoadError).join('\n'));
  return records;
}

/** A page that records console errors, page errors, failed requests and requests that leave the site. */
export async function watchedPage(browser: Browser, origin: string, width = 1280, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // net::ERR_ABORTED is the browser cancelling a request because the page moved on (seen with the
  // favicon under load), not a failure of the site; a missing file is caught as HTTP 404 below.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && problems.push(`left the site: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return { page, problems, close: () => context.close() };
}
