/**
 * Content collections. `records` is one entry per data/records/<id>.json
 * (or RECORDS_DIR), read by the one record loader every command and test
 * uses (src/domain/records.ts) and validated by the same zod schema.
 *
 * Before any page is built, the whole set is checked for what the schema
 * cannot see: two files with one id (one page silently overwritten, its
 * budget counted twice) and source passages that cannot be shown (a path
 * out of data/sources/, a missing file, lines beyond its end). Every problem
 * is listed with its code and file, and the build stops.
 */
import { defineCollection } from 'astro:content';
import { formatLoadError, loadRecords, recordsDir } from './domain/records';
import { sourceProblem } from './lib/sources';
import { ProjectRecord } from './schema/record';

const records = defineCollection({
  loader: async () => {
    const { entries, errors } = loadRecords(recordsDir());
    const problems = errors.map(formatLoadError);
    for (const { record, file } of entries) {
      const problem = sourceProblem(record);
      if (problem) problems.push(formatLoadError({ code: 'RECORDS_BAD_SOURCE', file, message: `record ${record.id}: ${problem}` }));
    }
    if (problems.length > 0) throw new Error(`${problems.length} record problem(s):\n${problems.join('\n')}`);
    return entries.map((e) => e.record);
  },
  schema: ProjectRecord,
});

export const collections = { records };
