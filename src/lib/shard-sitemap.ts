/**
 * The hub of a sharded build has no project pages of its own, but its
 * sitemap lists them: the addresses of every record's page, read from the
 * records one at a time (src/lib/shard.ts).
 */
import path from 'node:path';
import { formatLoadError, readRecordFile, recordFileNames, recordsDir } from '../domain/records';

export function hubSitemapPages(site: string, dir: string = recordsDir()): string[] {
  const root = site.endsWith('/') ? site : `${site}/`;
  return recordFileNames(dir).map((name) => {
    const read = readRecordFile(path.join(dir, name));
    if ('error' in read) throw new Error(formatLoadError(read.error));
    return new URL(`projects/${read.record.id}/`, root).href;
  });
}
