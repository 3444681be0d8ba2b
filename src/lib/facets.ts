/**
 * Pure functions that group records for the browsing pages: by jurisdiction
 * (with the parent chain), department, year and kind; totals; sort orders.
 * No Astro imports here, so unit tests can call them directly.
 */
import { createHash } from 'node:crypto';
import { sumYuan } from '../domain/money';
import type { Kind, ProjectRecord } from '../schema/record';
import { jurisdictionInfo, type JurisdictionInfo } from './jurisdictions';

/** A URL-safe, stable slug for a department name (names are Chinese and unique per place). */
export function departmentSlug(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 10);
}

/**
 * "000_bd54.txt" → "000_bd54", "011_x.docx" → "011_x-docx": the HTML view of a
 * source sits beside the file itself (sources/<slug>/ beside sources/<file>).
 */
export function sourceSlug(file: string): string {
  return file
    .replace(/\.txt$/i, '')
    .replace(/\.(\w+)$/, '-$1')
    .replace(/[^\w.-]/g, '_');
}

/**
 * The name under which a source file is offered for download: the file's own
 * name, except a web page, which gets ".txt" added — served as a web page from
 * this site, an untrusted page's scripts would run on the site's address. The
 * bytes (and their SHA-256) are the same.
 */
export function sourceDownloadName(file: string): string {
  return /\.html?$/i.test(file) ? `${file}.txt` : file;
}

export interface JurisdictionNode extends JurisdictionInfo {
  /** Records published by this jurisdiction itself. */
  own: ProjectRecord[];
  /** Records of this jurisdiction and of every jurisdiction below it. */
  all: ProjectRecord[];
  /** Codes of child jurisdictions that have records (directly or below). */
  children: string[];
}

/**
 * Every jurisdiction that has records, and each of its ancestors (宁夏回族自治区
 * appears even though it publishes none of the tables itself).
 * Records whose code is null or unknown are left out (see `unplacedRecords`).
 */
export function jurisdictionTree(records: ProjectRecord[]): Map<string, JurisdictionNode> {
  const nodes = new Map<string, JurisdictionNode>();
  const node = (info: JurisdictionInfo) => {
    let n = nodes.get(info.code);
    if (!n) nodes.set(info.code, (n = { ...info, own: [], all: [], children: [] }));
    return n;
  };
  for (const record of records) {
    const info = jurisdictionInfo(record.jurisdiction.code);
    if (!info) continue;
    node(info).own.push(record);
    for (const link of info.chain) {
      const ancestor = node(jurisdictionInfo(link.code)!);
      ancestor.all.push(record);
    }
  }
  for (const n of nodes.values()) {
    if (n.parentCode && nodes.has(n.parentCode)) {
      const parent = nodes.get(n.parentCode)!;
      if (!parent.children.includes(n.code)) parent.children.push(n.code);
    }
  }
  for (const n of nodes.values()) n.children.sort();
  return new Map([...nodes.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function unplacedRecords(records: ProjectRecord[]): ProjectRecord[] {
  return records.filter((r) => !jurisdictionInfo(r.jurisdiction.code));
}

/** Name of the jurisdiction as shown: the standard name, else the name as stated, else 未识别. */
export function jurisdictionName(record: ProjectRecord): string {
  return jurisdictionInfo(record.jurisdiction.code)?.name ?? record.jurisdiction.name ?? '未识别';
}

export function departmentName(record: ProjectRecord): string {
  return record.department?.name ?? '未列明';
}

export interface Group<K> {
  key: K;
  records: ProjectRecord[];
}

export function groupBy<K>(records: ProjectRecord[], keyOf: (r: ProjectRecord) => K | null): Group<K>[] {
  const map = new Map<K, ProjectRecord[]>();
  for (const r of records) {
    const key = keyOf(r);
    if (key === null) continue;
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return [...map.entries()].map(([key, list]) => ({ key, records: list }));
}

export const byDepartment = (records: ProjectRecord[]) =>
  groupBy(records, (r) => r.department?.name ?? null).sort((a, b) => a.key.localeCompare(b.key, 'zh-CN'));

export const byYear = (records: ProjectRecord[]) =>
  groupBy(records, (r) => r.year).sort((a, b) => b.key - a.key);

export const byKind = (records: ProjectRecord[]) =>
  groupBy<Kind>(records, (r) => r.kind).sort((a, b) => a.key.localeCompare(b.key));

/** Sum of budget.total, counting only stated amounts, exact. */
export function totalBudget(records: ProjectRecord[]): number {
  return sumYuan(records.flatMap((r) => (r.budget.total === null ? [] : [r.budget.total])));
}

export interface Totals {
  projects: number;
  budget: number;
  jurisdictions: number;
  departments: number;
  years: number[];
  targets: number;
  selfEvaluations: number;
}

export function totals(records: ProjectRecord[]): Totals {
  return {
    projects: records.length,
    budget: totalBudget(records),
    jurisdictions: new Set(records.map((r) => r.jurisdiction.code ?? r.jurisdiction.name)).size,
    departments: byDepartment(records).length,
    years: byYear(records).map((g) => g.key),
    targets: records.filter((r) => r.kind === 'target').length,
    selfEvaluations: records.filter((r) => r.kind === 'self-evaluation').length,
  };
}

/** The sort orders of the project list; each is pre-rendered as its own page. */
export const sortOrders = {
  default: { label: '辖区与年度', compare: compareDefault },
  'year-desc': { label: '年度（新→旧）', compare: (a: ProjectRecord, b: ProjectRecord) => (b.year ?? 0) - (a.year ?? 0) || compareDefault(a, b) },
  'budget-desc': { label: '预算（高→低）', compare: (a: ProjectRecord, b: ProjectRecord) => (b.budget.total ?? -1) - (a.budget.total ?? -1) || compareDefault(a, b) },
  'budget-asc': { label: '预算（低→高）', compare: (a: ProjectRecord, b: ProjectRecord) => (a.budget.total ?? Infinity) - (b.budget.total ?? Infinity) || compareDefault(a, b) },
  name: { label: '项目名称', compare: (a: ProjectRecord, b: ProjectRecord) => a.name.localeCompare(b.name, 'zh-CN') || compareDefault(a, b) },
} as const;
export type SortOrder = keyof typeof sortOrders;

/** Jurisdiction code, then year (newest first), then kind, then name. */
export function compareDefault(a: ProjectRecord, b: ProjectRecord): number {
  return (
    (a.jurisdiction.code ?? 'x').localeCompare(b.jurisdiction.code ?? 'x') ||
    (b.year ?? 0) - (a.year ?? 0) ||
    a.kind.localeCompare(b.kind) ||
    a.name.localeCompare(b.name, 'zh-CN') ||
    a.id.localeCompare(b.id)
  );
}

/** Budget sums per jurisdiction (own records) and year, for the home page chart. */
export function budgetByJurisdictionYear(records: ProjectRecord[]) {
  const groups = groupBy(records, (r) => `${r.jurisdiction.code ?? r.jurisdiction.name}|${r.year ?? ''}`);
  return groups
    .map((g) => ({
      jurisdiction: jurisdictionName(g.records[0]),
      code: g.records[0].jurisdiction.code,
      year: g.records[0].year,
      budget: totalBudget(g.records),
      projects: g.records.length,
    }))
    .sort((a, b) => (a.code ?? 'x').localeCompare(b.code ?? 'x') || (b.year ?? 0) - (a.year ?? 0));
}

/** Exact sum of the stated amounts; null when none is stated. */
const sumFen = (values: (number | null)[]) => {
  const stated = values.filter((v): v is number => v !== null);
  return stated.length ? sumYuan(stated) : null;
};

/** Sums of the self-evaluations' budget blocks per year (newest first). */
export function executionByYear(records: ProjectRecord[]) {
  return byYear(records.filter((r) => r.kind === 'self-evaluation' && r.execution)).map((g) => ({
    year: g.key,
    projects: g.records.length,
    initialBudget: sumFen(g.records.map((r) => r.execution!.initialBudget)),
    adjustedBudget: sumFen(g.records.map((r) => r.execution!.adjustedBudget)),
    executed: sumFen(g.records.map((r) => r.execution!.executed)),
  }));
}

/**
 * Budget sums per area and year, where `areaOf` rolls a record up to an area
 * (its province, or the child of a jurisdiction it lies under): a chart of
 * these rows is bounded by the number of areas × years, not by the records.
 * Records for which `areaOf` gives null are left out.
 */
export function budgetByAreaYear(records: ProjectRecord[], areaOf: (r: ProjectRecord) => { code: string | null; name: string } | null) {
  const groups = new Map<string, { area: { code: string | null; name: string }; year: number | null; records: ProjectRecord[] }>();
  for (const r of records) {
    const area = areaOf(r);
    if (!area) continue;
    const key = `${area.code ?? area.name}|${r.year ?? ''}`;
    const g = groups.get(key);
    if (g) g.records.push(r);
    else groups.set(key, { area, year: r.year, records: [r] });
  }
  return [...groups.values()]
    .map((g) => ({ jurisdiction: g.area.name, code: g.area.code, year: g.year, budget: totalBudget(g.records), projects: g.records.length }))
    .sort((a, b) => (a.code ?? 'x').localeCompare(b.code ?? 'x') || (b.year ?? 0) - (a.year ?? 0));
}

/** The province a record lies in (the first link of its chain), or the jurisdiction as stated when its code is unknown. */
export function provinceOf(record: ProjectRecord): { code: string | null; name: string } {
  const info = jurisdictionInfo(record.jurisdiction.code);
  return info ? info.chain[0] : { code: null, name: jurisdictionName(record) };
}

/** Under `node`: the record's own jurisdiction when it is `node`, else the child of `node` it lies under. */
export function childAreaOf(node: JurisdictionInfo, record: ProjectRecord): { code: string; name: string } | null {
  const info = jurisdictionInfo(record.jurisdiction.code);
  if (!info) return null;
  if (info.code === node.code) return { code: node.code, name: `${node.name}本级` };
  return info.chain[node.chain.length] ?? null;
}
