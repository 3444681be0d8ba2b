/**
 * The published source documents (data/sources/*.txt), read at build time for
 * the "source" section of each project page and the source pages.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

export const sourcesDir = path.resolve(process.env.SOURCES_DIR ?? 'data/sources');

export interface SourceLine {
  /** 1-based line number in the document. */
  line: number;
  text: string;
}

const cache = new Map<string, string[]>();

/** All lines of a source document; throws when the file is missing (a record points at it). */
export function sourceLines(file: string): string[] {
  let lines = cache.get(file);
  if (!lines) {
    const full = path.join(sourcesDir, file);
    if (!existsSync(full)) throw new Error(`Source document not found: ${full}`);
    lines = readFileSync(full, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    cache.set(file, lines);
  }
  return lines;
}

/** Lines first..last (1-based, inclusive) of a source document. */
export function sourceExcerpt(file: string, [first, last]: [number, number]): SourceLine[] {
  return sourceLines(file)
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
