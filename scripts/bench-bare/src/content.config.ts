/** The same records as the site, through the same loader and schema. */
import { defineCollection } from 'astro:content';
import { formatLoadError, loadRecords, recordsDir } from '../../../src/domain/records';
import { ProjectRecord } from '../../../src/schema/record';

export const collections = {
  records: defineCollection({
    loader: async () => {
      const { records, errors } = loadRecords(recordsDir());
      if (errors.length > 0) throw new Error(errors.map(formatLoadError).join('\n'));
      return records;
    },
    schema: ProjectRecord,
  }),
};
