/**
 * Astro integration that indexes the built site with Pagefind on astro:build:done.
 *
 * It always uses the *extended* Pagefind binary, which segments Chinese text
 * into words; the standard binary would index whole runs of characters and
 * find almost nothing. The index is written to <outDir>/pagefind/, Pagefind's
 * default place, so the search page loads <base>pagefind/pagefind.js.
 *
 * Any failure fails the build: a site whose search silently has no index is
 * worse than no build.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
// A static import: the config's module runner is closed by the time astro:build:done runs.
import { createIndex, close } from 'pagefind';

/** Path of the pagefind_extended binary shipped in @pagefind/<platform>-<arch>. */
export function extendedBinaryPath(): string {
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const executable = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  const require = createRequire(import.meta.url);
  const binary = require.resolve(`@pagefind/${platform}-${process.arch}/bin/${executable}`);
  if (!existsSync(binary)) throw new Error(`Pagefind extended binary not found at ${binary}`);
  return binary;
}

export function pagefind(): AstroIntegration {
  return {
    name: 'budget-site:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(fileURLToPath(dir), logger);
      },
    },
  };
}

async function indexSite(outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  // The Node API spawns the binary named by this variable before looking for others.
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = extendedBinaryPath();
  logger.info(`Indexing with ${process.env.PAGEFIND_EXTENDED_BINARY_PATH}`);
  try {
    const { index, errors: createErrors } = await createIndex({});
    if (!index) fail('could not create the index', createErrors);
    const { page_count, errors: addErrors } = await index.addDirectory({ path: outDir });
    if (addErrors.length > 0) fail('could not index the site', addErrors);
    if (page_count === 0) logger.warn('no pages were indexed (no data-pagefind-body found?)');
    const outputPath = path.join(outDir, 'pagefind');
    const { errors: writeErrors } = await index.writeFiles({ outputPath });
    if (writeErrors.length > 0) fail('could not write the index', writeErrors);
    logger.info(`Read ${page_count} HTML files; index written to ${outputPath}`);
  } finally {
    await close();
  }
}

function fail(what: string, errors: string[]): never {
  throw new Error(`Pagefind ${what}:\n${errors.map((e) => `  ${e}`).join('\n')}`);
}
