/**
 * What the search index holds for one project page: the texts of the
 * published table that the page shows, as a bigram token stream (see
 * src/lib/search-tokens.ts), the title and the values the results list shows,
 * and the filters.
 *
 * Searched: the project name (ranked first), the table's title line, the
 * jurisdiction and the jurisdictions above it, the supervising department,
 * the implementing unit, 项目属性, 项目期限, 资金主管处室, the annual goal, the
 * outcome, the funding rows' labels, and for every indicator its 一级 and 二级
 * labels (canonical and as published), its name, its target and actual as
 * published and the reason for a shortfall. Not searched: amounts, scores,
 * weights, our readings of the targets, audit flags, the source lines
 * (the same text as published, in raw form).
 *
 * Pure (no Astro imports): src/integrations/pagefind.ts indexes these,
 * and tests call it directly.
 */
import type { ProjectRecord } from '../schema/record';
import { jurisdictionInfo } from './jurisdictions';
import { jurisdictionName } from './facets';
import { formatMoney, kindLabel } from './format';
import { searchStream } from './search-tokens';

/** A Pagefind custom record (index.addCustomRecord), language added by the indexer. */
export interface SearchDocument {
  /** Site-relative URL of the project page, without the base path: "/projects/<id>/". */
  url: string;
  content: string;
  meta: { title: string };
  /**
   * Filters: jurisdiction, year, kind, department are the search page's filter
   * menus; budget is only carried to the results list (filter values are
   * stored with the page but, unlike metadata, never searched).
   */
  filters: Record<string, string[]>;
}

/** The texts of a record that its page shows and search finds, the name excluded. */
export function searchFields(record: ProjectRecord): string[] {
  const info = jurisdictionInfo(record.jurisdiction.code);
  // The goal first: a result whose name matches shows the start of its goal as the excerpt.
  const fields: (string | null | undefined)[] = [
    record.goal,
    record.outcome,
    record.title,
    ...(info ? info.chain.map((j) => j.name) : [record.jurisdiction.name]),
    record.department?.name,
    record.implementingUnit?.name,
    record.projectType,
    record.projectPeriod,
    record.managingOffice,
    ...(record.execution?.funding.map((row) => row.label) ?? []),
  ];
  for (const i of record.indicators) {
    fields.push(i.level1, i.level1Raw, i.level2, i.level2Raw, i.name, i.target?.raw, i.actual?.raw, i.shortfallReason);
  }
  return fields.filter((f): f is string => typeof f === 'string' && f.trim().length > 0);
}

/** The filter values of one project (see SearchDocument.filters). */
export function searchFilters(record: ProjectRecord): Record<string, string[]> {
  const filters: Record<string, string[]> = {
    jurisdiction: [jurisdictionName(record)],
    kind: [kindLabel(record.kind)],
    budget: [formatMoney(record.budget.total)],
  };
  if (record.year !== null) filters.year = [String(record.year)];
  if (record.department) filters.department = [record.department.name];
  return filters;
}

/** The search document of one project. */
export function searchDocument(record: ProjectRecord): SearchDocument {
  return {
    url: `/projects/${record.id}/`,
    content: searchStream(record.name, searchFields(record)),
    meta: { title: record.name },
    filters: searchFilters(record),
  };
}

/** The filters the search page offers, in menu order. */
export const FILTER_KEYS = ['jurisdiction', 'year', 'kind', 'department'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Values and project counts of each filter menu: years newest first, the
 * others in Chinese collation order (ties by code point, so the order is
 * the same on every machine).
 */
export function filterMenus(records: readonly ProjectRecord[]): Record<FilterKey, [string, number][]> {
  const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FilterKey, Map<string, number>>;
  for (const record of records) {
    const filters = searchFilters(record);
    for (const key of FILTER_KEYS) for (const value of filters[key] ?? []) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
  }
  const collator = new Intl.Collator('zh-CN');
  const order = (key: FilterKey) => (a: [string, number], b: [string, number]) =>
    key === 'year' ? Number(b[0]) - Number(a[0]) : collator.compare(a[0], b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, [...counts[k].entries()].sort(order(k))])) as Record<FilterKey, [string, number][]>;
}
