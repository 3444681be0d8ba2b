/**
 * npx tsx scripts/bench-formats.ts — how long reading the seed documents takes
 * from each published format (render + table grammar), and the fixtures' sizes.
 * Prints figures; asserts nothing (the tests check the records).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { renderFile } from '../src/ingest/formats/index.ts';
import { ingestRendered } from '../src/ingest/formats/locate.ts';
import { SEEDS } from './format-fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/formats');
const ROUNDS = 5;

// Warm up each reader once (module loading, JIT).
for (const ext of ['html', 'docx', 'xlsx']) await renderFile(readFileSync(path.join(fixtures, `${SEEDS[0]}.${ext}`)), `x.${ext}`);

console.log('format  seed                  bytes   render ms  render+ingest ms  records  (median of 5)');
for (const ext of ['txt', 'html', 'docx', 'xlsx']) {
  for (const seed of SEEDS) {
    const file = ext === 'txt' ? path.join(root, 'data/sources', `${seed}.txt`) : path.join(fixtures, `${seed}.${ext}`);
    const bytes = readFileSync(file);
    const meta = JSON.parse(readFileSync(path.join(root, 'data/sources', `${seed}.meta.json`), 'utf8'));
    const render: number[] = [];
    const total: number[] = [];
    let records = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const rendered = await renderFile(bytes, `${seed}.${ext}`);
      const t1 = performance.now();
      records = ingestRendered(rendered, { file: `${seed}.${ext}`, meta }).records.length;
      const t2 = performance.now();
      render.push(t1 - t0);
      total.push(t2 - t0);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
    console.log(`${ext.padEnd(7)} ${seed}  ${String(statSync(file).size).padStart(6)}  ${median(render).padStart(9)}  ${median(total).padStart(16)}  ${String(records).padStart(7)}`);
  }
}
