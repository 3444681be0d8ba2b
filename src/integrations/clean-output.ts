/**
 * Astro integration: nothing but the site in the output folder.
 *
 * With OUT_DIR outside the project, Astro 5 renders the pages from a server
 * bundle in ./.astro/ and then copies what is left of it into the output
 * (content-assets.mjs, content-modules.mjs, chunks/*.mjs, manifest_*.mjs,
 * collections/records.schema.json, and at the top data-store.json and
 * settings.json when ./.astro/ held them from an earlier `astro dev` or
 * `astro check`). None of it belongs on a static host, so it is removed here:
 * the site itself never has .mjs files outside _astro/ and pagefind/, a
 * collections/ folder, nor JSON files at its top.
 */
import { readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's own state files (./.astro/), copied to the top of the output. */
const ASTRO_STATE = ['data-store.json', 'settings.json', 'types.d.ts'];

/** Paths (relative to the output folder) of server-bundle leftovers. */
export function leftovers(outDir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(outDir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(outDir, r)).isDirectory()) {
        if (r === '_astro' || r === 'pagefind') continue;
        walk(r);
      } else if (/\.mjs(\.map)?$/.test(name) || /^collections\/.*\.schema\.json$/.test(r) || ASTRO_STATE.includes(r)) found.push(r);
    }
  };
  walk('');
  return found.sort();
}

function removeEmptyDirs(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      removeEmptyDirs(full);
      if (readdirSync(full).length === 0) rmdirSync(full);
    }
  }
}

export function cleanOutput(): AstroIntegration {
  return {
    name: 'budget-site:clean-output',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = leftovers(outDir);
        for (const f of files) rmSync(path.join(outDir, f));
        if (files.length > 0) {
          removeEmptyDirs(outDir);
          logger.info(`removed ${files.length} server-bundle files that are not part of the site`);
        }
      },
    },
  };
}
