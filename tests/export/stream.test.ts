/**
 * The streamed writer (src/export/stream.ts) writes the same bytes as
 * exportOpenData for the same records, one record at a time; and the site's
 * files (flags.csv, flags.json, SHA256SUMS) agree with the audit CLI's figures.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRecords } from '../../src/audit/checks';
import { loadRecords } from '../../src/domain/records';
import { exportOpenData } from '../../src/export/index';
import { readSchemaDocs } from '../../src/export/schemaDocs';
import { writeOpenData } from '../../src/export/stream';

const { records, errors } = loadRecords('data/records');
const byId = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const docs = readSchemaDocs(
  { fileName: 'record.ts', text: readFileSync('src/schema/record.ts', 'utf8') },
  { fileName: 'schema.ts', text: readFileSync('src/categories/schema.ts', 'utf8') },
);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'stream-test-'));
  dirs.push(d);
  return d;
};

describe('streamed open-data files', () => {
  it('are byte-identical to exportOpenData for the records in data/records', () => {
    expect(errors).toEqual([]);
    expect(records.length).toBeGreaterThan(30);
    const dir = tmp();
    // A generator: the writer sees one record at a time.
    const facts = writeOpenData((function* () { yield* byId; })(), dir, { docs });
    const expected = exportOpenData(byId, { docs });
    expect(facts.map((f) => f.path)).toEqual(expected.map((f) => f.path));
    for (const f of expected) {
      const written = readFileSync(path.join(dir, f.path));
      expect(written.equals(Buffer.from(f.content, 'utf8')), f.path).toBe(true);
      const fact = facts.find((x) => x.path === f.path)!;
      expect(fact.bytes).toBe(written.length);
      expect(fact.sha256).toBe(createHash('sha256').update(written).digest('hex'));
    }
  });

  it('with no records: empty tables with their headers, and "[]" for the JSON', () => {
    const dir = tmp();
    writeOpenData([], dir, { docs });
    const expected = exportOpenData([], { docs });
    for (const f of expected) expect(readFileSync(path.join(dir, f.path), 'utf8'), f.path).toBe(f.content);
  });

  it('with the audit: flags.csv, flags.json as the audit prints it, and SHA256SUMS over every other file', () => {
    const dir = tmp();
    const facts = writeOpenData(byId, dir, { docs, audit: true, flagsJson: 'flags.json' });
    const flags = auditRecords(byId);
    expect(flags.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'flags.json'), 'utf8')).toBe(JSON.stringify(flags, null, 2) + '\n');
    const csvLines = readFileSync(path.join(dir, 'flags.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csvLines.length).toBe(flags.length + 1);
    const sums = readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8');
    const others = readdirSync(dir).filter((n) => n !== 'SHA256SUMS');
    expect(sums.trimEnd().split('\n').length).toBe(others.length);
    for (const n of others) expect(sums).toContain(`${createHash('sha256').update(readFileSync(path.join(dir, n))).digest('hex')}  ${n}\n`);
    expect(facts.at(-1)!.path).toBe('SHA256SUMS');
    const pkg = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as { resources: { path: string; bytes: number }[] };
    expect(pkg.resources.map((r) => r.path)).toContain('flags.csv');
    for (const r of pkg.resources) expect(r.bytes).toBe(readFileSync(path.join(dir, r.path)).length);
  });
});
