/**
 * The search page (src/pages/search.astro): substring search on Pagefind's
 * bigram index (src/lib/search-tokens.ts).
 *
 * - The query box is the header's (#header-q), filled from ?q=.
 * - Each run of letters and digits of the query is one Pagefind search (an
 *   exact phrase of its bigrams, or a one-character prefix); a project must
 *   match every run. Projects whose name contains the query come first (a
 *   match at a position below TITLE_POSITIONS is in the name), then the
 *   others in the project list's order.
 * - Ten results at a time; only their fragments are downloaded. The excerpt
 *   is rebuilt from the project's stream (its visible text) with the hits
 *   marked; Pagefind's own excerpt, which would show the pieces, is not used.
 * - pagefind.js, its worker and the index are loaded on the first search (or
 *   when the box gets focus); the filter menus on first opening.
 *
 * Everything is built with DOM methods (no innerHTML, no inline styles), so
 * the page works under a strict Content-Security-Policy.
 */
import {
  INDEX_LANGUAGE,
  TITLE_POSITIONS,
  decodeStream,
  highlight,
  queryParts,
  segmentsText,
  trimPieces,
  type Piece,
  type QueryPart,
} from '../lib/search-tokens';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  words: number[];
  data(): Promise<Fragment>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}

const PAGE_SIZE = 10;
const EXCERPT_LENGTH = 90;
const FILTER_KEYS = ['jurisdiction', 'year', 'kind', 'department'] as const;

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
/**
 * The Pagefind bundles to search, relative to the base ("pagefind/"; in a
 * sharded build one per shard: src/lib/shard.ts). Only folder names made of
 * letters, digits and dashes are taken.
 */
const bundles = ((): string[] => {
  try {
    const list = JSON.parse(document.querySelector<HTMLElement>('#search-title')?.dataset.bundles ?? '[]') as unknown;
    const ok = Array.isArray(list) ? list.filter((b): b is string => typeof b === 'string' && /^pagefind\/([a-z]+-[0-9x]+\/)?$/.test(b)) : [];
    return ok.length > 0 ? ok : ['pagefind/'];
  } catch {
    return ['pagefind/'];
  }
})();
const input = document.querySelector<HTMLInputElement>('#header-q')!;
const form = document.querySelector<HTMLFormElement>('#header-search')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const moreWrap = document.querySelector<HTMLElement>('#search-more-wrap')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const none = document.querySelector<HTMLElement>('#search-none')!;
const noneFilters = document.querySelector<HTMLElement>('#search-none-filters')!;
const noneCount = document.querySelector<HTMLElement>('#search-none-count')!;
const noneUnfiltered = document.querySelector<HTMLAnchorElement>('#search-none-unfiltered')!;
const filtersBox = document.querySelector<HTMLDetailsElement>('#search-filters')!;
const selects = Object.fromEntries(
  FILTER_KEYS.map((key) => [key, document.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`)!]),
) as Record<(typeof FILTER_KEYS)[number], HTMLSelectElement>;

let pagefindPromise: Promise<PagefindApi> | null = null;

/** pagefind.js and its index, loaded once. */
function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}${bundles[0]}pagefind.js`)) as PagefindApi;
    // Pagefind searches in its web worker (pagefind-worker.js): at 10,000 projects searching on the
    // main thread (noWorker) blocked it for longer in Lighthouse's mobile runs (TBT 2.4 s against 1.5 s).
    await pagefind.options({ baseUrl: base });
    // pagefind.js 1.5.2 takes its language from <html lang> when it starts (detectLanguage() in init()),
    // and for zh/ja/th it re-cuts every query with Intl.Segmenter, which would split our bigrams into
    // single characters. So it starts with the index's language (no segmentation), and the page's own
    // language is put back in the same task, before anything can render or read it.
    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    html.setAttribute('lang', INDEX_LANGUAGE);
    let started: Promise<void>;
    try {
      started = pagefind.init();
    } finally {
      if (lang === null) html.removeAttribute('lang');
      else html.setAttribute('lang', lang);
    }
    await started;
    // The other shards' indexes: searched with the first one's WebAssembly and language, results merged by score.
    for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(`${base}${bundle}`, { baseUrl: base });
    return pagefind;
  })();
  pagefindPromise.catch(() => {
    pagefindPromise = null;
  });
  return pagefindPromise;
}

interface Found {
  results: PagefindResult[];
  /** Results without the filters; only computed when there are filters and no results. */
  unfiltered: number | null;
}

/** Every project that contains every part of the query, name matches first. */
async function find(parts: QueryPart[], filters: Record<string, string>): Promise<Found> {
  const pagefind = await loadPagefind();
  if (parts.length === 0) {
    const all = await pagefind.search(null, { filters });
    return { results: all.results, unfiltered: null };
  }
  const searches = await Promise.all(parts.map((p) => pagefind.search(p.term, { filters })));
  const inTitle = new Map<string, number>();
  let keep: Set<string> | undefined;
  for (const s of searches) {
    const here = new Set<string>();
    for (const r of s.results) {
      here.add(r.id);
      if (r.words.some((w) => w < TITLE_POSITIONS)) inTitle.set(r.id, (inTitle.get(r.id) ?? 0) + 1);
    }
    const before: Set<string> | undefined = keep;
    keep = before ? new Set([...before].filter((id) => here.has(id))) : here;
  }
  keep ??= new Set<string>();
  const results = searches[0].results
    .filter((r) => keep.has(r.id))
    .map((r, i) => ({ r, i, t: inTitle.get(r.id) ?? 0 }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.r);
  let unfiltered: number | null = null;
  if (results.length === 0 && Object.keys(filters).length > 0) unfiltered = (await find(parts, {})).results.length;
  return { results, unfiltered };
}

function appendPieces(parent: HTMLElement, pieces: readonly Piece[]) {
  for (const p of pieces) {
    if (p.mark) {
      const mark = document.createElement('mark');
      mark.textContent = p.text;
      parent.append(mark);
    } else parent.append(p.text);
  }
}

/** The excerpt: the first field after the name that contains a hit, else the goal. */
function excerptPieces(fragment: Fragment, parts: QueryPart[]): Piece[] {
  const fields = decodeStream(fragment.content).filter((f) => f.start >= TITLE_POSITIONS);
  for (const field of fields) {
    const pieces = highlight(segmentsText(field.segments), parts);
    if (pieces.some((p) => p.mark)) return trimPieces(pieces, EXCERPT_LENGTH);
  }
  // A match in the name only: the start of the goal (the first field).
  return fields[0] ? trimPieces([{ text: segmentsText(fields[0].segments), mark: false }], EXCERPT_LENGTH) : [];
}

function resultItem(fragment: Fragment, parts: QueryPart[]): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = fragment.url;
  appendPieces(link, highlight(fragment.meta.title ?? fragment.url, parts));
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'muted result-meta';
  const f = (k: string) => fragment.filters[k]?.[0];
  meta.textContent = [f('jurisdiction'), f('year') && `${f('year')}年`, f('kind'), f('budget')].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  appendPieces(excerpt, excerptPieces(fragment, parts));
  item.append(heading, meta, excerpt);
  return item;
}

function currentFilters(): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (selects[key].value) chosen[key] = selects[key].value;
  return chosen;
}

function searchUrl(q: string, filters: Record<string, string>): string {
  const query = new URLSearchParams({ ...(q ? { q } : {}), ...filters }).toString();
  return query ? `?${query}` : location.pathname;
}

let generation = 0;
let shown: { results: PagefindResult[]; parts: QueryPart[]; next: number } | null = null;

async function showMore(mine: number) {
  if (!shown) return;
  const { results, parts } = shown;
  const page = results.slice(shown.next, shown.next + PAGE_SIZE);
  const fragments = await Promise.all(page.map((r) => r.data()));
  if (mine !== generation) return;
  list.append(...fragments.map((f) => resultItem(f, parts)));
  shown.next += page.length;
  moreWrap.hidden = shown.next >= results.length;
}

async function run() {
  const mine = ++generation;
  const q = input.value.trim();
  const filters = currentFilters();
  history.replaceState(null, '', searchUrl(q, filters));
  const parts = queryParts(q);
  none.hidden = true;
  moreWrap.hidden = true;
  if (parts.length === 0 && Object.keys(filters).length === 0) {
    status.textContent = q ? `“${q}”中没有可以搜索的文字或数字。` : '';
    list.replaceChildren();
    shown = null;
    return;
  }
  status.textContent = '正在搜索……';
  let found: Found;
  try {
    found = await find(parts, filters);
  } catch (error) {
    if (mine === generation) status.textContent = '搜索索引未能加载，请稍后再试。';
    throw error;
  }
  if (mine !== generation) return;
  const n = found.results.length;
  list.replaceChildren();
  shown = { results: found.results, parts, next: 0 };
  if (n === 0) {
    status.textContent = q ? `没有项目含有“${q}”${Object.keys(filters).length ? '（在所选筛选条件下）' : ''}。` : '没有符合筛选条件的项目。';
    noneFilters.hidden = !found.unfiltered;
    if (found.unfiltered) {
      noneCount.textContent = String(found.unfiltered);
      noneUnfiltered.href = `${location.pathname}${searchUrl(q, {})}`;
    }
    none.hidden = false;
    return;
  }
  await showMore(mine);
  // Said once the first results are on the page, so that a screen reader hears it with them.
  if (mine === generation) status.textContent = q ? `${n} 个项目含有“${q}”${n > PAGE_SIZE ? `，先显示 ${PAGE_SIZE} 个` : ''}。` : `${n} 个项目符合筛选条件。`;
}

let menusLoaded: Promise<void> | null = null;

/** Fill the filter menus with every value and its number of projects (search/filters.json). */
function loadMenus(): Promise<void> {
  menusLoaded ??= (async () => {
    const response = await fetch(`${base}search/filters.json`);
    if (!response.ok) throw new Error(`filters.json: HTTP ${response.status}`);
    const menus = (await response.json()) as Record<string, [string, number][]>;
    for (const key of FILTER_KEYS) {
      const select = selects[key];
      const chosen = select.value;
      select.replaceChildren(new Option('全部', ''), ...(menus[key] ?? []).map(([value, n]) => new Option(`${value}（${n}）`, value)));
      select.value = chosen;
    }
  })();
  menusLoaded.catch(() => {
    menusLoaded = null;
  });
  return menusLoaded;
}

// Start from the URL: the query in the box, chosen filters as the menus' selected values.
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const key of FILTER_KEYS) {
  const value = params.get(key);
  if (!value) continue;
  selects[key].add(new Option(value, value));
  selects[key].value = value;
  filtersBox.open = true;
}

filtersBox.addEventListener('toggle', () => {
  if (filtersBox.open) void loadMenus();
});
if (filtersBox.open) void loadMenus();

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 250);
});
input.addEventListener('focus', () => void loadPagefind(), { once: true });
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  void run();
});
for (const select of Object.values(selects)) select.addEventListener('change', () => void run());
more.addEventListener('click', () => void showMore(generation));

void run();
