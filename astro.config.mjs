// @ts-check
import { defineConfig } from 'astro/config';
import { cleanOutput } from './src/lib/clean-output.ts';
import { pagefind } from './src/lib/pagefind.ts';

/**
 * Environment:
 * - BASE_PATH: the path the site is served under (default "/"), e.g. "/budget/".
 * - OUT_DIR: where the build goes (default "dist"); the e2e tests build into dist-e2e.
 * - RECORDS_DIR: read by src/content.config.ts (default "data/records").
 */
const base = normalizeBase(process.env.BASE_PATH ?? '/');

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR ?? 'dist',
  trailingSlash: 'ignore',
  // Stylesheets as files, never inlined: the Content-Security-Policy (src/lib/csp.ts) allows no inline styles.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No prefetch, no fonts, no analytics: nothing leaves the site.
  integrations: [cleanOutput(), pagefind()],
  vite: {
    // Keep page scripts as files: an inlined script breaks the search page's
    // dynamic import of <base>pagefind/pagefind.js (__VITE_PRELOAD__ is left undefined).
    build: { assetsInlineLimit: 0 },
  },
});

/**
 * "/budget" or "budget/" → "/budget/"; "" → "/".
 * @param {string} path
 */
function normalizeBase(path) {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
