/**
 * Text normalisation, defined once for the importer, the audit and the
 * comparisons: whitespace tidying (PDF extraction splits words with spaces),
 * the compact form used to recognise vocabulary, and half-width forms.
 */

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
