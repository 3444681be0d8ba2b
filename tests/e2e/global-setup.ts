/**
 * Builds the site under a non-root base path (BASE_PATH=/budget/) into
 * dist-e2e/ and serves it with sirv mounted at /budget/, as a static host
 * would. The browser tests get the site's URL through `inject('siteUrl')`.
 *
 * Records: data/records, or the dev fixtures (tests/site/fixtures/records)
 * while data/records is empty. E2E_RECORDS_DIR overrides both.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createSiteServer } from '../../scripts/serve.mjs';
import { chromiumPath, e2eBase, e2eOutDir, e2ePublicUrl } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin plus base path, e.g. http://127.0.0.1:41234/budget/ */
    siteUrl: string;
    /** The records directory the site was built from. */
    recordsDir: string;
  }
}

function recordsDir(): string {
  if (process.env.E2E_RECORDS_DIR) return process.env.E2E_RECORDS_DIR;
  const real = 'data/records';
  const hasRecords = existsSync(real) && readdirSync(real).some((f) => f.endsWith('.json'));
  return hasRecords ? real : 'tests/site/fixtures/records';
}

export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Browser tests need Chromium at ${chromiumPath}, which is missing. ` +
        'Install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).',
    );
  }
  const records = recordsDir();
  // Vitest puts Vite's env (BASE_URL=/, MODE, DEV, PROD, SSR) into process.env;
  // passed on, they would override the build's own import.meta.env.BASE_URL.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key) && !key.startsWith('VITEST')),
  );
  const build = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    env: { ...env, NODE_ENV: 'production', BASE_PATH: e2eBase, SITE_URL: e2ePublicUrl, OUT_DIR: e2eOutDir, RECORDS_DIR: records },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`astro build for the browser tests failed:\n${build.stdout}\n${build.stderr}`);
  }
  const server = createSiteServer({ dir: path.resolve(e2eOutDir), base: e2eBase });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('siteUrl', `http://127.0.0.1:${port}${e2eBase}`);
  project.provide('recordsDir', records);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
