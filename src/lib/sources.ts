/**
 * The published source documents (data/sources/*.txt, *.html, *.docx, *.xlsx, …), read at
 * build time for the "source" section of each project page and the source pages. A
 * document that is not plain text is shown as the importer read it (one table row per
 * line, cells tab-separated; src/ingest/formats/), each line with where it is in the
 * file (表 1 第 3 行, 工作表 Sheet1 第 3 行); the file itself is offered for download.
 *
 * Such a document is rendered only when a page or a check asks for it, through a
 * cache on disk keyed by the file's SHA-256 and the readers' version, and only a
 * few are kept in memory (src/lib/source-cache.ts): a build renders only the
 * sources its records reference, and a second build with nothing changed renders
 * none. The asynchronous functions (loadSourceDocument, loadSourceExcerpt,
 * checkSource) render when needed; the synchronous ones (sourceDocument,
 * sourceExcerpt, sourceProblem) read what has been rendered (prepareSources) and
 * throw when a document has not been.
 *
 * A record names its source document, and records are untrusted input: only
 * plain names of regular files inside data/sources/ are read (no paths, no
 * symbolic links leading out of the folder), and a record whose source cannot
 * be shown fails the build with the record's id and the field.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LocatorRun } from '../schema/record';
import type { Shard } from './shard';
import { READ_EXTENSIONS, renderFile, type Format, type Locator } from '../ingest/formats/index.ts';
import { locatorRuns } from '../ingest/formats/locate.ts';
import { defaultCacheDir, isText, readerVersion, SourceStore, type SourceDocument } from './source-cache';

export type { SourceDocument } from './source-cache';

export const sourcesDir = path.resolve(process.env.SOURCES_DIR ?? 'data/sources');

export interface SourceLine {
  /** 1-based line number in the document (as rendered, for a document that is not plain text). */
  line: number;
  text: string;
  /** Where the line is in the published file; null (or absent) for a .txt document. */
  locator?: Locator | null;
}

const version = readerVersion();
/** The documents of data/sources/ (or SOURCES_DIR), through the cache (none when the readers' sources are not there to version). */
export const sourceStore = new SourceStore({
  sourcesDir,
  cacheDir: version ? defaultCacheDir() : null,
  renderer: { version: version ?? '0000000000000000', render: renderFile },
  warn: (message) => console.warn(`[sources] ${message}`),
});

// SOURCE_CACHE_STATS=1: say at exit how many documents this process rendered (scripts/bench-sources.ts reads it).
if (process.env.SOURCE_CACHE_STATS === '1')
  process.once('exit', () => {
    const s = sourceStore.stats;
    console.error(`[sources] pid ${process.pid}: ${s.renders} rendered, ${s.cacheHits} from the cache, ${s.cacheRejected} cache entries refused, ${s.cacheWrites} written`);
  });

/** The source documents the site shows: those `npm run ingest` reads. */
const shown = (file: string) => READ_EXTENSIONS.includes(path.extname(file).toLowerCase());

/** The build stops here: `who` names the record (or page) and the field. */
export class SourceError extends Error {
  constructor(who: string, message: string) {
    super(`${who}: ${message}`);
    this.name = 'SourceError';
  }
}

/** Where a source name points, or why it may not be read. */
export function resolveSource(file: string): { path: string } | { problem: string } {
  return sourceStore.resolve(file);
}

type Found = SourceDocument | { problem: string };

/** Why a document may not be read, a plain-text document, or null: a document its reader renders. */
function preflight(file: string): Found | null {
  const where = resolveSource(file);
  if ('problem' in where) return { problem: `source.file ${where.problem}` };
  if (isText(file)) return sourceStore.text(where.path);
  if (!shown(file)) return { problem: `source.file "${file}" is not a document the importer reads (${READ_EXTENSIONS.join(', ')})` };
  return null;
}

const withField = (found: Found): Found => ('problem' in found ? { problem: `source.file ${found.problem}` } : found);

/** The document, or why it may not or cannot be read; rendered if needed. */
async function findAsync(file: string): Promise<Found> {
  return preflight(file) ?? withField(await sourceStore.rendered(file));
}

/** The document, or why it may not or cannot be read; undefined when it has not been rendered. */
function findSync(file: string): Found | undefined {
  const early = preflight(file);
  if (early) return early;
  const found = sourceStore.renderedSync(file);
  return found && withField(found);
}

function orThrow(found: Found | undefined, file: string, who: string): SourceDocument {
  if (found === undefined) throw new SourceError(who, `source.file "${file}" has not been rendered: call prepareSources (src/lib/sources.ts) or use loadSourceDocument`);
  if ('problem' in found) throw new SourceError(who, found.problem);
  return found;
}

/** Renders (or finds in the cache) the documents that are not plain text among `files`, one at a time, so that the synchronous functions can read them. */
export async function prepareSources(files: Iterable<string>): Promise<void> {
  await sourceStore.prepare(files);
}

/** A source document as the pages show it, rendered if needed; throws SourceError naming `who` when it may not or cannot be read. */
export async function loadSourceDocument(file: string, who = `source ${file}`): Promise<SourceDocument> {
  return orThrow(await findAsync(file), file, who);
}

/** A source document as the pages show it, as rendered before (prepareSources); throws SourceError naming `who` when it may not or cannot be read. */
export function sourceDocument(file: string, who = `source ${file}`): SourceDocument {
  return orThrow(findSync(file), file, who);
}

/** All lines of a source document; throws SourceError naming `who` when it may not or cannot be read. */
export function sourceLines(file: string, who = `source ${file}`): string[] {
  return sourceDocument(file, who).lines;
}

type SourceRef = { source: { file: string; lines: [number, number]; locators?: LocatorRun[] } };

/** Why a record's passage of `doc` cannot be shown (its line range, or locators that are not the file's), or null when it can. */
function passageProblem(record: SourceRef, found: Found): string | null {
  if ('problem' in found) return found.problem;
  const doc = found;
  const [first, last] = record.source.lines;
  const count = doc.lines.length;
  if (first > last || last > count) return `source.lines [${first}, ${last}] is not a range of "${record.source.file}" (${count} lines)`;
  const { locators } = record.source;
  if (doc.locators.length === 0) {
    if (locators) return `source.locators: "${record.source.file}" is plain text, its lines are the file's own`;
  } else if (locators && JSON.stringify(locators) !== JSON.stringify(locatorRuns(doc.locators, first, last)))
    return `source.locators are not where lines ${first}–${last} of "${record.source.file}" are`;
  return null;
}

/** Why a record's source passage cannot be shown (its file, its line range, or locators that are not the file's), or null when it can; renders the document if needed. */
export async function checkSource(record: SourceRef): Promise<string | null> {
  return passageProblem(record, await findAsync(record.source.file));
}

/** The same as checkSource, from what has been rendered (prepareSources); throws when the document has not been. */
export function sourceProblem(record: SourceRef): string | null {
  const file = record.source.file;
  const found = findSync(file);
  if (found === undefined) throw new SourceError(`source ${file}`, `source.file "${file}" has not been rendered: call prepareSources (src/lib/sources.ts) or use checkSource`);
  return passageProblem(record, found);
}

function excerpt(record: SourceRef & { id: string }, found: Found): SourceLine[] {
  const problem = passageProblem(record, found);
  if (problem || 'problem' in found) throw new SourceError(`record ${record.id}`, problem ?? 'unreadable');
  const [first, last] = record.source.lines;
  return found.lines.slice(first - 1, last).map((text, i) => ({ line: first + i, text, locator: found.locators[first - 1 + i] ?? null }));
}

/** Lines first..last (1-based, inclusive) of a record's source document, each with where it is in the file; renders the document if needed. */
export async function loadSourceExcerpt(record: SourceRef & { id: string }): Promise<SourceLine[]> {
  return excerpt(record, await findAsync(record.source.file));
}

/** The same, from what has been rendered (prepareSources). */
export function sourceExcerpt(record: SourceRef & { id: string }): SourceLine[] {
  return excerpt(record, sourceDocument(record.source.file, `record ${record.id}`));
}

/** The source documents in data/sources/ the site shows (those the importer reads), by name. */
export function sourceFiles(): string[] {
  if (!existsSync(sourcesDir)) return [];
  return readdirSync(sourcesDir).filter(shown).sort();
}

/**
 * The source documents that get a page in this build: all of them; in a record
 * shard (src/lib/shard.ts) only those its records are read from (the merged
 * site takes the source pages from the hub; a shard renders no other document).
 */
export function sourcePageFiles(shard: Shard, bySource: ReadonlyMap<string, unknown>): string[] {
  const files = sourceFiles();
  return shard.mode === 'records' ? files.filter((f) => bySource.has(f)) : files;
}

/** What a format is called on the pages. */
export const FORMAT_NAMES: Record<Format, string> = {
  txt: '文本',
  html: '网页（HTML）',
  docx: 'Word 文档（DOCX）',
  xlsx: 'Excel 工作簿（XLSX）',
  pdf: 'PDF 文件',
};

/** A locator as the pages print it: 表 1 第 3 行, 正文第 2 段, 「Sheet1」第 3 行 (a worksheet), 第 2 页第 5 行. */
export function locatorLabel(l: Locator): string {
  if ('table' in l) return `表 ${l.table} 第 ${l.row} 行`;
  if ('sheet' in l) return `「${l.sheet}」第 ${l.row} 行`;
  if ('page' in l) return `第 ${l.page} 页第 ${l.line} 行`;
  return `正文第 ${l.paragraph} 段`;
}

/** A record's locator runs as the pages print them: 表 1 第 1–40 行、正文第 3–4 段. */
export function runsLabel(runs: readonly LocatorRun[]): string {
  return runs
    .map(({ first: f, last: l }) => {
      const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
      if ('table' in f && 'table' in l) return `表 ${f.table} 第 ${span(f.row, l.row)} 行`;
      if ('sheet' in f && 'sheet' in l) return `工作表「${f.sheet}」第 ${span(f.row, l.row)} 行`;
      if ('page' in f && 'page' in l) return `第 ${f.page} 页第 ${span(f.line, l.line)} 行`;
      if ('paragraph' in f && 'paragraph' in l) return `正文第 ${span(f.paragraph, l.paragraph)} 段`;
      return `${locatorLabel(f)}至${locatorLabel(l)}`;
    })
    .join('、');
}

