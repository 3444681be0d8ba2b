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
