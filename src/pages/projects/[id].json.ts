/** The record as JSON, exactly as validated by the content collection. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRecordPageRecords } from '../../lib/records';
import type { ProjectRecord } from '../../schema/record';

export const getStaticPaths = (async () =>
  (await getRecordPageRecords()).map((record) => ({ params: { id: record.id }, props: { record } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: ProjectRecord }> = ({ props }) =>
  new Response(JSON.stringify(props.record, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
