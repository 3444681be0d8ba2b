/**
 * Mobile Lighthouse performance of the search page, with and without a query.
 * Prints the scores and metrics; asserts nothing.
 *
 *   npm run lighthouse:search -- --dist dist-e2e --base /budget/
 *   npm run lighthouse:search -- --dist /tmp/scale/dist --base /budget/ --q 信访
 *
 * Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), headless,
 * with Lighthouse's default mobile emulation and simulated throttling.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createSiteServer, normalizeBase } from './serve.mjs';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist-e2e' },
    base: { type: 'string', default: '/budget/' },
    q: { type: 'string', default: '督查' },
  },
});
if (!existsSync(`${values.dist}/search/index.html`)) throw new Error(`no built site in ${values.dist} (build it with BASE_PATH=${values.base})`);
const base = normalizeBase(values.base);
const server = createSiteServer({ dir: values.dist!, base });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const path of ['search/', `search/?q=${encodeURIComponent(values.q!)}`]) {
    const url = `${origin}${base}${path}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error(`no Lighthouse result for ${url}`);
    const { lhr } = result;
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '—';
    console.log(
      `${decodeURIComponent(path)}: performance ${Math.round((lhr.categories.performance.score ?? 0) * 100)}` +
        ` · FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')}` +
        ` · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')} · SI ${metric('speed-index')}`,
    );
  }
} finally {
  chrome.kill();
  server.close();
}
