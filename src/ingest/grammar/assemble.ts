/**
 * Indicator assembly: the cells the rules found for an indicator (its name
 * and a value per column role) become an Indicator of the record, under the
 * current 一级 / 二级 labels. A value that does not parse cleanly leaves its
 * line in `unparsed`, never a nearby number.
 */
import { parsePlainNumber } from '../amount.ts';
import { collapse, tidy } from '../../domain/text.ts';
import { hasGarbledNumber, parseValue } from '../value.ts';
import { NATURE_NOT_COMPARATOR, NATURE_QUALITATIVE, type Role } from '../vocabulary.ts';
import { partly, type Draft } from './state.ts';

/** Add the indicator `name` with its values (by column role), read at `line`. */
export function pushIndicator(d: Draft, name: string, values: ReadonlyMap<Role, string>, line: number): void {
  const weightCell = values.get('weight') ?? '';
  const scoreCell = values.get('score') ?? '';
  const weight = parsePlainNumber(weightCell);
  const score = parsePlainNumber(scoreCell);
  if (weight === undefined || score === undefined) partly(d, [line]);
  let targetRaw = values.get('target') ?? '';
  const nature = values.get('nature');
  const unit = values.get('unit');
  if (nature || unit) {
    const op = nature && !NATURE_NOT_COMPARATOR.test(nature) ? nature : '';
    targetRaw = collapse(`${op}${targetRaw}${unit ?? ''}`);
  }
  if (hasGarbledNumber(targetRaw) || hasGarbledNumber(values.get('actual') ?? '') || hasGarbledNumber(weightCell) || hasGarbledNumber(scoreCell))
    partly(d, [line]);
  const target = parseValue(targetRaw);
  if (target && nature && NATURE_QUALITATIVE.test(nature)) Object.assign(target, { op: null, value: null, upper: null, unit: null, qualitative: true });
  const reason = values.get('reason');
  d.indicators.push({
    level1: d.level1.canonical,
    level2: d.level2.canonical,
    level1Raw: d.level1.raw,
    level2Raw: d.level2.raw,
    name: tidy(name),
    target,
    weight: weight ?? null,
    actual: parseValue(values.get('actual') ?? ''),
    score: score ?? null,
    shortfallReason: reason && tidy(reason) !== '' ? tidy(reason) : null,
  });
}

/**
 * Push the pending indicator. At the end of a table (end of the text, page furniture, a title),
 * a line of text that no value followed is a footer or a note, not an indicator: it stays in
 * unparsed. Inside the table (another label follows) it is an indicator whose value is not printed.
 */
export function flushPending(d: Draft, atEnd = false): void {
  const p = d.pending;
  if (!p) return;
  d.pending = null;
  if (atEnd && p.filled === 0 && p.values.size === 0) {
    for (const l of p.lines) d.used.delete(l);
    return;
  }
  pushIndicator(d, p.name, p.values, p.lines[0]);
}
