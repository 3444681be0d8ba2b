/**
 * Site paths: the one route table. Every page and link uses `paths`, and
 * every path goes through `href` so the site works under
 * any base path (BASE_PATH=/budget/ → import.meta.env.BASE_URL = "/budget/").
 */
import type { Kind } from '../schema/record';
import { categorySlug } from '../categories/index';
import { departmentSlug, sourceDownloadName, sourceSlug } from './facets';

const base = import.meta.env.BASE_URL;

/** "projects/x/" → "<base>projects/x/". */
export function href(path = ''): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export const paths = {
  /** Page n of a paginated list whose page 1 is at `list` (an href: "<base>projects/"): "<base>projects/page/2/". */
  page: (list: string, n: number) => (n <= 1 ? list : `${list.replace(/\/?$/, '/')}page/${n}/`),
  home: () => href(''),
  projects: () => href('projects/'),
  projectsSorted: (sort: string) => href(sort === 'default' ? 'projects/' : `projects/sort/${sort}/`),
  project: (id: string) => href(`projects/${id}/`),
  projectJson: (id: string) => href(`projects/${id}.json`),
  projectCsv: (id: string) => href(`projects/${id}.csv`),
  jurisdictions: () => href('jurisdictions/'),
  jurisdiction: (code: string) => href(`jurisdictions/${code}/`),
  departments: () => href('departments/'),
  department: (name: string) => href(`departments/${departmentSlug(name)}/`),
  years: () => href('years/'),
  year: (year: number) => href(`years/${year}/`),
  kind: (kind: Kind) => href(`kinds/${kind}/`),
  search: () => href('search/'),
  /** Pagefind's browser script in a bundle folder ("pagefind/", or a shard's; src/lib/shard.ts), written by src/integrations/pagefind.ts. */
  pagefindScript: (bundle = 'pagefind/') => href(`${bundle}pagefind.js`),
  /** The HTML view of a source document, with a line anchor (#L12). */
  source: (file: string, line?: number) => href(`sources/${sourceSlug(file)}/${line ? `#L${line}` : ''}`),
  categories: () => href('categories/'),
  category: (name: string | null) => href(`categories/${categorySlug(name)}/`),
  categoryCsv: (name: string | null) => href(`data/categories/${categorySlug(name)}.csv`),
  compare: () => href('compare/'),
  /** The comparison builder's data: compare/data/index.json and compare/data/<code>-<year>.json (src/lib/compare-data.ts). */
  compareData: (file: string) => href(`compare/data/${file}.json`),
  matrix: () => href('compare/matrix/'),
  /** One province's jurisdictions × years (code "x": the jurisdictions not identified). */
  matrixProvince: (code: string) => href(`compare/matrix/${code}/`),
  unitCosts: () => href('compare/unit-costs/'),
  compareYears: () => href('compare/years/'),
  /** One jurisdiction over the years (code "x": the jurisdictions not identified). */
  compareYearsOf: (code: string) => href(`compare/years/${code}/`),
  data: () => href('data/'),
  dataFile: (file: string) => href(`data/${file}`),
  checks: () => href('checks/'),
  check: (code: string) => href(`checks/${code}/`),
  methodology: (code?: string) => href(`methodology/${code ? `#${code}` : ''}`),
  /** The source document itself, copied as published (a web page under its name plus ".txt": sourceDownloadName). */
  sourceFile: (file: string) => href(`sources/${encodeURIComponent(sourceDownloadName(file))}`),
};

/**
 * The public address of a site path ("/budget/projects/x/"): absolute when the
 * build knows its address (SITE_URL → Astro.site), else the path itself.
 */
export function publicUrl(path: string, site: URL | undefined): { url: string; absolute: boolean } {
  return site ? { url: new URL(path, site).href, absolute: true } : { url: path, absolute: false };
}
