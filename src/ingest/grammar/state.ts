/**
 * The table grammar's state: everything it knows while reading one table's
 * rows, as one explicit typed value. A rule (src/ingest/grammar/rules.ts) is
 * a pure function `(state, row) → state | null`: it never changes the state it
 * is given; it returns an edited copy (`edit`), or null when the row is not of
 * its kind. The helpers below that take a `Draft` are the edits rules make on
 * their copy.
 */
import type { Execution, Indicator, Kind, Level1, Level2, ProjectRecord } from '../../schema/record.ts';
import type { MoneyUnit } from '../amount.ts';
import type { BudgetColumns } from '../budgetBlock.ts';
import { collapse, compact } from '../../domain/text.ts';
import type { Label } from '../levels.ts';
// The layout readers by a path through src/ingest/: `../layouts` would name the website's layouts (eslint).
import type { Row } from '../../ingest/layouts/index.ts';
import type { Span } from '../spans.ts';
import { NON_VALUE_ROLES, type FieldKey, type Role } from '../vocabulary.ts';

export type Section = 'header' | 'budget' | 'goal' | 'goalOutcome' | 'indicators';

/** An indicator whose name was read on a flat row and whose values may follow on rows of their own. */
export interface PendingItem {
  name: string;
  roles: Role[];
  filled: number;
  lines: number[];
  values: Map<Role, string>;
}

export interface LevelCell {
  canonical: Level1 | Level2 | null;
  raw: string | null;
}

/** The grammar's state while reading one table (mutable form: a rule's copy). */
export interface Draft {
  // Lines accounted for.
  /** Lines read (a field, an indicator, structure). */
  used: Set<number>;
  /** Lines read in part: listed in `unparsed` although used. */
  partly: Set<number>;
  /** Lines that are table structure (headers, titles, template rows), for the lossless check. */
  structure: Set<number>;
  /** The current row was read (set by rules, reset by the driver before each row). */
  rowUsed: boolean;
  /** Last line (1-based) read by the long-term grid: the reader's rows up to it are not read again. */
  gridUntil: number;

  // Where the grammar is.
  section: Section;
  unit: MoneyUnit | null;
  /** A label printed without its value (one cell per line): the next row is its value. */
  pendingField: FieldKey | null;
  /** The label of pendingField as printed (compact), to join a label wrapped over two cells. */
  pendingLabel: string | null;
  /** 总体目标 | 中期目标 | 年度目标: the sub-headers whose texts follow, in order. */
  goalQueue: ('goal' | 'other')[];
  /** The lines of the title row read as this table's title (an earlier one goes back to unparsed). */
  titleLines: number[] | null;
  lastRowWasHeaderWord: boolean;

  // The record's header.
  title: string | null;
  year: number | null;
  kind: Kind | null;
  name: string | null;
  department: ProjectRecord['department'];
  implementingUnit: ProjectRecord['implementingUnit'];
  projectType: string | null;
  projectPeriod: string | null;
  managingOffice: string | null;
  budget: { total: number | null; fiscal: number | null; other: number | null };
  /** The row each budget amount was read from. */
  amountRows: Partial<Record<'total' | 'fiscal' | 'other', { value: number | null; lines: number[] }>>;
  goalParts: string[];
  outcome: string | null;

  // Self-evaluation budget block.
  budgetColumns: BudgetColumns | null;
  execution: Execution | null;

  // Indicator table.
  columns: (Role | null)[] | null;
  /** The indicator table's header row has cells (tab, pipe): a flat line inside it is not a row of it. */
  delimitedTable: boolean;
  level1: { canonical: Level1 | null; raw: string | null };
  level2: { canonical: Level2 | null; raw: string | null };
  lastLabelWas: 'l1' | 'l2' | null;
  indicators: Indicator[];
  pending: PendingItem | null;
  totalScore: number | null;
  totalWeight: number | null;
  sawTotalRow: boolean;
}

type DeepReadonly<T> = T extends BudgetColumns
  ? T
  : T extends Map<infer K, infer V>
    ? ReadonlyMap<K, DeepReadonly<V>>
    : T extends Set<infer U>
      ? ReadonlySet<U>
      : T extends (infer U)[]
        ? readonly DeepReadonly<U>[]
        : T extends object
          ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
          : T;

/** The state as rules see it: read-only. */
export type State = DeepReadonly<Draft>;

/** The document a table is read from: the context every rule sees, never changed. */
export interface Doc {
  lines: readonly string[];
  span: Span;
  file: string;
  /** The last table of the document (a cut-off copy ends in it). */
  isLast: boolean;
}

/** A row as the rules read it. */
export interface RowContext {
  row: Row;
  /** The row's text (cells joined by a space). */
  text: string;
  /** The same without whitespace. */
  c: string;
  doc: Doc;
}

export function initialState(): State {
  return {
    used: new Set(),
    partly: new Set(),
    structure: new Set(),
    rowUsed: false,
    gridUntil: 0,
    section: 'header',
    unit: null,
    pendingField: null,
    pendingLabel: null,
    goalQueue: [],
    titleLines: null,
    lastRowWasHeaderWord: false,
    title: null,
    year: null,
    kind: null,
    name: null,
    department: null,
    implementingUnit: null,
    projectType: null,
    projectPeriod: null,
    managingOffice: null,
    budget: { total: null, fiscal: null, other: null },
    amountRows: {},
    goalParts: [],
    outcome: null,
    budgetColumns: null,
    execution: null,
    columns: null,
    delimitedTable: false,
    level1: { canonical: null, raw: null },
    level2: { canonical: null, raw: null },
    lastLabelWas: null,
    indicators: [],
    pending: null,
    totalScore: null,
    totalWeight: null,
    sawTotalRow: false,
  };
}

/** A copy of the state that a rule may change; the state given is left as it was. */
function copy(s: State): Draft {
  const d = s as Draft;
  return {
    ...d,
    used: new Set(d.used),
    partly: new Set(d.partly),
    structure: new Set(d.structure),
    goalQueue: [...d.goalQueue],
    titleLines: d.titleLines && [...d.titleLines],
    budget: { ...d.budget },
    amountRows: { ...d.amountRows },
    goalParts: [...d.goalParts],
    execution: d.execution && { ...d.execution, funding: [...d.execution.funding] },
    columns: d.columns && [...d.columns],
    level1: { ...d.level1 },
    level2: { ...d.level2 },
    indicators: [...d.indicators],
    pending: d.pending && { ...d.pending, roles: [...d.pending.roles], lines: [...d.pending.lines], values: new Map(d.pending.values) },
  };
}

/** The state after `change`, made on a copy. */
export function edit(s: State, change: (d: Draft) => void): State {
  const d = copy(s);
  change(d);
  return d;
}

/**
 * What a rule returns: the new state when it read the row; `{ pass }` when it only changed the
 * state (the end of a block) and the next rules are to see the row; null when the row is not its.
 */
export type Outcome<S = State> = S | { pass: S } | null;
export type Rule<X = RowContext, S = State> = { kind: string; read: (s: S, x: X) => Outcome<S> };

/** Run a declared ordered table of rules on a row: the first rule that reads it wins. */
export function applyRules<X, S extends object>(rules: readonly Rule<X, S>[], s: S, x: X): S {
  let state = s;
  for (const rule of rules) {
    const out = rule.read(state, x);
    if (out === null) continue;
    if ('pass' in out) {
      state = out.pass;
      continue;
    }
    return out;
  }
  return state;
}

/** The row's lines are read (as a field, or as table structure). */
export function use(d: Draft, row: { lines: readonly number[] }, as: 'field' | 'structure' = 'field'): void {
  d.rowUsed = true;
  for (const l of row.lines) {
    d.used.add(l);
    if (as === 'structure') d.structure.add(l);
  }
}

/** The lines are read in part: they stay in `unparsed`. */
export function partly(d: Draft, lines: readonly number[]): void {
  for (const l of lines) d.partly.add(l);
}

export function setLevel1(d: Draft, raw: string, label: Label | null): void {
  d.level1 = { canonical: label?.level1 ?? null, raw: collapse(raw) };
  d.level2 = { canonical: null, raw: null };
  d.lastLabelWas = 'l1';
}

export function setLevel2(d: Draft, raw: string, label: Label | null): void {
  d.level2 = { canonical: label?.level2 ?? null, raw: collapse(raw) };
  d.lastLabelWas = 'l2';
}

/** One label printed alone in a row: 一级 or 二级 by what it can be. */
export function setLabel(d: Draft, raw: string, label: Label): void {
  if (label.kind === 'l1') setLevel1(d, raw, label);
  else if (label.kind === 'l2') setLevel2(d, raw, label);
  else if (d.level1.canonical === '成本指标' && d.lastLabelWas === null) setLevel1(d, raw, label);
  else setLevel2(d, raw, label);
}

/** Two leading labels (一级, 二级), or one read by what it can be. */
export function setLabels(d: Draft, labels: readonly { raw: string; label: Label }[]): void {
  if (labels.length >= 2) {
    setLevel1(d, labels[0].raw, labels[0].label.level1 ? labels[0].label : null);
    setLevel2(d, labels[1].raw, labels[1].label.level2 ? labels[1].label : null);
  } else if (labels.length === 1) setLabel(d, labels[0].raw, labels[0].label);
}

/** The value columns after the name (target, actual, weight, …), in header order. */
export function valueRoles(s: State): Role[] {
  if (!s.columns) return s.kind === 'self-evaluation' ? ['target', 'actual', 'weight', 'score', 'reason'] : ['target'];
  const nameAt = s.columns.indexOf('name');
  return s.columns
    .slice(nameAt + 1)
    .filter((r): r is Role => r !== null && !NON_VALUE_ROLES.includes(r));
}

/** The text of a row: a flat row's text, or its cells joined by a space. */
export function rowText(row: Row): string {
  return row.flat ? row.text : row.cells.filter(Boolean).join(' ');
}

export function rowContext(row: Row, doc: Doc): RowContext {
  const text = rowText(row);
  return { row, text, c: compact(text), doc };
}
