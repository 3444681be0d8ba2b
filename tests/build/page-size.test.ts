/**
 * Bounded output: the site built from synthetic records (scripts/synthetic-records.ts)
 * with a small page size (LIST_PAGE_SIZE=10), so that 300 records give lists of
 * many pages — the unpaginated lists would hold 300 rows (≈ 300 KB for
 * /projects/, over 1 MB for /checks/). Asserts: no HTML page over 300 KB
 * (the comparison pages included), every list page
 * far under what a full list takes, every project on exactly the expected
 * page of each list it belongs to, and every pager link resolves.
 * The expected memberships are derived from the records themselves.
 *
 * Project pages: under 40 KB for every record of the realistic sizes — the
 * synthetic records are clones of every real record (up to 45 indicators and a
 * 206-line source passage), as are the bench's at any N. One more record, the
 * worst case, is added: the largest table repeated to BIG_INDICATORS indicators
 * with a whole 250-line document as its passage. A project page shows its whole
 * table and passage (nothing is cut or moved to another page), so its size follows
 * the table's: it is asserted under the 300 KB of every page, and within
 * PER_INDICATOR bytes for each indicator past the largest real table (docs/scale.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { divisionChain } from '../../src/domain/places';
import { unitCosts } from '../../src/compare/unitCosts';
import { compareDefault } from '../../src/lib/facets';
import { ProjectRecord } from '../../src/schema/record';
import { recordId } from '../../scripts/synthetic-records';

const N = 300;
const PAGE = 10;
const KB = 1024;
const PAGE_LIMIT = 300 * KB;
/** A page of 10 list rows, with the frame: far under the 300+ rows a full list of N would carry. */
const LIST_PAGE_LIMIT = 60 * KB;
/** Every project page of a record of the realistic sizes (see above). */
const PROJECT_PAGE_LIMIT = 40 * KB;
/** The worst case: a table of this many indicators (the largest published so far has 45). */
const BIG_INDICATORS = 200;
/** What each indicator past the largest real table may add to its page: its row, a flag marker, its source line(s), its bar in the cost chart. */
const PER_INDICATOR = 0.8 * KB;

const tmp = mkdtempSync(path.join(tmpdir(), 'site-pages-'));
const recordsDir = path.join(tmp, 'records');
const out = path.join(tmp, 'out');
let records: ProjectRecord[] = [];
let bigId = '';
const html = new Map<string, string>(); // "projects/page/2/index.html" → text

function run(cmd: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
  const child = spawn(cmd, args, { env: { ...clean, ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

function walk(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, r)).isDirectory() ? walk(dir, r) : [r];
  });
}

beforeAll(async () => {
  const gen = await run(path.resolve('node_modules/.bin/tsx'), ['scripts/synthetic-records.ts', '--projects', String(N), '--jurisdictions', '20', '--out', recordsDir], {});
  expect(gen.status, gen.output).toBe(0);
  const read = () =>
    readdirSync(recordsDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(recordsDir, f), 'utf8')) as ProjectRecord);
  // The worst case: the clone with the most indicators, its table repeated to BIG_INDICATORS rows, its passage a whole document.
  const largest = read().sort((a, b) => b.indicators.length - a.indicators.length || a.id.localeCompare(b.id))[0];
  const big = structuredClone(largest);
  big.name = `${largest.name}（${BIG_INDICATORS} 项指标）`;
  big.indicators = Array.from({ length: BIG_INDICATORS }, (_, i) => {
    const indicator = structuredClone(largest.indicators[i % largest.indicators.length]);
    return { ...indicator, name: `${indicator.name}（${Math.floor(i / largest.indicators.length) + 1}）` };
  });
  const documentLines = readFileSync(path.join('data/sources', largest.source.file), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').length;
  big.source = { file: largest.source.file, lines: [1, documentLines] };
  big.unparsed = [];
  big.id = recordId(big);
  bigId = big.id;
  writeFileSync(path.join(recordsDir, `${big.id}.json`), JSON.stringify(ProjectRecord.parse(big)));
  records = read();
  const b = await run(path.resolve('node_modules/.bin/astro'), ['build'], { NODE_ENV: 'production', BASE_PATH: '/', RECORDS_DIR: recordsDir, OUT_DIR: out, LIST_PAGE_SIZE: String(PAGE) });
  expect(b.status, b.output.slice(-3000)).toBe(0);
  for (const f of walk(out).filter((f) => f.endsWith('.html'))) html.set(f, readFileSync(path.join(out, f), 'utf8'));
}, 240_000);

afterAll(() => {
  if (process.env.KEEP_PAGE_SIZE_BUILD) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  // A build with OUT_DIR outside the project removes ./.astro/ (types included); restore them for tsc.
  spawnSync(path.resolve('node_modules/.bin/astro'), ['sync'], { stdio: 'ignore' });
}, 60_000);

const size = (f: string) => Buffer.byteLength(html.get(f)!);
const file = (url: string) => `${url.replace(/^\//, '')}index.html`;
/** The pages of a list whose page 1 is at `url` ("/projects/"), in order, as files. */
function listPages(url: string): string[] {
  const pages = [file(url)];
  for (let n = 2; html.has(file(`${url}page/${n}/`)); n++) pages.push(file(`${url}page/${n}/`));
  return pages;
}
/** Project ids linked from the rows of a page's list tables. */
function rowIds(f: string): string[] {
  const text = html.get(f) ?? '';
  const tables = [...text.matchAll(/<tbody[\s\S]*?<\/tbody>/g)].map((m) => m[0]).join('');
  return [...tables.matchAll(/<td class="pt-name"[^>]*>\s*<a href="\/projects\/([^/"]+)\/"/g)].map((m) => m[1]);
}
const slug = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 10);

/** Every project of `expected` on exactly one page of the list, nothing else, and the list split into pages of PAGE rows. */
function expectList(url: string, expected: ProjectRecord[]) {
  const pages = listPages(url);
  expect(pages.length, url).toBe(Math.max(1, Math.ceil(expected.length / PAGE)));
  const seen = pages.flatMap(rowIds);
  expect([...seen].sort(), url).toEqual(expected.map((r) => r.id).sort());
  for (const p of pages) expect(rowIds(p).length, p).toBeLessThanOrEqual(PAGE);
}

describe(`the site built from ${N} synthetic records, ${PAGE} rows a page`, () => {
  it(`has no HTML page over ${PAGE_LIMIT / KB} KB, and project pages under ${PROJECT_PAGE_LIMIT / KB} KB`, () => {
    expect(html.size).toBeGreaterThan(N);
    const over = [...html.keys()].filter((f) => size(f) > PAGE_LIMIT);
    expect(over).toEqual([]);
    const projects = [...html.keys()].filter((f) => /^projects\/[^/]+-[0-9a-f]{8}\/index\.html$/.test(f));
    expect(projects.length).toBe(N + 1);
    const realistic = projects.filter((f) => f !== file(`/projects/${bigId}/`));
    expect(realistic.length).toBe(N);
    expect(realistic.filter((f) => size(f) > PROJECT_PAGE_LIMIT).map((f) => `${f} ${size(f)}`)).toEqual([]);
    const largest = realistic.reduce((a, b) => (size(b) > size(a) ? b : a));
    console.log(`largest project page of the realistic records: ${(size(largest) / KB).toFixed(1)} KB, ${largest}`);
  });

  it(`a record of ${BIG_INDICATORS} indicators: one page with its whole table, within ${PER_INDICATOR / KB} KB an indicator past the largest real table`, () => {
    const largestReal = Math.max(...records.filter((r) => r.id !== bigId).map((r) => r.indicators.length));
    const page = html.get(file(`/projects/${bigId}/`))!;
    const big = records.find((r) => r.id === bigId)!;
    // The whole table: a row, with its name, for every indicator, and every line of the passage.
    expect(page.match(/<td class="name">/g)?.length).toBe(BIG_INDICATORS);
    const escaped = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    for (const indicator of big.indicators) expect(page).toContain(`<td class="name">${escaped(indicator.name)}`);
    expect(page.match(/<li><a id="L\d+"/g)?.length).toBe(big.source.lines[1]);
    const bytes = Buffer.byteLength(page);
    console.log(`project page of ${BIG_INDICATORS} indicators and ${big.source.lines[1]} source lines: ${(bytes / KB).toFixed(1)} KB`);
    expect(bytes).toBeLessThan(PAGE_LIMIT);
    expect(bytes).toBeLessThan(PROJECT_PAGE_LIMIT + (BIG_INDICATORS - largestReal) * PER_INDICATOR);
  });

  // Not the home page (bounded by provinces × years, not by rows) nor a source document's page 1 (it carries the document's text).
  it(`keeps every list page under ${LIST_PAGE_LIMIT / KB} KB`, () => {
    const lists = [...html.keys()].filter((f) => /^(projects\/(page|sort)|years|kinds|departments|jurisdictions|checks|categories|sources\/[^/]+\/page)\//.test(f));
    expect(lists.length).toBeGreaterThan(100);
    expect(lists.filter((f) => size(f) > LIST_PAGE_LIMIT).map((f) => `${f} ${size(f)}`)).toEqual([]);
  });

  it('lists every project on exactly the expected page of each list it belongs to', () => {
    expectList('/projects/', records);
    for (const sort of ['year-desc', 'budget-desc', 'budget-asc', 'name']) expectList(`/projects/sort/${sort}/`, records);
    for (const kind of ['target', 'self-evaluation'] as const) expectList(`/kinds/${kind}/`, records.filter((r) => r.kind === kind));
    for (const year of new Set(records.map((r) => r.year).filter((y) => y !== null))) expectList(`/years/${year}/`, records.filter((r) => r.year === year));
    for (const name of new Set(records.map((r) => r.department?.name).filter((n) => n !== undefined)))
      expectList(`/departments/${slug(name)}/`, records.filter((r) => r.department?.name === name));
    const under = new Map<string, ProjectRecord[]>();
    for (const r of records) for (const d of divisionChain(r.jurisdiction.code!)) under.set(d.code, [...(under.get(d.code) ?? []), r]);
    expect(under.size).toBeGreaterThan(20);
    for (const [code, rs] of under) expectList(`/jurisdictions/${code}/`, rs);
  });

  it('splits /projects/ in the default order: page n holds rows (n−1)·10 … n·10−1', () => {
    const pages = listPages('/projects/');
    const order = pages.flatMap(rowIds);
    expect(new Set(order).size).toBe(records.length);
    expect(pages.length).toBe(Math.ceil(records.length / PAGE));
  });

  it('every pager link resolves to a built page, and each pager marks its own page', () => {
    let navs = 0;
    for (const [f, text] of html) {
      for (const nav of text.matchAll(/<nav class="pager[^"]*"[^>]*>([\s\S]*?)<\/nav>/g)) {
        navs++;
        for (const m of nav[1].matchAll(/href="([^"]+)"/g)) expect(existsSync(path.join(out, file(m[1]))), `${f} → ${m[1]}`).toBe(true);
        const current = [...nav[1].matchAll(/href="([^"]+)" aria-current="page"/g)].map((m) => file(m[1]));
        expect(current, f).toEqual([f]);
      }
    }
    expect(navs).toBeGreaterThan(50);
  });

  it('/checks/ carries the counts, not every flag, once the flags outnumber what fits', () => {
    const checks = html.get('checks/index.html')!;
    expect(checks).not.toMatch(/class="check-group /);
    const flagged = [...html.keys()].filter((f) => /^checks\/[A-Z_]+\/page\/2\/index\.html$/.test(f));
    expect(flagged.length).toBeGreaterThan(0);
  });

  describe('the comparison pages', () => {
    const key = (r: ProjectRecord) => `${r.jurisdiction.code ?? 'x'}-${r.year ?? 'x'}`;
    const groupBy = <T,>(rs: ProjectRecord[], f: (r: ProjectRecord) => T) => {
      const m = new Map<T, ProjectRecord[]>();
      for (const r of rs) m.set(f(r), [...(m.get(f(r)) ?? []), r]);
      return m;
    };
    const provinceOf = (r: ProjectRecord) => divisionChain(r.jurisdiction.code!)[0].code;
    /** The rows of a matrix's pages: "code|year" → project count, each row on exactly one page. */
    function matrixRows(url: string): Map<string, number> {
      const rows = new Map<string, number>();
      for (const p of listPages(url)) {
        const onPage = [...html.get(p)!.matchAll(/<tr data-row="([^"]*)" data-count="(\d+)"/g)];
        expect(onPage.length, p).toBeLessThanOrEqual(PAGE);
        for (const m of onPage) {
          expect(rows.has(m[1]), `${m[1]} twice in ${url}`).toBe(false);
          rows.set(m[1], Number(m[2]));
        }
      }
      return rows;
    }
    const counts = (g: Map<string, ProjectRecord[]>) => new Map([...g].map(([k, rs]) => [k, rs.length]));

    it('the builder page carries no project; each record is in exactly its jurisdiction-year file, listed in the index', () => {
      const builder = html.get('compare/index.html')!;
      for (const r of records) expect(builder).not.toContain(r.id);
      const index = JSON.parse(readFileSync(path.join(out, 'compare/data/index.json'), 'utf8')) as { files: { file: string; count: number }[]; jurisdictions: { code: string }[] };
      const expected = groupBy(records, key);
      expect(new Map(index.files.map((f) => [f.file, f.count]))).toEqual(counts(expected));
      expect(index.jurisdictions.map((j) => j.code).sort()).toEqual([...new Set(records.map((r) => r.jurisdiction.code!))].sort());
      const files = readdirSync(path.join(out, 'compare/data')).filter((f) => f !== 'index.json');
      expect(files.sort()).toEqual([...expected.keys()].map((k) => `${k}.json`).sort());
      for (const [k, rs] of expected) {
        const text = readFileSync(path.join(out, `compare/data/${k}.json`), 'utf8');
        expect(Buffer.byteLength(text), k).toBeLessThan(PAGE_LIMIT);
        const data = JSON.parse(text) as { j: string; y: number; projects: { id: string; name: string }[] };
        expect(data.projects.map((p) => p.id).sort(), k).toEqual(rs.map((r) => r.id).sort());
        expect(data.j).toBe(rs[0].jurisdiction.code);
        expect(data.y).toBe(rs[0].year);
      }
    });

    it('the matrix: provinces × years on paginated pages, each province its jurisdictions × years', () => {
      const byProvince = groupBy(records, provinceOf);
      const provinceRows = counts(groupBy(records, (r) => `${provinceOf(r)}|${r.year ?? ''}`));
      const rows = matrixRows('/compare/matrix/');
      expect(rows).toEqual(provinceRows);
      expect(listPages('/compare/matrix/').length).toBe(Math.ceil(provinceRows.size / PAGE));
      for (const [code, rs] of byProvince) {
        const own = counts(groupBy(rs, (r) => `${r.jurisdiction.code}|${r.year ?? ''}`));
        expect(matrixRows(`/compare/matrix/${code}/`), code).toEqual(own);
        expect(listPages(`/compare/matrix/${code}/`).length, code).toBe(Math.ceil(own.size / PAGE));
      }
      expect(Math.max(...[...byProvince.keys()].map((c) => listPages(`/compare/matrix/${c}/`).length))).toBeGreaterThan(1);
    });

    it('the unit costs: every one on exactly one page, in order, PAGE a page', () => {
      // In the site's order of records (src/lib/records.ts sorts them with compareDefault).
      const all = unitCosts([...records].sort(compareDefault));
      const expected = [...all.filter((u) => u.topic === '政府公报'), ...all.filter((u) => u.topic !== '政府公报')].map((u) => u.id);
      expect(expected.length).toBeGreaterThan(2 * PAGE);
      const pages = listPages('/compare/unit-costs/');
      expect(pages.length).toBe(Math.ceil(expected.length / PAGE));
      const seen = pages.flatMap((p) => [...html.get(p)!.matchAll(/<tr [^>]*data-id="([^"]+)"/g)].map((m) => m[1]));
      expect(seen).toEqual(expected);
    });

    it('across years: the jurisdictions paginated, and each jurisdiction’s projects on exactly its own pages', () => {
      const dated = records.filter((r) => r.year !== null);
      const byCode = groupBy(dated, (r) => r.jurisdiction.code!);
      const pages = listPages('/compare/years/');
      expect(pages.length).toBe(Math.ceil(byCode.size / PAGE));
      const codes = pages.flatMap((p) => [...html.get(p)!.matchAll(/<tr data-code="(\d{6}|x)"/g)].map((m) => m[1]));
      expect(codes.sort()).toEqual([...byCode.keys()].sort());
      let multiPage = 0;
      for (const [code, rs] of byCode) {
        const own = listPages(`/compare/years/${code}/`);
        if (own.length > 1) multiPage++;
        const ids = own.flatMap((p) => {
          const series = [...html.get(p)!.matchAll(/<tr data-ids="([^"]+)"/g)].map((m) => m[1].split(' '));
          expect(series.length, p).toBeLessThanOrEqual(PAGE);
          return series.flat();
        });
        expect(ids.sort(), code).toEqual(rs.map((r) => r.id).sort());
      }
      expect(multiPage).toBeGreaterThan(0);
    });
  });
});
