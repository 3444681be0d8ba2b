/**
 * HTML (a saved web page): every <table> with rowspan/colspan expanded to a
 * grid, one row per line; text outside tables one block per line. Parsed
 * with parse5 (the WHATWG HTML parser), so broken markup reads as a browser
 * reads it.
 */
import { parse } from 'parse5';
import { expandSpans, type SpanCell } from './grid.ts';
import type { Locator, RenderedDocument } from './types.ts';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  childNodes?: Node[];
  content?: Node;
  attrs?: { name: string; value: string }[];
}

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'caption', 'body', 'center', 'form']);
const SKIP = new Set(['script', 'style', 'head', 'template', 'noscript']);

function squash(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.tagName && SKIP.has(node.tagName)) return '';
  if (node.tagName === 'br') return ' ';
  return (node.childNodes ?? []).map(textOf).join(BLOCK.has(node.tagName ?? '') ? ' ' : '');
}

function attrInt(node: Node, name: string): number {
  const v = node.attrs?.find((a) => a.name === name)?.value;
  const n = v ? parseInt(v, 10) : 1;
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** The rows of a table (its own rows, not those of a table inside a cell). */
function tableRows(table: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes ?? []) {
      if (c.tagName === 'tr') out.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return out;
}

export interface HtmlOptions {
  /**
   * An empty <p> is a blank line (a Word document converted by mammoth: an
   * empty paragraph is how a text copy keeps its blank lines). In a web page
   * an empty <p> is spacing and gives no line.
   */
  emptyParagraphs?: boolean;
}

export function renderHtml(html: string, options: HtmlOptions = {}): RenderedDocument {
  const doc = parse(html) as unknown as Node;
  const lines: string[] = [];
  const locators: Locator[] = [];
  let buffer = '';
  let paragraph = 0;
  let table = 0;
  const flush = () => {
    const t = squash(buffer);
    buffer = '';
    if (t) {
      lines.push(t);
      locators.push({ paragraph: ++paragraph });
    }
  };
  const walk = (n: Node) => {
    if (n.nodeName === '#text') {
      buffer += n.value ?? '';
      return;
    }
    if (n.tagName && SKIP.has(n.tagName)) return;
    if (n.tagName === 'table') {
      flush();
      table++;
      const rows: SpanCell[][] = tableRows(n).map((tr) =>
        (tr.childNodes ?? [])
          .filter((c) => c.tagName === 'td' || c.tagName === 'th')
          .map((c) => ({ text: squash(textOf(c)), rowspan: attrInt(c, 'rowspan'), colspan: attrInt(c, 'colspan') })),
      );
      expandSpans(rows).forEach((cells, r) => {
        // Cells never hold a tab: the tab is the cell separator of the rendered text.
        lines.push(cells.map((c) => c.replace(/\t/g, ' ')).join('\t'));
        locators.push({ table, row: r + 1 });
      });
      return;
    }
    if (n.tagName === 'pre') {
      // Preformatted text keeps its lines as they are (a text copy published as a page).
      flush();
      // (The parser already drops the one newline right after <pre>, as browsers do.)
      const text = textOf(n);
      for (const line of text.split(/\r\n|\r|\n/)) {
        lines.push(line.replace(/\t/g, ' '));
        locators.push({ paragraph: ++paragraph });
      }
      return;
    }
    if (options.emptyParagraphs && n.tagName === 'p' && squash(textOf(n)) === '') {
      flush();
      lines.push('');
      locators.push({ paragraph: ++paragraph });
      return;
    }
    const block = BLOCK.has(n.tagName ?? '') || n.tagName === 'br' || n.tagName === 'tr';
    if (block) flush();
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
    if (block) flush();
  };
  walk(doc);
  flush();
  return { format: 'html', text: lines.join('\n'), locators };
}
