/**
 * Substring search on Pagefind: the text is indexed as overlapping
 * two-character pieces (bigrams), and a query is turned into the same pieces.
 *
 * Why: Pagefind 1.5 cuts Chinese text into words with jieba when it indexes
 * (市政府|督查|室) and cuts the query with the browser's Intl.Segmenter
 * (督|查), and a query piece only matches words that start with it, so
 * plainly present words are missed. Bigrams make every substring findable:
 * "督查室" is the phrase "督查 查室" — the two pieces at consecutive positions —
 * which Pagefind's exact-phrase search ("…") checks against the positions it
 * stores. A page matches exactly when its text contains the query.
 *
 * This module is shared by the build (src/lib/search-document.ts writes each
 * project's token stream) and the browser (src/scripts/search.ts turns the
 * query into pieces and decodes a result's stream into its excerpt). No DOM,
 * no Node APIs.
 *
 * The token stream of a page, separated by single spaces (each token is one
 * Pagefind word position):
 *
 *   [title tokens] [␞ padding up to TITLE_POSITIONS] ␞ [field] ␞ [field] …
 *
 * A field (one piece of text shown on the page: the goal, an indicator name,
 * a target as published…) is cut into *runs* of letters and digits; the text
 * between runs (punctuation, symbols) becomes *gap* tokens, which Pagefind
 * keeps in the content but does not index. A run of n characters gives n−1
 * bigrams and then its last character alone (a *unigram*), which ends the run,
 * keeps two runs from forming a false phrase, and makes single characters
 * findable by prefix. Letters and digits are NFKC-normalised (full-width
 * ２０２５ → 2025); Pagefind lower-cases what it indexes and what it searches,
 * and keeps the original case in the stored text, so excerpts keep it too.
 *
 * The index language is INDEX_LANGUAGE ("zxx", no linguistic content): Pagefind
 * then neither segments nor stems, and the browser side must load the index
 * with that language too (see src/scripts/search.ts), because with a Chinese
 * language pagefind.js re-cuts the query with Intl.Segmenter.
 */

/** The language the index is written and read in: no segmentation, no stemming. */
export const INDEX_LANGUAGE = 'zxx';

/**
 * The title's tokens take the first positions of the stream and are padded to
 * this many; a match at a position below it is a match in the title. Project
 * names are far shorter (the longest in the data has 34 characters).
 */
export const TITLE_POSITIONS = 128;

/** Token between fields, and the padding after the title. Not a letter or digit, so never indexed. */
export const FIELD_BREAK = '␞';

/** A letter or a digit: what Pagefind indexes (Rust's char::is_alphanumeric). */
const WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;
const WORD_RUNS = /[\p{Alphabetic}\p{N}]+/gu;
/** Characters Pagefind treats as word characters by default (include_characters), and our own separator. */
const RESERVED = /[_‿⁀⁔︳︴﹍﹎﹏＿␞\u200B]/gu;

/** Code points of a string (a bigram is two code points, not two UTF-16 units). */
function chars(text: string): string[] {
  return Array.from(text);
}

export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/** One piece of a text: a run of letters and digits (normalised), or the text between two runs. */
export interface Segment {
  text: string;
  word: boolean;
}

/**
 * Cut a text into runs of letters and digits and the gaps between them.
 * Letters and digits are NFKC-normalised (which may itself produce
 * punctuation, e.g. ½ → 1⁄2, so runs are found after normalising).
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let gap = '';
  let raw = '';
  const flushRun = () => {
    if (!raw) return;
    const normal = raw.normalize('NFKC');
    let last = 0;
    for (const m of normal.matchAll(WORD_RUNS)) {
      if (m.index > last) gap += normal.slice(last, m.index);
      if (gap) out.push({ text: gap, word: false });
      gap = '';
      out.push({ text: m[0], word: true });
      last = m.index + m[0].length;
    }
    gap += normal.slice(last);
    raw = '';
  };
  for (const c of chars(text)) {
    if (isWordChar(c)) raw += c;
    else {
      flushRun();
      gap += c;
    }
  }
  flushRun();
  if (gap) out.push({ text: gap, word: false });
  return out;
}

/** The tokens of one run: its bigrams, then its last character. */
export function runTokens(run: string): string[] {
  const cs = chars(run);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) tokens.push(cs[i] + cs[i + 1]);
  if (cs.length > 0) tokens.push(cs[cs.length - 1]);
  return tokens;
}

/** Gap text as tokens: split at whitespace, without characters Pagefind would index or that we use as separators. */
function gapTokens(gap: string): string[] {
  return gap
    .replace(RESERVED, '')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/** The tokens of one field of text. */
export function fieldTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const s of segments(text)) tokens.push(...(s.word ? runTokens(s.text) : gapTokens(s.text)));
  return tokens;
}

/**
 * The stream Pagefind indexes for one page: the title first (padded to
 * TITLE_POSITIONS), then each field once (a field whose text is the same as
 * an earlier one's is left out: the page still contains that text).
 */
export function searchStream(title: string, fields: readonly (string | null | undefined)[]): string {
  const tokens = fieldTokens(title);
  while (tokens.length < TITLE_POSITIONS) tokens.push(FIELD_BREAK);
  const seen = new Set<string>([title.trim()]);
  for (const field of fields) {
    const text = field?.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const more = fieldTokens(text);
    if (more.length === 0) continue;
    tokens.push(FIELD_BREAK, ...more);
  }
  return tokens.join(' ');
}

/** One part of a query: a run of letters and digits, and the Pagefind query that finds it. */
export interface QueryPart {
  /** The run, normalised and lower-cased, as it is highlighted. */
  text: string;
  /** What to hand to Pagefind's search(): an exact phrase of bigrams, or one character (prefix search). */
  term: string;
  /** True for a phrase ("…"): Pagefind then matches exact words at consecutive positions. */
  exact: boolean;
}

/**
 * Turn a query into the parts to search for. Each run of letters and digits
 * is one part; punctuation and spaces only separate runs (a page must contain
 * every part, anywhere). Full-width letters and digits are read as their
 * plain forms, capitals as small letters. A run of two or more characters
 * becomes an exact phrase of its bigrams; a single character is searched as
 * a prefix (it is found at the start of a bigram, or as a run's last
 * character). No letters or digits: no parts, nothing to search.
 */
export function queryParts(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  for (const s of segments(query)) {
    if (!s.word) continue;
    const text = s.text.toLowerCase();
    if (seen.has(text)) continue;
    seen.add(text);
    const cs = chars(text);
    if (cs.length === 1) {
      parts.push({ text, term: text, exact: false });
    } else {
      const bigrams: string[] = [];
      for (let i = 0; i + 1 < cs.length; i++) bigrams.push(cs[i] + cs[i + 1]);
      parts.push({ text, term: `"${bigrams.join(' ')}"`, exact: true });
    }
  }
  return parts;
}

/** A field decoded from a page's stream: where its tokens are, and its text in segments. */
export interface DecodedField {
  /** Position of the field's first token. */
  start: number;
  /** Position after its last token. */
  end: number;
  segments: Segment[];
}

function isWordToken(token: string): boolean {
  return isWordChar(chars(token)[0] ?? '');
}

/**
 * The fields of a stream, with their text rebuilt: a run is the first
 * character of each of its bigrams and its final character; gap tokens are
 * punctuation as published (spaces between them are approximate).
 */
export function decodeStream(content: string): DecodedField[] {
  const tokens = content.split(' ');
  const fields: DecodedField[] = [];
  let current: DecodedField | null = null;
  let run = '';
  let lastWasRunEnd = false;
  const close = (at: number) => {
    if (current && current.segments.length) {
      current.end = at;
      fields.push(current);
    }
    current = null;
    lastWasRunEnd = false;
  };
  tokens.forEach((token, position) => {
    if (token === FIELD_BREAK || token === '') {
      close(position);
      return;
    }
    if (!current) current = { start: position, end: position, segments: [] };
    const field: DecodedField = current;
    if (isWordToken(token)) {
      const cs = chars(token);
      if (cs.length >= 2) {
        if (!run && lastWasRunEnd) field.segments.push({ text: ' ', word: false });
        run += cs[0];
      } else {
        if (!run && lastWasRunEnd) field.segments.push({ text: ' ', word: false });
        field.segments.push({ text: run + cs[0], word: true });
        run = '';
        lastWasRunEnd = true;
      }
    } else {
      field.segments.push({ text: token, word: false });
      lastWasRunEnd = false;
    }
  });
  close(tokens.length);
  return fields;
}

/** Plain text of decoded segments. */
export function segmentsText(segs: readonly Segment[]): string {
  return segs.map((s) => s.text).join('');
}

/** A piece of an excerpt or title: text, marked when it is a hit. */
export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * Mark every occurrence of the query parts in a text (case-insensitive, on
 * the normalised letters and digits; a part never spans punctuation).
 */
export function highlight(text: string, parts: readonly QueryPart[]): Piece[] {
  const pieces: Piece[] = [];
  for (const s of segments(text)) {
    if (!s.word) {
      pieces.push({ text: s.text, mark: false });
      continue;
    }
    const cs = chars(s.text);
    const lower = cs.map((c) => c.toLowerCase());
    const marked = new Array<boolean>(cs.length).fill(false);
    for (const part of parts) {
      const p = chars(part.text);
      for (let i = 0; i + p.length <= lower.length; i++) {
        let ok = true;
        for (let k = 0; k < p.length && ok; k++) ok = lower[i + k] === p[k];
        if (ok) for (let k = 0; k < p.length; k++) marked[i + k] = true;
      }
    }
    cs.forEach((c, i) => {
      const last = pieces[pieces.length - 1];
      if (last && last.mark === marked[i]) last.text += c;
      else pieces.push({ text: c, mark: marked[i] });
    });
  }
  // Merge neighbouring unmarked pieces (gaps and runs).
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.mark === p.mark) last.text += p.text;
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * Cut pieces to about `length` characters around the first mark, with "…"
 * where text was left out.
 */
export function trimPieces(pieces: readonly Piece[], length: number): Piece[] {
  const total = pieces.reduce((n, p) => n + chars(p.text).length, 0);
  if (total <= length) return pieces.map((p) => ({ ...p }));
  let firstMark = 0;
  let seen = 0;
  for (const p of pieces) {
    if (p.mark) {
      firstMark = seen;
      break;
    }
    seen += chars(p.text).length;
  }
  const from = Math.max(0, Math.min(firstMark - Math.floor(length / 3), total - length));
  const to = from + length;
  const out: Piece[] = [];
  let at = 0;
  for (const p of pieces) {
    const cs = chars(p.text);
    const a = Math.max(from, at);
    const b = Math.min(to, at + cs.length);
    if (b > a) out.push({ text: cs.slice(a - at, b - at).join(''), mark: p.mark });
    at += cs.length;
  }
  if (from > 0) out.unshift({ text: '…', mark: false });
  if (to < total) out.push({ text: '…', mark: false });
  return out;
}
