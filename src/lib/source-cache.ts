/**
 * Source documents that are not plain text (.html, .docx, .xlsx, .pdf), rendered
 * by their reader (src/ingest/formats/) on demand and kept in a cache on disk,
 * so that a build renders only the documents its records reference, and a
 * second build with nothing changed renders none (docs/ingest-formats.md
 * "The build's cache of rendered sources").
 *
 * - A cache entry is one JSON file named `<SHA-256 of the file>.<reader version>.json`
 *   in the cache folder (SOURCE_CACHE_DIR, default node_modules/.cache/budget-site/sources/).
 *   The name is made of hexadecimal digits only, never of a record's or a
 *   file's name, so it cannot point out of the folder.
 * - The reader version is a hash of the readers' own source files and of the
 *   versions of the libraries they use: any change to a reader invalidates
 *   every entry it wrote.
 * - An entry is written to a new temporary file beside it and renamed into
 *   place (atomic: a build that dies leaves no half entry), and read back
 *   validated: a regular file (not a symbolic link), not too large, the schema
 *   below, the hash and version of its own name, one locator per line. Anything
 *   else is ignored and the document rendered again.
 * - In memory only a few documents at a time (a small LRU): a page needs one.
 *
 * Records and files are untrusted input: only plain names of regular files
 * inside the sources folder are read (resolveIn).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SourceFileName } from '../schema/record';
import type { Format, Locator, RenderedDocument } from '../ingest/formats/types.ts';

/** A source document as the pages show it. */
export interface SourceDocument {
  format: Format;
  lines: string[];
  /** locators[i] is where line i + 1 is in the file; empty for a .txt document. */
  locators: Locator[];
}

/** What turns a file into text: a reader and its version (a change of version invalidates the cache). */
export interface SourceRenderer {
  version: string;
  render(bytes: Uint8Array, file: string): Promise<RenderedDocument>;
}

/** Bumped when the layout of a cache entry changes. */
const ENTRY_SCHEMA = 1;
/** A cache entry larger than this is not read (a rendered document is a few hundred KB at most). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const HEX64 = /^[0-9a-f]{64}$/;
const VERSION = /^[0-9a-f]{16}$/;
const ENTRY_NAME = /^[0-9a-f]{64}\.[0-9a-f]{16}\.json$/;

const POSITION_MAX = 10_000_000;
const isPosition = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= POSITION_MAX;
const only = (o: object, keys: string[]) => {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(o, k));
};

/**
 * Whether `v` is a Locator as the record schema defines it (src/schema/record.ts),
 * checked by hand: zod's union took about 50 µs a locator, 13 ms for a
 * document of 250 lines (the schema and this agree:
 * tests/site/sources-cache.test.ts).
 */
export function isLocator(v: unknown): v is Locator {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if ('table' in o) return only(o, ['table', 'row']) && isPosition(o.table) && isPosition(o.row);
  if ('sheet' in o) return only(o, ['sheet', 'row']) && typeof o.sheet === 'string' && o.sheet.length >= 1 && o.sheet.length <= 200 && isPosition(o.row);
  if ('page' in o) return only(o, ['page', 'line']) && isPosition(o.page) && isPosition(o.line);
  return only(o, ['paragraph']) && isPosition(o.paragraph);
}

const FORMATS: readonly Format[] = ['html', 'docx', 'xlsx', 'pdf'];
const ENTRY_KEYS = ['schema', 'sha256', 'reader', 'format', 'lines', 'locators'];

/**
 * A cache entry, checked by hand (zod, allocating for every line and locator,
 * made reading an entry slower than rendering some documents): exactly these
 * fields, the format of a rendered document, at least one line, all text, and
 * one valid locator per line.
 */
function asEntry(v: unknown): { schema: number; sha256: string; reader: string; format: Format; lines: string[]; locators: Locator[] } | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !only(v, ENTRY_KEYS)) return null;
  const e = v as Record<string, unknown>;
  if (e.schema !== ENTRY_SCHEMA || typeof e.sha256 !== 'string' || !HEX64.test(e.sha256) || typeof e.reader !== 'string' || !VERSION.test(e.reader)) return null;
  if (!FORMATS.includes(e.format as Format) || !Array.isArray(e.lines) || !Array.isArray(e.locators)) return null;
  const { lines, locators } = e;
  if (lines.length === 0 || locators.length !== lines.length) return null;
  for (let i = 0; i < lines.length; i++) if (typeof lines[i] !== 'string' || !isLocator(locators[i])) return null;
  return e as ReturnType<typeof asEntry>;
}

/** The cache folder: SOURCE_CACHE_DIR, or node_modules/.cache/budget-site/sources/ of the working directory. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.SOURCE_CACHE_DIR || path.join('node_modules', '.cache', 'budget-site', 'sources'));
}

/** The libraries the readers use: their versions are part of the reader version. */
const READER_LIBRARIES = ['mammoth', 'exceljs', 'parse5', 'pdfjs-dist'];

/**
 * The version of the readers, from their source files (src/ingest/formats/,
 * and src/ingest/document.ts, which decodes text) and the versions of their
 * libraries, under `root` (the project). null when the readers' sources are
 * not there to hash: then nothing is cached.
 */
export function readerVersion(root: string = process.cwd()): string | null {
  const formats = path.join(root, 'src', 'ingest', 'formats');
  if (!existsSync(formats)) return null;
  const h = createHash('sha256');
  h.update(`entry ${ENTRY_SCHEMA}\n`);
  const files = readdirSync(formats)
    .filter((f) => /\.(ts|mjs|js)$/.test(f))
    .sort()
    .map((f) => path.join(formats, f));
  files.push(path.join(root, 'src', 'ingest', 'document.ts'));
  for (const f of files) {
    h.update(`${path.relative(root, f)}\n`);
    h.update(existsSync(f) ? readFileSync(f) : 'missing');
    h.update('\n');
  }
  for (const lib of READER_LIBRARIES) {
    let version = 'missing';
    try {
      version = (JSON.parse(readFileSync(path.join(root, 'node_modules', lib, 'package.json'), 'utf8')) as { version?: string }).version ?? 'none';
    } catch {
      // Not installed here: the version says so.
    }
    h.update(`${lib}@${version}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

/** Where a source name points inside `dir`, or why it may not be read (records are untrusted input). */
export function resolveIn(dir: string, file: string, realDir?: string): { path: string } | { problem: string } {
  if (!SourceFileName.safeParse(file).success) return { problem: `"${file}" is not a file name inside data/sources/` };
  const full = path.join(dir, file);
  if (!existsSync(full)) return { problem: `"${file}" is not in ${dir}` };
  const real = realpathSync(full);
  realDir ??= realpathSync(dir);
  if (path.dirname(real) !== realDir) return { problem: `"${file}" leads outside ${dir}` };
  if (!statSync(real).isFile()) return { problem: `"${file}" is not a regular file` };
  return { path: real };
}

/** The path of the cache entry of a file with SHA-256 `sha` read by reader `version`; throws for anything but hexadecimal keys. */
export function entryPath(cacheDir: string, sha: string, version: string): string {
  if (!HEX64.test(sha) || !VERSION.test(version)) throw new Error(`not a cache key: ${JSON.stringify(sha)}, ${JSON.stringify(version)}`);
  const name = `${sha}.${version}.json`;
  const full = path.join(path.resolve(cacheDir), name);
  if (!ENTRY_NAME.test(name) || path.dirname(full) !== path.resolve(cacheDir)) throw new Error(`not a cache entry inside ${cacheDir}: ${name}`);
  return full;
}

function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/** A few documents, the most recently used last. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
  get length(): number {
    return this.map.size;
  }
}

export interface SourceStoreOptions {
  /** The folder of the source documents. */
  sourcesDir: string;
  /** The cache folder; null: no cache on disk (every process renders what it shows). */
  cacheDir: string | null;
  renderer: SourceRenderer;
  /** Documents kept in memory (default 16). */
  memory?: number;
  /** Told once when the cache cannot be written. */
  warn?: (message: string) => void;
}

/** What a store did: counted for the tests and the benchmark. */
export interface SourceStoreStats {
  renders: number;
  cacheHits: number;
  /** Cache entries found but refused (corrupt, hostile, for another file). */
  cacheRejected: number;
  cacheWrites: number;
}

/** The source documents of one folder, rendered on demand through the cache. */
export class SourceStore {
  readonly stats: SourceStoreStats = { renders: 0, cacheHits: 0, cacheRejected: 0, cacheWrites: 0 };
  private readonly memory: Lru<SourceDocument>;
  /** Why a file (by its hash and the reader version) cannot be read: kept for the build's error listing (a build with such a file fails). */
  private readonly problems = new Map<string, string>();
  /** Documents rendered while the cache could not be written: kept in memory instead (unbounded, as before the cache). */
  private readonly spill = new Map<string, SourceDocument>();
  /** The SHA-256 of each file by its path, size and modification time: a file is hashed once per process. */
  private readonly hashes = new Map<string, { stamp: string; sha: string }>();
  private warned = false;

  constructor(private readonly options: SourceStoreOptions) {
    this.memory = new Lru(options.memory ?? 16);
    if (options.cacheDir && !VERSION.test(options.renderer.version)) throw new Error(`a reader version must be 16 hexadecimal digits (got ${JSON.stringify(options.renderer.version)})`);
  }

  get sourcesDir(): string {
    return this.options.sourcesDir;
  }

  /** Documents held in memory now (the LRU and, when the cache cannot be written, the spill). */
  get inMemory(): number {
    return this.memory.length + this.spill.size;
  }

  private realDir: string | undefined;

  resolve(file: string): { path: string } | { problem: string } {
    if (!this.realDir && existsSync(this.options.sourcesDir)) this.realDir = realpathSync(this.options.sourcesDir);
    return resolveIn(this.options.sourcesDir, file, this.realDir);
  }

  /** The SHA-256 of a file (a real path), hashed again only when its size or modification time changed. */
  private sha(real: string): string {
    const st = statSync(real);
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    const known = this.hashes.get(real);
    if (known && known.stamp === stamp) return known.sha;
    const sha = createHash('sha256').update(readFileSync(real)).digest('hex');
    this.hashes.set(real, { stamp, sha });
    return sha;
  }

  private key(sha: string): string {
    return `${sha}.${this.options.renderer.version}`;
  }

  /** The cache entry of `sha`, validated; null when there is none or it is refused. */
  private readEntry(sha: string): SourceDocument | null {
    const dir = this.options.cacheDir;
    if (!dir) return null;
    const file = entryPath(dir, sha, this.options.renderer.version);
    let link;
    try {
      link = lstatSync(file, { throwIfNoEntry: false });
    } catch {
      return null; // The folder is not there or not a folder: no entry.
    }
    if (!link) return null;
    let text: string;
    try {
      // A symbolic link or anything but a regular file is never followed.
      if (!link.isFile() || link.size > MAX_ENTRY_BYTES) return this.reject();
      const fd = openSync(file, 'r');
      try {
        const st = fstatSync(fd);
        if (!st.isFile() || st.ino !== link.ino || st.size > MAX_ENTRY_BYTES) return this.reject();
        const buf = Buffer.alloc(st.size);
        let read = 0;
        while (read < st.size) {
          const n = readSync(fd, buf, read, st.size - read, read);
          if (n === 0) break;
          read += n;
        }
        text = buf.subarray(0, read).toString('utf8');
      } finally {
        closeSync(fd);
      }
    } catch {
      return this.reject();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.reject();
    }
    const entry = asEntry(json);
    if (!entry || entry.sha256 !== sha || entry.reader !== this.options.renderer.version) return this.reject();
    this.stats.cacheHits++;
    return { format: entry.format, lines: entry.lines, locators: entry.locators };
  }

  private reject(): null {
    this.stats.cacheRejected++;
    return null;
  }

  /** Writes the cache entry of `sha` atomically; false when it cannot be written. */
  private writeEntry(sha: string, doc: SourceDocument): boolean {
    const dir = this.options.cacheDir;
    if (!dir) return false;
    const file = entryPath(dir, sha, this.options.renderer.version);
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      const entry = { schema: ENTRY_SCHEMA, sha256: sha, reader: this.options.renderer.version, format: doc.format, lines: doc.lines, locators: doc.locators };
      // What would be refused when read back is not written (it would be rendered again by every build).
      if (!asEntry(entry)) throw new Error(`the rendering of ${sha} is not a valid cache entry`);
      // 'wx': a new file, never one that is there (nor a link planted in its place).
      writeFileSync(temp, JSON.stringify(entry), { flag: 'wx', mode: 0o644 });
      renameSync(temp, file);
      this.stats.cacheWrites++;
      return true;
    } catch (e) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing was written.
      }
      if (!this.warned) {
        this.warned = true;
        this.options.warn?.(`the cache of rendered sources (${dir}) cannot be written (${(e as Error).message}): such documents are kept in memory instead`);
      }
      return false;
    }
  }

  /** A document that is in memory, on disk or known to be unreadable; undefined when it must be rendered. */
  private known(file: string, real: string): SourceDocument | { problem: string } | undefined {
    const sha = this.sha(real);
    const key = this.key(sha);
    const problem = this.problems.get(key);
    if (problem) return { problem: `"${file}" cannot be read: ${problem}` };
    const hit = this.memory.get(key) ?? this.spill.get(key) ?? this.readEntry(sha) ?? undefined;
    if (hit) this.memory.set(key, hit);
    return hit;
  }

  /** Renders a file (its bytes read once) into the cache and the LRU; a failure is kept as a problem. */
  private async renderInto(file: string, real: string): Promise<SourceDocument | { problem: string }> {
    const bytes = readFileSync(real);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const key = this.key(sha);
    this.stats.renders++;
    let doc: SourceDocument;
    try {
      const r = await this.options.renderer.render(bytes, file);
      const lines = splitLines(r.text);
      // A document whose text ends with an empty paragraph has a locator for it, but that line is not shown (nor counted).
      doc = { format: r.format, lines, locators: r.locators.length > lines.length ? r.locators.slice(0, lines.length) : r.locators };
    } catch (e) {
      this.problems.set(key, (e as Error).message);
      return { problem: `"${file}" cannot be read: ${(e as Error).message}` };
    }
    if (!this.writeEntry(sha, doc)) this.spill.set(key, doc);
    this.memory.set(key, doc);
    return doc;
  }

  /**
   * Makes sure each of `files` (source names; .txt and unreadable names are
   * skipped) is in the cache: renders those that are not, one at a time, so
   * that only one document is in memory beyond the LRU.
   */
  async prepare(files: Iterable<string>): Promise<void> {
    for (const file of new Set(files)) {
      if (isText(file)) continue;
      const where = this.resolve(file);
      if ('problem' in where) continue;
      if (this.known(file, where.path) === undefined) await this.renderInto(file, where.path);
    }
  }

  /** A document that is not plain text, from memory or the cache, rendering it when needed. */
  async rendered(file: string): Promise<SourceDocument | { problem: string }> {
    const where = this.resolve(file);
    if ('problem' in where) return where;
    return this.known(file, where.path) ?? (await this.renderInto(file, where.path));
  }

  /** The same, without rendering: undefined when the document has not been rendered (prepare it first). */
  renderedSync(file: string): SourceDocument | { problem: string } | undefined {
    const where = this.resolve(file);
    if ('problem' in where) return where;
    return this.known(file, where.path);
  }

  /** A plain-text document (its real path, from resolve), read (and kept in the LRU) as it is. */
  text(real: string): SourceDocument {
    const key = `text:${real}`;
    let doc = this.memory.get(key);
    if (!doc) {
      doc = { format: 'txt', lines: splitLines(readFileSync(real, 'utf8')), locators: [] };
      this.memory.set(key, doc);
    }
    return doc;
  }
}

export const isText = (file: string) => /\.txt$/i.test(file);
