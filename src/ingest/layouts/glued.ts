/**
 * Cells glued with no separator at all, one table row per line, as some web
 * pages lose their table markup (武汉市青山区: 产出指标数量指标农村义务教育学校改造覆盖率100%).
 * The cells are found by the vocabulary: field labels (项目名称…), header
 * words (一级指标二级指标指标内容指标值), level labels ending in 指标, and the
 * value at the end of a row (a number with its comparator and unit, or a
 * qualitative target word). A row whose value cannot be found is marked
 * uncertain: it is never read as an indicator.
 */
import { LABEL_PREFIX } from '../levels.ts';
import { compact } from '../../domain/text.ts';
import { splitCells } from '../text.ts';
import { FIELD_LABELS, QUALITATIVE_TARGETS } from '../vocabulary.ts';
import type { LayoutReader, Row } from './types.ts';

const HEADER_WORDS = ['绩效指标', '一级指标', '二级指标', '三级指标', '指标内容', '指标名称', '绩效内容', '指标值', '年度指标值', '实际完成值', '分值', '得分', '权重', '指标性质', '度量单位', '备注'].sort(
  (a, b) => b.length - a.length,
);

const norm = (s: string) => compact(s).replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
const LABELS = [...new Set(FIELD_LABELS.map(([, l]) => l))].sort((a, b) => b.length - a.length);

/** A line made only of header words: its cells, or null. */
export function headerRun(text: string): string[] | null {
  let c = compact(text);
  const out: string[] = [];
  while (c.length > 0) {
    const w = HEADER_WORDS.find((h) => c.startsWith(h));
    if (!w) return null;
    out.push(w);
    c = c.slice(w.length);
  }
  return out.length >= 2 ? out : null;
}

/** A line that starts with a field label: label, value, label, value… */
function fieldRun(text: string): string[] | null {
  const c = norm(text);
  const at = (i: number) => LABELS.find((l) => c.startsWith(l, i));
  if (!at(0)) return null;
  const cells: string[] = [];
  let i = 0;
  let value = '';
  while (i < c.length) {
    const l = at(i);
    if (l) {
      if (cells.length > 0) cells.push(value.replace(/^:/, ''));
      cells.push(l);
      value = '';
      i += l.length;
    } else value += c[i++];
  }
  cells.push(value.replace(/^:/, ''));
  return cells;
}

const NUMERIC_TAIL = /(?:[≥≤≧≦><＞＜=＝]=?|不少于|不低于|不超过|不高于|大于等于|小于等于|大于|小于|约)?\d+(?:\.\d+)?(?:%|％|[\u4e00-\u9fa5]{1,2}(?:\/[\u4e00-\u9fa5]{1,2})?)?(?:以上|以下|以内)?$/;

/** Split "name value" glued together: [name, value], or null when no value ends the text. */
export function splitGluedValue(text: string): [string, string] | null {
  const c = compact(text);
  const q = QUALITATIVE_TARGETS.find((w) => c.endsWith(w) && c.length > w.length);
  if (q) return [c.slice(0, -q.length), q];
  const m = NUMERIC_TAIL.exec(c);
  if (m && m.index > 0) return [c.slice(0, m.index), m[0]];
  return null;
}

/** An indicator row: leading level labels (each ending in 指标), the name, the value. */
function indicatorCells(text: string): { cells: string[]; certain: boolean } {
  let c = compact(text);
  const labels: string[] = [];
  for (;;) {
    const m = LABEL_PREFIX.exec(c);
    if (!m || !m[0].endsWith('指标') || m[0].length === c.length) break;
    labels.push(m[0]);
    c = c.slice(m[0].length);
  }
  const split = splitGluedValue(c);
  return split ? { cells: [...labels, ...split], certain: true } : { cells: [...labels, c], certain: labels.length === 0 };
}

export function gluedCells(line: string): { cells: string[]; uncertain: boolean } {
  const t = line.trim();
  const header = headerRun(t);
  if (header) return { cells: header, uncertain: false };
  const fields = fieldRun(t);
  if (fields) return { cells: fields, uncertain: false };
  const ind = indicatorCells(t);
  return { cells: ind.cells, uncertain: !ind.certain };
}

export const glued: LayoutReader = {
  name: 'glued cells (no separator)',
  detect(lines) {
    // A header row of at least three header words glued together is the mark of this layout.
    const glue = lines.some((l) => !/[\t|｜]/.test(l) && !/\S\s+\S/.test(l.trim()) && (headerRun(l)?.length ?? 0) >= 3);
    return glue ? 0.9 : 0;
  },
  rows(lines, from, to) {
    const rows: Row[] = [];
    for (let i = from; i <= to; i++) {
      const line = lines[i];
      if (line.trim() === '') continue;
      const split = splitCells(line);
      if (!split.flat) {
        if (!split.cells.every((c) => c === '')) rows.push({ cells: split.cells, flat: false, text: '', lines: [i + 1] });
        continue;
      }
      // Text with spaces inside (a sentence, a title) is one cell; glued cells have none.
      if (/\S\s+\S/.test(line.trim()) && !/^\S+\s*[:：]/.test(line.trim())) {
        rows.push({ cells: [line.trim()], flat: false, text: '', lines: [i + 1] });
        continue;
      }
      const { cells, uncertain } = gluedCells(line);
      rows.push({ cells, flat: false, text: '', lines: [i + 1], uncertain: uncertain || undefined });
    }
    return rows;
  },
};
