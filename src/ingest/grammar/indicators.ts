/**
 * The rules of the indicator table: its header (a header row, header words
 * one per line, a 绩效指标 cell, or a row starting with a level label), and
 * inside it the rows of `INDICATOR_RULES`, tried in order. Cells are read in
 * their header columns when every cell fits its column, else by their words
 * (a shifted row). Each rule is `(state, row) → state | null`.
 */
import { compact } from '../../domain/text.ts';
import { IngestError } from '../errors.ts';
import { readLabel, readLabelRun, type Label } from '../levels.ts';
import type { Row } from '../../ingest/layouts/index.ts';
import { parsePlainNumber } from '../amount.ts';
import {
  GROUP_CELL,
  HEADER_WORD,
  INDICATOR_HEADER,
  INDICATORS_CELL,
  INDICATOR_PREFIX,
  NATURE_CELL,
  NOTE_ROW,
  PLACEHOLDER,
  QUALITATIVE_TARGETS,
  TOTAL_LABEL,
  TOTAL_ROW,
  UNIT_CELL,
  columnRole,
  type Role,
} from '../vocabulary.ts';
import { flushPending, pushIndicator } from './assemble.ts';
import { flatIndicatorRow } from './flat.ts';
import { isTitle } from './header.ts';
import {
  applyRules,
  edit,
  partly,
  setLabels,
  setLevel1,
  setLevel2,
  use,
  valueRoles,
  type Draft,
  type Outcome,
  type Rule,
  type RowContext,
  type State,
} from './state.ts';

/** Column roles of an indicator table's header row, or null when the row is not one. */
export function readIndicatorHeader(row: Row): (Role | null)[] | null {
  const c = compact(row.flat ? row.text : row.cells.join(''));
  if (!INDICATOR_HEADER.test(c)) return null;
  const cells = row.flat ? row.text.split(/\s+/) : row.cells;
  return cells.map(columnRole);
}

/** A column header printed alone on its line (one cell per line). */
function headerWordRole(row: Row): Role | null {
  if (!row.flat) return null;
  const c = compact(row.text);
  return HEADER_WORD.test(c) ? columnRole(c) : null;
}

function startsWithLevelLabel(row: Row): boolean {
  if (row.flat) return readLabelRun(row.text) !== null;
  const first = row.cells.find((x) => x !== '' && !GROUP_CELL.test(compact(x)));
  return first !== undefined && readLabel(first) !== null && row.cells.filter(Boolean).length >= 2;
}

function startTable(d: Draft, header: (Role | null)[], row: Row): void {
  d.delimitedTable = !row.flat;
  d.section = 'indicators';
  d.columns = header;
  if (header.includes('actual')) d.kind ??= 'self-evaluation';
}

/** A column header printed alone on its line (one cell per line): the header grows by one column. */
export function headerWordRow(s: State, { row }: RowContext): Outcome {
  const word = headerWordRole(row);
  if (!word) return null;
  return edit(s, (d) => {
    flushPending(d);
    d.pendingField = null;
    d.columns = d.lastRowWasHeaderWord && d.columns ? [...d.columns, word] : [word];
    d.section = 'indicators';
    d.lastRowWasHeaderWord = true;
    use(d, row, 'structure');
  });
}

/** A header row of the indicator table, a 绩效指标 cell, or a level label starts the table. */
export function indicatorHeaderRow(s: State, x: RowContext): Outcome {
  const { row, c } = x;
  const header = readIndicatorHeader(row);
  if (header)
    return edit(s, (d) => {
      startTable(d, header, row);
      use(d, row, 'structure');
    });
  if (c === INDICATORS_CELL)
    return edit(s, (d) => {
      d.section = 'indicators';
      use(d, row, 'structure');
    });
  if (startsWithLevelLabel(row))
    return indicatorRow(
      edit(s, (d) => {
        d.pendingField = null;
        d.section = 'indicators';
      }),
      x,
    );
  return null;
}

/** A row inside the indicator table. */
export function indicatorRow(s: State, x: RowContext): State {
  return applyRules(INDICATOR_RULES, s, x);
}

/** A title inside or after a table is the next document's or table's title, not an indicator. */
function tableEndRow(s: State, { row }: RowContext): Outcome {
  if (!(isTitle(row) || (row.flat && s.delimitedTable) || row.uncertain || NOTE_ROW.test(compact(row.cells.find(Boolean) ?? '')))) return null;
  return edit(s, (d) => flushPending(d, true));
}

function repeatedHeaderRow(s: State, { row }: RowContext): Outcome {
  const header = readIndicatorHeader(row);
  if (!header) return null;
  return edit(s, (d) => {
    flushPending(d);
    startTable(d, header, row);
    use(d, row, 'structure');
  });
}

/** 总分 | 100 | 96: the total weight and score (the last two numbers), or the score alone. */
function totalRow(s: State, { row, text, c }: RowContext): Outcome {
  if (!TOTAL_ROW.test(c)) return null;
  return edit(s, (d) => {
    flushPending(d);
    const nums = (row.flat ? text.split(/\s+/) : row.cells)
      .map((x) => x.trim())
      .filter((x) => x !== '' && !TOTAL_LABEL.test(x))
      .map((x) => parsePlainNumber(x));
    const numbers = nums.filter((x): x is number => typeof x === 'number');
    if (numbers.length >= 2) [d.totalWeight, d.totalScore] = numbers.slice(-2);
    else if (numbers.length === 1) d.totalScore = numbers[0];
    if (nums.some((x) => x === undefined)) partly(d, [row.lines[0]]);
    d.sawTotalRow = true;
    use(d, row);
  });
}

/** Is the row's every cell in its header column (no shift)? */
function positional(s: State, cells: string[]): boolean {
  const cols = s.columns;
  if (!cols || !cols.includes('name')) return false;
  if (cells.slice(cols.length).some((x) => x !== '')) return false;
  for (let i = 0; i < cols.length; i++) {
    const x = cells[i] ?? '';
    const role = cols[i];
    const label = x ? readLabel(x) : null;
    if (role === 'group' && x && !GROUP_CELL.test(compact(x))) return false;
    if (role === 'l1' && x && (!label || label.kind === 'l2')) return false;
    if (role === 'l2' && x && !label) return false;
    if (role === 'name' && (!x || label)) return false;
    // 指标性质 holds only a comparator (or 定性/定量), 度量单位 only a unit: anything else means shifted cells.
    if (role === 'nature' && x && !NATURE_CELL.test(compact(x))) return false;
    if (role === 'unit' && x && (!UNIT_CELL.test(compact(x)) || QUALITATIVE_TARGETS.includes(compact(x)))) return false;
    if (role !== 'l1' && role !== 'l2' && role !== 'name' && label && role !== 'group' && role !== 'longTerm') return false;
  }
  return true;
}

/** A row of cells: an empty template row, or an indicator read by column (positional) or by its words (shifted). */
function cellsIndicatorRow(s: State, { row, doc }: RowContext): Outcome {
  const nonEmpty = row.cells.map((x, i) => ({ x, i })).filter(({ x }) => x !== '');
  if (nonEmpty.every(({ x }) => PLACEHOLDER.test(compact(x)) || GROUP_CELL.test(compact(x)))) return edit(s, (d) => use(d, row, 'structure'));
  const isPositional = positional(s, row.cells);
  // Long-term and annual columns side by side, and this row's cells are not in their columns:
  // which text is the annual value is not printed. Refused rather than guessed.
  if (!isPositional && s.columns?.includes('longTerm'))
    throw new IngestError('INGEST_AMBIGUOUS_ROW', doc.file, row.lines[0], 'a row of a table with long-term and annual columns whose cells are not in their columns');
  return edit(s, (d) => {
    flushPending(d);
    const roles = valueRoles(d);
    const read = isPositional ? inColumns(d, row) : shifted(d, row, roles, nonEmpty);
    use(d, row);
    const cleanName = read.name.replace(INDICATOR_PREFIX, '');
    if (compact(cleanName) === '') return; // a row of labels only
    pushIndicator(d, cleanName, read.values, row.lines[0]);
  });
}

/** Every cell in its header column. */
function inColumns(d: Draft, row: Row): { name: string; values: Map<Role, string> } {
  const roles = valueRoles(d);
  const cols = d.columns!;
  const values = new Map<Role, string>();
  const at = (role: Role) => (cols.indexOf(role) >= 0 ? (row.cells[cols.indexOf(role)] ?? '') : '');
  const l1 = at('l1');
  const l2 = at('l2');
  if (l1) setLevel1(d, l1, readLabel(l1));
  if (l2) setLevel2(d, l2, readLabel(l2));
  cols.forEach((role, i) => {
    if (role && roles.includes(role) && (row.cells[i] ?? '') !== '') values.set(role, row.cells[i]);
    // A long-term cell with text: not the annual value, and no field holds it.
    if (role === 'longTerm' && compact(row.cells[i] ?? '') !== '') partly(d, [row.lines[0]]);
  });
  return { name: at('name'), values };
}

/** Shifted row: labels first (wherever they stand), then name and values in column order. */
function shifted(d: Draft, row: Row, roles: Role[], nonEmpty: { x: string; i: number }[]): { name: string; values: Map<Role, string> } {
  const values = new Map<Role, string>();
  const labels: { raw: string; label: Label }[] = [];
  let k = 0;
  for (; k < nonEmpty.length; k++) {
    const x = nonEmpty[k].x;
    if (GROUP_CELL.test(compact(x))) continue;
    const label = readLabel(x);
    if (!label) break;
    labels.push({ raw: x, label });
  }
  setLabels(d, labels);
  const rest = nonEmpty.slice(k).map(({ x }) => x);
  const vals = rest.slice(1);
  if (roles.includes('nature') && vals.length < roles.length) {
    // Merged or empty cells collapsed (指标性质 / 度量单位 left empty for a 定性 row): each value to the
    // next column that can hold it; 指标性质 holds only a comparator, 度量单位 only a unit.
    let j = 0;
    for (const role of roles) {
      if (j >= vals.length) break;
      const v = compact(vals[j]);
      if (role === 'nature' && !NATURE_CELL.test(v)) continue;
      if (role === 'unit' && !UNIT_CELL.test(v)) continue;
      if (role === 'unit' && QUALITATIVE_TARGETS.includes(v)) continue;
      values.set(role, vals[j++]);
    }
    if (j < vals.length) partly(d, [row.lines[0]]);
  } else
    roles.forEach((role, j) => {
      if (j < vals.length) values.set(role, j === roles.length - 1 ? vals.slice(j).join(' ') : vals[j]);
    });
  if (vals.length > roles.length && roles.length > 0 && roles[roles.length - 1] !== 'reason') partly(d, [row.lines[0]]);
  return { name: rest[0] ?? '', values };
}

/**
 * Rows inside an indicator table, tried in this order: the end of the table (a title, a flat line
 * inside a delimited table, a row the reader is unsure of, a remarks row), a repeated header, the
 * group column's cell, the 总分 row, a flat row (PDF text, one cell per line: FLAT_RULES), a row of
 * cells (in their columns, or shifted).
 */
export const INDICATOR_RULES: readonly Rule[] = [
  { kind: 'end of table', read: tableEndRow },
  { kind: 'indicator header', read: repeatedHeaderRow },
  { kind: 'group cell', read: (s, { row, c }) => (GROUP_CELL.test(c) ? edit(s, (d) => use(d, row, 'structure')) : null) },
  { kind: 'total row', read: totalRow },
  { kind: 'flat indicator row', read: (s, x) => (x.row.flat ? flatIndicatorRow(s, x) : null) },
  { kind: 'indicator cells', read: cellsIndicatorRow },
];
