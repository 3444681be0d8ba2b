/**
 * Make a Pagefind 1.5 index byte-for-byte reproducible.
 *
 * Pagefind writes its filter files from a hash map, so the values inside each
 * pagefind/filter/*.pf_filter file, the list of filters in the .pf_meta file,
 * and therefore those files' names (content hashes) and pagefind-entry.json
 * come out in a different order on every run. The word index chunks and the
 * fragments are already deterministic.
 *
 * This rewrites those files in a canonical order: filter values sorted by
 * value, filters sorted by name (code-point order, independent of locale),
 * each file named after a hash of its new content. The files are
 * "pagefind_dcd" + CBOR, gzipped; decoding and re-encoding an untouched file
 * is checked to give the same bytes, so a change of format in a later
 * Pagefind fails the build instead of corrupting the index.
 *
 * Layouts (pagefind/src/index/index_filter.rs and index_metadata.rs, 1.5.2):
 *   filter: [filter name, [[value, [page numbers…]], …]]
 *   meta:   [version, pages, index chunks, [[filter name, file hash], …], sorts, meta fields]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

const SIGNATURE = Buffer.from('pagefind_dcd');

type FilterFile = [string, [string, number[]][]];
type MetaFile = [string, unknown, unknown, [string, string][], unknown, unknown];

function read(file: string): unknown {
  const raw = gunzipSync(readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`Pagefind index: ${file} has no pagefind_dcd signature`);
  const body = raw.subarray(SIGNATURE.length);
  const value = decode(body);
  if (!Buffer.from(encode(value)).equals(body)) throw new Error(`Pagefind index: ${file} does not re-encode to the same bytes; the format has changed`);
  return value;
}

function bytes(value: unknown): Buffer {
  // mtime 0 and a fixed level: the gzip header and stream depend only on the content.
  return gzipSync(Buffer.concat([SIGNATURE, Buffer.from(encode(value))]), { level: 9 });
}

function hash(content: Buffer, length: number): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rewrite the filter files, the meta file and the entry file of the index in `dir`; returns how many files were written. */
export function canonicalizeIndex(dir: string): number {
  const entryPath = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  let written = 0;
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = path.join(dir, `pagefind.${info.hash}.pf_meta`);
    const meta = read(metaPath) as MetaFile;
    const renamed = new Map<string, string>();
    for (const [, oldHash] of meta[3]) {
      const file = path.join(dir, 'filter', `${oldHash}.pf_filter`);
      const filter = read(file) as FilterFile;
      filter[1].sort((a, b) => byCodePoint(a[0], b[0]));
      const content = bytes(filter);
      const newHash = `${language}_${hash(content, 7)}`;
      rmSync(file);
      writeFileSync(path.join(dir, 'filter', `${newHash}.pf_filter`), content);
      renamed.set(oldHash, newHash);
      written++;
    }
    meta[3] = meta[3].map(([name, h]) => [name, renamed.get(h)!] as [string, string]).sort((a, b) => byCodePoint(a[0], b[0]));
    const metaContent = bytes(meta);
    const metaHash = `${language}_${hash(metaContent, 11)}`;
    rmSync(metaPath);
    writeFileSync(path.join(dir, `pagefind.${metaHash}.pf_meta`), metaContent);
    info.hash = metaHash;
    written++;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  written++;
  return written;
}
