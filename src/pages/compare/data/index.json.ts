/** The comparison builder's index: jurisdictions, years, categories and the per-jurisdiction-year files (src/lib/compare-data.ts). */
import type { APIRoute } from 'astro';
import { getBuilderData } from '../../../lib/compare-build';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getBuilderData()).index), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
