/** Every file in data/sources/ carries the SHA-256 of its bytes in its metadata file, and the bytes match it. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceMeta } from '../../src/schema/record.ts';
import { sourcesDir } from './helpers.ts';

const files = readdirSync(sourcesDir).filter((f) => !f.endsWith('.meta.json')).sort();

describe('source checksums', () => {
  it('there are source files to check', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file}: the sha256 in its metadata is the one of its bytes`, () => {
      const metaPath = path.join(sourcesDir, file.replace(/\.[^.]+$/, '.meta.json'));
      const meta = SourceMeta.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
      const actual = createHash('sha256').update(readFileSync(path.join(sourcesDir, file))).digest('hex');
      expect(meta.sha256).toBe(actual);
    });
  }
});
