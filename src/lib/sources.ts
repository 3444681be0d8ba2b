/**
 * The published source documents (data/sources/*.txt, *.html, *.docx, *.xlsx, …), read at
 * build time for the "source" section of each project page and the source pages. A
 * document that is not plain text is shown as the importer read it (one table row per
 * line, cells tab-separated; src/ingest/formats/), each line with where it is in the
 * file (表 1 第 3 行, 工作表 Sheet1 第 3 行); the file itself is offered for download.
 *
 * A record names its source document, and records are untrusted input: only
 * plain names of regular files inside data/sources/ are read (no paths, no
 * symbolic links leading out of the folder), and a record whose source cannot
 * be shown fails the build with the record's id and the field.
 */
import { readFileSync, readdirSync, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { SourceFileName, type LocatorRun } from '../schema/record';
import { READ_EXTENSIONS, renderFile, type Format, type Locator } from '../ingest/formats/index.ts';
import { locatorRuns } from '../ingest/formats/locate.ts';

export const sourcesDir = path.resolve(process.env.SOURCES_DIR ?? 'data/sources');

export interface SourceLine {
  /** 1-based line number in the document (as rendered, for a document that is not plain text). */
  line: number;
  text: string;
  /** Where the line is in the published file; null (or absent) for a .txt document. */
  locator?: Locator | null;
}

/** A source document as the pages show it. */
export interface SourceDocument {
  format: Format;
  lines: string[];
  /** locators[i] is where line i + 1 is in the file; empty for a .txt document. */
  locators: Locator[];
}

const cache = new Map<string, string[]>();
/** Documents that are not plain text, rendered once by their reader (the readers are asynchronous, the checks and pages that use them are not). */
const rendered = new Map<string, SourceDocument | { problem: string }>();

const isText = (file: string) => /\.txt$/i.test(file);

/** The source documents the site shows: those `npm run ingest` reads. */
const shown = (file: string) => READ_EXTENSIONS.includes(path.extname(file).toLowerCase());

/** Renders every source document that is not plain text, once, before any page or check asks for one. */
async function renderSources(): Promise<void> {
  if (!existsSync(sourcesDir)) return;
  for (const file of readdirSync(sourcesDir).sort()) {
    if (isText(file) || !shown(file)) continue;
    const where = resolveSource(file);
    if ('problem' in where) continue;
    try {
      const r = await renderFile(readFileSync(where.path), file);
      rendered.set(file, { format: r.format, lines: splitLines(r.text), locators: r.locators });
    } catch (e) {
      rendered.set(file, { problem: `"${file}" cannot be read: ${(e as Error).message}` });
    }
  }
}

function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

/** The build stops here: `who` names the record (or page) and the field. */
export class SourceError extends Error {
  constructor(who: string, message: string) {
    super(`${who}: ${message}`);
    this.name = 'SourceError';
  }
}

/** Where a source name points, or why it may not be read. */
export function resolveSource(file: string): { path: string } | { problem: string } {
  if (!SourceFileName.safeParse(file).success) return { problem: `"${file}" is not a file name inside data/sources/` };
  const full = path.join(sourcesDir, file);
  if (!existsSync(full)) return { problem: `"${file}" is not in ${sourcesDir}` };
  const real = realpathSync(full);
  const realDir = realpathSync(sourcesDir);
  if (path.dirname(real) !== realDir) return { problem: `"${file}" leads outside ${sourcesDir}` };
  if (!statSync(real).isFile()) return { problem: `"${file}" is not a regular file` };
  return { path: real };
}

/** A source document as the pages show it; throws SourceError naming `who` when it may not or cannot be read. */
export function sourceDocument(file: string, who = `source ${file}`): SourceDocument {
  const where = resolveSource(file);
  if ('problem' in where) throw new SourceError(who, `source.file ${where.problem}`);
  if (!isText(file)) {
    const doc = rendered.get(file);
    if (!doc) throw new SourceError(who, `source.file "${file}" is not a document the importer reads (${READ_EXTENSIONS.join(', ')})`);
    if ('problem' in doc) throw new SourceError(who, `source.file ${doc.problem}`);
    return doc;
  }
  let lines = cache.get(file);
  if (!lines) {
    lines = splitLines(readFileSync(where.path, 'utf8'));
    cache.set(file, lines);
  }
  return { format: 'txt', lines, locators: [] };
}

/** All lines of a source document; throws SourceError naming `who` when it may not or cannot be read. */
export function sourceLines(file: string, who = `source ${file}`): string[] {
  return sourceDocument(file, who).lines;
}

type SourceRef = { source: { file: string; lines: [number, number]; locators?: LocatorRun[] } };

/** Why a record's source passage cannot be shown (its file, its line range, or locators that are not the file's), or null when it can. */
export function sourceProblem(record: SourceRef): string | null {
  const where = resolveSource(record.source.file);
  if ('problem' in where) return `source.file ${where.problem}`;
  let doc: SourceDocument;
  try {
    doc = sourceDocument(record.source.file);
  } catch (e) {
    return (e as Error).message.replace(/^[^:]*: /, '');
  }
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

/** Lines first..last (1-based, inclusive) of a record's source document, each with where it is in the file. */
export function sourceExcerpt(record: SourceRef & { id: string }): SourceLine[] {
  const problem = sourceProblem(record);
  if (problem) throw new SourceError(`record ${record.id}`, problem);
  const [first, last] = record.source.lines;
  const doc = sourceDocument(record.source.file);
  return doc.lines.slice(first - 1, last).map((text, i) => ({ line: first + i, text, locator: doc.locators[first - 1 + i] ?? null }));
}

/** The source documents in data/sources/ the site shows (those the importer reads), by name. */
export function sourceFiles(): string[] {
  if (!existsSync(sourcesDir)) return [];
  return readdirSync(sourcesDir).filter(shown).sort();
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

await renderSources();
