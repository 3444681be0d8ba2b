/** The synthetic-records generator for scale checks (scripts/synthetic-records.ts). */
import { describe, expect, test } from 'vitest';
import { syntheticRecords, recordId } from '../../scripts/synthetic-records';
import { ProjectRecord } from '../../src/schema/record';
import { division } from '../../src/domain/places';

describe('syntheticRecords', () => {
  const options = { projects: 300, from: 'data/records', jurisdictions: 20, seed: 7 };
  const records = syntheticRecords(options);

  test('N schema-valid records with unique ids following the id rule', () => {
    expect(records).toHaveLength(300);
    for (const r of records) expect(ProjectRecord.safeParse(r).success).toBe(true);
    expect(new Set(records.map((r) => r.id)).size).toBe(300);
    for (const r of records) expect(r.id).toBe(recordId(r));
  });

  test('real GB/T 2260 jurisdictions whose names replace the source’s, years 2019–2026, several departments', () => {
    for (const r of records) {
      const d = division(r.jurisdiction.code!);
      expect(d?.name, r.jurisdiction.code!).toBe(r.jurisdiction.name);
      expect(r.year).toBeGreaterThanOrEqual(2019);
      expect(r.year).toBeLessThanOrEqual(2026);
      expect(r.department!.name.startsWith(r.jurisdiction.name!)).toBe(true);
    }
    expect(new Set(records.map((r) => r.jurisdiction.code)).size).toBeGreaterThan(10);
    expect(new Set(records.map((r) => r.department!.name.slice(r.jurisdiction.name!.length))).size).toBeGreaterThan(3);
  });

  test('the same options give the same records', () => {
    expect(syntheticRecords(options)).toEqual(records);
    expect(syntheticRecords({ ...options, seed: 8 })).not.toEqual(records);
  });
});
