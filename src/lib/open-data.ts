/**
 * The open-data files published at <base>data/<file> and listed on the data
 * page: the export's files (src/export/), flags.csv and flags.json — the
 * audit report exactly as `npm run --silent audit -- --json` prints it — and
 * SHA256SUMS covering flags.json too.
 *
 * They are not Astro endpoints (one string per file, the whole dataset in
 * memory): src/integrations/open-data.ts writes them as streams, one record
 * at a time, before the pages are rendered, so the data page can give each
 * file's size and checksum; they are moved into the output when the build is
 * done. Records are taken in id order, as the export and audit CLIs read
 * data/records/, so the files are byte-identical to theirs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatLoadError, readRecordFile } from '../domain/records';
import { FILE_NAMES } from '../export/index';
import { readSchemaDocs } from '../export/schemaDocs';
import { writeOpenData } from '../export/stream';
import type { ProjectRecord } from '../schema/record';
import { checkedRecordFiles } from './records';
import { shardFromEnv } from './shard';

export interface DataFile {
  /** File name: stable, also the URL <base>data/<name>. */
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
  /** Chinese description for the data page. */
  description: string;
}

export const FLAGS_JSON = 'flags.json';

const DESCRIPTIONS: Record<string, string> = {
  [FILE_NAMES.projectsJson]: '全部记录（JSON 数组），字段即记录格式，另加工作类别；含未能读入字段的原文行（unparsed）。',
  [FILE_NAMES.projects]: '每个项目一行：辖区、年度、部门、金额、目标、总分、来源行、工作类别。',
  [FILE_NAMES.indicators]: '每个三级绩效指标一行：一级/二级、指标名称、指标值及其读法、分值、实际完成值、得分。',
  [FILE_NAMES.execution]: '每张绩效自评表一行：年初预算数、全年预算数、全年执行数、执行率、分值与得分。',
  [FILE_NAMES.funding]: '绩效自评表“年度资金总额”下的“其中”各行（当年财政拨款、上年结转资金、其他资金）。',
  [FILE_NAMES.budgetByCategory]: '按工作类别汇总的预算：每个辖区与年度一行，每个类别一列，含行合计与列合计。',
  [FILE_NAMES.unitCosts]: '可比的单位成本（金额 ÷ 数量），列出所用数字、算式与前提假设。',
  [FILE_NAMES.flags]: '核查提示（CSV）：每条提示一行，记录编号、指标序号、核查项代码、严重程度、说明。',
  [FLAGS_JSON]: '核查提示（JSON），与 npm run --silent audit -- --json 的输出相同：含计算所用的数字（figures）。',
  [FILE_NAMES.datapackage]: 'Frictionless Data Package（v1）说明文件：每个文件、每一列的含义、类型与约束，以及大小和 SHA-256。',
  [FILE_NAMES.checksums]: '除本文件外每个文件的 SHA-256 校验值，可用 sha256sum -c SHA256SUMS 核对。',
};

export function contentTypeOf(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** The schema's doc comments, for the column descriptions of datapackage.json. */
function schemaDocs() {
  return readSchemaDocs(
    { fileName: 'record.ts', text: readFileSync(path.resolve('src/schema/record.ts'), 'utf8') },
    { fileName: 'schema.ts', text: readFileSync(path.resolve('src/categories/schema.ts'), 'utf8') },
  );
}

/** The records of `files` (checked, in id order, as the export and audit CLIs read them) one at a time. */
function* recordsInIdOrder(files: string[]): Generator<ProjectRecord> {
  for (const file of files) {
    const read = readRecordFile(file);
    if ('error' in read) throw new Error(formatLoadError(read.error));
    yield read.record;
  }
}

/**
 * Writes the site's open-data files into `outDir`, streamed one record at a
 * time (src/export/stream.ts): the export's files, flags.csv and flags.json
 * from the audit, SHA256SUMS over all of them. Returns the files in the order
 * of the data page, with size, checksum and description.
 */
export async function writeSiteOpenData(dir: string, outDir: string): Promise<DataFile[]> {
  const facts = writeOpenData(recordsInIdOrder(await checkedRecordFiles(dir)), outDir, { docs: schemaDocs(), audit: true, flagsJson: FLAGS_JSON });
  return facts.map((f) => ({ name: f.path, contentType: contentTypeOf(f.path), bytes: f.bytes, sha256: f.sha256, description: DESCRIPTIONS[f.path] ?? '' }));
}

/** Written by the open-data integration before the pages are rendered (src/integrations/open-data.ts). */
export const MANIFEST_ENV = 'BUDGET_SITE_OPEN_DATA_MANIFEST';

/** The open-data files of this build, for the data page: read from the manifest the integration wrote. */
export function openDataFiles(): DataFile[] {
  // A record shard has no open-data files (the hub's data page lists them) and its data page is not kept.
  if (shardFromEnv().mode === 'records') return [];
  const manifest = process.env[MANIFEST_ENV];
  if (!manifest) throw new Error(`${MANIFEST_ENV} is not set: the open-data integration (src/integrations/open-data.ts) did not run`);
  return JSON.parse(readFileSync(manifest, 'utf8')) as DataFile[];
}
