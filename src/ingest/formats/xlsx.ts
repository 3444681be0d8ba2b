/**
 * XLSX (an Excel workbook), read by exceljs. Every worksheet is a table, in
 * the workbook's order; every row from the first to the last one used is a
 * line (an empty row a blank line), its cells tab-separated. A merged range's
 * value is printed once, in its master (top-left) cell; the cells it covers
 * are empty, as the HTML reader expands rowspan/colspan, so the table grammar
 * sees the same rows. A row ends at its last cell that holds a value or
 * belongs to a merged range. Locators: { sheet, row }, the sheet's name and
 * the row number the spreadsheet shows.
 *
 * A cell reads as the spreadsheet displays it where that matters to the
 * grammar: a number formatted as a percentage is its percentage (0.5862 with
 * "0.00%" → 58.62%), a formula its cached result, rich text its text, a date
 * YYYY-MM-DD; other numbers as stored, to 15 significant digits.
 */
import ExcelJS from 'exceljs';
import { IngestError } from '../errors.ts';
import type { Locator, RenderedDocument } from './types.ts';

type Value = ExcelJS.CellValue | undefined;

function squash(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function number(v: number, numFmt: string | undefined): string {
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''))) {
    const decimals = /\.(0+)/.exec(numFmt)?.[1].length ?? 0;
    return `${(v * 100).toFixed(decimals)}%`;
  }
  return String(Number(v.toPrecision(15)));
}

function text(v: Value, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return number(v, numFmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return text((v as ExcelJS.CellFormulaValue).result as Value, numFmt);
  if ('hyperlink' in v) return text((v as ExcelJS.CellHyperlinkValue).text as Value, numFmt);
  if ('error' in v) return String(v.error);
  return '';
}

export async function renderXlsx(bytes: Uint8Array, file: string): Promise<RenderedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new IngestError('INGEST_CORRUPT_FILE', file, null, `the Excel workbook cannot be opened (${(e as Error).message.split('\n')[0]}): download it again from the publisher`);
  }
  const lines: string[] = [];
  const locators: Locator[] = [];
  for (const sheet of workbook.worksheets) {
    const last = sheet.rowCount;
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      let width = 0;
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        if (cell.type === ExcelJS.ValueType.Merge) {
          // Covered by a merged range: printed once, in its master cell.
          cells.push('');
          width = c;
          continue;
        }
        const t = squash(text(cell.value, cell.numFmt)).replace(/\t/g, ' ');
        cells.push(t);
        if (t !== '' || cell.isMerged || (cell.type === ExcelJS.ValueType.String && cell.value === '')) width = c;
      }
      lines.push(cells.slice(0, width).join('\t'));
      locators.push({ sheet: sheet.name, row: r });
    }
  }
  return { format: 'xlsx', text: lines.join('\n'), locators };
}
