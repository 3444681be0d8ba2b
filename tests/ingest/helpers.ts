import { IngestError } from '../../src/ingest/errors.ts';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ingestDocument } from '../../src/ingest/document.ts';

export const root = path.resolve(import.meta.dirname, '../..');
export const sourcesDir = path.join(root, 'data/sources');
export const sourceFiles = readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

export function readSource(file: string) {
  const text = readFileSync(path.join(sourcesDir, file), 'utf8');
  const metaPath = path.join(sourcesDir, file.replace(/\.txt$/, '.meta.json'));
  const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : undefined;
  return { text, meta };
}

export function ingestSource(file: string) {
  return ingestDocument({ file, ...readSource(file) });
}

/** Ingest text given inline (tests of layouts and errors). */
export function ingestText(text: string, file = 'inline.txt', meta?: unknown) {
  return ingestDocument({ file, text, meta });
}

/** The code of the IngestError that `f` fails with, or null when it does not fail. */
export async function errorCode(f: () => Promise<unknown>): Promise<string | null> {
  try {
    await f();
  } catch (e) {
    if (e instanceof IngestError) return e.code;
    throw e;
  }
  return null;
}
