/** The record as CSV: one row per indicator (see src/lib/record-csv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getRecordPageRecords } from '../../lib/records';
import { recordToCsv } from '../../lib/record-csv';
import type { ProjectRecord } from '../../schema/record';

export const getStaticPaths = (async () =>
  (await getRecordPageRecords()).map((record) => ({ params: { id: record.id }, props: { record } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: ProjectRecord }> = ({ props }) =>
  new Response(recordToCsv(props.record), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
