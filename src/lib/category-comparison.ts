/**
 * A category's comparison (src/compare/sideBySide.ts compareCategory),
 * computed once per build and category: every page of a category's paginated
 * table shows a slice of the same comparison, which would otherwise be
 * recomputed over all records for each page (at 10,000 projects, 14 s for one
 * category's 33 pages).
 */
import { compareCategory } from '../compare/index';
import type { ProjectRecord } from '../schema/record';

const cache = new WeakMap<readonly ProjectRecord[], Map<string | null, ReturnType<typeof compareCategory>>>();

export function categoryComparison(records: readonly ProjectRecord[], name: string | null): ReturnType<typeof compareCategory> {
  let byName = cache.get(records);
  if (!byName) cache.set(records, (byName = new Map()));
  let comparison = byName.get(name);
  if (!comparison) byName.set(name, (comparison = compareCategory(records, name)));
  return comparison;
}
