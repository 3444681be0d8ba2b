/**
 * Content collections. `records` is one entry per data/records/<id>.json,
 * validated by the same zod schema the importer writes with: an invalid
 * record fails the build with its file and the path of the bad field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ProjectRecord } from './schema/record';

/** Records directory; RECORDS_DIR lets tests and local development point at fixtures. */
const recordsDir = process.env.RECORDS_DIR ?? './data/records';

const records = defineCollection({
  loader: glob({ pattern: '*.json', base: recordsDir }),
  schema: ProjectRecord,
});

export const collections = { records };
