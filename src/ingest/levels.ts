/**
 * The indicator levels: recognising 一级 / 二级 labels in their many printed
 * forms (1-产出指标, 11-数量指标, 数量指标(必填硬性指标), 产出 指标 (40分),
 * 经济效益 vs 经济效益指标) and mapping them to canonical labels.
 */
import type { Level1, Level2 } from '../schema/record.ts';
import { compact } from '../domain/text.ts';

/** Which column a label belongs in: only 一级, only 二级, or either (成本指标). */
export type LabelKind = 'l1' | 'l2' | 'either';
export interface Label {
  kind: LabelKind;
  /** Canonical 一级 reading, when the label can be a 一级. */
  level1: Level1 | null;
  /** Canonical 二级 reading, when the label can be a 二级. */
  level2: Level2 | null;
}

// Stems, longest first (服务对象满意度 before 满意度, 经济效益 before 效益).
const STEMS: [string, Label][] = [
  // The older central template: satisfaction as a 二级 under 效益指标.
  ['社会公众或服务对象满意度', { kind: 'l2', level1: null, level2: '服务对象满意度指标' }],
  ['服务对象满意度', { kind: 'l2', level1: null, level2: '服务对象满意度指标' }],
  ['生态环境成本', { kind: 'l2', level1: null, level2: '生态环境成本指标' }],
  ['可持续影响', { kind: 'l2', level1: null, level2: '可持续影响指标' }],
  ['经济效益', { kind: 'l2', level1: null, level2: '经济效益指标' }],
  ['社会效益', { kind: 'l2', level1: null, level2: '社会效益指标' }],
  ['生态效益', { kind: 'l2', level1: null, level2: '生态效益指标' }],
  ['经济成本', { kind: 'l2', level1: null, level2: '经济成本指标' }],
  ['社会成本', { kind: 'l2', level1: null, level2: '社会成本指标' }],
  ['满意度', { kind: 'l1', level1: '满意度指标', level2: null }],
  ['数量', { kind: 'l2', level1: null, level2: '数量指标' }],
  ['质量', { kind: 'l2', level1: null, level2: '质量指标' }],
  ['时效', { kind: 'l2', level1: null, level2: '时效指标' }],
  ['产出', { kind: 'l1', level1: '产出指标', level2: null }],
  ['效益', { kind: 'l1', level1: '效益指标', level2: null }],
  ['成本', { kind: 'either', level1: '成本指标', level2: '成本指标' }],
];

const CODE = '(?:\\d{1,4}\\s*[-－.、]\\s*)?';
const PAREN = '(?:[（(][^）)]*[）)])';
// One label: optional code, stem, optional 指标 (its 指 and 标 may be split by spaces), parentheticals.
const LABEL_AT = new RegExp(`^${CODE}(${STEMS.map(([s]) => s).join('|')})(?:指标)?等?${PAREN}*`);
/** A level label at the start of a text (glued cells: 产出指标数量指标…). */
export const LABEL_PREFIX = LABEL_AT;
const WHOLE_PAREN = new RegExp(`^${PAREN}+$`);

/** The label a whole cell states, or null when the cell is not a level label. */
export function readLabel(cell: string): Label | null {
  const c = compact(cell);
  if (c === '') return null;
  const m = LABEL_AT.exec(c);
  if (!m || m[0].length !== c.length) return null;
  return STEMS.find(([s]) => s === m[1])![1];
}

/**
 * Read a run of labels printed in one cell or paragraph (PDF text:
 * 满意度指标服务对象满意度指标（必填）). Returns null unless the whole text is labels.
 */
export function readLabelRun(text: string): { raw: string; label: Label }[] | null {
  let c = compact(text);
  const out: { raw: string; label: Label }[] = [];
  while (c.length > 0) {
    const m = LABEL_AT.exec(c);
    if (!m) return null;
    out.push({ raw: m[0], label: STEMS.find(([s]) => s === m[1])![1] });
    c = c.slice(m[0].length);
  }
  return out.length > 0 ? out : null;
}

/** A cell that is only a parenthetical remark such as （选填） or (必填). */
export function isParenthetical(text: string): boolean {
  return WHOLE_PAREN.test(compact(text));
}
