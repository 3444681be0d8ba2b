/**
 * The importer against the golden files: the expected records of each source
 * document, written by reading the document (tests/golden/README.md).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSource, root, sourceFiles } from './helpers.ts';

const goldenDir = path.join(root, 'tests/golden');

// id, source and unparsed are checked by other tests; category by the category rules' tests.
function comparable(record: Record<string, unknown>) {
  const { id: _id, source: _source, unparsed: _unparsed, category: _category, ...rest } = record;
  return rest;
}

describe('golden files', () => {
  it('there is a golden file for every source document', () => {
    for (const f of sourceFiles) expect(existsSync(path.join(goldenDir, f.replace(/\.txt$/, '.expected.json'))), f).toBe(true);
  });

  for (const file of sourceFiles) {
    it(`${file} gives the records read from the document`, () => {
      const goldenPath = path.join(goldenDir, file.replace(/\.txt$/, '.expected.json'));
      const expected = JSON.parse(readFileSync(goldenPath, 'utf8'));
      const actual = ingestSource(file).records.map(comparable);
      const changed = goldenPath.replace(/\.expected\.json$/, '.actual-changed.json');
      if (JSON.stringify(actual) !== JSON.stringify(expected)) writeFileSync(changed, JSON.stringify(actual, null, 2) + '\n');
      else rmSync(changed, { force: true });
      expect(actual).toEqual(expected);
    });
  }

  it('the five documents give 30 records', () => {
    const counts = sourceFiles.map((f) => ingestSource(f).records.length);
    expect(counts).toEqual([7, 7, 8, 4, 4]);
  });
});
