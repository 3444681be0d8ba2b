/**
 * npx tsx scripts/bench-sources.ts [--copies N] [--formats docx,xlsx,pdf,html] [--build]
 *
 * What the cache of rendered sources (src/lib/source-cache.ts) saves. Prints
 * figures; asserts nothing (tests/site/sources-cache.test.ts checks the cache).
 *
 * Store: N distinct copies of each seed fixture of tests/fixtures/formats/ (a
 * ZIP comment or a PDF comment makes each copy's bytes, so its SHA-256, its
 * own) in a temporary SOURCES_DIR, each run in a fresh process:
 *   cold   an empty cache: every document rendered and written to the cache
 *   warm   the same cache: nothing rendered
 *   memory the way the site worked before the cache: every document rendered
 *          and kept in memory (a map of every rendered document)
 * each with wall time, renders, reads of cache entries, peak RSS of the
 * process, the heap it still holds at the end (after a full garbage
 * collection: what grows with the number of documents) and the cache's size.
 *
 * --build: also `astro build` the site twice from one document per seed (one of
 * each format, records read from them) with an empty cache, then with the
 * cache it left: wall time and the renders of each build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/formats');
const SEEDS = ['000_bd5493f012e3b752', '001_0a5d8a87461ba45a', '002_60f5ac7a26e34816', '003_02357b0acc26174d', '004_a583d9a954743c2a'];

/** The same document with other bytes: a ZIP archive comment, or a PDF comment before the last %%EOF. */
function variant(bytes: Buffer, ext: string, n: number): Buffer {
  const tag = Buffer.from(`copy ${n}`, 'latin1');
  if (ext === 'pdf') {
    const at = bytes.lastIndexOf('%%EOF');
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(`%${tag.toString('latin1')}\n`, 'latin1'), bytes.subarray(at)]);
  }
  if (ext === 'html') return Buffer.concat([bytes, Buffer.from(`\n<!-- ${tag.toString('latin1')} -->\n`, 'latin1')]);
  // End of central directory: signature 50 4b 05 06, 22 bytes, then a comment of the length at offset 20.
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || bytes.readUInt16LE(eocd + 20) !== 0) throw new Error(`no end of central directory without a comment in the ${ext}`);
  const head = Buffer.from(bytes.subarray(0, eocd + 22));
  head.writeUInt16LE(tag.length, eocd + 20);
  return Buffer.concat([head, tag]);
}

// ---- one run, in a child process: `tsx scripts/bench-sources.ts --child cold|warm|memory` ----

async function child(mode: string): Promise<void> {
  const { sourceStore, sourceFiles } = await import('../src/lib/sources.ts');
  const { renderFile } = await import('../src/ingest/formats/index.ts');
  const files = sourceFiles();
  const started = performance.now();
  let lines = 0;
  if (mode === 'memory') {
    // Before the cache: every document rendered once, all kept for the whole build.
    const all = new Map<string, { lines: string[] }>();
    for (const f of files) {
      const r = await renderFile(readFileSync(path.join(sourceStore.sourcesDir, f)), f);
      all.set(f, { lines: r.text.split('\n') });
    }
    for (const f of files) lines += all.get(f)!.lines.length;
  } else {
    // As a build does: the checks ask for every document, then each page for its own.
    await sourceStore.prepare(files);
    for (const f of files) {
      const doc = await sourceStore.rendered(f);
      if ('lines' in doc) lines += doc.lines.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // What the process still holds once the documents have been shown (after a full collection): the map of every document, or the LRU.
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const s = sourceStore.stats;
  const renders = mode === 'memory' ? files.length : s.renders;
  process.stdout.write(JSON.stringify({ mode, files: files.length, lines, seconds, renders, hits: s.cacheHits, maxRssMb: process.resourceUsage().maxRSS / 1024, heapMb }) + '\n');
}

function run(mode: string, env: NodeJS.ProcessEnv): Promise<{ mode: string; files: number; lines: number; seconds: number; renders: number; hits: number; maxRssMb: number; heapMb: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--expose-gc', path.join(root, 'scripts/bench-sources.ts'), '--child', mode], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`${mode} run exited with ${code}`))));
  });
}

const folderBytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function storeBench(copies: number, formats: string[], work: string): Promise<void> {
  const sources = path.join(work, 'sources');
  const cache = path.join(work, 'cache');
  mkdirSync(sources);
  for (const ext of formats)
    for (const seed of SEEDS) {
      const bytes = readFileSync(path.join(fixtures, `${seed}.${ext}`));
      for (let n = 0; n < copies; n++) writeFileSync(path.join(sources, `${seed}-${n}.${ext}`), variant(bytes, ext, n));
    }
  const count = readdirSync(sources).length;
  console.log(`${count} source documents (${copies} copies of each of the ${SEEDS.length} seeds in ${formats.join(', ')}), ${mb(folderBytes(sources))}, in ${sources}`);
  const env = { ...process.env, SOURCES_DIR: sources, SOURCE_CACHE_DIR: cache };
  console.log('run      files   lines    wall s  renders  cache reads  peak RSS  heap after  cache');
  for (const mode of ['cold', 'warm', 'memory']) {
    const r = await run(mode, env);
    console.log(
      `${mode.padEnd(7)} ${String(r.files).padStart(6)} ${String(r.lines).padStart(7)} ${r.seconds.toFixed(2).padStart(9)} ${String(r.renders).padStart(8)} ${String(r.hits).padStart(12)} ${`${r.maxRssMb.toFixed(0)} MB`.padStart(9)} ${`${r.heapMb.toFixed(1)} MB`.padStart(10)}  ${mode === 'memory' ? '-' : mb(folderBytes(cache))}`,
    );
  }
}

async function buildBench(work: string): Promise<void> {
  const { renderFile } = await import('../src/ingest/formats/index.ts');
  const { ingestRendered } = await import('../src/ingest/formats/locate.ts');
  const sources = path.join(work, 'build-sources');
  const records = path.join(work, 'build-records');
  const cache = path.join(work, 'build-cache');
  mkdirSync(sources);
  mkdirSync(records);
  const formats = ['pdf', 'docx', 'xlsx', 'html', 'docx'];
  for (const [i, seed] of SEEDS.entries()) {
    const file = `${seed}.${formats[i]}`;
    copyFileSync(path.join(fixtures, file), path.join(sources, file));
    const meta = JSON.parse(readFileSync(path.join(root, 'data/sources', `${seed}.meta.json`), 'utf8'));
    const rendered = await renderFile(readFileSync(path.join(sources, file)), file);
    for (const r of ingestRendered(rendered, { file, meta }).records) writeFileSync(path.join(records, `${r.id}.json`), JSON.stringify(r));
  }
  console.log(`\nastro build of ${readdirSync(records).length} records from ${SEEDS.length} documents (${formats.join(', ')}):`);
  console.log('build    wall s  renders (per process)');
  for (const label of ['cold', 'warm']) {
    const out = path.join(work, `dist-${label}`);
    const started = performance.now();
    const r = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', RECORDS_DIR: records, SOURCES_DIR: sources, SOURCE_CACHE_DIR: cache, SOURCE_CACHE_STATS: '1', OUT_DIR: out },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) {
      console.log(r.stdout.slice(-3000), r.stderr.slice(-3000));
      throw new Error(`astro build exited with ${r.status}`);
    }
    const renders = [...(r.stderr + r.stdout).matchAll(/\[sources\] pid \d+: (\d+) rendered, (\d+) from the cache/g)].map((m) => `${m[1]} rendered / ${m[2]} from cache`);
    console.log(`${label.padEnd(7)} ${seconds.toFixed(1).padStart(7)}  ${renders.join('; ')}`);
  }
}

const { values } = parseArgs({ options: { copies: { type: 'string', default: '4' }, formats: { type: 'string', default: 'docx,xlsx,pdf' }, build: { type: 'boolean', default: false }, child: { type: 'string' } } });
if (values.child) {
  await child(values.child);
} else {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-sources-'));
  try {
    await storeBench(Number(values.copies), values.formats!.split(','), work);
    if (values.build) await buildBench(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
