/**
 * The site's public address (SITE_URL) and the path it is served under
 * (BASE_PATH), read once by astro.config.mjs.
 *
 * SITE_URL=https://budget.example.org/sub/ makes permalinks, citations,
 * canonical links and og:url absolute and turns on sitemap and robots.txt.
 * Its path must be the base path: when BASE_PATH is not set it is taken from
 * SITE_URL; when both are set and differ the build stops, since every
 * absolute link would point to pages that are not there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** "/budget" or "budget/" → "/budget/"; "" → "/". */
export function normalizeBase(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A request's path relative to the site's base ("/budget/data/x.csv" → "/data/x.csv"), for
 * the dev server's middleware. Astro's dev server strips the base before an integration's
 * middleware sees the request, so a path without the base is taken as it is.
 */
export function sitePath(url: string, base: string): string {
  const p = url.split('?')[0];
  return p.startsWith(base) ? `/${p.slice(base.length)}` : p;
}

export interface SiteAddress {
  /** Absolute origin + base path with a trailing slash, or undefined when SITE_URL is unset. */
  site: string | undefined;
  base: string;
}

export function siteAddress(env: { SITE_URL?: string; BASE_PATH?: string }): SiteAddress {
  const raw = env.SITE_URL?.trim();
  if (!raw) return { site: undefined, base: normalizeBase(env.BASE_PATH ?? '/') };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not an absolute URL: "${raw}" (e.g. SITE_URL=https://budget.example.org/sub/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must start with https:// or http://: "${raw}"`);
  if (url.search || url.hash) throw new Error(`SITE_URL must not have a query or fragment: "${raw}"`);
  const fromUrl = normalizeBase(url.pathname);
  const base = env.BASE_PATH === undefined || env.BASE_PATH === '' ? fromUrl : normalizeBase(env.BASE_PATH);
  if (base !== fromUrl) {
    throw new Error(`SITE_URL's path "${fromUrl}" and BASE_PATH "${base}" differ; set them to the same path (or leave BASE_PATH unset).`);
  }
  return { site: `${url.origin}${base}`, base };
}

/** robots.txt: everything may be crawled; the sitemap index by absolute URL. */
export function robotsTxt(site: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site).href}\n`;
}

/** Writes robots.txt into the build output when SITE_URL is set (sitemaps come from @astrojs/sitemap). */
export function robots(site: string | undefined): AstroIntegration {
  return {
    name: 'budget-site:robots',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (!site) return;
        const out = fileURLToPath(dir);
        mkdirSync(out, { recursive: true });
        writeFileSync(`${out}/robots.txt`, robotsTxt(site));
        logger.info('robots.txt written');
      },
    },
  };
}
