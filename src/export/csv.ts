/**
 * CSV writing: UTF-8 with a byte-order mark (so Excel reads Chinese as UTF-8),
 * RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line break,
 * quotes doubled) via csv-stringify. null → empty cell; booleans true/false;
 * numbers as JavaScript prints them (exact to the fen, never in exponent form
 * for these magnitudes); codes stay text ("003", "640100"); text that would
 * start a spreadsheet formula is neutralised (csvText).
 */
import { stringify } from 'csv-stringify/sync';
import type { CellValue, Table } from '../compare/table';

export const BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula (OWASP, CSV injection): it starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (-5, +3.2, -1e-7) starts like a formula but is only a number, and stays as it is. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Text as written into every CSV the project produces. Records are untrusted
 * input and journalists open the files in Excel, so a cell that would start
 * a formula gets a leading apostrophe ('=HYPERLINK(…) is shown, never run).
 * The comparator "=" is written as the full-width ＝ that Chinese tables
 * print, so that the 300-odd bare "=" cells need no apostrophe.
 */
export function csvText(s: string): string {
  if (s === '=') return '＝';
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number ${v}`);
    return String(v);
  }
  return csvText(String(v));
}

/**
 * csv-stringify quotes a field holding the record delimiter (\r\n) but not a
 * bare \n or \r, which Excel and RFC 4180 readers would split into two rows:
 * quoted_match forces quotes on any line break (and on edge whitespace).
 */
export const CSV_OPTIONS: { record_delimiter: 'windows'; quoted_match: RegExp[] } = { record_delimiter: 'windows', quoted_match: [/[\r\n]/, /^\s|\s$/] };

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header.map(cell), ...rows.map((r) => r.map(cell))], { bom: true, ...CSV_OPTIONS });
}

/** Any comparison table (rows + columns) → CSV text. */
export function tableToCsv(table: Pick<Table, 'columns' | 'rows'>): string {
  return toCsv(
    table.columns.map((c) => c.name),
    table.rows.map((r: CellValue[]) => r),
  );
}
