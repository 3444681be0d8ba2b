/**
 * Layout readers turn a document's lines into rows of cells; the table
 * grammar (src/ingest/grammar/) reads the rows through the vocabulary. A
 * reader knows how cells are separated on the page, never what they mean
 * beyond the vocabulary it needs to find the separators.
 */

/** One table row as printed: its cells and the source lines (1-based) it comes from. */
export interface Row {
  cells: string[];
  /** True when the row is running text without cell separators (one cell per line, PDF text). */
  flat: boolean;
  /** For a flat row: its lines joined (wrapped lines without separator, numbered items on new lines). */
  text: string;
  lines: number[];
  /** The reader could not find the cells of this row with certainty: it is never read as an indicator. */
  uncertain?: boolean;
  /** A row of border pipes whose last cell has no closing pipe: the row may be cut off mid-cell. */
  open?: boolean;
}

export interface LayoutReader {
  /** Short name, shown in the ingest report. */
  name: string;
  /** How sure the reader is that it reads this document: 0 (not at all) to 1. */
  detect(lines: string[]): number;
  /** Rows of lines[from..to] (0-based, inclusive). */
  rows(lines: string[], from: number, to: number): Row[];
}
