/** What the table grammar returns for a document (src/ingest/document.ts adds the document-level facts). */
import type { Kind, ProjectRecord } from '../../schema/record.ts';
import type { IngestError } from '../errors.ts';
import type { Detection } from '../../ingest/layouts/index.ts';

/** A record before the document-level facts (jurisdiction, id) are added. */
export type ParsedRecord = Omit<ProjectRecord, 'id' | 'jurisdiction' | 'year' | 'kind' | 'category'> & {
  kind: Kind | null;
  year: number | null;
};

export interface ParsedDocument {
  records: ParsedRecord[];
  /** Year stated in the document outside the tables (cover letter, document title), or null. */
  documentYear: number | null;
  /** Lines the parser used as table structure (headers, titles, template rows), for the lossless check. */
  structureLines: Set<number>;
  /** The layout reader that read the document, and how sure it was. */
  layout: Detection | { reader: { name: string }; confidence: number };
  /** Tables found but not imported (cut off): INGEST_TRUNCATED_TABLE with file and line. */
  omitted: IngestError[];
}
