/**
 * The open-data files served at <base>data/<file> and listed on the data
 * page: exportOpenData(records, { audit }) (src/export/), plus flags.json —
 * the audit report exactly as `npm run --silent audit -- --json` prints it —
 * and SHA256SUMS recomputed so it covers flags.json too.
 *
 * Records are taken in file-name order (= id order), as the export and audit
 * CLIs read data/records/, so the files here are byte-identical to theirs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { auditRecords, type Flag } from '../audit/checks';
import { exportOpenData, FILE_NAMES, sha256sums, type AuditFlag, type OutputFile } from '../export/index';
import { readSchemaDocs } from '../export/schemaDocs';
import type { ProjectRecord } from '../schema/record';

export interface DataFile {
  /** File name: stable, also the URL <base>data/<name>. */
  name: string;
  content: string;
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

function sha256(content: string): string {
  return createHash('sha256').update(Buffer.from(content, 'utf8')).digest('hex');
}

/** Audit flags in the shape exportOpenData writes to flags.csv. */
export function toExportFlags(flags: readonly Flag[]): AuditFlag[] {
  return flags.map((f) => ({
    id: f.projectId,
    position: f.indicatorIndex === null ? null : f.indicatorIndex + 1,
    code: f.check,
    severity: f.severity,
    message: f.message,
  }));
}

/** The files, in the order of the data page. Pure apart from reading the schema source for column descriptions. */
export function buildOpenData(records: readonly ProjectRecord[]): DataFile[] {
  const byFile = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const flags = auditRecords(byFile);
  const docs = readSchemaDocs(
    { fileName: 'record.ts', text: readFileSync(path.resolve('src/schema/record.ts'), 'utf8') },
    { fileName: 'schema.ts', text: readFileSync(path.resolve('src/categories/schema.ts'), 'utf8') },
  );
  const exported = exportOpenData(byFile, { docs, audit: toExportFlags(flags) });
  const files: OutputFile[] = exported.filter((f) => f.path !== FILE_NAMES.checksums);
  const at = files.findIndex((f) => f.path === FILE_NAMES.flags);
  files.splice(at + 1, 0, { path: FLAGS_JSON, content: JSON.stringify(flags, null, 2) + '\n' });
  files.push({ path: FILE_NAMES.checksums, content: sha256sums(files) });
  return files.map((f) => ({
    name: f.path,
    content: f.content,
    contentType: contentTypeOf(f.path),
    bytes: Buffer.byteLength(f.content, 'utf8'),
    sha256: sha256(f.content),
    description: DESCRIPTIONS[f.path] ?? '',
  }));
}

let cache: { records: readonly ProjectRecord[]; files: DataFile[] } | undefined;

/** buildOpenData, computed once per build. */
export function openDataFiles(records: readonly ProjectRecord[]): DataFile[] {
  if (!cache || cache.records !== records) cache = { records, files: buildOpenData(records) };
  return cache.files;
}
