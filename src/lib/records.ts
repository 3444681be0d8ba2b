/**
 * Loading the records for pages: every page gets its data from here, so
 * later pages (categories, comparisons, audit flags) see the same list.
 */
import { getCollection } from 'astro:content';
import type { ProjectRecord } from '../schema/record';
import { compareDefault, jurisdictionTree, type JurisdictionNode } from './facets';

let cache: ProjectRecord[] | undefined;

/** All records (checked by the collection's loader, src/content.config.ts), in the default order. */
export async function getRecords(): Promise<ProjectRecord[]> {
  if (!cache) cache = (await getCollection('records')).map((e) => e.data).sort(compareDefault);
  return cache;
}

/** The jurisdictions with records and their ancestors, by code. */
export async function getJurisdictions(): Promise<Map<string, JurisdictionNode>> {
  return jurisdictionTree(await getRecords());
}

export { jurisdictionInfo, chainLabel } from './jurisdictions';
