/**
 * Bounded pages: every list of projects, flags or departments is cut into
 * static pages of at most `pageSize()` rows. Page 1 lives at the list's own
 * URL (projects/), page n ≥ 2 at <list>/page/<n>/ (paths.page in
 * src/lib/paths.ts). Pure, no Astro imports, so tests can use it.
 *
 * LIST_PAGE_SIZE (build environment, default 100) changes the page size; the
 * page-size test (tests/build/page-size.test.ts) sets it small so that a few
 * hundred synthetic records prove the bounds that 100 rows a page keep at any N.
 */
export const DEFAULT_PAGE_SIZE = 100;

export function pageSize(): number {
  const raw = process.env.LIST_PAGE_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`LIST_PAGE_SIZE must be a positive integer, got "${raw}"`);
  return n;
}

/** How many pages a list of `count` items takes (an empty list still has its page 1). */
export function pageCount(count: number, size = pageSize()): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The page numbers after the first, for the <list>/page/[page] routes. */
export function laterPages(count: number, size = pageSize()): number[] {
  return Array.from({ length: pageCount(count, size) - 1 }, (_, i) => i + 2);
}

export interface Slice<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pages: number;
  /** 0-based index of the first item in the whole list. */
  start: number;
  total: number;
}

export function pageSlice<T>(items: readonly T[], page: number, size = pageSize()): Slice<T> {
  const pages = pageCount(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new Error(`page ${page} out of 1–${pages}`);
  const start = (page - 1) * size;
  return { items: items.slice(start, start + size), page, pages, start, total: items.length };
}

/**
 * The page numbers the pager shows: the first, the last, and two either side
 * of the current one; null marks a gap (…). Bounded: at most 9 entries.
 */
export function pagerWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && n - prev > 1) out.push(n - prev === 2 ? prev + 1 : null);
    out.push(n);
  }
  return out;
}

/**
 * /checks/ shows every flag, grouped by check and filterable by script, only
 * while they number at most this (about 0.8 KB a row: 200 rows ≈ 170 KB);
 * beyond it the page keeps the counts and links each check's paginated pages.
 */
export function inlineFlagLimit(): number {
  return 2 * pageSize();
}

/** A category's side-by-side rows carry their targets (≈ 2.5 KB a row), so its pages hold half as many rows. */
export function categoryPageSize(): number {
  return Math.max(1, Math.floor(pageSize() / 2));
}
