/**
 * A format reader turns a published file (HTML, DOCX, XLSX, PDF, …) into the
 * text the table grammar reads through parseDocument(text, file): one table
 * row per line, cells separated by tabs (the delimited layout of the seed
 * documents), text outside tables one paragraph per line. It keeps, for each
 * rendered line, where that line is in the file.
 */

/**
 * Where a rendered line comes from, 1-based:
 * - `{ table, row }`: row `row` of the `table`-th table of an HTML page or a Word document;
 * - `{ paragraph }`: the `paragraph`-th block of text outside tables (HTML, DOCX);
 * - `{ sheet, row }`: row `row` of the worksheet named `sheet`, numbered as the
 *   spreadsheet shows it (an XLSX workbook: every sheet is a table);
 * - `{ page, line }`: line `line` of page `page` of a PDF.
 */
export type Locator = { table: number; row: number } | { paragraph: number } | { sheet: string; row: number } | { page: number; line: number };

export type Format = 'txt' | 'html' | 'docx' | 'xlsx' | 'pdf';

export interface RenderedDocument {
  format: Format;
  text: string;
  /** locators[i] is where line i + 1 of `text` comes from; empty for .txt (lines are the file's own). */
  locators: Locator[];
}
