/**
 * Importer errors: a closed list of codes, each with the file and line.
 * Tests assert the code; the CLI prints `CODE file:line message` and exits 1.
 */
export const ERROR_CODES = {
  INGEST_EMPTY_FILE: 'the file is empty or holds only blank lines',
  INGEST_BINARY: 'the file is not text (binary data or an unknown encoding)',
  INGEST_NO_TABLE: 'no performance table found (no 项目名称 row)',
  INGEST_TRUNCATED_TABLE: 'a table is cut off (no indicator rows, or it ends before its last group)',
  INGEST_BAD_AMOUNT: 'an amount cannot be read as a number',
  INGEST_AMBIGUOUS_ROW: 'the cells of a row cannot be attributed to their columns with certainty (long-term and annual columns with cells collapsed or wrapped)',
  INGEST_META_INVALID: 'the metadata file is not valid',
  INGEST_META_CONFLICT: 'the metadata contradicts what the document states',
  INGEST_DUPLICATE_ID: 'two records would get the same id',
  INGEST_SCHEMA: 'a record does not match the record schema',
  INGEST_READ: 'the file cannot be read',
  INGEST_UNSUPPORTED_FORMAT: 'a file format the importer does not read: save the table as .html or .txt (see README, "Adding a published document")',
  INGEST_CORRUPT_FILE: 'the file is damaged (its contents do not match its format): download it again from the publisher',
  INGEST_ENCRYPTED: 'the file is password-protected: ask the publisher for an open copy, or open it with the password and save it without one',
  INGEST_PDF_BROKEN_ROW: 'a PDF table row broken by a page break cannot be joined with certainty: export the PDF again with rows kept whole, or import the Word/HTML copy',
  INGEST_PDF_NO_TEXT: 'a scanned PDF without a text layer: run OCR on it (e.g. ocrmypdf) and import the result, or find the HTML/Word copy',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class IngestError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${code} ${file}${line != null ? `:${line}` : ''} ${detail}`);
    this.name = 'IngestError';
  }
}
