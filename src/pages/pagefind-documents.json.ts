/**
 * The search index's input: one Pagefind custom record per project
 * (src/lib/search-document.ts), in the default order of the project list.
 * src/integrations/pagefind.ts reads this file after the build, indexes it, and
 * deletes it, so it is not part of the published site.
 */
import type { APIRoute } from 'astro';
import { getRecords } from '../lib/records';
import { searchDocument } from '../lib/search-document';

export const GET: APIRoute = async () => {
  const documents = (await getRecords()).map(searchDocument);
  return new Response(JSON.stringify(documents), { headers: { 'Content-Type': 'application/json' } });
};
