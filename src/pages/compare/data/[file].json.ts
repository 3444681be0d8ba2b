/** One jurisdiction × year of the comparison builder: compare/data/<code>-<year>.json (src/lib/compare-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBuilderData } from '../../../lib/compare-build';
import type { BuilderFile } from '../../../lib/compare-data';

export const getStaticPaths = (async () =>
  [...(await getBuilderData()).files.entries()].map(([file, data]) => ({ params: { file }, props: { data } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: BuilderFile }> = ({ props }) =>
  new Response(JSON.stringify(props.data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
