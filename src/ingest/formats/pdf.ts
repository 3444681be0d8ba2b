/**
 * Text PDFs: text with positions through pdfjs-dist (Mozilla's PDF.js, legacy
 * build for Node, run in a worker thread of its own: pdfWorker.mjs), rows and
 * columns rebuilt from coordinates.
 *
 * - A table is found from its ruling lines (the strokes and thin rectangles of
 *   the page's operator list): the distinct heights of its horizontal lines cut
 *   it into rows, the distinct positions of its vertical lines into columns, and
 *   two neighbouring grid cells with no line between them are one merged cell.
 *   Every text item falls into the cell under its centre; a cell's lines of text
 *   (a long 指标值 wrapped over several lines) are joined into the one cell.
 *   Each grid row renders as one line of tab-separated cells, a merged cell's
 *   text in its top-left cell and its continuation empty (as the HTML reader
 *   renders rowspan/colspan): 一级指标 printed once for its rows, wherever in
 *   its cell it is centred.
 * - Text outside ruled tables is grouped into lines by height (tolerance from
 *   the font size), ordered by x; a gap of two characters or more between two
 *   items is a cell boundary (a tab), a smaller one a space; a vertical gap
 *   larger than a blank line's, and a page break between paragraphs, is a blank
 *   line.
 * - Each rendered line is located by its page and its line on that page
 *   (1-based: a table row counts as one line).
 *
 * Refused: no %%EOF at the end (a cut-off download) or a file pdfjs cannot open
 * (INGEST_CORRUPT_FILE), a password to open it (INGEST_ENCRYPTED: PDF.js asks for
 * it; a PDF with only an owner password opens without one and is read), no text
 * layer on a page that shows an image (INGEST_PDF_NO_TEXT), a row broken by a page
 * break that cannot be joined with certainty (INGEST_PDF_BROKEN_ROW).
 */
import { Worker } from 'node:worker_threads';
import { IngestError } from '../errors.ts';
import type { Locator, RenderedDocument } from './types.ts';

/** PDF.js's operator numbers (OPS), as the worker sends them. */
type Ops = Record<string, number>;
interface RawPage {
  items: { str: string; transform: number[]; width: number; height: number }[];
  fnArray: number[];
  argsArray: unknown[];
}
type WorkerAnswer = { pages: RawPage[]; ops: Ops; strays: string[] } | { error: { name: string; message: string }; strays: string[] };

/** How long one PDF may take to read before it is refused (a file that makes PDF.js loop). */
export const PDF_TIMEOUT_MS = 120_000;

/** PDF.js reads the file in a worker thread (pdfWorker.mjs): its failures end that thread, not the importer. */
function extract(bytes: Uint8Array, file: string): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdfWorker.mjs', import.meta.url), { workerData: { bytes: new Uint8Array(bytes) } });
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () => finish(() => reject(new IngestError('INGEST_CORRUPT_FILE', file, null, `the PDF could not be read within ${PDF_TIMEOUT_MS / 1000} s: download it again from the publisher`))),
      PDF_TIMEOUT_MS,
    );
    worker.once('message', (answer: WorkerAnswer) => finish(() => resolve(answer)));
    worker.once('error', (e) => finish(() => resolve({ error: { name: e.name, message: e.message }, strays: [] })));
    worker.once('exit', (code) => finish(() => resolve({ error: { name: 'Error', message: `the reader stopped (exit ${code})` }, strays: [] })));
  });
}

/** A PDF ends with %%EOF (after its last update); a download cut off before it has lost its end. */
export function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

interface Item {
  str: string;
  x: number;
  y: number; // baseline, PDF user space (y grows upwards)
  w: number;
  h: number; // font size
}
interface HSeg { y: number; x0: number; x1: number }
interface VSeg { x: number; y0: number; y1: number }
type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Lines thinner than this (points) are rulings; rectangles of both sides larger are cell outlines. */
const THIN = 2;
/** Two rulings closer than this (points) are one. */
const SNAP = 2;

/** Ruling lines and whether the page paints images, from the page's operator list. */
function rulings(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Ops): { h: HSeg[]; v: VSeg[]; images: number } {
  const h: HSeg[] = [];
  const v: VSeg[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const segment = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) >= THIN) h.push({ y: (a[1] + b[1]) / 2, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) >= THIN) v.push({ x: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
  };
  let pending: (() => void) | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn !== OPS.constructPath && pending) {
      // A path is a ruling when painted (stroked or filled), not when it is only a clip (endPath).
      if (fn !== OPS.endPath) pending();
      pending = null;
    }
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) && (args[0] as number[]).length === 6) ctm = mul(args[0] as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageXObjectRepeat || fn === OPS.paintInlineImageXObjectGroup || fn === OPS.paintImageMaskXObject) images++;
    else if (fn === OPS.constructPath) {
      const [pathOps, coords] = args as [number[], number[]];
      const m = ctm;
      const prev = pending;
      pending = () => {
        prev?.();
        let k = 0;
        let start: [number, number] | null = null;
        let cur: [number, number] | null = null;
        for (const op of pathOps) {
          if (op === OPS.rectangle) {
            const [x, y, w, hh] = coords.slice(k, k + 4);
            k += 4;
            const p = [apply(m, x, y), apply(m, x + w, y), apply(m, x + w, y + hh), apply(m, x, y + hh)];
            const xs = p.map((q) => q[0]);
            const ys = p.map((q) => q[1]);
            const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
            if (y1 - y0 < THIN && x1 - x0 >= THIN) h.push({ y: (y0 + y1) / 2, x0, x1 });
            else if (x1 - x0 < THIN && y1 - y0 >= THIN) v.push({ x: (x0 + x1) / 2, y0, y1 });
            else if (x1 - x0 >= THIN && y1 - y0 >= THIN) {
              h.push({ y: y0, x0, x1 }, { y: y1, x0, x1 });
              v.push({ x: x0, y0, y1 }, { x: x1, y0, y1 });
            }
          } else if (op === OPS.moveTo) {
            cur = start = apply(m, coords[k], coords[k + 1]);
            k += 2;
          } else if (op === OPS.lineTo) {
            const next = apply(m, coords[k], coords[k + 1]);
            k += 2;
            if (cur) segment(cur, next);
            cur = next;
          } else if (op === OPS.curveTo) {
            cur = apply(m, coords[k + 4], coords[k + 5]);
            k += 6;
          } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
            cur = apply(m, coords[k + 2], coords[k + 3]);
            k += 4;
          } else if (op === OPS.closePath) {
            if (cur && start) segment(cur, start);
            cur = start;
          }
        }
      };
    }
  }
  if (pending) pending();
  return { h, v, images };
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
/**
 * A glyph drawn in another font inside a string: LibreOffice draws a Chinese line in
 * one string and a character of another font (a curly quote “ ”) by itself, and PDF.js
 * leaves a space in the string where it goes. Ordered by x, the character would follow
 * the whole string (“互联网+政务建设工作。”): it is put back into that space when the
 * string is otherwise Chinese (each character one font size wide, so the space's place
 * is known) and the space is where the character starts.
 */
function placeDrawnInside(items: Item[]): void {
  for (let i = 0; i < items.length; i++) {
    const b = items[i];
    if (b.str.trim() === '' || /\s/.test(b.str)) continue;
    const a = items.find((a) => a !== b && /\S\s+\S/.test(a.str) && Math.abs(a.y - b.y) < 0.5 * a.h && b.x > a.x + 0.5 && b.x + b.w <= a.x + a.w + 0.5);
    if (!a) continue;
    const chars = [...a.str];
    const spaces = chars.filter((c) => /\s/.test(c)).length;
    if (!chars.every((c) => /\s/.test(c) || WIDE.test(c))) continue;
    const space = (a.w - (chars.length - spaces) * a.h) / spaces;
    let x = a.x;
    const at = chars.findIndex((c) => {
      const here = Math.abs(x - b.x) < 0.25 * a.h && /\s/.test(c);
      x += /\s/.test(c) ? space : a.h;
      return here;
    });
    if (at <= 0) continue;
    chars.splice(at, 1, b.str);
    a.str = chars.join('');
    items.splice(i--, 1);
  }
}

/** Values closer than `tol` are one: the means of the clusters, ascending. */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

interface Table {
  top: number;
  bottom: number;
  left: number;
  right: number;
  ys: number[]; // descending: top of the table first
  xs: number[]; // ascending
  region: number[][]; // region[r][c]: the id of the merged cell that covers grid cell (r, c)
  items: Item[][]; // items[regionId]
}

/** Ruled tables: the connected groups of horizontal and vertical rulings that cross. */
function tables(h: HSeg[], v: VSeg[]): Table[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x >= a.x0 - SNAP && b.x <= a.x1 + SNAP && a.y >= b.y0 - SNAP && a.y <= b.y1 + SNAP) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]);
    else g.v.push(v[i - h.length]);
    groups.set(find(i), g);
  }
  const out: Table[] = [];
  for (const g of groups.values()) {
    const ys = cluster(g.h.map((s) => s.y), SNAP).reverse();
    const xs = cluster(g.v.map((s) => s.x), SNAP);
    if (ys.length < 2 || xs.length < 2) continue;
    const R = ys.length - 1;
    const C = xs.length - 1;
    const hasV = (x: number, y: number) => g.v.some((s) => Math.abs(s.x - x) <= SNAP && s.y0 - SNAP <= y && y <= s.y1 + SNAP);
    const hasH = (y: number, x: number) => g.h.some((s) => Math.abs(s.y - y) <= SNAP && s.x0 - SNAP <= x && x <= s.x1 + SNAP);
    const id = Array.from({ length: R * C }, (_, i) => i);
    const root = (i: number): number => (id[i] === i ? i : (id[i] = root(id[i])));
    const join = (a: number, b: number) => {
      const [ra, rb] = [root(a), root(b)];
      // The top-left grid cell (lowest index) names the merged cell.
      if (ra !== rb) id[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    for (let r = 0; r < R; r++)
      for (let c = 0; c < C; c++) {
        const midY = (ys[r] + ys[r + 1]) / 2;
        const midX = (xs[c] + xs[c + 1]) / 2;
        if (c + 1 < C && !hasV(xs[c + 1], midY)) join(r * C + c, r * C + c + 1);
        if (r + 1 < R && !hasH(ys[r + 1], midX)) join(r * C + c, (r + 1) * C + c);
      }
    const region = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => root(r * C + c)));
    out.push({ top: ys[0], bottom: ys[R], left: xs[0], right: xs[C], ys, xs, region, items: Array.from({ length: R * C }, () => []) });
  }
  return out;
}

/** Items → lines of text: grouped by baseline (tolerance from the font size), ordered by x. */
function lines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Item[][] = [];
  for (const it of sorted) {
    const line = out.at(-1);
    const size = Math.max(it.h, line?.[0].h ?? 0, 1);
    if (line && Math.abs(line[0].y - it.y) <= size * 0.5) line.push(it);
    else out.push([it]);
  }
  for (const l of out) l.sort((a, b) => a.x - b.x);
  return out;
}

/**
 * One line's items joined: a space where they are apart (more than 0.22 of the font
 * size: a space is a quarter or more, the gap LibreOffice leaves between Chinese and
 * Latin text a fifth), a tab (cell boundary) where the gap is two characters or more,
 * when `cells`.
 */
function joinLine(line: Item[], cells: boolean): string {
  let s = '';
  let end = -Infinity;
  for (const it of line) {
    const gap = it.x - end;
    const size = Math.max(it.h, 1);
    if (s !== '' && cells && gap >= size * 2) s = s.trimEnd() + '\t';
    else if (s !== '' && gap > size * 0.22 && !/\s$/.test(s)) s += ' ';
    s += it.str;
    end = Math.max(end, it.x + it.w);
  }
  // No space before Chinese closing punctuation: PDF.js makes one of the gap LibreOffice leaves after a digit drawn in another font (目标1 ：).
  return s.replace(/[ \u00a0]+(?=[，。、；：？！）》」』])/g, '');
}

const LATIN = /[A-Za-z]$/;
/** A cell's lines joined: wrapped Chinese text joins with nothing; two Latin words with a space. */
function cellText(items: Item[]): string {
  let s = '';
  for (const l of lines(items)) {
    const t = joinLine(l, false);
    if (s !== '' && LATIN.test(s) && /^[A-Za-z]/.test(t)) s += ' ';
    s += t;
  }
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

type Element = { top: number; kind: 'line'; items: Item[] } | { top: number; kind: 'table'; table: Table };

export async function renderPdf(bytes: Uint8Array, file: string): Promise<RenderedDocument> {
  if (!endsWithEof(bytes)) throw new IngestError('INGEST_CORRUPT_FILE', file, null, 'the PDF is cut off (no %%EOF at its end): download it again from the publisher');
  const answer = await extract(bytes, file);
  if ('error' in answer) throw mapError(answer.error, file);
  if (answer.strays.length > 0) throw new IngestError('INGEST_CORRUPT_FILE', file, null, `the PDF is damaged (${answer.strays[0]}): download it again from the publisher`);
  const out: string[] = [];
  const locators: Locator[] = [];
  let lastKind: Element['kind'] | null = null;
  let withText = 0;
  /** The last table row rendered. */
  let lastRow: Row | null = null;
  answer.pages.forEach((raw, index) => {
    const p = index + 1;
    const items: Item[] = [];
    for (const it of raw.items) {
      const [a, b, , d, e, f] = it.transform;
      if (Math.abs(b) > 0.01) continue; // rotated text (a stamp, a watermark) is not part of a table's rows
      items.push({ str: it.str, x: e, y: f, w: it.width, h: Math.abs(d) || Math.abs(a) || it.height });
    }
    const { h, v, images } = rulings(raw, answer.ops);
    if (items.some((it) => it.str.trim() !== '')) withText++;
    else if (images > 0)
      throw new IngestError('INGEST_PDF_NO_TEXT', file, null, `page ${p} is an image without a text layer (a scan): run OCR on the PDF (e.g. ocrmypdf) and import the result, or ask the publisher for the Word/HTML copy`);
    placeDrawnInside(items);
    const found = tables(h, v);
    const free: Item[] = [];
    for (const it of items) {
      // Items of only spaces are left out: PDF.js makes them of gaps as well as of spaces, and LibreOffice leaves gaps between Chinese and Latin text.
      if (it.str.trim() === '') continue;
      const cx = it.x + it.w / 2;
      const cy = it.y + it.h * 0.3;
      const t = found.find((t) => cx > t.left && cx < t.right && cy < t.top && cy > t.bottom);
      if (!t) {
        free.push(it);
        continue;
      }
      const r = t.ys.findIndex((y, i) => i + 1 < t.ys.length && cy <= y && cy >= t.ys[i + 1]);
      const c = t.xs.findIndex((x, i) => i + 1 < t.xs.length && cx >= x && cx <= t.xs[i + 1]);
      t.items[t.region[r][c]].push(it);
    }
    const elements: Element[] = [
      ...lines(free)
        .filter((l) => l.some((it) => it.str.trim() !== ''))
        .map((l) => ({ top: Math.max(...l.map((it) => it.y + it.h * 0.8)), kind: 'line' as const, items: l })),
      ...found.map((t) => ({ top: t.top, kind: 'table' as const, table: t })),
    ].sort((a, b) => b.top - a.top);
    let line = 0;
    // A table at the top of a page continues the table the previous page ended with (nothing between them).
    if (!(lastKind === 'table' && elements[0]?.kind === 'table')) lastRow = null;
    let prevBaseline: number | null = null;
    let prevSize = 0;
    for (const el of elements) {
      if (el.kind === 'line') {
        const size = Math.max(...el.items.map((it) => it.h));
        const gap = prevBaseline === null ? 0 : prevBaseline - el.items[0].y;
        // A blank line: more than a blank line's height between two lines of text, or a page break between paragraphs.
        if ((lastKind === 'line' && prevBaseline === null) || (prevBaseline !== null && gap > Math.max(size, prevSize) * 2)) {
          out.push('');
          locators.push({ page: p, line: ++line });
        }
        out.push(joinLine(el.items, true).trim());
        locators.push({ page: p, line: ++line });
        prevBaseline = el.items[0].y;
        prevSize = size;
      } else {
        const t = el.table;
        for (let r = 0; r < t.region.length; r++) {
          const cells = t.region[r].map((id, c) => (id === r * t.region[r].length + c ? cellText(t.items[id]) : ''));
          // The first row of a table part at the top of a page may be the rest of the row the previous page ended with.
          const right = t.region[r].map((id, c) => t.xs[t.region[r].lastIndexOf(id) + 1] ?? t.xs[c + 1]);
          const row: Row = { index: out.length, page: p, line: line + 1, xs: t.xs, right, cells, items: t.region[r].map((id, c) => (id === r * t.region[r].length + c ? t.items[id] : [])) };
          const split = r === 0 && lastRow && el === elements[0] ? splitRow(lastRow, row, file) : null;
          if (lastRow && split) {
            lastRow.cells = lastRow.cells.map((prev, c) => (split.has(c) ? joinWrapped(prev, cells[split.get(c)!]) : prev));
            out[lastRow.index] = lastRow.cells.join('\t');
            // Its geometry is the previous page's: a row running over two page breaks is not joined twice.
            lastRow = null;
            continue;
          }
          out.push(cells.join('\t'));
          locators.push({ page: p, line: ++line });
          lastRow = row;
        }
        prevBaseline = null;
      }
      lastKind = el.kind;
    }
  });
  if (withText === 0)
    throw new IngestError('INGEST_PDF_NO_TEXT', file, null, 'the PDF has no text layer (a scan): run OCR on it (e.g. ocrmypdf) and import the result, or ask the publisher for the Word/HTML copy');
  return { format: 'pdf', text: out.join('\n') + '\n', locators };
}

/**
 * A row split by a page break (Word and LibreOffice let a row break across pages;
 * LibreOffice closes each part with a ruling line, so the lines alone do not tell
 * it from a new row). The first row of a table part at the top of a page is the
 * rest of the row the previous page ended with only when:
 *
 * - its shape is a continuation's: the next page's table has the same left edge,
 *   and the row holds text only in cells that had text at the end of the previous
 *   page (cells matched by their left and right edges: the two parts' grids may
 *   differ), while another cell that had text is empty (the long cells ran over,
 *   the short ones ended);
 * - the geometry says that each of those cells ran over: the last line of the cell
 *   above is full, the first word of the continuation (a Chinese character with the
 *   punctuation that may not start a line, or a Latin word) does not fit after it
 *   within the cell, its padding kept (the text was wrapped there, not ended);
 * - none of its text starts with a number or a comparator.
 *
 * A row of another shape, or whose cells above had room for the next word, is a
 * row of its own. A continuation in shape and geometry whose text starts with a
 * number (`≥1人` above, `100%` below) is refused: glued it could make one value of
 * two, kept apart it could make an indicator of a value's rest.
 */
function splitRow(prev: Row, next: Row, file: string): Map<number, number> | null {
  const { xs, cells } = next;
  if (Math.abs(prev.xs[0] - xs[0]) > SNAP) return null;
  // Each cell of the new part is the cell of the previous part with the same left and right edges.
  const column = new Map<number, number>();
  for (let c = 0; c < cells.length; c++) {
    const p = prev.cells.findIndex((_, i) => Math.abs(prev.xs[i] - xs[c]) <= SNAP && Math.abs(prev.right[i] - next.right[c]) <= SNAP);
    if (p >= 0) column.set(c, p);
  }
  const filled = cells.map((_, i) => i).filter((i) => cells[i] !== '');
  if (filled.length === 0) return null;
  if (!filled.every((i) => column.has(i) && prev.cells[column.get(i)!] !== '')) return null;
  const continued = new Set(filled.map((i) => column.get(i)!));
  if (!prev.cells.some((c, p) => c !== '' && !continued.has(p))) return null;
  const ranOver = filled.every((i) => {
    const p = column.get(i)!;
    const above = lines(prev.items[p]);
    const last = above.at(-1);
    const word = firstWord(next.items[i]);
    if (!last || !word) return false;
    const end = Math.max(...last.map((it) => it.x + it.w));
    // The cell's padding: where its lines start, left of the text (the narrowest of its lines').
    const pad = Math.max(0, Math.min(...above.map((l) => l[0].x)) - prev.xs[p]);
    // Two Latin words are wrapped at the space between them: it had to fit too (a quarter of the font size, the narrowest common space).
    const space = /[A-Za-z0-9]$/.test(cellText(prev.items[p])) && /^[A-Za-z0-9]/.test(cells[i]) ? 0.25 * Math.max(...last.map((it) => it.h)) : 0;
    return end + pad + space + word > prev.right[p];
  });
  if (!ranOver) return null;
  const value = filled.find((i) => /^[0-9０-９≥≤<>=＝≧≦﹤﹥＜＞]/.test(cells[i]));
  if (value !== undefined)
    throw new IngestError(
      'INGEST_PDF_BROKEN_ROW',
      file,
      null,
      `page ${next.page}, line ${next.line}: the table row that page ${prev.page} ends with (line ${prev.line}) runs over the page break, and its continuation "${cells[value]}" starts with a number, which may be a value of its own or the rest of the value above: export the PDF again with rows kept whole (Word: Table Properties → Row → clear "Allow row to break across pages"; LibreOffice: Table Properties → Text Flow → clear "Allow row to break across pages and columns"), or import the Word/HTML copy`,
    );
  return new Map(filled.map((i) => [column.get(i)!, i]));
}

/** Closing punctuation, which a line may not start with (it goes down with the character before it). */
const NO_START = /[，。、；：？！）》」』”’〕】,.;:?!)\]}%]/;
/** The width of the first word of a cell's text (its first line's): a Latin word or number, or one character with the punctuation that follows it. */
function firstWord(items: Item[]): number {
  const first = lines(items)[0];
  if (!first) return 0;
  const chars: { ch: string; w: number }[] = [];
  for (const it of first) {
    const s = [...it.str];
    for (const ch of s) chars.push({ ch, w: it.w / s.length });
  }
  while (chars.length > 0 && /\s/.test(chars[0].ch)) chars.shift();
  if (chars.length === 0) return 0;
  const latin = /[A-Za-z0-9]/;
  let n = 1;
  if (latin.test(chars[0].ch)) while (n < chars.length && /[A-Za-z0-9.,%'’\-]/.test(chars[n].ch)) n++;
  while (n < chars.length && NO_START.test(chars[n].ch)) n++;
  return chars.slice(0, n).reduce((s, c) => s + c.w, 0);
}

/** A rendered table row: its place, its cells, the left edges of its grid columns, the right edge of the cell anchored in each, the text items of each. */
interface Row {
  index: number;
  page: number;
  line: number;
  xs: number[];
  right: number[];
  cells: string[];
  items: Item[][];
}

function joinWrapped(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  return LATIN.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** PDF.js exceptions → coded errors; never a stack trace. */
function mapError({ name, message }: { name: string; message: string }, file: string): IngestError {
  if (name === 'PasswordException') return new IngestError('INGEST_ENCRYPTED', file, null, 'the PDF is password-protected: ask the publisher for an open copy');
  return new IngestError('INGEST_CORRUPT_FILE', file, null, `the PDF cannot be read (${name || 'error'}: ${message}): download it again from the publisher`);
}
