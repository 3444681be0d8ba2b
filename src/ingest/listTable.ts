/**
 * The multi-project list table of a 部门预算 export (四川 井研县):
 *
 *   单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性
 *
 * one row per indicator, with the unit, project, amount and goal printed only
 * on a project's first row (merged cells), and department subtotal rows
 * (820-马踏镇部门 | 8,827,620.53). Rows are read by the vocabulary: the first
 * cell that is a 一级 label starts the indicator cells; the cells before it
 * are the project's, right-aligned to the project columns.
 *
 * A project whose last row is cut off (the copy ends mid-row) or that ends
 * before any satisfaction row is not turned into a record: it is reported
 * as INGEST_TRUNCATED_TABLE with its lines.
 */
import type { Indicator, Party } from '../schema/record.ts';
import { moneyUnitIn, parseMoney, parsePlainNumber, type MoneyUnit } from './amount.ts';
import { IngestError } from './errors.ts';
import { readLabel } from './levels.ts';
import type { ParsedRecord } from './grammar/types.ts';
import { collapse, compact, tidy } from '../domain/text.ts';
import { splitCells } from './text.ts';
import { hasGarbledNumber, parseValue } from './value.ts';
import {
  DIRECTION_WORDS,
  KIND_WORDS,
  LIST_PROJECT_COLUMNS as PROJECT_COLUMNS,
  NATURE_NOT_COMPARATOR,
  NATURE_QUALITATIVE,
  TITLE,
  UNIT_LINE,
  columnRole,
  type ProjectRole,
  type Role,
} from './vocabulary.ts';

function projectRole(cell: string): ProjectRole | null {
  const c = compact(cell);
  return PROJECT_COLUMNS.find(([re]) => re.test(c))?.[1] ?? null;
}

interface Header {
  line: number;
  project: ProjectRole[];
  indicator: (Role | null)[];
}

function cellsOf(line: string): string[] | null {
  const { cells, flat } = splitCells(line);
  if (flat) return null;
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/** The list table's header row: 项目名称 as a column, next to 一级指标. */
function readHeader(lines: string[]): Header | null {
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]);
    if (!cells || cells.length < 8) continue;
    const roles = cells.map(projectRole);
    const l1 = cells.findIndex((c) => columnRole(c) === 'l1');
    if (l1 < 0 || !roles.slice(0, l1).includes('project')) continue;
    const project = roles.slice(0, l1);
    if (project.some((r) => r === null)) continue;
    return { line: i + 1, project: project as ProjectRole[], indicator: cells.slice(l1).map(columnRole) };
  }
  return null;
}

export function isListTable(lines: string[]): boolean {
  return readHeader(lines) !== null;
}

const party = (text: string): Party | null => {
  const t = tidy(text);
  if (t === '') return null;
  const m = /^(\d{2,12})\s*[-－]\s*(.+)$/.exec(t);
  return m ? { name: m[2], code: m[1] } : { name: t, code: null };
};

interface Project {
  name: string;
  amountCell: string;
  amountLine: number;
  goal: string;
  unit: Party | null;
  department: Party | null;
  lines: number[];
  indicators: Indicator[];
  partly: Set<number>;
  cut: boolean;
}

export interface ListTableResult {
  records: ParsedRecord[];
  omitted: IngestError[];
  documentYear: number | null;
}

export function parseListTable(lines: string[], file: string): ListTableResult {
  const header = readHeader(lines)!;
  let title: string | null = null;
  let year: number | null = null;
  let moneyUnit: MoneyUnit | null = null;
  const used = new Set<number>([header.line]);
  for (let i = 0; i < header.line - 1; i++) {
    const cells = cellsOf(lines[i]) ?? [lines[i].trim()];
    const text = cells.filter(Boolean).join(' ');
    if (cells.filter(Boolean).length !== 1) continue;
    const unit = UNIT_LINE.exec(compact(text));
    if (unit) {
      moneyUnit = (unit[1] ?? unit[2]) as MoneyUnit;
      used.add(i + 1);
    } else if (TITLE.test(text)) {
      title = tidy(text);
      const y = /(\d{4})\s*年/.exec(text);
      if (y) year = Number(y[1]);
      used.add(i + 1);
    }
  }

  const width = header.indicator.length;
  const projects: Project[] = [];
  let department: Party | null = null;
  let current: Project | null = null;
  let lastUnit: Party | null = null;
  for (let i = header.line; i < lines.length; i++) {
    const cells = cellsOf(lines[i]);
    if (!cells || cells.length === 0) continue;
    const n = i + 1;
    const start = cells.findIndex((c) => readLabel(c)?.level1 != null);
    if (start < 0) {
      // A department row: its name (and subtotal, which no record holds: the line stays in unparsed).
      if (cells.length <= 2 && !current) department = party(cells[0]);
      continue;
    }
    const projectCells = cells.slice(0, start);
    const values = cells.slice(start);
    if (projectCells.length > 0) {
      const roles = header.project.slice(header.project.length - projectCells.length);
      const get = (r: ProjectRole) => (roles.indexOf(r) >= 0 ? projectCells[roles.indexOf(r)] : undefined);
      if (get('unit') !== undefined) lastUnit = party(get('unit')!);
      const name = get('project');
      if (name === undefined || tidy(name) === '') continue; // cells we cannot place: left in unparsed
      current = { name: tidy(name), amountCell: get('amount') ?? '', amountLine: n, goal: collapse(get('goal') ?? ''), unit: lastUnit, department, lines: [], indicators: [], partly: new Set(), cut: false };
      projects.push(current);
    }
    if (!current) continue;
    current.lines.push(n);
    // A row cut off (the copy ends mid-row): fewer cells than the header, or no closing pipe.
    const closed = /[|｜]\s*$/.test(lines[i]);
    if (values.length < width - header.indicator.filter((r) => r === 'ignore').length || !closed) {
      current.cut = true;
      continue;
    }
    const at = (role: Role) => {
      const k = header.indicator.indexOf(role);
      return k >= 0 ? (values[k] ?? '') : '';
    };
    const nature = at('nature');
    const op = nature && !NATURE_NOT_COMPARATOR.test(nature) ? nature : '';
    const targetRaw = collapse(`${op}${at('target')}${at('unit')}`);
    const weight = parsePlainNumber(at('weight'));
    if (weight === undefined || hasGarbledNumber(targetRaw) || hasGarbledNumber(at('weight'))) current.partly.add(n);
    const ignored = header.indicator.map((r, k) => (r === 'ignore' ? (values[k] ?? '') : '')).filter(Boolean);
    if (ignored.some((x) => !DIRECTION_WORDS.test(compact(x))) || values.length > width) current.partly.add(n);
    const target = parseValue(targetRaw);
    if (target && NATURE_QUALITATIVE.test(nature)) Object.assign(target, { op: null, value: null, upper: null, unit: null, qualitative: true });
    const l1 = at('l1');
    const l2 = at('l2');
    current.indicators.push({
      level1: readLabel(l1)?.level1 ?? null,
      level2: readLabel(l2)?.level2 ?? null,
      level1Raw: collapse(l1) || null,
      level2Raw: collapse(l2) || null,
      name: tidy(at('name')),
      target,
      weight: weight ?? null,
      actual: null,
      score: null,
      shortfallReason: null,
    });
  }

  const records: ParsedRecord[] = [];
  const omitted: IngestError[] = [];
  projects.forEach((p, k) => {
    const first = k === 0 ? 1 : p.lines[0];
    const last = k + 1 < projects.length ? projects[k + 1].lines[0] - 1 : lines.length;
    const isLast = k === projects.length - 1;
    const satisfied = p.indicators.some((i) => i.level1 === '满意度指标' || i.level2 === '服务对象满意度指标');
    if (p.cut || (isLast && !satisfied) || p.indicators.length === 0) {
      omitted.push(
        new IngestError('INGEST_TRUNCATED_TABLE', file, p.lines[p.lines.length - 1], `table "${p.name}" (lines ${p.lines[0]}–${p.lines[p.lines.length - 1]}) is cut off: not imported`),
      );
      return;
    }
    const unit = moneyUnitIn(p.amountCell) ?? moneyUnit;
    const total = unit ? parseMoney(p.amountCell, unit) : parseMoney(p.amountCell, '元') === null ? null : undefined;
    if (total === undefined) throw new IngestError('INGEST_BAD_AMOUNT', file, p.amountLine, `"${p.amountCell}" is not an amount${unit ? ` in ${unit}` : ' (no unit stated)'}`);
    const own = new Set<number>([...p.lines]);
    if (k === 0) for (const l of used) own.add(l);
    const unparsed: { line: number; text: string }[] = [];
    for (let l = first; l <= Math.min(last, lines.length); l++) {
      const t = lines[l - 1];
      if (t.trim() === '' || /^[\s|｜]*$/.test(t)) continue;
      if (!own.has(l) || p.partly.has(l)) unparsed.push({ line: l, text: t.replace(/\s+$/, '') });
    }
    records.push({
      kind: (title && KIND_WORDS.find(([re]) => re.test(title))?.[1]) || 'target',
      year,
      name: p.name,
      title,
      department: p.department,
      implementingUnit: p.unit,
      projectType: null,
      projectPeriod: null,
      managingOffice: null,
      budget: { total, fiscal: null, other: null },
      goal: p.goal,
      outcome: null,
      indicators: p.indicators,
      execution: null,
      totalScore: null,
      totalWeight: null,
      source: { file, lines: [first, last] },
      unparsed,
    });
  });
  if (records.length === 0 && omitted.length > 0) throw omitted[0];
  return { records, omitted, documentYear: year };
}
