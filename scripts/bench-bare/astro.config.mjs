// @ts-check
// The bare Astro site of `npm run bench`: the same records through the same loader, one plain page each.
import { defineConfig } from 'astro/config';

export default defineConfig({ outDir: process.env.OUT_DIR ?? 'dist', build: { format: 'directory' } });
