/**
 * The comparison builder's URL query (compare/?j=640100,640200&y=2024&c=open-government).
 * No imports: the builder's page script bundles this file for the browser.
 */

/** The comparison builder's query: ?j=640100,640200&y=2024&c=open-government. Empty = all. */
export interface Selection {
  j: string[];
  y: string[];
  c: string[];
}

/** Reads both the shared form (j=a,b) and what a plain GET form submits (j=a&j=b). */
export function parseSelection(search: string): Selection {
  const params = new URLSearchParams(search);
  const read = (k: string) => [...new Set(params.getAll(k).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  return { j: read('j'), y: read('y'), c: read('c') };
}

/** The canonical query string (without "?"): keys j, y, c in that order, values comma-joined; empty keys left out. */
export function selectionQuery(s: Selection): string {
  return (['j', 'y', 'c'] as const)
    .filter((k) => s[k].length > 0)
    .map((k) => `${k}=${s[k].map(encodeURIComponent).join(',')}`)
    .join('&');
}

