/**
 * The importer against the golden files: the expected records of each source
 * document, written by reading the document (tests/golden/README.md).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/document.ts';
import { ingestSource, readSource, root, sourceFiles } from './helpers.ts';

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

  it('the five Ningxia documents give 30 records with 474 indicators, as their golden files', () => {
    const seeds = sourceFiles.filter((f) => /^00[0-4]_/.test(f));
    expect(seeds).toHaveLength(5);
    const records = seeds.flatMap((f) => ingestSource(f).records);
    const golden = seeds.flatMap((f) => JSON.parse(readFileSync(path.join(goldenDir, f.replace(/\.txt$/, '.expected.json')), 'utf8')));
    expect(records.length).toBe(golden.length);
    expect(records.reduce((n, r) => n + r.indicators.length, 0)).toBe(golden.reduce((n: number, r: { indicators: unknown[] }) => n + r.indicators.length, 0));
    expect(golden.length).toBe(30);
    expect(golden.reduce((n: number, r: { indicators: unknown[] }) => n + r.indicators.length, 0)).toBe(474);
  });
});

// Hand counts of the six web copies (../shared/wild/index.json, counted by hand by whoever collected them).
const handCounts: Record<string, { complete: boolean; projects: { name: string; indicators: number }[] }> = JSON.parse(
  readFileSync(path.join(goldenDir, 'hand-counts.json'), 'utf8'),
);

describe('the web copies against their hand counts', () => {
  for (const [file, hand] of Object.entries(handCounts)) {
    it(`${file}: every complete table, with the indicators counted by hand${hand.complete ? '' : '; the cut-off one reported'}`, () => {
      const { records, report } = ingestSource(file);
      // A copy cut at 2,000 bytes: its last project is cut off and must not become a record.
      const expected = hand.complete ? hand.projects : hand.projects.slice(0, -1);
      expect(records.map((r) => [r.name, r.indicators.length])).toEqual(expected.map((p) => [p.name, p.indicators]));
      if (hand.complete) expect(report.omitted).toEqual([]);
      else {
        expect(report.omitted).toHaveLength(1);
        expect(report.omitted[0]).toMatchObject({ code: 'INGEST_TRUNCATED_TABLE', file });
        expect(report.omitted[0].message).toContain(hand.projects[hand.projects.length - 1].name);
      }
    });
  }

  it('--strict refuses a document with a cut-off table', () => {
    const partial = Object.entries(handCounts).find(([, h]) => !h.complete)![0];
    expect(() => ingestDocument({ file: partial, ...readSource(partial), strict: true })).toThrow(/INGEST_TRUNCATED_TABLE/);
  });
});
