/**
 * Open-data files from the records: projects.json, projects.csv,
 * indicators.csv, execution.csv, execution-funding.csv, the comparison
 * tables budget-by-category.csv and unit-costs.csv, flags.csv (only when
 * audit flags are given), datapackage.json (Frictionless Data Package v1)
 * and SHA256SUMS. Pure: returns { path, content } objects; src/export/cli.ts
 * writes them. See docs/open-data.md.
 */
import { createHash } from 'node:crypto';
import type { ProjectRecord } from '../schema/record';
import { categoryOf, NO_OVERRIDES, type CategoryAssignment, type Overrides } from '../categories/index';
import { budgetMatrix } from '../compare/matrix';
import { unitCosts } from '../compare/unitCosts';
import { matrixTable, unitCostTable, type Table } from '../compare/table';
import { executionColumns, fundingColumns, indicatorColumns, projectColumns, type Column } from './columns';
import { tableToCsv, toCsv } from './csv';
import type { SchemaDocs } from './schemaDocs';

export interface OutputFile {
  /** File name, relative to the output directory. Stable. */
  path: string;
  /** UTF-8 text (CSV files start with a BOM). */
  content: string;
}

/** An audit flag (provisional shape until the audit lands): attached to a record, optionally to one indicator. */
export interface AuditFlag {
  id: string;
  /** 1-based indicator position, or null for the record as a whole. */
  position?: number | null;
  code: string;
  severity?: string | null;
  message: string;
}

export interface ExportOptions {
  /** Column descriptions from the schema doc comments (readSchemaDocs). Without it, fallbacks only. */
  docs?: SchemaDocs;
  /** For records without a stored `category`. */
  overrides?: Overrides;
  audit?: readonly AuditFlag[];
  /** ISO date-time written as datapackage.json "created"; omitted when not given, so output is reproducible. */
  created?: string;
  license?: { name: string; title: string } | { path: string; title: string };
}

export type ExportRecord = ProjectRecord & { category?: CategoryAssignment | null };

/**
 * The compiled data are official documents of state organs, which Chinese
 * copyright law (著作权法 art. 5) excludes from protection; the compilation is
 * dedicated to the public domain. Change here if the project decides otherwise.
 */
// Name and title only: the official v1 profile puts name and path in a oneOf, so a license with both fails validation.
export const DEFAULT_LICENSE = {
  name: 'ODC-PDDL-1.0',
  title: 'Open Data Commons Public Domain Dedication and License v1.0',
};

export const FILE_NAMES = {
  projectsJson: 'projects.json',
  projects: 'projects.csv',
  indicators: 'indicators.csv',
  execution: 'execution.csv',
  funding: 'execution-funding.csv',
  budgetByCategory: 'budget-by-category.csv',
  unitCosts: 'unit-costs.csv',
  flags: 'flags.csv',
  datapackage: 'datapackage.json',
  checksums: 'SHA256SUMS',
} as const;

/** Value at a dotted path; null when any step is null/undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined) return null;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur ?? null;
}

const FALLBACK: Record<string, string> = {
  position: '1-based position of the element in its array in projects.json (the order of the published table).',
  'execution.funding.initialBudget': '年初预算数 of the funding row, yuan.',
  'execution.funding.adjustedBudget': '全年预算数 of the funding row, yuan.',
  'execution.funding.executed': '全年执行数 of the funding row, yuan.',
};

function describe(docs: SchemaDocs | undefined, name: string): string {
  const d = name.startsWith('category.') ? docs?.describe('CategoryAssignment', name.slice('category.'.length)) : docs?.describe('ProjectRecord', name);
  const fb = FALLBACK[name];
  if (d && fb) return `${d} — ${fb}`;
  return d ?? fb ?? name;
}

interface FieldDescriptor {
  name: string;
  type: string;
  description: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string };
}

function fieldOf(c: Column, docs: SchemaDocs | undefined): FieldDescriptor {
  const constraints: FieldDescriptor['constraints'] = {};
  if (c.required) constraints.required = true;
  if (c.enum) constraints.enum = c.enum;
  if (c.pattern) constraints.pattern = c.pattern;
  return { name: c.name, type: c.type, description: describe(docs, c.name), ...(Object.keys(constraints).length ? { constraints } : {}) };
}

function sha256(content: string): string {
  return createHash('sha256').update(Buffer.from(content, 'utf8')).digest('hex');
}

const DIALECT = { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true };

function csvResource(name: string, path: string, title: string, description: string, file: FileFacts, fields: FieldDescriptor[], primaryKey?: string[]) {
  return {
    profile: 'tabular-data-resource',
    name,
    path,
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    dialect: DIALECT,
    schema: { fields, missingValues: [''], ...(primaryKey ? { primaryKey } : {}) },
  };
}

/**
 * indicators.csv: one row per indicator, with its project's fields (the record
 * with `indicators` replaced by one element). Also the per-project CSV download.
 */
export function indicatorsCsv(records: readonly ExportRecord[], overrides: Overrides = NO_OVERRIDES): string {
  const iCols = indicatorColumns();
  return toCsv(
    iCols.map((c) => c.name),
    records.flatMap((rec) => {
      const r = { ...rec, category: categoryOf(rec, overrides) };
      return r.indicators.map((ind, i) => {
        const row = { ...r, indicators: ind, position: i + 1 };
        return iCols.map((c) => getPath(row, c.name));
      });
    }),
  );
}

/** A written file's name, size and SHA-256: what datapackage.json and SHA256SUMS say of it. */
export interface FileFacts {
  path: string;
  bytes: number;
  sha256: string;
}

const FLAG_FIELDS: FieldDescriptor[] = [
  { name: 'id', type: 'string', description: 'Record id the flag is about.', constraints: { required: true } },
  { name: 'position', type: 'integer', description: '1-based indicator position; empty when the flag concerns the whole record.' },
  { name: 'code', type: 'string', description: 'Machine-readable flag code.', constraints: { required: true } },
  { name: 'severity', type: 'string', description: 'Severity as given by the audit.' },
  { name: 'message', type: 'string', description: 'Readable explanation.' },
];

/** datapackage.json for the files written (their sizes and checksums), flags included when flags.csv is among them. */
export function datapackageFor(facts: readonly FileFacts[], tables: readonly Table[], opts: Pick<ExportOptions, 'docs' | 'created' | 'license'>) {
  const docs = opts.docs;
  const fact = (p: string) => facts.find((f) => f.path === p)!;
  const pCols = projectColumns();
  const eCols = executionColumns();
  const fCols = fundingColumns();
  const resources: unknown[] = [
    {
      profile: 'data-resource',
      name: 'projects-json',
      path: FILE_NAMES.projectsJson,
      title: 'Project records (JSON)',
      description: 'The records array, one object per published table, in the record format of docs/data-format.md, with the category.',
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
      bytes: fact(FILE_NAMES.projectsJson).bytes,
      hash: `sha256:${fact(FILE_NAMES.projectsJson).sha256}`,
    },
    csvResource('projects', FILE_NAMES.projects, 'Projects', 'One row per project (published table): the scalar fields of the record.', fact(FILE_NAMES.projects), pCols.map((c) => fieldOf(c, docs)), ['id']),
    csvResource('indicators', FILE_NAMES.indicators, 'Indicators', 'One row per 三级 indicator, with its project\'s key fields.', fact(FILE_NAMES.indicators), indicatorColumns().map((c) => fieldOf(c, docs)), ['id', 'position']),
    csvResource('execution', FILE_NAMES.execution, 'Budget execution (self-evaluations)', 'One row per self-evaluation: the budget block (年初预算数, 全年预算数, 全年执行数, 执行率) and the total score.', fact(FILE_NAMES.execution), eCols.map((c) => fieldOf(c, docs)), ['id']),
    csvResource('execution-funding', FILE_NAMES.funding, 'Funding rows (self-evaluations)', 'One row per 其中 row under 年度资金总额 of a self-evaluation.', fact(FILE_NAMES.funding), fCols.map((c) => fieldOf(c, docs)), ['id', 'position']),
    ...tables.map((t, i) =>
      csvResource(t.name, [FILE_NAMES.budgetByCategory, FILE_NAMES.unitCosts][i], t.title, t.description, fact([FILE_NAMES.budgetByCategory, FILE_NAMES.unitCosts][i]), t.columns.map((c) => ({ name: c.name, type: c.type, description: c.description }))),
    ),
  ];
  if (facts.some((f) => f.path === FILE_NAMES.flags)) resources.push(csvResource('flags', FILE_NAMES.flags, 'Audit flags', 'Problems the audit found in the published tables.', fact(FILE_NAMES.flags), FLAG_FIELDS));

  const datapackage = {
    profile: 'data-package',
    name: 'budget-performance-tables',
    title: '项目支出绩效目标表与绩效自评表 (project budget performance targets and self-evaluations)',
    description:
      'Project budget performance target tables (项目支出绩效目标表) and self-evaluation tables (项目支出绩效自评表) published by Chinese government offices, retyped into one record format. Money in yuan. CSV files are UTF-8 with a byte-order mark; codes are text. See docs/open-data.md.',
    keywords: ['budget', 'performance', '绩效目标', '绩效自评', 'China'],
    licenses: [opts.license ?? DEFAULT_LICENSE],
    ...(opts.created ? { created: opts.created } : {}),
    resources,
  };
  return datapackage;
}

export function exportOpenData(records: readonly ExportRecord[], opts: ExportOptions = {}): OutputFile[] {
  const overrides = opts.overrides ?? NO_OVERRIDES;
  const withCat = records.map((r) => ({ ...r, category: categoryOf(r, overrides) }));

  // projects
  const pCols = projectColumns();
  const projectsCsv = toCsv(
    pCols.map((c) => c.name),
    withCat.map((r) => pCols.map((c) => getPath(r, c.name))),
  );
  const selfevals = withCat.filter((r) => r.kind === 'self-evaluation' || r.execution !== null);
  const eCols = executionColumns();
  const executionCsv = toCsv(
    eCols.map((c) => c.name),
    selfevals.map((r) => eCols.map((c) => getPath(r, c.name))),
  );
  const fCols = fundingColumns();
  const fundingCsv = toCsv(
    fCols.map((c) => c.name),
    selfevals.flatMap((r) =>
      (r.execution?.funding ?? []).map((f, i) => ((row) => fCols.map((c) => getPath(row, c.name)))({ ...r, execution: { ...r.execution, funding: f }, position: i + 1 })),
    ),
  );
  const tables: Table[] = [matrixTable(budgetMatrix(withCat)), unitCostTable(unitCosts(withCat))];

  const files: OutputFile[] = [
    { path: FILE_NAMES.projectsJson, content: JSON.stringify(withCat, null, 2) + '\n' },
    { path: FILE_NAMES.projects, content: projectsCsv },
    { path: FILE_NAMES.indicators, content: indicatorsCsv(withCat) },
    { path: FILE_NAMES.execution, content: executionCsv },
    { path: FILE_NAMES.funding, content: fundingCsv },
    { path: FILE_NAMES.budgetByCategory, content: tableToCsv(tables[0]) },
    { path: FILE_NAMES.unitCosts, content: tableToCsv(tables[1]) },
  ];
  if (opts.audit) {
    files.push({
      path: FILE_NAMES.flags,
      content: toCsv(
        FLAG_FIELDS.map((f) => f.name),
        opts.audit.map((a) => [a.id, a.position ?? null, a.code, a.severity ?? null, a.message]),
      ),
    });
  }
  const facts = files.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.content, 'utf8'), sha256: sha256(f.content) }));
  const datapackage = datapackageFor(facts, tables, opts);
  files.push({ path: FILE_NAMES.datapackage, content: JSON.stringify(datapackage, null, 2) + '\n' });
  files.push({ path: FILE_NAMES.checksums, content: sha256sums(files) });
  return files;
}

/** `sha256sum -c` format: "<64 hex>  <name>\n" per file, in the given order. */
export function sha256sums(files: readonly OutputFile[]): string {
  return files.map((f) => `${sha256(f.content)}  ${f.path}\n`).join('');
}
