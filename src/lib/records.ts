/**
 * Loading the records for pages: every page gets its data from here, so
 * later pages (categories, comparisons, audit flags) see the same list.
 */
import { getCollection } from 'astro:content';
import type { ProjectRecord } from '../schema/record';
import { duplicateIds } from '../domain/records';
import { sourceProblem } from './sources';
import { compareDefault, jurisdictionTree, type JurisdictionNode } from './facets';

let cache: ProjectRecord[] | undefined;

/**
 * All records, validated by the content collection, in the default order.
 * Before any page is rendered, the whole set is checked for what the schema
 * cannot see: two files with one id (one page silently overwritten, its
 * budget counted twice) and source documents that cannot be shown. Every
 * problem is listed, each naming its file or record, and the build stops.
 */
export async function getRecords(): Promise<ProjectRecord[]> {
  if (!cache) {
    const entries = await getCollection('records');
    const problems = duplicateIds(entries.map((e) => ({ id: e.data.id, file: e.filePath ?? e.id }))).map((d) => `${d.code} ${d.file}: ${d.message}`);
    for (const e of entries) {
      const problem = sourceProblem(e.data);
      if (problem) problems.push(`RECORDS_BAD_SOURCE ${e.filePath ?? e.id}: record ${e.data.id}: ${problem}`);
    }
    if (problems.length > 0) throw new Error(`${problems.length} record problem(s):\n${problems.join('\n')}`);
    cache = entries.map((e) => e.data).sort(compareDefault);
  }
  return cache;
}

/** The jurisdictions with records and their ancestors, by code. */
export async function getJurisdictions(): Promise<Map<string, JurisdictionNode>> {
  return jurisdictionTree(await getRecords());
}

export { jurisdictionInfo, chainLabel } from './jurisdictions';
