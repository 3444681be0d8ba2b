#!/usr/bin/env node
/**
 * Mobile Lighthouse scores (Lighthouse's default: a phone, simulated slow 4G
 * and CPU throttling) of the home page, a project page and the search page
 * of a built site, served locally the same way as `npm run serve`.
 * Prints the four category scores per page and the audits that lost points.
 *
 *   npm run build && npm run lighthouse
 *   OUT_DIR=dist-e2e BASE_PATH=/budget/ npm run lighthouse
 *
 * Uses Debian's Chromium (CHROMIUM_PATH overrides); nothing is downloaded.
 * A figure for people, not a test: scores vary with the machine's load, so
 * each page is measured RUNS times (default 3) and the run with the median
 * performance score is reported, as Lighthouse's documentation advises.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { createSiteServer, normalizeBase } from './serve.mjs';

const dir = path.resolve(process.env.OUT_DIR ?? 'dist');
const base = normalizeBase(process.env.BASE_PATH ?? '/');
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(`Chromium not found at ${chromePath}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`No built site in ${dir}: run npm run build first (or set OUT_DIR).`);
  process.exit(1);
}

const projects = readdirSync(path.join(dir, 'projects'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'sort');
const project = projects.find((d) => d.name.includes('-selfeval-')) ?? projects[0];
const pages = [
  ['home', ''],
  ['project', `projects/${project.name}/`],
  ['search', `search/?q=${encodeURIComponent('政务公开')}`],
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const runs = Math.max(1, Number(process.env.RUNS ?? 3));

const server = createSiteServer({ dir, base });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
try {
  for (const [name, p] of pages) {
    const url = `${origin}${base}${p}`;
    const results = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
      results.push(result.lhr);
    }
    results.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
    const lhr = results[Math.floor(results.length / 2)];
    const perfRuns = results.map((r) => Math.round((r.categories.performance.score ?? 0) * 100));
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const lost = categories.flatMap((c) =>
      lhr.categories[c].auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${c}/${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`),
    );
    rows.push({ name, url: `${base}${p}`, ...scores, perfRuns, fcp: lhr.audits['first-contentful-paint'].displayValue, lcp: lhr.audits['largest-contentful-paint'].displayValue, lost });
  }
} finally {
  chrome.kill();
  server.close();
}

console.log(`Lighthouse 12 mobile (Moto G Power, simulated slow 4G, 4× CPU slowdown), site ${dir} under ${base}`);
console.log(`median of ${runs} run(s) per page by performance score`);
console.log('page      perf  a11y  best  seo   FCP      LCP      runs (perf)   url');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(9)} ${String(r.performance).padStart(4)}  ${String(r.accessibility).padStart(4)}  ${String(r['best-practices']).padStart(4)}  ${String(r.seo).padStart(4)}  ${String(r.fcp).padEnd(8)} ${String(r.lcp).padEnd(8)} ${r.perfRuns.join(',').padEnd(13)} ${r.url}`,
  );
}
for (const r of rows) if (r.lost.length) console.log(`${r.name}: below full marks: ${r.lost.join(', ')}`);
