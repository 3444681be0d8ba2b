/**
 * The comparison builder in the browser (src/pages/compare/index.astro).
 * Reads compare/data/index.json, builds the jurisdiction checkboxes (grouped
 * by province, with a search field), and for a selection loads only the
 * per-jurisdiction-year files it covers (compare/data/<code>-<year>.json),
 * then renders the projects grouped by category with subtotals and the
 * jurisdiction × year totals. The selection lives in the URL (?j=…&y=…&c=…).
 * Every text from the data goes in through textContent, never as HTML.
 */
import { fenToYuan, formatWan, toFen } from '../domain/money';
import type { BuilderFile, BuilderIndex, BuilderProject } from '../lib/compare-data';
import { parseSelection, selectionQuery, type Selection } from '../lib/select-query';

const keys = ['j', 'y', 'c'] as const;
/** Groups stay open when there are at most this many jurisdictions. */
const OPEN_ALL = 40;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A budget in yuan (exact to the fen) as integer fen, so sums stay exact. */
const fen = (b: number | null) => (b === null ? 0n : toFen(b));

export async function startBuilder(form: HTMLFormElement): Promise<void> {
  const results = document.querySelector<HTMLElement>('#compare-results')!;
  const sectionsBox = document.querySelector<HTMLElement>('#compare-sections')!;
  const summary = document.querySelector<HTMLElement>('#compare-summary')!;
  const empty = document.querySelector<HTMLElement>('#compare-empty')!;
  const tooMany = document.querySelector<HTMLElement>('#compare-too-many')!;
  const totals = document.querySelector<HTMLElement>('#compare-totals-box')!;
  const totalsBody = document.querySelector<HTMLElement>('#compare-totals tbody')!;
  const totalsFoot = document.querySelector<HTMLElement>('#compare-totals tfoot tr')!;
  const share = document.querySelector<HTMLElement>('#compare-share');
  const shareInput = document.querySelector<HTMLInputElement>('#compare-url');
  const search = document.querySelector<HTMLInputElement>('#j-search');
  const groupsBox = document.querySelector<HTMLElement>('#j-groups')!;
  const { index: indexUrl, files: filesUrl, projects: projectsUrl, categories: categoriesUrl } = form.dataset;

  const loaded = new Map<string, Promise<BuilderFile>>();
  const load = (file: string) => {
    let p = loaded.get(file);
    if (!p) {
      p = fetch(`${filesUrl}${file}.json`).then((r) => {
        if (!r.ok) throw new Error(`${file}.json: HTTP ${r.status}`);
        return r.json() as Promise<BuilderFile>;
      });
      p.catch(() => loaded.delete(file));
      loaded.set(file, p);
    }
    return p;
  };

  let index: BuilderIndex;
  try {
    const r = await fetch(indexUrl!);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    index = (await r.json()) as BuilderIndex;
  } catch (err) {
    summary.hidden = false;
    summary.textContent = `比较数据未能载入（${(err as Error).message}）。请稍后重试，或使用下方的现成比较。`;
    return;
  }

  // The jurisdiction checkboxes, grouped by province.
  const wanted = parseSelection(location.search);
  const byProvince = new Map<string, { name: string; items: BuilderIndex['jurisdictions'] }>();
  for (const j of index.jurisdictions) {
    const g = byProvince.get(j.province) ?? { name: j.provinceName, items: [] };
    g.items.push(j);
    byProvince.set(j.province, g);
  }
  const groups: HTMLDetailsElement[] = [];
  for (const [code, g] of byProvince) {
    const list = el('div', { class: 'j-list' });
    for (const j of g.items) {
      const box = el('input', { type: 'checkbox', name: 'j', value: j.code });
      box.checked = wanted.j.includes(j.code);
      list.append(el('label', {}, box, ` ${j.name}`));
    }
    const details = el('details', { class: 'j-group', 'data-province': code }, el('summary', {}, g.name, el('span', { class: 'muted' }, `（${g.items.length} 个辖区）`)), list);
    details.open = index.jurisdictions.length <= OPEN_ALL || g.items.some((j) => wanted.j.includes(j.code));
    groups.push(details);
  }
  groupsBox.replaceChildren(...groups);

  function boxes(key: string): HTMLInputElement[] {
    return [...form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${key}"]`)];
  }
  for (const k of ['y', 'c'] as const) for (const b of boxes(k)) b.checked = wanted[k].includes(b.value);

  search?.addEventListener('input', () => {
    const q = search.value.trim();
    for (const d of groups) {
      let any = false;
      for (const label of d.querySelectorAll('label')) {
        const match = !q || (label.textContent ?? '').includes(q) || (label.querySelector('input')?.value ?? '').startsWith(q);
        label.hidden = !match;
        any ||= match;
      }
      d.hidden = !any;
      if (q) d.open = any;
    }
  });

  function current(): Selection {
    const s: Selection = { j: [], y: [], c: [] };
    for (const k of keys) s[k] = boxes(k).filter((b) => b.checked).map((b) => b.value);
    return s;
  }

  function labels(key: string, values: string[]): string {
    if (!values.length) return '全部';
    return boxes(key)
      .filter((b) => values.includes(b.value))
      .map((b) => b.parentElement?.textContent?.trim() ?? b.value)
      .join('、');
  }

  const catLabel = new Map(index.categories.map((c) => [c.slug, c.label]));

  function row(p: BuilderProject, f: BuilderFile): HTMLTableRowElement {
    const tr = el('tr', { 'data-j': f.j, 'data-y': f.y === null ? '' : String(f.y), 'data-budget': p.b === null ? '' : String(p.b), 'data-id': p.id });
    tr.append(
      el('td', { class: 'nowrap c-place' }, f.place),
      el('td', { class: 'c-name' }, el('a', { href: `${projectsUrl}${p.id}/` }, p.name)),
      el('td', { class: 'nowrap c-kind' }, el('span', { class: `badge ${p.kind}` }, index.kinds[p.kind] ?? p.kind)),
      el('td', { class: 'num c-budget' }, formatWan(p.b)),
      el('td', { class: 'num c-count', 'data-label': '指标数' }, String(p.n)),
      el('td', { class: 'small c-sat', 'data-label': '满意度目标' }, p.s),
      el('td', { class: 'num c-exec', 'data-label': '执行率 / 自评分' }, p.e),
    );
    return tr;
  }

  function section(slug: string, rows: { p: BuilderProject; f: BuilderFile }[]): HTMLElement {
    const label = catLabel.get(slug) ?? slug;
    const head = el('tr');
    for (const [text, cls] of [['辖区 · 年度', ''], ['项目', ''], ['类型', ''], ['预算', 'num'], ['指标数', 'num'], ['满意度目标', ''], ['执行率 / 自评分', 'num']]) head.append(el('th', cls ? { scope: 'col', class: cls } : { scope: 'col' }, text));
    const sub = rows.reduce((a, r) => a + fen(r.p.b), 0n);
    const foot = el('tr', {}, el('th', { scope: 'row', colspan: '3' }, '小计（', el('span', { 'data-count': '' }, String(rows.length)), ' 个项目）'), el('td', { class: 'num c-budget', 'data-subtotal': '' }, formatWan(fenToYuan(sub))), el('td', { colspan: '3' }));
    const table = el('table', { class: 'compare-table stack' }, el('caption', { class: 'visually-hidden' }, `${label}：所选项目`), el('thead', {}, head), el('tbody', {}, ...rows.map((r) => row(r.p, r.f))), el('tfoot', {}, foot));
    return el(
      'section',
      { class: 'compare-category', 'data-category': slug, 'aria-labelledby': `cat-${slug}` },
      el('h2', { id: `cat-${slug}` }, el('a', { href: `${categoriesUrl}${slug}/` }, label)),
      el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': `${label}：所选项目` }, table),
    );
  }

  let generation = 0;
  async function apply(updateUrl: boolean) {
    const s = current();
    const query = selectionQuery(s);
    if (updateUrl) history.replaceState(null, '', query ? `?${query}` : location.pathname);
    if (shareInput && share) {
      shareInput.value = location.href;
      share.hidden = false;
    }
    const mine = ++generation;
    results.dataset.state = 'loading';
    // A project without an identified jurisdiction is in the selection only when no jurisdiction is chosen ("all").
    const files = index.files.filter((f) => (s.j.length ? s.j.includes(f.j) : true) && (!s.y.length || s.y.includes(f.y === null ? '' : String(f.y))));
    const covered = files.reduce((a, f) => a + f.count, 0);
    const what = `辖区：${labels('j', s.j)}；年度：${labels('y', s.y)}；类别：${labels('c', s.c)}。`;
    summary.hidden = false;
    if (covered > index.maxProjects) {
      sectionsBox.replaceChildren();
      empty.hidden = true;
      totals.hidden = true;
      tooMany.hidden = false;
      tooMany.textContent = `所选辖区和年度共有 ${covered} 个项目，超过一次列出的上限（${index.maxProjects} 个）。请少选几个辖区或年度；各辖区、年度的合计见预算矩阵。`;
      summary.textContent = `${what}范围过大，未列出项目。`;
      results.dataset.state = 'ready';
      return;
    }
    tooMany.hidden = true;
    let data: BuilderFile[];
    try {
      data = await Promise.all(files.map((f) => load(f.file)));
    } catch (err) {
      if (mine !== generation) return;
      summary.textContent = `${what}数据未能载入（${(err as Error).message}），请重试。`;
      results.dataset.state = 'error';
      return;
    }
    if (mine !== generation) return;
    const rows = data.flatMap((f) => f.projects.filter((p) => !s.c.length || s.c.includes(p.c)).map((p) => ({ p, f })));
    rows.sort((a, b) => a.p.o - b.p.o);
    const sections = index.categories.map((c) => section(c.slug, rows.filter((r) => r.p.c === c.slug))).filter((sec) => sec.querySelector('tbody tr'));
    sectionsBox.replaceChildren(...sections);
    const totalFen = rows.reduce((a, r) => a + fen(r.p.b), 0n);
    totalsBody.replaceChildren(
      ...data.flatMap((f) => {
        const mineRows = rows.filter((r) => r.f === f);
        if (!mineRows.length) return [];
        return [
          el(
            'tr',
            { 'data-j': f.j, 'data-y': f.y === null ? '' : String(f.y) },
            el('th', { scope: 'row' }, f.place),
            el('td', { class: 'num', 'data-count': '' }, String(mineRows.length)),
            el('td', { class: 'num', 'data-total': '' }, formatWan(fenToYuan(mineRows.reduce((a, r) => a + fen(r.p.b), 0n)))),
          ),
        ];
      }),
    );
    totalsFoot.querySelector('[data-count]')!.textContent = String(rows.length);
    totalsFoot.querySelector('[data-total]')!.textContent = formatWan(fenToYuan(totalFen));
    totals.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
    summary.textContent = `${what}显示 ${rows.length} 个项目，预算合计 ${formatWan(fenToYuan(totalFen))}。`;
    results.dataset.state = 'ready';
  }

  form.hidden = false;
  results.hidden = false;
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).id !== 'j-search') void apply(true);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply(true);
  });
  document.querySelector('#compare-clear')?.addEventListener('click', (e) => {
    e.preventDefault();
    for (const k of keys) for (const b of boxes(k)) b.checked = false;
    void apply(true);
  });
  shareInput?.addEventListener('focus', () => shareInput.select());
  // Canonicalize a submitted form's j=a&j=b into j=a,b, keep a shared URL as it is.
  await apply(location.search !== '' && location.search !== `?${selectionQuery(wanted)}`);
}
