/** Test-file side of the browser tests (uses Vitest's hooks, so not imported by the global setup). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, loadRecords, watchedPage } from './browser';

/**
 * The built site, for one test file: its URL and records, and Chromium
 * launched before the file's tests and closed after them.
 */
export function useSite() {
  const siteUrl = inject('siteUrl');
  const origin = new URL(siteUrl).origin;
  const site = {
    siteUrl,
    origin,
    records: loadRecords(inject('recordsDir')),
    browser: null as unknown as Browser,
    watchedPage: (width = 1280, javaScriptEnabled = true) => watchedPage(site.browser, origin, width, javaScriptEnabled),
  };
  beforeAll(async () => {
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
  });
  return site;
}
