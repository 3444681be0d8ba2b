/** The source documents, copied into the site as published (<base>sources/<file>.txt). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFiles, sourcesDir } from '../../lib/sources';

export const getStaticPaths = (() => sourceFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(path.join(sourcesDir, params.file!)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
