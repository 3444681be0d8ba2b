/**
 * npx tsx scripts/format-fixtures.ts — writes the seed documents (data/sources/000–004)
 * into the published formats under tests/fixtures/formats/, with a writer other
 * than the reader that reads them back:
 *   .html  a hand-built HTML string (read by parse5); a document without tabs as <pre>
 * Each run of tab-separated lines is one <table>; lines between tables are <p>.
 * Merged cells as the published tables have them: an empty 一级指标/二级指标 cell
 * under a filled one is that cell's rowspan; empty cells closing a row are the
 * colspan of the last filled cell (项目名称 spanning the row).
 * Deterministic: the same seeds give the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(out, { recursive: true });
  for (const seed of SEEDS) {
    const text = readFileSync(path.join(root, 'data/sources', `${seed}.txt`), 'utf8');
    writeFileSync(path.join(out, `${seed}.html`), toHtml(text, seed));
  }
  console.log(`wrote ${SEEDS.length} HTML fixtures to ${path.relative(root, out)}`);
}
