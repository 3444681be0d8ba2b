/** The committed dataset (data/records) is exactly what `npm run ingest` produces now. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSources, RECORDS_DIR } from '../../src/ingest/cli.ts';

describe('committed data', () => {
  it('data/records equals a fresh ingest of data/sources', async () => {
    const fresh = (await ingestSources()).flatMap((d) => d.records);
    const committed = readdirSync(RECORDS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed).toEqual(fresh.map((r) => `${r.id}.json`).sort());
    for (const r of fresh) {
      const text = readFileSync(path.join(RECORDS_DIR, `${r.id}.json`), 'utf8');
      expect(text, `${r.id} is stale: run npm run ingest`).toBe(JSON.stringify(r, null, 2) + '\n');
    }
    // As many records as the golden files hold, one golden file per source document.
    const golden = readdirSync(path.resolve(RECORDS_DIR, '../../tests/golden')).filter((f) => f.endsWith('.expected.json'));
    expect(fresh).toHaveLength(golden.reduce((n, f) => n + JSON.parse(readFileSync(path.resolve(RECORDS_DIR, '../../tests/golden', f), 'utf8')).length, 0));
  });

  it('ids are stable: they depend on jurisdiction, year, kind and name only', async () => {
    const records = (await ingestSources()).flatMap((d) => d.records);
    const yinchuan = records.find((r) => r.name === '市政府政务公开工作经费')!;
    // Recorded when the dataset was first ingested; a change here breaks permalinks.
    expect(yinchuan.id).toBe('640100-2026-target-3168f881');
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });
});
