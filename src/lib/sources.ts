/**
 * The published source documents (data/sources/*.txt, *.html), read at build time for
 * the "source" section of each project page and the source pages.
 *
 * A record names its source document, and records are untrusted input: only
 * plain names of regular files inside data/sources/ are read (no paths, no
 * symbolic links leading out of the folder), and a record whose source cannot
 * be shown fails the build with the record's id and the field.
 */
import { readFileSync, readdirSync, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { SourceFileName } from '../schema/record';
import { renderFile } from '../ingest/formats/index.ts';

export const sourcesDir = path.resolve(process.env.SOURCES_DIR ?? 'data/sources');

export interface SourceLine {
  /** 1-based line number in the document. */
  line: number;
  text: string;
}

const cache = new Map<string, string[]>();

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

/** All lines of a source document; throws SourceError naming `who` when it may not or cannot be read. */
export function sourceLines(file: string, who = `source ${file}`): string[] {
  let lines = cache.get(file);
  if (!lines) {
    const where = resolveSource(file);
    if ('problem' in where) throw new SourceError(who, `source.file ${where.problem}`);
    // A published HTML page is shown as the importer read it: one table row per line, cells tab-separated
    // (source.lines count those lines); a .txt as it is.
    const text = /\.html?$/i.test(file) ? renderFile(readFileSync(where.path), file).text : readFileSync(where.path, 'utf8');
    lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    cache.set(file, lines);
  }
  return lines;
}

/** Why a record's source passage cannot be shown (its file or its line range), or null when it can. */
export function sourceProblem(record: { source: { file: string; lines: [number, number] } }): string | null {
  const where = resolveSource(record.source.file);
  if ('problem' in where) return `source.file ${where.problem}`;
  const [first, last] = record.source.lines;
  const count = sourceLines(record.source.file).length;
  if (first > last || last > count) return `source.lines [${first}, ${last}] is not a range of "${record.source.file}" (${count} lines)`;
  return null;
}

/** Lines first..last (1-based, inclusive) of a record's source document. */
export function sourceExcerpt(record: { id: string; source: { file: string; lines: [number, number] } }): SourceLine[] {
  const problem = sourceProblem(record);
  if (problem) throw new SourceError(`record ${record.id}`, problem);
  const [first, last] = record.source.lines;
  return sourceLines(record.source.file)
    .slice(first - 1, last)
    .map((text, i) => ({ line: first + i, text }));
}

/** The .txt documents in data/sources/. */
export function sourceFiles(): string[] {
  if (!existsSync(sourcesDir)) return [];
  return readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}
