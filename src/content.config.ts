/**
 * Content collections. `records` is one entry per data/records/<id>.json,
 * validated by the same zod schema the importer writes with: an invalid
 * record fails the build with its file and the path of the bad field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { recordsDir } from './domain/records';
import { ProjectRecord } from './schema/record';

const records = defineCollection({
  loader: glob({ pattern: '*.json', base: recordsDir() }),
  schema: ProjectRecord,
});

export const collections = { records };
