/**
 * The cache of rendered source documents (src/lib/source-cache.ts): a second
 * run renders nothing, a changed file or reader re-renders, a corrupt or
 * hostile cache entry is ignored and never followed out of the cache folder,
 * and a build renders only the sources its records reference.
 *
 * Renders are counted through an injected renderer (the real readers behind
 * it) or the store's counter, never timed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderFile } from '../../src/ingest/formats/index.ts';
import { ingestRendered } from '../../src/ingest/formats/locate.ts';
import { entryPath, isLocator, readerVersion, SourceStore, type SourceRenderer } from '../../src/lib/source-cache.ts';
import { Locator } from '../../src/schema/record.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/formats');
const SEEDS = ['000_bd5493f012e3b752', '001_0a5d8a87461ba45a', '003_02357b0acc26174d'];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let work: string;
let sources: string;

/** The real readers, counting what they are asked to render. */
function counting(version = 'a'.repeat(16)): SourceRenderer & { calls: string[] } {
  const calls: string[] = [];
  return { version, calls, render: (bytes, file) => (calls.push(file), renderFile(bytes, file)) };
}

const store = (cacheDir: string | null, renderer: SourceRenderer, memory?: number) => new SourceStore({ sourcesDir: sources, cacheDir, renderer, memory });

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sources-cache-'));
  sources = path.join(work, 'sources');
  mkdirSync(sources);
  copyFileSync(path.join(fixtures, `${SEEDS[0]}.xlsx`), path.join(sources, `${SEEDS[0]}.xlsx`));
  copyFileSync(path.join(fixtures, `${SEEDS[1]}.html`), path.join(sources, `${SEEDS[1]}.html`));
  copyFileSync(path.join(fixtures, `${SEEDS[2]}.docx`), path.join(sources, `${SEEDS[2]}.docx`));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = [`${SEEDS[0]}.xlsx`, `${SEEDS[1]}.html`, `${SEEDS[2]}.docx`];

describe('the cache of rendered sources', () => {
  it('a second run with nothing changed renders nothing and shows the same documents', async () => {
    const cache = path.join(work, 'cache-second');
    const first = counting();
    const a = store(cache, first);
    const docs = [];
    for (const f of FILES) docs.push(await a.rendered(f));
    expect(first.calls.sort()).toEqual([...FILES].sort());
    // One entry per file, named by its SHA-256 and the reader version.
    expect(readdirSync(cache).sort()).toEqual(FILES.map((f) => path.basename(entryPath(cache, sha(path.join(sources, f)), first.version))).sort());

    const second = counting();
    const b = store(cache, second);
    await b.prepare(FILES);
    for (const [i, f] of FILES.entries()) expect(await b.rendered(f)).toEqual(docs[i]);
    expect(second.calls).toEqual([]);
    expect(b.stats.renders).toBe(0);
    expect(b.stats.cacheHits).toBeGreaterThanOrEqual(FILES.length);
    // What was rendered is what the reader reads from the file.
    const direct = await renderFile(readFileSync(path.join(sources, FILES[2])), FILES[2]);
    const shown = direct.text.replace(/\n$/, '').split('\n');
    expect(docs[2]).toEqual({ format: 'docx', lines: shown, locators: direct.locators.slice(0, shown.length) });
  });

  it('the synchronous reads find what was prepared, and say so when it was not', async () => {
    const r = counting();
    const s = store(path.join(work, 'cache-sync'), r);
    expect(s.renderedSync(FILES[1])).toBeUndefined();
    await s.prepare([FILES[1], FILES[1]]);
    expect(r.calls).toEqual([FILES[1]]);
    expect(s.renderedSync(FILES[1])).toMatchObject({ format: 'html' });
  });

  it('a changed file, or another reader version, is rendered again', async () => {
    const cache = path.join(work, 'cache-change');
    const name = 'changing.html';
    writeFileSync(path.join(sources, name), '<table><tr><td>一</td><td>二</td></tr></table>');
    const r1 = counting();
    expect(await store(cache, r1).rendered(name)).toMatchObject({ lines: ['一\t二'] });
    writeFileSync(path.join(sources, name), '<table><tr><td>三</td><td>四</td></tr></table>');
    const r2 = counting();
    expect(await store(cache, r2).rendered(name)).toMatchObject({ lines: ['三\t四'] });
    expect(r2.calls).toEqual([name]);
    // The same bytes with another reader.
    const r3 = counting('b'.repeat(16));
    await store(cache, r3).prepare([name]);
    expect(r3.calls).toEqual([name]);
    // And the first reader's entry for the new bytes is still used.
    const r4 = counting();
    await store(cache, r4).prepare([name]);
    expect(r4.calls).toEqual([]);
  });

  it('the reader version changes with the readers\' sources', () => {
    const fake = path.join(work, 'project');
    mkdirSync(path.join(fake, 'src/ingest/formats'), { recursive: true });
    writeFileSync(path.join(fake, 'src/ingest/formats/html.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(fake, 'src/ingest/document.ts'), 'export const b = 1;\n');
    const v1 = readerVersion(fake);
    expect(v1).toMatch(/^[0-9a-f]{16}$/);
    expect(readerVersion(fake)).toBe(v1);
    writeFileSync(path.join(fake, 'src/ingest/formats/html.ts'), 'export const a = 2;\n');
    const v2 = readerVersion(fake);
    expect(v2).not.toBe(v1);
    mkdirSync(path.join(fake, 'node_modules/mammoth'), { recursive: true });
    writeFileSync(path.join(fake, 'node_modules/mammoth/package.json'), '{"version":"9.9.9"}');
    expect(readerVersion(fake)).not.toBe(v2);
    // No readers to hash: no version, so nothing is cached.
    expect(readerVersion(path.join(work, 'nowhere'))).toBeNull();
  });

  it('a corrupt or forged cache entry is ignored and the document rendered again', async () => {
    const cache = path.join(work, 'cache-corrupt');
    const file = FILES[1];
    const good = await store(cache, counting()).rendered(file);
    const entry = entryPath(cache, sha(path.join(sources, file)), counting().version);
    const valid = JSON.parse(readFileSync(entry, 'utf8'));
    const forgeries: [string, string][] = [
      ['truncated', readFileSync(entry, 'utf8').slice(0, 100)],
      ['not JSON', '\u0000\u0001garbage'],
      ['empty', ''],
      ['another file\'s hash', JSON.stringify({ ...valid, sha256: 'f'.repeat(64) })],
      ['another reader', JSON.stringify({ ...valid, reader: 'c'.repeat(16) })],
      ['a locator missing', JSON.stringify({ ...valid, locators: valid.locators.slice(1) })],
      ['a bad locator', JSON.stringify({ ...valid, locators: [{ table: -1, row: 0 }, ...valid.locators.slice(1)] })],
      ['lines that are not text', JSON.stringify({ ...valid, lines: valid.lines.map(() => 1) })],
      ['an extra field', JSON.stringify({ ...valid, html: '<script>alert(1)</script>' })],
      ['plain text posing as a rendering', JSON.stringify({ ...valid, format: 'txt', locators: [] })],
    ];
    for (const [what, text] of forgeries) {
      writeFileSync(entry, text);
      const r = counting();
      const s = store(cache, r);
      expect(await s.rendered(file), what).toEqual(good);
      expect(r.calls, what).toEqual([file]);
      expect(s.stats.cacheRejected, what).toBe(1);
      // Written again, valid: the next run uses it.
      expect(JSON.parse(readFileSync(entry, 'utf8')), what).toEqual(valid);
    }
  });

  it('a hostile cache entry or name cannot lead out of the cache folder', async () => {
    const cache = path.join(work, 'cache-hostile');
    mkdirSync(cache);
    const file = FILES[1];
    const key = sha(path.join(sources, file));
    const version = counting().version;
    // Keys are hexadecimal digits only.
    for (const [s, v] of [['../../etc/passwd', version], [key, '../x'], [`${key.slice(0, 63)}/`, version], [key.toUpperCase(), version]])
      expect(() => entryPath(cache, s, v)).toThrow(/not a cache key/);
    // A symbolic link planted where the entry goes, to a well-formed entry outside: never read, and replaced by a file (the target untouched).
    const outside = path.join(work, 'outside.json');
    const forged = { schema: 1, sha256: key, reader: version, format: 'html', lines: ['forged'], locators: [{ paragraph: 1 }] };
    writeFileSync(outside, JSON.stringify(forged));
    const entry = entryPath(cache, key, version);
    symlinkSync(outside, entry);
    const r = counting();
    const s = store(cache, r);
    const doc = await s.rendered(file);
    expect(doc).not.toMatchObject({ lines: ['forged'] });
    expect(r.calls).toEqual([file]);
    expect(s.stats.cacheRejected).toBe(1);
    expect(JSON.parse(readFileSync(outside, 'utf8'))).toEqual(forged);
    expect(JSON.parse(readFileSync(entry, 'utf8')).lines).not.toEqual(['forged']);
    // Nothing but entries (no temporary files) is left in the folder, and nothing beside it.
    expect(readdirSync(cache)).toEqual([path.basename(entry)]);
    // A source name that leaves the sources folder is refused before anything is read or rendered.
    for (const name of ['../outside.json', '/etc/passwd', '..', '.hidden.docx']) {
      expect(await s.rendered(name), name).toHaveProperty('problem');
    }
    await s.prepare(['../outside.json']);
    expect(r.calls).toEqual([file]);
  });

  it('checks a cached locator as the record schema does', () => {
    const position = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(10_000_000, 10_000_001, 1.5, Number.NaN), fc.string({ maxLength: 2 }));
    const key = fc.constantFrom('table', 'row', 'paragraph', 'sheet', 'page', 'line', 'extra', '__proto__');
    const value = fc.oneof(position, fc.string({ maxLength: 3 }), fc.string({ minLength: 199, maxLength: 202 }), fc.constant(null));
    const candidate = fc.oneof(
      fc.record({ table: position, row: position }),
      fc.record({ sheet: fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: 199, maxLength: 202 }), position), row: position }),
      fc.record({ page: position, line: position }),
      fc.record({ paragraph: position }),
      fc.dictionary(key, value, { maxKeys: 3 }),
      fc.constantFrom(null, [], 'table', 3),
    );
    fc.assert(fc.property(candidate, (c) => isLocator(c) === Locator.safeParse(c).success), { seed: 10, numRuns: 2000 });
  });

  it('keeps only a few documents in memory', async () => {
    const r = counting();
    const s = store(path.join(work, 'cache-memory'), r, 2);
    for (const f of FILES) await s.rendered(f);
    expect(s.inMemory).toBe(2);
    // The one pushed out comes back from the cache on disk, not from the reader.
    await s.rendered(FILES[0]);
    expect(r.calls.length).toBe(FILES.length);
    expect(s.stats.cacheHits).toBe(1);
  });

  it('works without a cache folder, and when the folder cannot be written', async () => {
    const r = counting();
    const none = store(null, r);
    await none.prepare([FILES[1]]);
    expect(none.renderedSync(FILES[1])).toMatchObject({ format: 'html' });
    const blocked = path.join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const warnings: string[] = [];
    const s = new SourceStore({ sourcesDir: sources, cacheDir: path.join(blocked, 'sources'), renderer: counting(), memory: 1, warn: (m) => warnings.push(m) });
    await s.prepare(FILES);
    expect(warnings).toHaveLength(1);
    // Kept in memory instead, so the synchronous reads still find every one.
    for (const f of FILES) expect(s.renderedSync(f)).toHaveProperty('lines');
  });
});

describe('a build renders only the sources its records reference', () => {
  let records: string;
  let cache: string;
  /** Which of the sources folder's files have a cache entry. */
  const cached = () => readdirSync(sources).filter((f) => existsSync(path.join(cache, `${sha(path.join(sources, f))}.${readerVersion(root)}.json`)));

  beforeAll(async () => {
    records = path.join(work, 'records');
    mkdirSync(records);
    // Unreferenced documents beside them, among them a PDF (slow to render) and a broken file (would fail if it were read).
    copyFileSync(path.join(fixtures, `${SEEDS[0]}.pdf`), path.join(sources, 'unreferenced.pdf'));
    writeFileSync(path.join(sources, 'unreferenced-broken.docx'), 'PK\u0003\u0004 not a document');
    // The records of each seed, read from its copy in the folder.
    for (const [i, file] of FILES.entries()) {
      const meta = JSON.parse(readFileSync(path.join(root, 'data/sources', `${SEEDS[i]}.meta.json`), 'utf8'));
      const rendered = await renderFile(readFileSync(path.join(sources, file)), file);
      for (const r of ingestRendered(rendered, { file, meta }).records) writeFileSync(path.join(records, `${r.id}.json`), JSON.stringify(r));
    }
  });

  async function build(env: Record<string, string>) {
    cache = path.join(work, `cache-build-${Object.values(env).join('-') || 'all'}`);
    vi.resetModules();
    vi.stubEnv('SOURCES_DIR', sources);
    vi.stubEnv('SOURCE_CACHE_DIR', cache);
    vi.stubEnv('RECORDS_DIR', records);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    try {
      const lib = await import('../../src/lib/records.ts');
      const { sourceStore } = await import('../../src/lib/sources.ts');
      const got = await lib.getRecords();
      return { records: got, store: sourceStore };
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it('a whole build renders the referenced documents, not the others', async () => {
    const { records: got, store: s } = await build({});
    const referenced = [...new Set(got.map((r) => r.source.file))].sort();
    expect(referenced).toEqual([...FILES].sort());
    expect(s.stats.renders).toBe(referenced.length);
    expect(cached().sort()).toEqual(referenced);
  });

  it('a record shard renders only its own records\' documents', async () => {
    // Seed 003 is of 2025 (its Word document ends with an empty paragraph), the others of other years (their records say so).
    const { records: got, store: s } = await build({ SHARD_BY: 'year', SHARD: '2025' });
    expect(got.length).toBeGreaterThan(0);
    const own = [...new Set(got.map((r) => r.source.file))];
    expect(own).toEqual([FILES[2]]);
    expect(s.stats.renders).toBe(1);
    expect(cached()).toEqual([FILES[2]]);
  });
});
