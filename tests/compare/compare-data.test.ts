/**
 * The comparison builder's data files (src/lib/compare-data.ts): one file per
 * jurisdiction × year, each record in exactly one, and file names that stay
 * safe whatever a record holds (the schema admits only six-digit codes and
 * integer years; the file name is checked again).
 */
import { describe, expect, it } from 'vitest';
import { builderData, builderFileName } from '../../src/lib/compare-data';
import { Jurisdiction, ProjectRecord } from '../../src/schema/record';
import { loadRecords } from '../../src/domain/records';
import { rec } from './helpers';

describe('builderFileName', () => {
  it('is <code>-<year>, with x for a missing code or year', () => {
    expect(builderFileName('640100', 2026)).toBe('640100-2026');
    expect(builderFileName(null, 2024)).toBe('x-2024');
    expect(builderFileName('640100', null)).toBe('640100-x');
  });

  it('refuses anything that is not a six-digit code or a four-digit integer year', () => {
    for (const code of ['../../etc', '64010', '6401000', '640100/..', '６４０１００', '640100 ', ''])
      expect(() => builderFileName(code, 2024), JSON.stringify(code)).toThrow(/six digits/);
    for (const year of [2024.5, -1, 99999, Number.NaN, Infinity]) expect(() => builderFileName('640100', year), String(year)).toThrow(/four-digit/);
  });

  it('the record schema admits only what builderFileName accepts', () => {
    for (const code of ['../../etc', '64010a', '640100/..']) expect(Jurisdiction.safeParse({ name: 'x', code }).success, code).toBe(false);
    const shape = ProjectRecord.shape.year;
    for (const year of [2024.5, 1800, 3000, '2024']) expect(shape.safeParse(year).success, String(year)).toBe(false);
  });
});

describe('builderData', () => {
  it('puts every committed record in exactly the file of its jurisdiction and year, and indexes each file with its count', () => {
    const records = loadRecords('data/records').records;
    const { index, files } = builderData(records);
    const seen = [...files.entries()].flatMap(([name, f]) => f.projects.map((p) => [p.id, name]));
    expect(seen.map(([id]) => id).sort()).toEqual(records.map((r) => r.id).sort());
    for (const r of records) expect(seen.find(([id]) => id === r.id)![1]).toBe(`${r.jurisdiction.code ?? 'x'}-${r.year ?? 'x'}`);
    expect(index.files.map((f) => [f.file, f.count])).toEqual([...files.entries()].map(([name, f]) => [name, f.projects.length]));
    for (const name of files.keys()) expect(name).toMatch(/^(\d{6}|x)-(\d{4}|x)$/);
    // Each file carries only what the builder shows: no indicator tables, goals or source lines.
    const one = [...files.values()][0].projects[0];
    expect(Object.keys(one).sort()).toEqual(['b', 'c', 'e', 'id', 'kind', 'n', 'name', 'o', 's']);
  });

  it('keeps a record without code or year, in x-x, and hostile text stays data', () => {
    const odd = rec({ name: '<script>alert(1)</script>', jurisdiction: { name: null, code: null }, year: null });
    const { index, files } = builderData([odd, rec({ name: '工作经费' })]);
    expect(files.get('x-x')!.projects.map((p) => p.name)).toEqual(['<script>alert(1)</script>']);
    expect(index.jurisdictions.map((j) => j.code)).toEqual(['640100']);
    expect(index.files.find((f) => f.file === 'x-x')!.place).toBe('未识别 · 年度未列明');
  });
});
