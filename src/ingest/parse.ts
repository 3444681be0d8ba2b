/**
 * The entry point of the table grammar (src/ingest/grammar/): other code
 * calls `parseDocument(text, file)`.
 */
export { parseDocument, splitNameValue, splitNameValues, type ParsedDocument, type ParsedRecord } from './grammar/index.ts';
