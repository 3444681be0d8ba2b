/**
 * The open-data files written as streams, one record at a time, so that
 * neither memory nor any single string grows with the dataset (at 10,000
 * projects projects.json alone was one 103 MB string; V8 cannot hold a string
 * past about 512 MB, which a national dataset would reach). The bytes are the
 * same as exportOpenData's (src/export/index.ts) for the same records in the
 * same order; tests/export/stream.test.ts checks that.
 *
 * What is kept in memory: per record, a few fields for the budget matrix; the
 * unit-cost rows and the audit flags (each a handful of short fields).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { auditRecord, type Flag } from '../audit/checks';
import { categoryOf, NO_OVERRIDES, type Overrides } from '../categories/index';
import { budgetMatrix } from '../compare/matrix';
import { gazetteUnitCosts, pairedUnitCosts, type UnitCost } from '../compare/unitCosts';
import { matrixTable, unitCostTable } from '../compare/table';
import type { CompareRecord } from '../compare/common';
import { executionColumns, fundingColumns, indicatorColumns, projectColumns } from './columns';
import { BOM, cell, CSV_OPTIONS, tableToCsv } from './csv';
import { datapackageFor, FILE_NAMES, getPath, type ExportOptions, type ExportRecord, type FileFacts } from './index';

/** A file being written: its bytes go to disk and into its checksum as they are produced. */
class Sink {
  readonly name: string;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  bytes = 0;
  constructor(dir: string, name: string) {
    this.name = name;
    this.fd = openSync(path.join(dir, name), 'w');
  }
  write(text: string): void {
    const buf = Buffer.from(text, 'utf8');
    writeSync(this.fd, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }
  close(): FileFacts {
    closeSync(this.fd);
    return { path: this.name, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

const csvRow = (values: readonly unknown[]) => stringify([values.map(cell)], CSV_OPTIONS);

/** A JSON array written element by element, byte-identical to JSON.stringify(array, null, 2) + '\n'. */
class JsonArray {
  private count = 0;
  constructor(private readonly sink: Sink) {}
  push(value: unknown): void {
    this.sink.write((this.count++ === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(value, null, 2).replace(/\n/g, '\n  '));
  }
  end(): void {
    this.sink.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

export interface StreamOptions extends Pick<ExportOptions, 'docs' | 'overrides' | 'created' | 'license'> {
  /** Also write flags.csv (and flags.json, when flagsJson is set) from the audit of each record (src/audit/checks.ts). */
  audit?: boolean;
  /** Write the audit flags as flags.json too (the site's extra file, as `npm run audit -- --json` prints them). */
  flagsJson?: string;
}

/**
 * Writes the open-data files into `outDir` from `records` (any iterable: a
 * generator that reads one file at a time keeps memory flat). Returns every
 * file's name, size and SHA-256, SHA256SUMS last.
 */
export function writeOpenData(records: Iterable<ExportRecord>, outDir: string, opts: StreamOptions = {}): FileFacts[] {
  mkdirSync(outDir, { recursive: true });
  const overrides: Overrides = opts.overrides ?? NO_OVERRIDES;
  const pCols = projectColumns();
  const iCols = indicatorColumns();
  const eCols = executionColumns();
  const fCols = fundingColumns();

  const json = new Sink(outDir, FILE_NAMES.projectsJson);
  const projects = new Sink(outDir, FILE_NAMES.projects);
  const indicators = new Sink(outDir, FILE_NAMES.indicators);
  const execution = new Sink(outDir, FILE_NAMES.execution);
  const funding = new Sink(outDir, FILE_NAMES.funding);
  const array = new JsonArray(json);
  projects.write(BOM + csvRow(pCols.map((c) => c.name)));
  indicators.write(BOM + csvRow(iCols.map((c) => c.name)));
  execution.write(BOM + csvRow(eCols.map((c) => c.name)));
  funding.write(BOM + csvRow(fCols.map((c) => c.name)));

  const slim: CompareRecord[] = [];
  const costs: UnitCost[] = [];
  const flags: Flag[] = [];
  for (const rec of records) {
    const r = { ...rec, category: categoryOf(rec, overrides) };
    array.push(r);
    projects.write(csvRow(pCols.map((c) => getPath(r, c.name))));
    r.indicators.forEach((ind, i) => {
      const row = { ...r, indicators: ind, position: i + 1 };
      indicators.write(csvRow(iCols.map((c) => getPath(row, c.name))));
    });
    if (r.kind === 'self-evaluation' || r.execution !== null) {
      execution.write(csvRow(eCols.map((c) => getPath(r, c.name))));
      (r.execution?.funding ?? []).forEach((f, i) =>
        funding.write(csvRow(((row) => fCols.map((c) => getPath(row, c.name)))({ ...r, execution: { ...r.execution, funding: f }, position: i + 1 }))),
      );
    }
    costs.push(...gazetteUnitCosts(r), ...pairedUnitCosts(r));
    if (opts.audit) flags.push(...auditRecord(rec));
    // What the budget matrix reads: id, kind, year, jurisdiction, budget total, category.
    slim.push({ id: r.id, kind: r.kind, year: r.year, jurisdiction: r.jurisdiction, budget: { total: r.budget.total }, category: r.category } as CompareRecord);
  }
  array.end();
  const facts: FileFacts[] = [json.close(), projects.close(), indicators.close(), execution.close(), funding.close()];
  const small = (name: string, content: string): FileFacts => {
    const s = new Sink(outDir, name);
    s.write(content);
    return s.close();
  };
  const tables = [matrixTable(budgetMatrix(slim)), unitCostTable(costs)];
  facts.push(small(FILE_NAMES.budgetByCategory, tableToCsv(tables[0])), small(FILE_NAMES.unitCosts, tableToCsv(tables[1])));
  if (opts.audit) {
    const csv = new Sink(outDir, FILE_NAMES.flags);
    csv.write(BOM + csvRow(['id', 'position', 'code', 'severity', 'message']));
    for (const f of flags) csv.write(csvRow([f.projectId, f.indicatorIndex === null ? null : f.indicatorIndex + 1, f.check, f.severity, f.message]));
    facts.push(csv.close());
  }
  const datapackage = datapackageFor(facts, tables, opts);
  facts.push(small(FILE_NAMES.datapackage, JSON.stringify(datapackage, null, 2) + '\n'));
  if (opts.audit && opts.flagsJson) {
    const s = new Sink(outDir, opts.flagsJson);
    const a = new JsonArray(s);
    for (const f of flags) a.push(f);
    a.end();
    // After flags.csv, as the data page lists it; datapackage.json does not describe it.
    facts.splice(facts.findIndex((f) => f.path === FILE_NAMES.flags) + 1, 0, s.close());
  }
  facts.push(small(FILE_NAMES.checksums, facts.map((f) => `${f.sha256}  ${f.path}\n`).join('')));
  return facts;
}
