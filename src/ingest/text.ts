/** Text helpers shared by the importer: whitespace tidying and cell splitting. */

// CJK ideographs, CJK punctuation, full-width forms and the quotes/dashes used in Chinese text.
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef\\u2014\\u2026\\u201c\\u201d\\u2018\\u2019\\u00b7';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Collapse whitespace runs to one space and trim. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * Whitespace tidied: collapsed, and removed between two CJK characters, where
 * PDF extraction inserts stray spaces (平罗县人民 政府办公室).
 */
export function tidy(s: string): string {
  return collapse(s).replace(SPACE_BETWEEN_CJK, '$1');
}

/** Without any whitespace: the form used to recognise vocabulary (产出 指标 → 产出指标). */
export function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/** Half-width digits, letters and common symbols for full-width ones (１２％ → 12%). */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/．/g, '.')
    .replace(/≧/g, '≥')
    .replace(/≦/g, '≤')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/＝/g, '=')
    .replace(/═/g, '=');
}

/**
 * Split a line into cells: tab-separated, or pipe-separated (a table copied
 * from a web page, with or without border pipes). Otherwise the line is one
 * cell ("flat" text, as extracted from a PDF).
 */
export function splitCells(line: string): { cells: string[]; flat: boolean } {
  if (line.includes('\t')) return { cells: line.split('\t').map((c) => c.trim()), flat: false };
  const pipes = line.match(/[|｜]/g);
  if (pipes && pipes.length >= 2) {
    let cells = line.split(/[|｜]/).map((c) => c.trim());
    if (/^\s*[|｜]/.test(line)) cells = cells.slice(1);
    if (/[|｜]\s*$/.test(line)) cells = cells.slice(0, -1);
    return { cells, flat: false };
  }
  return { cells: [line.trim()], flat: true };
}

/** A markdown separator row such as |---|:--:|. */
export function isSeparatorRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '');
}
