/**
 * npx tsx scripts/pdf-fixtures.ts — writes the seed documents (data/sources/000–004)
 * as PDFs into tests/fixtures/formats/, with pdfkit (a writer other than PDF.js,
 * which reads them back), as the offices' tables are printed:
 *   - each run of tab-separated lines one table with ruling lines (every cell
 *     stroked), a column grid for the whole table;
 *   - merged cells as in the HTML fixtures (scripts/format-fixtures.ts `merge`):
 *     一级指标/二级指标 spanning its rows, its text once and vertically centred in
 *     the cell; empty cells closing a row the colspan of the last filled cell;
 *   - long cells wrapped onto several lines within their row;
 *   - the pages broken where they are full, inside tables too (a merged cell
 *     continues on the next page as an empty cell, as Word prints it);
 *   - a document without tabs (003, a text copy) as lines of text, blank lines kept.
 * Also: `scan.pdf` (a page that is only an image: no text layer) and
 * `encrypted.pdf` (a user password, written by pdfkit's own encryption) and
 * `004_….owner-password.pdf` (the seed 004 with an owner password only: it opens
 * without one, editing restricted).
 *
 * The font is WenQuanYi Micro Hei (Debian fonts-wqy-microhei, Apache-2.0/GPL-3 with
 * font exception), a subset embedded: the PDFs are committed, so neither CI nor the
 * tests need the font or the writer. Deterministic: fixed dates, the same seeds give
 * the same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { SEEDS, merge } from './format-fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'tests/fixtures/formats');
export const FONT = process.env.PDF_FIXTURE_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_FAMILY = 'WenQuanYiMicroHei'; // the PostScript name of the face in the collection
const DATE = new Date('2026-01-01T00:00:00Z');

const PAGE = { width: 595.28, height: 841.89, left: 40, right: 40, top: 50, bottom: 50 };
const WIDTH = PAGE.width - PAGE.left - PAGE.right;
const TABLE = { size: 9, leading: 12, padX: 3, padY: 4 };
const TEXT = { size: 10, leading: 14 };

type Doc = InstanceType<typeof PDFDocument>;
type Block = { kind: 'lines'; lines: string[] } | { kind: 'table'; rows: string[][] };

/** Runs of tab-separated lines are tables; other lines (blank lines kept) are text. */
export function pdfBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')) {
    const last = blocks.at(-1);
    if (line.includes('\t')) {
      if (last?.kind === 'table') last.rows.push(line.split('\t'));
      else blocks.push({ kind: 'table', rows: [line.split('\t')] });
    } else if (last?.kind === 'lines') last.lines.push(line.trim());
    else blocks.push({ kind: 'lines', lines: [line.trim()] });
  }
  return blocks;
}

function newDoc(options: ConstructorParameters<typeof PDFDocument>[0] = {}): Doc {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { CreationDate: DATE, ModDate: DATE, Producer: 'pdfkit', Creator: 'scripts/pdf-fixtures.ts' }, ...options });
  doc.registerFont('cjk', FONT, FONT_FAMILY);
  doc.font('cjk');
  return doc;
}

function toBuffer(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Text wrapped to `width`: any character may start a line except inside a run of Latin letters and digits, or next to a space. */
function wrap(doc: Doc, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  let breakAt = -1; // the last place in `line` where a new line may start
  for (const ch of text) {
    if (line !== '' && ch !== ' ' && doc.widthOfString(line + ch) > width) {
      const alnum = /[A-Za-z0-9.%]/;
      let cut = alnum.test(ch) && alnum.test(line.at(-1)!) && breakAt > 0 ? breakAt : line.length;
      // Never at a space: a PDF does not keep a space at the end or start of a line, so it would be lost.
      while (cut > 1 && (line[cut - 1] === ' ' || (line[cut] ?? ch) === ' ')) cut--;
      out.push(line.slice(0, cut));
      line = line.slice(cut);
      breakAt = -1;
    }
    if (line !== '' && !(/[A-Za-z0-9.%]/.test(ch) && /[A-Za-z0-9.%]/.test(line.at(-1)!))) breakAt = line.length;
    line += ch;
  }
  if (line !== '' || out.length === 0) out.push(line);
  return out;
}

interface Placed { page: number; top: number; height: number }

function drawTable(doc: Doc, rows: string[][], state: { page: number; y: number; newPage: () => void }) {
  doc.fontSize(TABLE.size);
  const width = Math.max(...rows.map((r) => r.length));
  const grid = merge(rows.map((r) => [...r, ...Array(width - r.length).fill('')]));
  // Column widths from the text of the cells that span one column.
  const natural = Array.from({ length: width }, (_, c) =>
    Math.max(TABLE.size * 2, ...grid.map((r) => (r[c] && r[c]!.colspan === 1 ? doc.widthOfString(r[c]!.text) : 0))) + 2 * TABLE.padX,
  );
  const fair = WIDTH / width;
  const small = natural.map((n) => n <= fair);
  const fixed = natural.reduce((s, n, c) => s + (small[c] ? n : 0), 0);
  const rest = natural.reduce((s, n, c) => s + (small[c] ? 0 : Math.sqrt(n)), 0);
  let widths = natural.map((n, c) => (small[c] ? n : ((WIDTH - fixed) * Math.sqrt(n)) / rest));
  const sum = widths.reduce((s, w) => s + w, 0);
  widths = widths.map((w) => (w * WIDTH) / sum);
  const xs = widths.reduce((acc, w) => [...acc, acc.at(-1)! + w], [PAGE.left]);
  const cellWidth = (c: number, span: number) => xs[c + span] - xs[c];
  const linesOf = (r: number, c: number) => wrap(doc, grid[r][c]!.text, cellWidth(c, grid[r][c]!.colspan) - 2 * TABLE.padX);
  // Row heights: the tallest cell of one row; a merged cell taller than its rows grows its last row.
  const heights = grid.map((r, ri) => Math.max(1, ...r.map((cell, c) => (cell && cell.rowspan === 1 ? linesOf(ri, c).length : 1))) * TABLE.leading + 2 * TABLE.padY);
  grid.forEach((r, ri) =>
    r.forEach((cell, c) => {
      if (!cell || cell.rowspan === 1) return;
      const need = linesOf(ri, c).length * TABLE.leading + 2 * TABLE.padY;
      const have = heights.slice(ri, ri + cell.rowspan).reduce((s, h) => s + h, 0);
      if (need > have) heights[ri + cell.rowspan - 1] += need - have;
    }),
  );
  // Pages: a row goes on the next page when it does not fit; a merged cell's text must fit in its part on its first page.
  const forced = new Set<number>();
  let placed: Placed[] = [];
  for (;;) {
    placed = [];
    let page = state.page;
    let y = state.y;
    for (let r = 0; r < grid.length; r++) {
      if ((y + heights[r] > PAGE.height - PAGE.bottom || forced.has(r)) && y > PAGE.top) {
        page++;
        y = PAGE.top;
      }
      placed.push({ page, top: y, height: heights[r] });
      y += heights[r];
    }
    const bad = grid.findIndex((row, r) =>
      row.some((cell, c) => {
        if (!cell || cell.rowspan === 1 || forced.has(r)) return false;
        const first = placed.slice(r, r + cell.rowspan).filter((p) => p.page === placed[r].page);
        return first.reduce((s, p) => s + p.height, 0) < linesOf(r, c).length * TABLE.leading + 2 * TABLE.padY;
      }),
    );
    if (bad < 0) break;
    forced.add(bad);
  }
  // Draw, page by page.
  const pages = [...new Set(placed.map((p) => p.page))];
  for (const page of pages) {
    while (state.page < page) state.newPage();
    doc.fontSize(TABLE.size).lineWidth(0.6);
    grid.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const part = placed.map((p, i) => ({ ...p, i })).filter((p) => p.i >= r && p.i < r + cell.rowspan && p.page === page);
        if (part.length === 0) return;
        const top = part[0].top;
        const height = part.reduce((s, p) => s + p.height, 0);
        doc.rect(xs[c], top, cellWidth(c, cell.colspan), height).stroke();
        if (part[0].i !== r || cell.text === '') return; // the continuation of a merged cell on a later page: empty
        const lines = linesOf(r, c);
        const textTop = cell.rowspan > 1 ? top + (height - lines.length * TABLE.leading) / 2 : top + TABLE.padY;
        lines.forEach((l, k) => doc.text(l, xs[c] + TABLE.padX, textTop + k * TABLE.leading + (TABLE.leading - TABLE.size) / 2, { lineBreak: false }));
      }),
    );
  }
  const last = placed.at(-1)!;
  state.y = last.top + last.height;
}

/** Lines of text: one source line one printed line (the font made smaller for a long line), a blank line a blank line. */
function drawLines(doc: Doc, lines: string[], state: { page: number; y: number; newPage: () => void }) {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A page ends at a blank line (a paragraph's cells stay on one page): break when the paragraph that starts here does not fit.
    if (line === '' || i === 0) {
      let n = 0;
      while (i + 1 + n < lines.length && lines[i + 1 + n] !== '') n++;
      if (state.y + (n + 1) * TEXT.leading > PAGE.height - PAGE.bottom && state.y > PAGE.top) {
        state.newPage();
        if (line === '') continue;
      }
    }
    if (line !== '') {
      let size = TEXT.size;
      doc.fontSize(size);
      while (doc.widthOfString(line) > WIDTH && size > 4) doc.fontSize((size -= 0.5));
      doc.text(line, PAGE.left, state.y + (TEXT.leading - size) / 2, { lineBreak: false });
    }
    state.y += TEXT.leading;
  }
}

export async function seedPdf(text: string, title: string, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Buffer> {
  const doc = newDoc({ info: { Title: title, CreationDate: DATE, ModDate: DATE, Producer: 'pdfkit', Creator: 'scripts/pdf-fixtures.ts' }, ...options });
  const state = {
    page: 0,
    y: PAGE.top,
    newPage() {
      doc.addPage();
      state.page++;
      state.y = PAGE.top;
    },
  };
  state.newPage();
  for (const b of pdfBlocks(text)) {
    if (b.kind === 'table') drawTable(doc, b.rows, state);
    else drawLines(doc, b.lines, state);
  }
  return toBuffer(doc);
}

/** A PNG of a scanned page: a white page with a table's lines and grey bars where its text is. */
function scanPng(w: number, h: number): Buffer {
  const raw = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const line = (y >= 40 && y <= 440 && (y - 40) % 40 === 0 && x >= 30 && x <= w - 30) || (x >= 30 && x <= w - 30 && (x - 30) % 100 === 0 && y >= 40 && y <= 440);
      const bar = y > 40 && y < 440 && (y - 40) % 40 > 14 && (y - 40) % 40 < 26 && (x - 30) % 100 > 10 && (x - 30) % 100 < 70 && x < w - 30;
      if (line) raw[y * (w + 1) + 1 + x] = 0;
      else if (bar) raw[y * (w + 1) + 1 + x] = 120;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export async function scanPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { CreationDate: DATE, ModDate: DATE, Producer: 'pdfkit', Creator: 'scripts/pdf-fixtures.ts' } });
  doc.image(scanPng(560, 480), 20, 40, { width: 555 });
  return toBuffer(doc);
}

export async function encryptedPdf(): Promise<Buffer> {
  const doc = newDoc({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  doc.addPage();
  doc.fontSize(12).text('项目名称\t加密的表', 40, 60, { lineBreak: false });
  return toBuffer(doc);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(FONT)) {
    console.error(`the CJK font ${FONT} is missing: apt-get install -y fonts-wqy-microhei (or set PDF_FIXTURE_FONT to a .ttf/.ttc with Chinese glyphs)`);
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  for (const seed of SEEDS) {
    const text = readFileSync(path.join(root, 'data/sources', `${seed}.txt`), 'utf8');
    writeFileSync(path.join(out, `${seed}.pdf`), await seedPdf(text, seed));
  }
  writeFileSync(path.join(out, 'scan.pdf'), await scanPdf());
  writeFileSync(path.join(out, 'encrypted.pdf'), await encryptedPdf());
  // An owner password only (no password to open it, editing restricted), as offices protect a published PDF: read like any other.
  const owner = SEEDS.at(-1)!;
  const ownerText = readFileSync(path.join(root, 'data/sources', `${owner}.txt`), 'utf8');
  writeFileSync(path.join(out, `${owner}.owner-password.pdf`), await seedPdf(ownerText, owner, { ownerPassword: 'owner', pdfVersion: '1.7', permissions: { printing: 'highResolution', modifying: false, annotating: false, fillingForms: false, documentAssembly: false, copying: true, contentAccessibility: true } }));
  console.log(`wrote ${SEEDS.length} seed PDFs, ${owner}.owner-password.pdf, scan.pdf and encrypted.pdf to ${path.relative(root, out)}`);
}
