/**
 * Header fields of a table: label / value pairs found by the labels of the
 * vocabulary (项目名称 X 主管部门 Y …), wherever a row puts them.
 */
import type { Row } from './layouts/index.ts';
import { collapse, compact } from '../domain/text.ts';
import { FIELD_LABELS, type FieldKey } from './vocabulary.ts';

function labelPattern(label: string): string {
  return [...label]
    .map((ch) => {
      if (ch === '(') return '[(（]';
      if (ch === ')') return '[)）]';
      if (ch === ':') return '[:：]';
      if (ch === '、') return '[、,，]';
      return ch.replace(/[.*+?^${}|[\]\\]/g, '\\$&');
    })
    .join('\\s*');
}

const FIELD_REGEX = new RegExp(
  `(${[...FIELD_LABELS]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([, l]) => labelPattern(l))
    .join('|')})\\s*[:：]?`,
  'y',
);

function fieldKeyOf(label: string): FieldKey {
  const c = compact(label).replace(/[:：]$/, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/[,，]/g, '、');
  const hit = FIELD_LABELS.find(([, l]) => l === c);
  if (!hit) throw new Error(`unknown label ${label}`);
  return hit[0];
}

/** Label/value pairs in a header row, or null when the row does not start with a known label. */
export function readFields(row: Row): { key: FieldKey; label: string; value: string }[] | null {
  const text = row.flat ? row.text : row.cells.join('\t');
  const starts: { at: number; end: number; label: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !/[\s\t]/.test(text[i - 1])) continue;
    if (/\s/.test(text[i])) continue;
    FIELD_REGEX.lastIndex = i;
    const m = FIELD_REGEX.exec(text);
    if (m) {
      starts.push({ at: i, end: i + m[0].length, label: m[1] });
      // A goal runs to the end of the row: no labels inside it. A name ends at the next label
      // that stands after a space (项目名称 X 项目负责人及电话 Y).
      const key = fieldKeyOf(m[1]);
      if (key === 'goal') break;
      i = i + m[0].length - 1;
    }
  }
  if (starts.length === 0 || text.slice(0, starts[0].at).trim() !== '') return null;
  return starts.map((s, k) => {
    const value = text.slice(s.end, k + 1 < starts.length ? starts[k + 1].at : undefined);
    return { key: fieldKeyOf(s.label), label: collapse(s.label), value: value.split('\t').map((c) => c.trim()).filter(Boolean).join(' ') };
  });
}
