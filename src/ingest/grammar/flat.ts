/**
 * Flat rows inside an indicator table (PDF text, one cell per line): labels,
 * items (指标1：name value), values printed on their own after their
 * indicator's name. The rules of `FLAT_RULES`, tried in order.
 */
import type { Value } from '../../schema/record.ts';
import { compact } from '../../domain/text.ts';
import { isParenthetical, readLabel, readLabelRun, type Label } from '../levels.ts';
import { parseValue } from '../value.ts';
import { INDICATOR_PREFIX, LABEL_END_WORD, PLACEHOLDER, type Role } from '../vocabulary.ts';
import { flushPending } from './assemble.ts';
import { applyRules, edit, setLabels, use, valueRoles, type Outcome, type RowContext, type Rule, type State } from './state.ts';

/** A flat row as the flat rules read it. */
interface FlatContext {
  x: RowContext;
  /** The row's text, trimmed. */
  t: string;
  c: string;
}

/** An empty template row (指标2：, ……). */
function placeholder(s: State, { x, c }: FlatContext): Outcome {
  if (!PLACEHOLDER.test(c)) return null;
  return edit(s, (d) => {
    flushPending(d);
    use(d, x.row, 'structure');
  });
}

/** A parenthetical that ends the label above ((必填)). */
function labelSuffix(s: State, { x, t }: FlatContext): Outcome {
  if (!isParenthetical(t)) return null;
  return edit(s, (d) => {
    if (d.lastLabelWas === 'l2' && d.level2.raw !== null) d.level2.raw += compact(t);
    else if (d.lastLabelWas === 'l1' && d.level1.raw !== null) d.level1.raw += compact(t);
    use(d, x.row);
  });
}

/** The 指标 that ends a label wrapped over two cells (经济效益 / 指标). */
function wrappedLabel(s: State, { x, c }: FlatContext): Outcome {
  if (c !== LABEL_END_WORD || s.pending) return null;
  const which = s.lastLabelWas === 'l2' ? 'level2' : s.lastLabelWas === 'l1' ? 'level1' : null;
  if (!which) return null;
  const raw = s[which].raw;
  if (raw === null || compact(raw).endsWith(LABEL_END_WORD)) return null;
  return edit(s, (d) => {
    d[which].raw = raw + c;
    use(d, x.row);
  });
}

/** A run of level labels. */
function labelRun(s: State, { x, t }: FlatContext): Outcome {
  const run = readLabelRun(t);
  if (!run) return null;
  return edit(s, (d) => {
    flushPending(d);
    setLabels(d, run);
    use(d, x.row);
  });
}

/**
 * A row that starts an indicator: a whole table row on one line (PDF text: leading level labels,
 * then name and values), 指标1：, or any text when no indicator waits for its values.
 */
function item(s: State, { x, t }: FlatContext): Outcome {
  const tokens = t.split(/\s+/);
  const lead: { raw: string; label: Label }[] = [];
  while (lead.length < tokens.length - 1 && lead.length < 2) {
    const label = readLabel(tokens[lead.length]);
    if (!label) break;
    lead.push({ raw: tokens[lead.length], label });
  }
  // Otherwise the row is the value of the indicator that waits for it.
  if (!(lead.length > 0 || INDICATOR_PREFIX.test(t) || !s.pending)) return null;
  return edit(s, (d) => {
    flushPending(d);
    setLabels(d, lead);
    const roles = valueRoles(d);
    const content = tokens.slice(lead.length).join(' ').replace(INDICATOR_PREFIX, '').replace(/\n/g, '');
    const [name, found] = roles.length > 1 ? splitNameValues(content, roles.length) : splitNameValue(content);
    const foundValues = found === null ? [] : Array.isArray(found) ? found : [found];
    const values = new Map<Role, string>();
    foundValues.forEach((v, i) => i < roles.length && values.set(roles[i], v));
    d.pending = { name, roles, filled: foundValues.length, lines: x.row.lines, values };
    use(d, x.row);
    if (d.pending.filled >= roles.length) flushPending(d);
  });
}

/** A value printed on its own after its indicator's name. */
function value(s: State, { x, t }: FlatContext): Outcome {
  return edit(s, (d) => {
    const p = d.pending!;
    p.values.set(p.roles[p.filled], t.replace(/\n/g, ''));
    p.filled++;
    use(d, x.row);
    if (p.filled >= p.roles.length) flushPending(d);
  });
}

/** Flat rows inside an indicator table, tried in this order. */
export const FLAT_RULES: readonly Rule<FlatContext>[] = [
  { kind: 'template row', read: placeholder },
  { kind: 'label suffix', read: labelSuffix },
  { kind: 'wrapped label', read: wrappedLabel },
  { kind: 'level labels', read: labelRun },
  { kind: 'indicator', read: item },
  { kind: 'value', read: value },
];

/** PDF text or one cell per line: labels, items (指标1：name value), values on their own. */
export function flatIndicatorRow(s: State, x: RowContext): State {
  const t = x.text.trim();
  return applyRules(FLAT_RULES, s, { x, t, c: compact(t) });
}

/**
 * Split "name target actual weight score [reason]" printed on one line: the
 * last `count` tokens are the values (or `count - 1` when the row is too short
 * to have a reason). Returns [content, null] when there are no spaces.
 */
export function splitNameValues(content: string, count: number): [string, string[] | null] {
  const tokens = content.trim().split(/\s+/);
  if (tokens.length < 2) return [content.trim(), null];
  const n = tokens.length > count ? count : tokens.length - 1;
  return [tokens.slice(0, tokens.length - n).join(' '), tokens.slice(tokens.length - n)];
}

const NUMBERISH = /^[≥≤><=≧≦约]?\d/;

/**
 * Split "name value" printed on one line (PDF text): the value is the last
 * space-separated token, or the last two when they read as one number and unit
 * (50 次以上). Returns [name, null] when there is no space.
 */
export function splitNameValue(content: string): [string, string | null] {
  const s = content.trim();
  const tokens = s.split(/\s+/);
  if (tokens.length < 2) return [s, null];
  let k = tokens.length - 1;
  while (k - 1 >= 1 && NUMBERISH.test(tokens[k - 1]) && !NUMBERISH.test(tokens[k])) {
    const v: Value | null = parseValue(tokens.slice(k - 1).join(' '));
    if (!v || v.value === null) break;
    k--;
  }
  return [tokens.slice(0, k).join(' '), tokens.slice(k).join(' ')];
}
