// @ts-check
import { defineConfig } from 'astro/config';
import { cleanOutput } from './src/integrations/clean-output.ts';
import sitemap from '@astrojs/sitemap';
import { pagefind } from './src/integrations/pagefind.ts';
import { openData } from './src/integrations/open-data.ts';
import { recordFiles } from './src/integrations/record-files.ts';
import { robots, siteAddress } from './src/lib/site-url.ts';
import { shardManifestIntegration } from './src/integrations/shard-manifest.ts';
import { shardFromEnv } from './src/lib/shard.ts';
import { hubSitemapPages } from './src/lib/shard-sitemap.ts';

/**
 * Environment:
 * - SITE_URL: the public address, e.g. "https://budget.example.org/sub/" (default: none).
 *   Makes permalinks, citations, canonical and og:url absolute; writes sitemap-index.xml,
 *   sitemap-0.xml and robots.txt. Its path is the base path.
 * - BASE_PATH: the path the site is served under (default "/", or SITE_URL's path), e.g. "/budget/".
 * - OUT_DIR: where the build goes (default "dist"); the e2e tests build into dist-e2e.
 * - RECORDS_DIR: read by src/lib/records.ts and the search indexer (default "data/records").
 * - SHARD_BY, SHARD: build one shard of a sharded build (src/lib/shard.ts; `npm run shards`).
 */
const { site, base } = siteAddress(process.env);
const shard = shardFromEnv();
/** The sitemap and robots.txt: a whole build's, or the hub's (listing every shard's project pages); a record shard has none. */
const sitemaps = !site || shard.mode === 'records' ? [] : [sitemap(shard.mode === 'hub' ? { customPages: hubSitemapPages(site) } : {}), robots(site)];

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? 'dist',
  trailingSlash: 'ignore',
  // Stylesheets as files, never inlined: the Content-Security-Policy (src/lib/csp.ts) allows no inline styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No prefetch, no fonts, no analytics: nothing leaves the site.
  integrations: [cleanOutput(), openData(), recordFiles(), pagefind(), shardManifestIntegration(), ...sitemaps],
  vite: {
    // Keep page scripts as files: an inlined script breaks the search page's
    // dynamic import of <base>pagefind/pagefind.js (__VITE_PRELOAD__ is left undefined).
    build: { assetsInlineLimit: 0 },
  },
});
