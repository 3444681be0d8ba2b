/**
 * npx tsx scripts/format-fixtures.ts — writes the seed documents (data/sources/000–004)
 * into the published formats under tests/fixtures/formats/, with a writer other
 * than the reader that reads them back:
 *   .html  a hand-built HTML string (read by parse5); a document without tabs as <pre>
 *   .docx  the `docx` package (read by mammoth): tables with rowSpan/columnSpan
 *          (w:vMerge, w:gridSpan); a document without tabs one paragraph per line,
 *          a blank line an empty paragraph
 *   .xlsx  SheetJS (`xlsx`, read by exceljs): one worksheet "Sheet1", one row per
 *          line of the text (a blank line an empty row), cells in columns A…,
 *          merged ranges ("!merges") where the HTML has rowspan/colspan
 * Each run of tab-separated lines is one table; lines between tables are paragraphs.
 * Merged cells as the published tables have them: an empty 一级指标/二级指标 cell
 * under a filled one is that cell's rowspan; empty cells closing a row are the
 * colspan of the last filled cell (项目名称 spanning the row).
 * Deterministic: the same seeds give the same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import * as XLSX from 'xlsx';
import officeCrypto from 'officecrypto-tool';

const root = path.resolve(import.meta.dirname, '..');
export const SEEDS = ['000_bd5493f012e3b752', '001_0a5d8a87461ba45a', '002_60f5ac7a26e34816', '003_02357b0acc26174d', '004_a583d9a954743c2a'];
const out = path.join(root, 'tests/fixtures/formats');

interface Cell { text: string; rowspan: number; colspan: number }
type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: string[][] };

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.includes('\t')) {
      const last = out.at(-1);
      if (last?.kind === 'table') last.rows.push(line.split('\t'));
      else out.push({ kind: 'table', rows: [line.split('\t')] });
    } else if (line.trim() !== '') out.push({ kind: 'p', text: line.trim() });
  }
  return out;
}

/** Rows of cells → cells with spans; null where a cell is covered by a merged one. */
export function merge(rows: string[][]): (Cell | null)[][] {
  const cells: (Cell | null)[][] = rows.map((r) => r.map((text) => ({ text, rowspan: 1, colspan: 1 })));
  // colspan: empty cells closing a row belong to the last filled cell.
  cells.forEach((row) => {
    let last = row.length - 1;
    while (last > 0 && rows[cells.indexOf(row)][last] === '') last--;
    const anchor = row[last];
    if (anchor && last < row.length - 1 && anchor.text !== '') {
      anchor.colspan = row.length - last;
      for (let c = last + 1; c < row.length; c++) row[c] = null;
    }
  });
  // rowspan in the two level columns: an empty cell under a filled one (column 1 only when column 0 is empty too).
  for (const c of [0, 1]) {
    let anchor: Cell | null = null;
    for (let r = 0; r < rows.length; r++) {
      const cell = cells[r][c];
      const eligible = rows[r].length >= 4 && (c === 0 || rows[r][0] === '');
      if (cell && cell.text !== '' && rows[r].length >= 4) anchor = cell;
      else if (cell && cell.text === '' && eligible && anchor && cell.colspan === 1) {
        anchor.rowspan++;
        cells[r][c] = null;
      } else anchor = null;
    }
  }
  return cells;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toHtml(text: string, title: string): string {
  // A document without cell separators (a text copy) is published as preformatted text.
  const body = !text.includes('\t')
    ? `<pre>\n${esc(text)}</pre>`
    : blocks(text)
    .map((b) => {
      if (b.kind === 'p') return `<p>${esc(b.text)}</p>`;
      const rows = merge(b.rows).map(
        (r) =>
          '<tr>' +
          r
            .filter((c): c is Cell => c !== null)
            .map((c) => `<td${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${esc(c.text)}</td>`)
            .join('') +
          '</tr>',
      );
      return `<table border="1">\n${rows.join('\n')}\n</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body>\n${body}\n</body></html>\n`;
}

/** The document as a Word file written by the `docx` package (not by mammoth, which reads it). */
export async function toDocx(text: string, title: string): Promise<Buffer> {
  const para = (t: string) => new Paragraph({ children: t === '' ? [] : [new TextRun(t)] });
  const children: (Paragraph | Table)[] = !text.includes('\t')
    ? text.replace(/\n$/, '').split(/\r\n|\r|\n/).map(para)
    : blocks(text).map((b) => {
        if (b.kind === 'p') return para(b.text);
        return new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: merge(b.rows).map(
            (r) =>
              new TableRow({
                children: r
                  .filter((c): c is Cell => c !== null)
                  .map((c) => new TableCell({ children: [para(c.text)], ...(c.rowspan > 1 ? { rowSpan: c.rowspan } : {}), ...(c.colspan > 1 ? { columnSpan: c.colspan } : {}) })),
              }),
          ),
        });
      });
  const doc = new Document({ title, creator: 'scripts/format-fixtures.ts', sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/**
 * The document as an Excel workbook written by SheetJS (not by exceljs, which
 * reads it): row n of "Sheet1" is line n of the text; each run of consecutive
 * tab-separated lines is a table whose merged cells are those of the HTML.
 */
export function toXlsx(text: string, title: string): Buffer {
  const lines = text.replace(/\n$/, '').split(/\r\n|\r|\n/);
  const aoa: (string | null)[][] = [];
  const merges: XLSX.Range[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].includes('\t')) {
      aoa.push(lines[i] === '' ? [] : [lines[i]]);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].includes('\t')) j++;
    const rows = lines.slice(i, j).map((l) => l.split('\t'));
    merge(rows).forEach((r, k) => {
      const cells: (string | null)[] = []; // null: covered by a merged cell, no cell written
      let col = 0;
      rows[k].forEach((_, c) => {
        const cell = r[c];
        cells.push(cell ? cell.text : null);
        if (cell && (cell.rowspan > 1 || cell.colspan > 1)) merges.push({ s: { r: i + k, c }, e: { r: i + k + cell.rowspan - 1, c: c + cell.colspan - 1 } });
        col++;
      });
      aoa.push(cells.slice(0, col));
    });
    i = j;
  }
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!merges'] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  book.Props = { Title: title, Author: 'scripts/format-fixtures.ts' };
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(out, { recursive: true });
  for (const seed of SEEDS) {
    const text = readFileSync(path.join(root, 'data/sources', `${seed}.txt`), 'utf8');
    writeFileSync(path.join(out, `${seed}.html`), toHtml(text, seed));
    writeFileSync(path.join(out, `${seed}.docx`), await toDocx(text, seed));
    writeFileSync(path.join(out, `${seed}.xlsx`), toXlsx(text, seed));
  }
  // Password-protected copies (ECMA-376 agile encryption, as Office writes them; password "secret"), written
  // by officecrypto-tool: the importer must refuse them with INGEST_ENCRYPTED.
  const last = SEEDS.at(-1)!;
  // Written once (the encryption's salt is random): kept as committed when they exist.
  for (const ext of ['docx', 'xlsx'])
    if (!existsSync(path.join(out, `${last}.encrypted.${ext}`)))
      writeFileSync(path.join(out, `${last}.encrypted.${ext}`), officeCrypto.encrypt(readFileSync(path.join(out, `${last}.${ext}`)), { password: 'secret' }));
  console.log(`wrote ${SEEDS.length} HTML, DOCX and XLSX fixtures and 2 password-protected ones to ${path.relative(root, out)}`);
}
