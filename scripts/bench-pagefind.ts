/**
 * What Pagefind alone costs: the search documents of a folder of records
 * (src/lib/search-document.ts, as the build makes them) handed to Pagefind's
 * Node API and written, without Astro. Prints the records, the text per
 * record, the wall seconds of adding and writing, and the CPU seconds of
 * Pagefind's own process (its binary, read from /proc before it is closed:
 * /usr/bin/time does not count it, see scripts/bench.ts). A figure, not a test.
 *
 *   npx tsx scripts/synthetic-records.ts --projects 10000 --out /tmp/r10k/records
 *   npx tsx scripts/bench-pagefind.ts --records /tmp/r10k/records [--variant V]
 *
 * Variants, to see what the cost depends on: `as-built` (default: what the
 * build indexes), `no-filters` (no filter values), `half-text` (each
 * document's text cut to half), `default-chunks` (Pagefind's own index chunk
 * size instead of the build's INDEX_CHUNK_SIZE).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { close, createIndex } from 'pagefind';
import { formatLoadError, readRecordFile, recordFileNames } from '../src/domain/records.ts';
import { INDEX_CHUNK_SIZE } from '../src/integrations/pagefind.ts';
import { searchDocument, type SearchDocument } from '../src/lib/search-document.ts';
import { INDEX_LANGUAGE } from '../src/lib/search-tokens.ts';

const VARIANTS: Record<string, (d: SearchDocument) => SearchDocument> = {
  'as-built': (d) => d,
  'no-filters': (d) => ({ ...d, filters: {} }),
  'half-text': (d) => ({ ...d, content: d.content.slice(0, d.content.length >> 1) }),
  'default-chunks': (d) => d,
};

/** CPU seconds used so far by this process's children named like Pagefind's binary. */
function pagefindCpu(): number {
  let pids: string[];
  try {
    pids = execFileSync('pgrep', ['-P', String(process.pid), 'pagefind']).toString().trim().split('\n');
  } catch {
    return NaN;
  }
  return pids.reduce((sum, pid) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return sum + (Number(f[11]) + Number(f[12])) / 100;
  }, 0);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { records: { type: 'string' }, variant: { type: 'string', default: 'as-built' } } });
  const variant = VARIANTS[values.variant!];
  if (!values.records || !variant) {
    process.stderr.write(`usage: npx tsx scripts/bench-pagefind.ts --records DIR [--variant ${Object.keys(VARIANTS).join('|')}]\n`);
    return 2;
  }
  const dir = values.records;
  const docs = recordFileNames(dir).map((name) => {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) throw new Error(formatLoadError(read.error));
    return variant(searchDocument(read.record));
  });
  if (values.variant !== 'default-chunks') process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  const out = mkdtempSync(path.join(tmpdir(), 'bench-pagefind-'));
  try {
    const started = performance.now();
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    for (const d of docs) await index.addCustomRecord({ ...d, language: INDEX_LANGUAGE });
    const added = performance.now();
    await index.writeFiles({ outputPath: out });
    const written = performance.now();
    const cpu = pagefindCpu();
    const chars = docs.reduce((n, d) => n + d.content.length, 0) / Math.max(1, docs.length);
    console.log(`${values.variant}: ${docs.length} records, ${chars.toFixed(0)} characters of text each; added in ${((added - started) / 1000).toFixed(1)} s, written in ${((written - added) / 1000).toFixed(1)} s (wall); Pagefind's process ${cpu.toFixed(1)} s CPU`);
  } finally {
    await close();
    rmSync(out, { recursive: true, force: true });
  }
  return 0;
}

main().then((code) => (process.exitCode = code));
