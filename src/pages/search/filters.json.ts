/**
 * The values of the search page's filter menus with their project counts,
 * loaded only when the menus are opened: { jurisdiction: [[value, count], …],
 * year, kind, department }. The values are those of the search index's
 * filters (src/lib/search-document.ts), so a chosen value filters the search.
 */
import type { APIRoute } from 'astro';
import { getRecords } from '../../lib/records';
import { filterMenus } from '../../lib/search-document';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(filterMenus(await getRecords())), { headers: { 'Content-Type': 'application/json' } });
