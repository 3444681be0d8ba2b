/** One category's projects side by side as CSV: <base>data/categories/<slug>.csv (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRecords } from '../../../lib/records';
import { compareCategory } from '../../../compare/index';
import { tableToCsv } from '../../../export/csv';
import { categoryPagesFor, categoryTable } from '../../../lib/compare-site';

export const getStaticPaths = (async () => {
  const records = await getRecords();
  return categoryPagesFor(records).map((c) => ({ params: { slug: c.slug }, props: { csv: tableToCsv(categoryTable(compareCategory(records, c.name))) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ csv: string }> = ({ props }) =>
  new Response(props.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
