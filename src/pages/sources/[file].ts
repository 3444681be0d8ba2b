/**
 * The source documents, copied into the site as published (<base>sources/<file>): the same
 * bytes as in data/sources/, so their SHA-256 is the one in the metadata. A web page is
 * copied under its name plus ".txt" (sourceDownloadName), so that it is never served as a
 * page of this site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFiles, sourcesDir } from '../../lib/sources';
import { sourceDownloadName } from '../../lib/facets';

const TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

export const getStaticPaths = (() => sourceFiles().map((file) => ({ params: { file: sourceDownloadName(file) }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const file = (props as { file: string }).file;
  return new Response(readFileSync(path.join(sourcesDir, file)), {
    headers: { 'Content-Type': TYPES[path.extname(sourceDownloadName(file)).toLowerCase()] ?? 'application/octet-stream' },
  });
};
