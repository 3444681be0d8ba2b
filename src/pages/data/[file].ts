/**
 * The open-data files at stable URLs: <base>data/projects.csv, …/flags.json,
 * …/SHA256SUMS (src/lib/open-data.ts). CSV and JSON are UTF-8; CSV files start
 * with a BOM. The Content-Type here applies under `astro dev`; a static host
 * sets its own from the extension (scripts/serve.mjs adds charset=utf-8).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRecords } from '../../lib/records';
import { openDataFiles, type DataFile } from '../../lib/open-data';

export const getStaticPaths = (async () =>
  openDataFiles(await getRecords()).map((file) => ({ params: { file: file.name }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: DataFile }> = ({ props }) =>
  new Response(props.file.content, { headers: { 'Content-Type': props.file.contentType } });
