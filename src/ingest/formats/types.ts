/**
 * A format reader turns a published file (HTML, XLSX, …) into the text the
 * table grammar reads through parseDocument(text, file): one table row per
 * line, cells separated by tabs (the delimited layout of the seed documents),
 * text outside tables one paragraph per line. It keeps, for each rendered
 * line, where that line is in the file.
 */

/** Where a rendered line comes from: a table row (1-based table, row) or a paragraph outside tables; in a PDF, its page and line on that page (1-based). */
export type Locator = { table: number; row: number } | { paragraph: number } | { page: number; line: number };

export interface RenderedDocument {
  format: 'txt' | 'html' | 'xlsx' | 'pdf';
  text: string;
  /** locators[i] is where line i + 1 of `text` comes from; empty for .txt (lines are the file's own). */
  locators: Locator[];
}
