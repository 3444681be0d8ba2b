#!/usr/bin/env node
/**
 * Serve the built site (dist/, or OUT_DIR) with sirv under BASE_PATH
 * (default "/") on PORT (default 4321), as a plain static host would.
 *
 *   BASE_PATH=/budget/ PORT=8080 node scripts/serve.mjs
 *
 * `createSiteServer` is also used by the browser tests (tests/e2e/).
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** "/budget" or "budget/" → "/budget/". */
export function normalizeBase(base = '/') {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * An http.Server that serves `dir` under `base`; everything outside `base`
 * is a 404, and `/` redirects to `base`. Unknown paths get dir/404.html.
 */
export function createSiteServer({ dir, base = '/' }) {
  const prefix = normalizeBase(base);
  // Text downloads are UTF-8: say so (sirv sends text/csv, application/json
  // without a charset), and serve data/SHA256SUMS (no extension) as text.
  const setHeaders = (res, pathname) => {
    const name = pathname.split('/').pop() ?? '';
    const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') ? 'application/json' : name.endsWith('.txt') || name === 'SHA256SUMS' ? 'text/plain' : null;
    if (type) res.setHeader('Content-Type', `${type}; charset=utf-8`);
  };
  const serve = sirv(dir, { dev: false, etag: true, extensions: ['html'], setHeaders });
  const notFoundFile = path.join(dir, '404.html');
  const notFound = (res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundFile) ? readFileSync(notFoundFile) : 'Not found');
  };
  return createServer((req, res) => {
    const url = req.url ?? '/';
    if (prefix !== '/' && (url === '/' || url === prefix.slice(0, -1))) {
      res.writeHead(302, { Location: prefix }).end();
      return;
    }
    if (!url.startsWith(prefix)) return notFound(res);
    req.url = '/' + url.slice(prefix.length);
    serve(req, res, () => notFound(res));
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = path.resolve(process.env.OUT_DIR ?? 'dist');
  const base = normalizeBase(process.env.BASE_PATH ?? '/');
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? 'localhost';
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir}: run "npm run build" first (with the same BASE_PATH).`);
    process.exit(1);
  }
  createSiteServer({ dir, base }).listen(port, host, () => {
    console.log(`Serving ${dir} at http://${host}:${port}${base}`);
  });
}
