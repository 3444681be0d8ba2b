/**
 * The grammar's list-table mode: the multi-project list table of a 部门预算
 * export (四川 井研县), read from the same reader rows as every table:
 *
 *   单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性
 *
 * one row per indicator, with the unit, project, amount and goal printed only
 * on a project's first row (merged cells), and department subtotal rows
 * (820-马踏镇部门 | 8,827,620.53). The header's project columns are the
 * vocabulary's LIST_PROJECT_COLUMNS, its indicator columns the grammar's
 * column roles. Rows are read by the vocabulary: the first cell that is a 一级
 * label starts the indicator cells; the cells before it are the project's,
 * right-aligned to the project columns. The rows above the header are read by
 * the grammar's title-block rules; each project's indicators are assembled as
 * every table's (assemble.ts), its record as every table's (record.ts).
 *
 * A project whose last row is cut off (the copy ends mid-row) or that ends
 * before any satisfaction row is not turned into a record: it is reported as
 * INGEST_TRUNCATED_TABLE with its lines.
 */
import type { Party } from '../../schema/record.ts';
import { collapse, compact, tidy } from '../../domain/text.ts';
import { IngestError } from '../errors.ts';
import type { Row } from '../../ingest/layouts/index.ts';
import { readLabel } from '../levels.ts';
import { DIRECTION_WORDS, LIST_PARTY, columnRole, projectRole, type ProjectRole, type Role } from '../vocabulary.ts';
import { pushIndicator } from './assemble.ts';
import { blankRow, furnitureRow, money, titleRow, unitRow, yearRow } from './header.ts';
import { assembleRecord, hasSatisfactionRows } from './record.ts';
import { applyRules, edit, initialState, partly, rowContext, setLevel1, setLevel2, use, type Doc, type Rule, type State } from './state.ts';
import type { ParsedRecord } from './types.ts';

export interface ListHeader {
  /** The header's position among the rows. */
  at: number;
  line: number;
  project: ProjectRole[];
  indicator: (Role | null)[];
}

/** A row's cells, without the empty cells that close it; null for a flat row. */
function cellsOf(row: Row): string[] | null {
  if (row.flat) return null;
  let end = row.cells.length;
  while (end > 0 && row.cells[end - 1] === '') end--;
  return row.cells.slice(0, end);
}

/** The list table's header row: 项目名称 as a column, next to 一级指标; null when the document has none. */
export function readListHeader(rows: readonly Row[]): ListHeader | null {
  for (let at = 0; at < rows.length; at++) {
    const cells = cellsOf(rows[at]);
    if (!cells || cells.length < 8) continue;
    const roles = cells.map(projectRole);
    const l1 = cells.findIndex((c) => columnRole(c) === 'l1');
    if (l1 < 0 || !roles.slice(0, l1).includes('project')) continue;
    const project = roles.slice(0, l1);
    if (project.some((r) => r === null)) continue;
    return { at, line: rows[at].lines[0], project: project as ProjectRole[], indicator: cells.slice(l1).map(columnRole) };
  }
  return null;
}

/** The rows above the header: the title block (title, year, money unit) of every table. */
const TITLE_BLOCK_RULES: readonly Rule[] = [
  { kind: 'blank', read: blankRow },
  { kind: 'furniture', read: furnitureRow },
  { kind: 'title', read: titleRow },
  { kind: 'year', read: yearRow },
  { kind: 'unit', read: unitRow },
];

interface Project {
  amountCell: string;
  amountLine: number;
  lines: readonly number[];
  cut: boolean;
  /** The grammar's state of this project's table: its fields and indicators. */
  state: State;
}

export interface ListState {
  department: Party | null;
  lastUnit: Party | null;
  projects: readonly Project[];
}

export interface ListRow {
  row: Row;
  cells: string[];
  /** Where the indicator cells start (the first 一级 label), -1 when none. */
  start: number;
  header: ListHeader;
  /** The state after the title block: the start of every project's. */
  top: State;
}

const party = (text: string): Party | null => {
  const t = tidy(text);
  if (t === '') return null;
  const m = LIST_PARTY.exec(t);
  return m ? { name: m[2], code: m[1] } : { name: t, code: null };
};

/** The current project, changed. */
function withCurrent(s: ListState, change: (p: Project) => Project): ListState {
  const last = s.projects[s.projects.length - 1];
  return { ...s, projects: [...s.projects.slice(0, -1), change(last)] };
}

/** A department row (no 一级 label): its name; its subtotal no record holds (the line stays in unparsed). */
function departmentRow(s: ListState, { cells, start }: ListRow): ListState | null {
  if (start >= 0) return null;
  return cells.length <= 2 && s.projects.length === 0 ? { ...s, department: party(cells[0]) } : s;
}

/** Cells before the indicator cells: a project's first row (its unit, name, amount, goal). Then its indicator is read. */
function projectRow(s: ListState, { row, cells, start, header, top }: ListRow): ListState | { pass: ListState } | null {
  if (start === 0) return null;
  const projectCells = cells.slice(0, start);
  const roles = header.project.slice(header.project.length - projectCells.length);
  const get = (r: ProjectRole) => (roles.indexOf(r) >= 0 ? projectCells[roles.indexOf(r)] : undefined);
  const unit = get('unit');
  const lastUnit = unit !== undefined ? party(unit) : s.lastUnit;
  const name = get('project');
  if (name === undefined || tidy(name) === '') return { ...s, lastUnit }; // cells we cannot place: left in unparsed
  const goal = collapse(get('goal') ?? '');
  const state = edit(top, (d) => {
    d.name = tidy(name);
    d.department = s.department;
    d.implementingUnit = lastUnit;
    d.goalParts = [goal];
    d.kind ??= 'target';
    d.columns = header.indicator;
    d.section = 'indicators';
  });
  const project: Project = { amountCell: get('amount') ?? '', amountLine: row.lines[0], lines: [], cut: false, state };
  return { pass: { ...s, lastUnit, projects: [...s.projects, project] } };
}

/** A row cut off (the copy ends mid-row): fewer cells than the header, or no closing pipe. */
function cutRow(s: ListState, { row, cells, start, header }: ListRow): ListState | null {
  if (s.projects.length === 0) return s;
  const width = header.indicator.length;
  if (cells.length - start >= width - header.indicator.filter((r) => r === 'ignore').length && !row.open) return null;
  return withCurrent(s, (p) => ({ ...p, lines: [...p.lines, ...row.lines], cut: true }));
}

/** One indicator, its cells in the header's columns. */
function indicatorRow(s: ListState, { row, cells, start, header }: ListRow): ListState {
  const values = cells.slice(start);
  const n = row.lines[0];
  const at = (role: Role) => {
    const k = header.indicator.indexOf(role);
    return k >= 0 ? (values[k] ?? '') : '';
  };
  return withCurrent(s, (p) => ({
    ...p,
    lines: [...p.lines, ...row.lines],
    state: edit(p.state, (d) => {
      const ignored = header.indicator.map((r, k) => (r === 'ignore' ? (values[k] ?? '') : '')).filter(Boolean);
      if (ignored.some((x) => !DIRECTION_WORDS.test(compact(x))) || values.length > header.indicator.length) partly(d, [n]);
      setLevel1(d, at('l1'), readLabel(at('l1')));
      if (at('l2')) setLevel2(d, at('l2'), readLabel(at('l2')));
      const read = new Map<Role, string>();
      for (const role of ['target', 'nature', 'unit', 'weight'] as const) if (at(role) !== '') read.set(role, role === 'target' ? collapse(at(role)) : at(role));
      pushIndicator(d, at('name'), read, n);
    }),
  }));
}

/** The rows under the header, tried in this order. */
export const LIST_RULES: readonly Rule<ListRow, ListState>[] = [
  { kind: 'department row', read: departmentRow },
  { kind: 'project row', read: projectRow },
  { kind: 'cut-off row', read: cutRow },
  { kind: 'indicator row', read: indicatorRow },
];

export interface ListTableResult {
  records: ParsedRecord[];
  omitted: IngestError[];
  documentYear: number | null;
  structureLines: Set<number>;
}

/** Read a list table (its header found by readListHeader) from the reader's rows of the whole document. */
export function readListTable(
  rows: readonly Row[],
  header: ListHeader,
  lines: string[],
  file: string,
  rules: readonly Rule<ListRow, ListState>[] = LIST_RULES,
): ListTableResult {
  const whole: Doc = { lines, span: { from: 0, to: lines.length - 1 }, file, isLast: false };
  let top = initialState();
  for (const row of rows.slice(0, header.at)) {
    const x = rowContext(row, whole);
    // A title block is a cell alone in its row.
    if (!row.flat && row.cells.filter(Boolean).length !== 1) continue;
    top = applyRules(TITLE_BLOCK_RULES, edit(top, (d) => void (d.rowUsed = false)), x);
  }
  top = edit(top, (d) => use(d, rows[header.at], 'structure'));

  let list: ListState = { department: null, lastUnit: null, projects: [] };
  for (const row of rows.slice(header.at + 1)) {
    const cells = cellsOf(row);
    if (!cells || cells.length === 0) continue;
    const start = cells.findIndex((c) => readLabel(c)?.level1 != null);
    list = applyRules(rules, list, { row, cells, start, header, top });
  }

  const records: ParsedRecord[] = [];
  const omitted: IngestError[] = [];
  list.projects.forEach((p, k) => {
    const name = p.state.name!;
    const first = k === 0 ? 1 : p.lines[0];
    const last = k + 1 < list.projects.length ? list.projects[k + 1].lines[0] - 1 : lines.length;
    const isLast = k === list.projects.length - 1;
    const satisfied = hasSatisfactionRows(p.state.indicators);
    if (p.cut || (isLast && !satisfied) || p.state.indicators.length === 0) {
      const [a, b] = [p.lines[0], p.lines[p.lines.length - 1]];
      omitted.push(new IngestError('INGEST_TRUNCATED_TABLE', file, b, `table "${name}" (lines ${a}–${b}) is cut off: not imported`));
      return;
    }
    const doc: Doc = { lines, span: { from: first - 1, to: last - 1 }, file, isLast: false };
    const state = edit(p.state, (d) => {
      const total = money(d, doc, p.amountCell, null, { lines: [p.amountLine] });
      if (total === undefined) throw new IngestError('INGEST_BAD_AMOUNT', file, p.amountLine, `"${p.amountCell}" is not an amount (no unit stated)`);
      d.budget.total = total;
      // A project's lines are its rows; the first project's also the title block and the header.
      d.used = new Set([...p.lines, ...(k === 0 ? d.used : [])]);
    });
    records.push(assembleRecord(state, doc));
  });
  if (records.length === 0 && omitted.length > 0) throw omitted[0];
  return { records, omitted, documentYear: top.year, structureLines: new Set(top.structure) };
}
