/**
 * The table grammar: one document's rows (from the layout reader that is
 * most sure of it, src/ingest/layouts/) read into project records through
 * the vocabulary (src/ingest/vocabulary.ts, src/ingest/levels.ts).
 *
 * The structure is read from the tables' words and header rows, not from
 * line positions: a record starts at a 项目名称 row (src/ingest/spans.ts);
 * header fields are found by their labels (src/ingest/fields.ts); the
 * indicator table by its header (一级指标 / 三级指标 / 指标值 …) or its level
 * labels; cells are recognised by their words wherever a shifted row puts
 * them. A multi-project list table has its own reader and grammar
 * (src/ingest/listTable.ts).
 *
 * Every line of a record's span is accounted for: it becomes a field, is table
 * structure (a title, a header row, an empty template row), or is listed in
 * `unparsed`. A table cut off is left out and reported (ParsedDocument.omitted).
 */
import type { Execution, FundingRow, Indicator, Kind, Level1, Level2, ProjectRecord, Value } from '../schema/record.ts';
import { moneyUnitIn, parseMoney, parsePercentFraction, parsePlainNumber, statedTotal, type MoneyUnit } from './amount.ts';
import { IngestError } from './errors.ts';
import { isParenthetical, readLabel, readLabelRun, type Label } from './levels.ts';
import { collapse, compact, tidy } from '../domain/text.ts';
import { isSeparatorRow } from './text.ts';
import { readFields } from './fields.ts';
import { BudgetColumns } from './budgetBlock.ts';
import { isListTable, parseListTable } from './listTable.ts';
import { recordSpans, type Span } from './spans.ts';
import { detectLayout, type Detection, type LayoutReader, type Row } from './layouts/index.ts';
import { hasGarbledNumber, parseValue, targetFromName } from './value.ts';
import {
  FIELD_LABELS,
  HEADER_WORD,
  INDICATOR_PREFIX,
  PLACEHOLDER,
  TITLE,
  UNIT_LINE,
  YEAR_LINE,
  BUDGET_HEADER,
  BUDGET_ROW_FIELDS,
  DOCUMENT_YEAR,
  GOAL_LABEL_CELL,
  GOAL_OUTCOME_HEADER,
  GROUP_CELL,
  INDICATOR_HEADER,
  KIND_WORDS,
  NATURE_CELL,
  NATURE_NOT_COMPARATOR,
  NATURE_QUALITATIVE,
  TABLE_START,
  TOTAL_ROW,
  NOTE_ROW,
  UNIT_CELL,
  QUALITATIVE_TARGETS,
  columnRole,
  goalSubheader,
  isFurniture,
  type FieldKey,
  type Role,
} from './vocabulary.ts';

/** A record before the document-level facts (jurisdiction, id) are added. */
export type ParsedRecord = Omit<ProjectRecord, 'id' | 'jurisdiction' | 'year' | 'kind' | 'category'> & {
  kind: Kind | null;
  year: number | null;
};

export interface ParsedDocument {
  records: ParsedRecord[];
  /** Year stated in the document outside the tables (cover letter, document title), or null. */
  documentYear: number | null;
  /** Lines the parser used as table structure (headers, titles, template rows), for the lossless check. */
  structureLines: Set<number>;
  /** The layout reader that read the document, and how sure it was. */
  layout: Detection | { reader: { name: string }; confidence: number };
  /** Tables found but not imported (cut off): INGEST_TRUNCATED_TABLE with file and line. */
  omitted: IngestError[];
}


/** Column roles of an indicator table's header row, or null when the row is not one. */
function readIndicatorHeader(row: Row): (Role | null)[] | null {
  const c = compact(row.flat ? row.text : row.cells.join(''));
  const isHeader = INDICATOR_HEADER.test(c);
  if (!isHeader) return null;
  const cells = row.flat ? row.text.split(/\s+/) : row.cells;
  return cells.map(columnRole);
}

/** A column header printed alone on its line (one cell per line). */
function headerWordRole(row: Row): Role | null {
  if (!row.flat) return null;
  const c = compact(row.text);
  return HEADER_WORD.test(c) ? columnRole(c) : null;
}

function isTitle(row: Row): boolean {
  const cells = row.flat ? [row.text] : row.cells.filter(Boolean);
  return cells.length === 1 && TITLE.test(cells[0]) && !TABLE_START.test(compact(cells[0]));
}

function rowText(row: Row): string {
  return row.flat ? row.text : row.cells.filter(Boolean).join(' ');
}

/** Parse a document. `file` is used in errors and in `source.file`. */
export function parseDocument(text: string, file: string): ParsedDocument {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.every((l) => l.trim() === '')) throw new IngestError('INGEST_EMPTY_FILE', file, 1, 'nothing to read');
  if (isListTable(lines)) {
    const list = parseListTable(lines, file);
    return { ...list, structureLines: new Set(), layout: { reader: { name: 'multi-project list table' }, confidence: 1 } };
  }
  const spans = recordSpans(lines);
  if (spans.length === 0) {
    const first = lines.findIndex((l) => l.trim() !== '');
    throw new IngestError('INGEST_NO_TABLE', file, first + 1, 'no 项目名称 row: this does not look like a performance table');
  }
  let documentYear: number | null = null;
  for (const l of lines) {
    const m = DOCUMENT_YEAR.exec(l);
    if (m) {
      documentYear = Number(m[1]);
      break;
    }
  }
  const structureLines = new Set<number>();
  const layout = detectLayout(lines);
  const records: ParsedRecord[] = [];
  const omitted: IngestError[] = [];
  spans.forEach((span, k) => {
    try {
      records.push(new RecordParser(lines, span, file, structureLines, k === spans.length - 1, layout.reader).parse());
    } catch (e) {
      // A cut-off table is left out and reported; the complete ones are imported.
      if (e instanceof IngestError && e.code === 'INGEST_TRUNCATED_TABLE') omitted.push(e);
      else throw e;
    }
  });
  if (records.length === 0) throw omitted[0];
  return { records, documentYear, structureLines, layout, omitted };
}

type Section = 'header' | 'budget' | 'goal' | 'goalOutcome' | 'indicators';

/** The kinds of row the grammar knows (RecordParser.RULES). */
type RowKind =
  | 'blank'
  | 'furniture'
  | 'title'
  | 'year'
  | 'unit'
  | 'header word'
  | 'long-term grid'
  | 'indicator row'
  | 'indicator header'
  | 'goal outcome block'
  | 'budget block'
  | 'field row'
  | 'field value';

interface FlatContext {
  row: Row;
  /** The row's text, trimmed. */
  t: string;
  c: string;
}

interface RowContext {
  row: Row;
  /** The row's text (cells joined by a space). */
  text: string;
  /** The same without whitespace. */
  c: string;
}

interface PendingItem {
  indicator: Indicator;
  roles: Role[];
  filled: number;
  lines: number[];
}

class RecordParser {
  private used = new Set<number>();
  private partlyUnparsed = new Set<number>();
  private section: Section = 'header';
  private unit: MoneyUnit | null = null;
  private pendingField: FieldKey | null = null;
  private goalQueue: ('goal' | 'other')[] = [];
  /** The row each budget amount was read from. */
  private amountRows: Partial<Record<'total' | 'fiscal' | 'other', { value: number | null; lines: number[] }>> = {};
  /** The label of pendingField as printed (compact), to join a label wrapped over two cells. */
  private pendingLabel: string | null = null;

  private title: string | null = null;
  private year: number | null = null;
  private kind: Kind | null = null;
  private name: string | null = null;
  private department: ProjectRecord['department'] = null;
  private implementingUnit: ProjectRecord['implementingUnit'] = null;
  private projectType: string | null = null;
  private projectPeriod: string | null = null;
  private managingOffice: string | null = null;
  private budget = { total: null as number | null, fiscal: null as number | null, other: null as number | null };
  private goalParts: string[] = [];
  private outcome: string | null = null;

  // Self-evaluation budget block.
  private budgetColumns: BudgetColumns | null = null;
  private execution: Execution | null = null;

  // Indicator table.
  private columns: (Role | null)[] | null = null;
  private level1: { canonical: Level1 | null; raw: string | null } = { canonical: null, raw: null };
  private level2: { canonical: Level2 | null; raw: string | null } = { canonical: null, raw: null };
  private lastLabelWas: 'l1' | 'l2' | null = null;
  private indicators: Indicator[] = [];
  private pending: PendingItem | null = null;
  private totalScore: number | null = null;
  /** The indicator table's header row has cells (tab, pipe): a flat line inside it is not a row of it. */
  private delimitedTable = false;
  private totalWeight: number | null = null;
  private sawTotalRow = false;
  private lastRowWasHeaderWord = false;
  private titleRowSeen: Row | null = null;

  constructor(
    private lines: string[],
    private span: Span,
    private file: string,
    private structureLines: Set<number>,
    private isLast: boolean,
    private reader: LayoutReader,
  ) {}

  private rowUsed = false;

  private use(row: Row, as: 'field' | 'structure' = 'field') {
    this.rowUsed = true;
    for (const l of row.lines) {
      this.used.add(l);
      if (as === 'structure') this.structureLines.add(l);
    }
  }

  parse(): ParsedRecord {
    const rows = this.reader.rows(this.lines, this.span.from, this.span.to);
    // A line that holds several rows (a linearised table) is read only when each of its rows is.
    const rowsPerLine = new Map<number, number>();
    for (const row of rows) for (const l of row.lines) rowsPerLine.set(l, (rowsPerLine.get(l) ?? 0) + 1);
    for (const row of rows) {
      if (row.lines.every((l) => l <= this.gridUntil)) continue; // read by readGrid
      this.rowUsed = false;
      this.row(row);
      if (!this.rowUsed) for (const l of row.lines) if ((rowsPerLine.get(l) ?? 0) > 1) this.partlyUnparsed.add(l);
    }
    this.flushPending(true);
    return this.finish();
  }

  /**
   * The table grammar: the kinds of row, tried in this order; the first whose rule reads the row
   * wins (its rule returns true). A rule may also only change state and return false (end of a
   * block), so the next rules see the row. The order is the grammar's precedence, declared here
   * once: furniture before anything, the title block before fields, header words and indicator
   * headers before field labels, the indicator section before the blocks above it.
   */
  private static readonly RULES: { kind: RowKind; read: (p: RecordParser, x: RowContext) => boolean }[] = [
    { kind: 'blank', read: (p, x) => p.blankRow(x) },
    { kind: 'furniture', read: (p, x) => p.furnitureRow(x) },
    { kind: 'title', read: (p, x) => p.titleRow(x) },
    { kind: 'year', read: (p, x) => p.yearRow(x) },
    { kind: 'unit', read: (p, x) => p.unitRow(x) },
    { kind: 'header word', read: (p, x) => p.headerWordRow(x) },
    { kind: 'long-term grid', read: (p, x) => p.gridStart(x) },
    { kind: 'indicator row', read: (p, x) => p.section === 'indicators' && (p.indicatorRow(x.row, x.text, x.c), true) },
    { kind: 'indicator header', read: (p, x) => p.indicatorHeaderRow(x) },
    { kind: 'goal outcome block', read: (p, x) => p.goalOutcomeRow(x) },
    { kind: 'budget block', read: (p, x) => p.budgetBlockRow(x) },
    { kind: 'field row', read: (p, x) => p.fieldRow(x) },
    { kind: 'field value', read: (p, x) => p.fieldValueRow(x) },
    // Not understood: left for `unparsed`.
  ];

  private row(row: Row) {
    const text = rowText(row);
    const x: RowContext = { row, text, c: compact(text) };
    for (const rule of RecordParser.RULES) if (rule.read(this, x)) return;
  }

  /** An empty row, a separator row, a row of dashes (empty cells of a linearised table): structure. */
  private blankRow({ row, c }: RowContext): boolean {
    if (c === '' || (!row.flat && (isSeparatorRow(row.cells) || row.cells.every((x) => /^[—–\-]*$/.test(compact(x)))))) {
      this.use(row, 'structure');
      return true;
    }
    return false;
  }

  /** Page furniture (第 3 页 共 3 页, - 3 -, 附件2, a contact line, 扫一扫…): never table content. */
  private furnitureRow({ text }: RowContext): boolean {
    if (!isFurniture(text)) return false;
    this.flushPending(true);
    return true;
  }

  /** The title above a table (its kind and year). */
  private titleRow({ row, text, c }: RowContext): boolean {
    if (this.section !== 'header' || this.name !== null || !isTitle(row)) return false;
    // Only the title right above the table is its title; an earlier one (a document title,
    // 附件：…) is kept in unparsed rather than dropped.
    if (this.titleRowSeen) for (const l of this.titleRowSeen.lines) this.used.delete(l);
    this.titleRowSeen = row;
    this.title = tidy(text);
    const kind = KIND_WORDS.find(([re]) => re.test(c));
    if (kind) this.kind = kind[1];
    const y = /(\d{4})\s*年/.exec(text);
    if (y) this.year = Number(y[1]);
    this.use(row, 'structure');
    return true;
  }

  /** (2024年度); before the table's name, a year line whose bracket was lost in the copy (2020年度)). */
  private yearRow({ row, text }: RowContext): boolean {
    const year = YEAR_LINE.exec(text.trim()) ?? (this.name === null ? /^[（(]?\s*(\d{4})\s*年度?\s*[)）]?$/.exec(text.trim()) : null);
    if (!year || this.section !== 'header') return false;
    this.year = Number(year[1]);
    this.use(row);
    return true;
  }

  /** 单位：万元, 金额单位:元, (万元). */
  private unitRow({ row, c }: RowContext): boolean {
    const unit = UNIT_LINE.exec(c);
    if (!unit) return false;
    this.unit = (unit[1] ?? unit[2]) as MoneyUnit;
    this.use(row);
    return true;
  }

  /** A column header printed alone on its line (one cell per line): the header grows by one column. */
  private headerWordRow({ row }: RowContext): boolean {
    const word = headerWordRole(row);
    if (!word) return false;
    this.flushPending();
    this.pendingField = null;
    this.columns = this.lastRowWasHeaderWord && this.columns ? [...this.columns, word] : [word];
    this.section = 'indicators';
    this.lastRowWasHeaderWord = true;
    this.use(row, 'structure');
    return true;
  }

  /** The first row after header words with long-term columns: the table is read as a grid. Ends the header words. */
  private gridStart({ row }: RowContext): boolean {
    const start = this.lastRowWasHeaderWord && row.flat && this.columns?.includes('longTerm') === true;
    this.lastRowWasHeaderWord = false;
    if (start) this.readGrid(row);
    return start;
  }

  /** A header row of the indicator table, a 绩效指标 cell, or a level label starts the table. */
  private indicatorHeaderRow({ row, text, c }: RowContext): boolean {
    const header = readIndicatorHeader(row);
    if (header) {
      this.startTable(header, row);
      this.use(row, 'structure');
      return true;
    }
    if (c === '绩效指标') {
      this.section = 'indicators';
      this.use(row, 'structure');
      return true;
    }
    if (this.startsWithLevelLabel(row)) {
      this.pendingField = null;
      this.section = 'indicators';
      this.indicatorRow(row, text, c);
      return true;
    }
    return false;
  }

  /** Self-evaluation: goal and outcome side by side (预期目标 | 实际完成情况, then their texts). */
  private goalOutcomeRow({ row, c }: RowContext): boolean {
    if (GOAL_OUTCOME_HEADER.every((re) => re.test(c))) {
      this.section = 'goalOutcome';
      this.use(row, 'structure');
      return true;
    }
    if (this.section !== 'goalOutcome') return false;
    const cells = (row.flat ? [row.text] : row.cells).filter(Boolean).filter((x) => !GOAL_LABEL_CELL.test(compact(x)));
    if (cells.length === 0) return false;
    this.goalParts.push(tidyText(cells[0]));
    if (cells.length > 1) this.outcome = tidyText(cells.slice(1).join(' '));
    this.use(row);
    this.section = 'header';
    return true;
  }

  /** Self-evaluation budget block: its header (年初预算数 全年预算数 …), then its rows; another row ends it. */
  private budgetBlockRow({ row, c }: RowContext): boolean {
    if (BUDGET_HEADER.every((re) => re.test(c))) {
      this.readBudgetHeader(row);
      this.use(row, 'structure');
      return true;
    }
    if (this.section !== 'budget') return false;
    const fields = readFields(row);
    if (fields && BUDGET_ROW_FIELDS.includes(fields[0].key)) {
      this.budgetRow(row, fields[0].key, fields[0].label);
      return true;
    }
    this.section = 'header';
    return false;
  }

  /** A row of label / value pairs (项目名称 X 主管部门 Y). */
  private fieldRow({ row }: RowContext): boolean {
    const fields = readFields(row);
    if (!fields) return false;
    this.pendingField = null;
    let ok = true;
    for (const f of fields) ok = this.field(f.key, f.label, f.value, row) && ok;
    if (ok) this.use(row);
    return true;
  }

  /** A row with no label: the value of a label printed on its own (one cell per line), or goal text. */
  private fieldValueRow({ row, text, c }: RowContext): boolean {
    if (!this.pendingField) return false;
    const key = this.pendingField;
    // The rest of a label wrapped over two cells (主管部门 / 及编码).
    if (this.pendingLabel !== null && FIELD_LABELS.some(([k, l]) => k === key && l === this.pendingLabel + c)) {
      this.pendingLabel += c;
      this.use(row);
      return true;
    }
    // 总体目标 | 中期目标 | 年度目标 then a row with one text per sub-header: each cell is its own.
    const goalCells = row.flat ? [] : row.cells.filter((x) => compact(x) !== '');
    if (key === 'goal' && this.goalQueue.length > 1 && goalCells.length === this.goalQueue.length) {
      const at = this.goalQueue.indexOf('goal');
      if (at >= 0) this.goalParts.push(tidyText(goalCells[at]));
      if (goalCells.length > 1 || at < 0) for (const l of row.lines) this.partlyUnparsed.add(l);
      this.goalQueue = [];
      this.pendingField = null;
      this.section = 'header';
      this.use(row);
      return true;
    }
    this.pendingField = key === 'goal' ? 'goal' : null;
    if (this.field(key, '', text, row)) this.use(row);
    return true;
  }

  private startsWithLevelLabel(row: Row): boolean {
    if (row.flat) return readLabelRun(row.text) !== null;
    const first = row.cells.find((x) => x !== '' && !GROUP_CELL.test(compact(x)));
    return first !== undefined && readLabel(first) !== null && row.cells.filter(Boolean).length >= 2;
  }

  private startTable(header: (Role | null)[], row?: Row) {
    if (row) this.delimitedTable = !row.flat;
    this.section = 'indicators';
    this.columns = header;
    if (header.includes('actual')) this.kind ??= 'self-evaluation';
  }

  private money(value: string, labelUnit: MoneyUnit | null, row: Row): number | null | undefined {
    const unit = moneyUnitIn(value) ?? labelUnit ?? this.unit;
    if (unit === null) {
      // No unit stated anywhere: the number cannot be read as yuan without guessing.
      return parseMoney(value, '元') === null ? null : undefined;
    }
    const v = parseMoney(value, unit);
    if (v !== undefined) return v;
    // Free text: the stated total, then its breakdown (854万(高标准农田建设400万元,…)). The total is read;
    // the line stays in unparsed, so the breakdown is kept as published.
    const stated = statedTotal(value);
    const total = stated ? parseMoney(stated.amount, unit) : undefined;
    if (total === undefined || total === null)
      throw new IngestError('INGEST_BAD_AMOUNT', this.file, row.lines[0], `"${value.trim()}" is not an amount in ${unit}`);
    for (const l of row.lines) this.partlyUnparsed.add(l);
    return total;
  }

  /** Set a header field. Returns false when the value could not be read (the row then stays in unparsed). */
  private field(key: FieldKey, label: string, rawValue: string, row: Row): boolean {
    const value = rawValue.trim();
    const labelUnit = moneyUnitIn(label);
    if (value === '' && key !== 'money' && key !== 'other' && key !== 'carryOver' && key !== 'fiscal') {
      this.pendingField = key;
      this.pendingLabel = compact(label).replace(/[:：]$/, '').replace(/（/g, '(').replace(/）/g, ')');
      if (key === 'goal') this.section = 'goal';
      return true;
    }
    switch (key) {
      case 'name':
        this.name = tidy(value);
        return true;
      case 'department':
      case 'implementingUnit': {
        const m = /^[【[]\s*([0-9A-Za-z]+)\s*[】\]]\s*(.*)$/.exec(value);
        const party = m ? { name: tidy(m[2]), code: m[1] } : { name: tidy(value), code: null };
        if (party.name === '') return false;
        this[key] = party;
        return true;
      }
      case 'projectType':
      case 'projectPeriod':
      case 'managingOffice':
        this[key] = tidy(value);
        return true;
      case 'money':
        if (labelUnit) this.unit = labelUnit;
        if (value === '') return true;
        return this.field('total', '', value, row);
      case 'total':
      case 'fiscal':
      case 'other': {
        if (labelUnit) this.unit = labelUnit;
        if (value === '') {
          if (key === 'other' || key === 'fiscal') this.pendingField = key;
          return true;
        }
        const v = this.money(value, labelUnit, row);
        if (v === undefined) return false;
        const prev = this.amountRows[key];
        if (prev && prev.value !== null && v !== null && prev.value !== v) {
          // Two different amounts for one field (资金总额 for the project's life, 当年资金总额 for the
          // year): the one labelled for the year wins; the other stays in unparsed.
          const annual = /当年|年度/.test(label || this.pendingLabel || '');
          for (const l of annual ? prev.lines : row.lines) this.partlyUnparsed.add(l);
          if (!annual) return true;
        }
        this.budget[key] = v;
        this.amountRows[key] = { value: v, lines: row.lines };
        return true;
      }
      case 'carryOver':
        // A target table's carry-over row: nothing to hold it but the self-evaluation block.
        return value === '' || this.money(value, labelUnit, row) === null;
      case 'ignored':
        // A printed field the record has no place for: the row stays in unparsed.
        return false;
      case 'goal': {
        // 总体目标 | 中期目标 | 年度目标: sub-headers; the texts that follow are theirs, in order.
        const words = value.split(/\s+/);
        if (words.every((w) => goalSubheader(w) !== null)) {
          for (const w of words) this.goalQueue.push(goalSubheader(w)!);
          this.pendingField = 'goal';
          this.section = 'goal';
          return true;
        }
        if (this.goalQueue.length > 0) {
          const role = this.goalQueue.shift()!;
          if (role === 'other') return false; // 中期目标: no field for it, kept in unparsed
          this.goalQueue = [];
          this.pendingField = null;
        }
        this.goalParts.push(tidyText(value));
        this.section = this.section === 'goal' ? 'goal' : 'header';
        return true;
      }
    }
  }

  // --- self-evaluation budget block -----------------------------------------

  private readBudgetHeader(row: Row) {
    const cells = row.flat ? row.text.split(/\s+/) : row.cells;
    const labelUnit = moneyUnitIn(cells.join(''));
    if (labelUnit) this.unit = labelUnit;
    this.budgetColumns = BudgetColumns.fromHeader(cells);
    this.kind ??= 'self-evaluation';
    this.section = 'budget';
  }

  private budgetRow(row: Row, key: FieldKey, label: string) {
    const cells = row.flat ? row.text.split(/\s+/) : row.cells;
    const { index, partial } = this.budgetColumns!.cellIndex(cells, key === 'total');
    if (partial) for (const l of row.lines) this.partlyUnparsed.add(l);
    const cell = (role: string) => {
      const i = index.get(role);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    let ok = true;
    const money = (role: string) => {
      const v = this.money(cell(role), moneyUnitIn(label), row);
      if (v === undefined) ok = false;
      return v ?? null;
    };
    const funding: FundingRow = {
      label: tidy(label).replace(/[:：]$/, ''),
      initialBudget: money('initialBudget'),
      adjustedBudget: money('adjustedBudget'),
      executed: money('executed'),
    };
    if (key === 'total') {
      const rate = parsePercentFraction(cell('reportedRate'));
      const weight = parsePlainNumber(cell('weight'));
      const score = parsePlainNumber(cell('score'));
      if (rate === undefined || weight === undefined || score === undefined) ok = false;
      this.execution = {
        initialBudget: funding.initialBudget,
        adjustedBudget: funding.adjustedBudget,
        executed: funding.executed,
        reportedRate: rate ?? null,
        weight: weight ?? null,
        score: score ?? null,
        funding: [],
      };
      this.budget.total = funding.adjustedBudget;
    } else {
      this.execution?.funding.push(funding);
      if (key === 'fiscal') this.budget.fiscal = funding.adjustedBudget;
      if (key === 'other') this.budget.other = funding.adjustedBudget;
    }
    this.use(row);
    if (!ok) this.partlyUnparsed.add(row.lines[0]);
  }

  // --- indicator table --------------------------------------------------------

  private valueRoles(): Role[] {
    if (!this.columns) return this.kind === 'self-evaluation' ? ['target', 'actual', 'weight', 'score', 'reason'] : ['target'];
    const nameAt = this.columns.indexOf('name');
    return this.columns
      .slice(nameAt + 1)
      .filter((r): r is Role => r !== null && !['group', 'l1', 'l2', 'name', 'other', 'longTerm'].includes(r));
  }

  private setLevel1(raw: string, label: Label | null) {
    this.level1 = { canonical: label?.level1 ?? null, raw: collapse(raw) };
    this.level2 = { canonical: null, raw: null };
    this.lastLabelWas = 'l1';
  }

  private setLevel2(raw: string, label: Label | null) {
    this.level2 = { canonical: label?.level2 ?? null, raw: collapse(raw) };
    this.lastLabelWas = 'l2';
  }

  /** One label printed alone in a row: 一级 or 二级 by what it can be. */
  private setLabel(raw: string, label: Label) {
    if (label.kind === 'l1') this.setLevel1(raw, label);
    else if (label.kind === 'l2') this.setLevel2(raw, label);
    else if (this.level1.canonical === '成本指标' && this.lastLabelWas === null) this.setLevel1(raw, label);
    else this.setLevel2(raw, label);
  }

  /**
   * Rows inside an indicator table, tried in this order (as RULES): the end of the table (a title,
   * a flat line inside a delimited table, a row the reader is unsure of, a remarks row), a repeated
   * header, the group column's cell, the 总分 row, a flat row (PDF text, one cell per line), a row of
   * cells (in their columns, or shifted).
   */
  private static readonly INDICATOR_RULES: { kind: string; read: (p: RecordParser, x: RowContext) => boolean }[] = [
    { kind: 'end of table', read: (p, x) => p.tableEndRow(x) },
    { kind: 'indicator header', read: (p, x) => p.repeatedHeaderRow(x) },
    { kind: 'group cell', read: (p, x) => (x.c === '绩效指标' || x.c === '名称') && (p.use(x.row, 'structure'), true) },
    { kind: 'total row', read: (p, x) => p.totalRow(x) },
    { kind: 'flat indicator row', read: (p, x) => x.row.flat && (p.flatIndicatorRow(x.row, x.text), true) },
    { kind: 'indicator cells', read: (p, x) => (p.cellsIndicatorRow(x.row), true) },
  ];

  private indicatorRow(row: Row, text: string, c: string) {
    const x: RowContext = { row, text, c };
    for (const rule of RecordParser.INDICATOR_RULES) if (rule.read(this, x)) return;
  }

  /** A title inside or after a table is the next document's or table's title, not an indicator. */
  private tableEndRow({ row }: RowContext): boolean {
    if (!(isTitle(row) || (row.flat && this.delimitedTable) || row.uncertain || NOTE_ROW.test(compact(row.cells.find(Boolean) ?? '')))) return false;
    this.flushPending(true);
    return true;
  }

  private repeatedHeaderRow({ row }: RowContext): boolean {
    const header = readIndicatorHeader(row);
    if (!header) return false;
    this.flushPending();
    this.startTable(header, row);
    this.use(row, 'structure');
    return true;
  }

  /** 总分 | 100 | 96: the total weight and score (the last two numbers), or the score alone. */
  private totalRow({ row, text, c }: RowContext): boolean {
    if (!TOTAL_ROW.test(c)) return false;
    this.flushPending();
    const nums = (row.flat ? text.split(/\s+/) : row.cells)
      .map((x) => x.trim())
      .filter((x) => x !== '' && !/^总\s*分$/.test(x))
      .map((x) => parsePlainNumber(x));
    const numbers = nums.filter((x): x is number => typeof x === 'number');
    if (numbers.length >= 2) [this.totalWeight, this.totalScore] = numbers.slice(-2);
    else if (numbers.length === 1) this.totalScore = numbers[0];
    if (nums.some((x) => x === undefined)) this.partlyUnparsed.add(row.lines[0]);
    this.sawTotalRow = true;
    this.use(row);
    return true;
  }

  /** A row of cells: an empty template row, or an indicator read by column (positional) or by its words (shifted). */
  private cellsIndicatorRow(row: Row) {
    const nonEmpty = row.cells.map((x, i) => ({ x, i })).filter(({ x }) => x !== '');
    if (nonEmpty.every(({ x }) => PLACEHOLDER.test(compact(x)) || GROUP_CELL.test(compact(x)))) {
      this.use(row, 'structure');
      return;
    }
    this.flushPending();
    const roles = this.valueRoles();
    const values = new Map<Role, string>();
    let name = '';

    const positional = this.positional(row.cells);
    if (positional) {
      const cols = this.columns!;
      const at = (role: Role) => (cols.indexOf(role) >= 0 ? (row.cells[cols.indexOf(role)] ?? '') : '');
      const l1 = at('l1');
      const l2 = at('l2');
      if (l1) this.setLevel1(l1, readLabel(l1));
      if (l2) this.setLevel2(l2, readLabel(l2));
      name = at('name');
      cols.forEach((role, i) => {
        if (role && roles.includes(role) && (row.cells[i] ?? '') !== '') values.set(role, row.cells[i]);
        // A long-term cell with text: not the annual value, and no field holds it.
        if (role === 'longTerm' && compact(row.cells[i] ?? '') !== '') this.partlyUnparsed.add(row.lines[0]);
      });
    } else if (this.columns?.includes('longTerm')) {
      // Long-term and annual columns side by side, and this row's cells are not in their columns:
      // which text is the annual value is not printed. Refused rather than guessed.
      throw new IngestError('INGEST_AMBIGUOUS_ROW', this.file, row.lines[0], 'a row of a table with long-term and annual columns whose cells are not in their columns');
    } else {
      // Shifted row: labels first (wherever they stand), then name and values in column order.
      const labels: { raw: string; label: Label }[] = [];
      let k = 0;
      for (; k < nonEmpty.length; k++) {
        const x = nonEmpty[k].x;
        if (GROUP_CELL.test(compact(x))) continue;
        const label = readLabel(x);
        if (!label) break;
        labels.push({ raw: x, label });
      }
      if (labels.length >= 2) {
        this.setLevel1(labels[0].raw, labels[0].label.level1 ? labels[0].label : null);
        this.setLevel2(labels[1].raw, labels[1].label.level2 ? labels[1].label : null);
      } else if (labels.length === 1) {
        this.setLabel(labels[0].raw, labels[0].label);
      }
      const rest = nonEmpty.slice(k).map(({ x }) => x);
      name = rest[0] ?? '';
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
        if (j < vals.length) this.partlyUnparsed.add(row.lines[0]);
      } else
        roles.forEach((role, j) => {
          if (j < vals.length) values.set(role, j === roles.length - 1 ? vals.slice(j).join(' ') : vals[j]);
        });
      if (vals.length > roles.length && roles.length > 0 && roles[roles.length - 1] !== 'reason') this.partlyUnparsed.add(row.lines[0]);
    }
    this.use(row);
    const cleanName = name.replace(INDICATOR_PREFIX, '');
    if (compact(cleanName) === '') return; // a row of labels only
    this.pushIndicator(cleanName, values, row.lines[0]);
  }

  /** Last line (1-based) read by readGrid: the reader's rows up to it are not read again. */
  private gridUntil = 0;

  /**
   * One cell per line, with long-term and annual columns (二级指标(长期) … 指标值(年度)): a cell's
   * column is its position in the row, so empty cells count. The copy prints an empty cell as a
   * line of spaces between blank lines (武汉市青山区); the cells are read from the lines, in rows of
   * the header's width. Each row must be a row of the table (a 一级 label or empty in the 一级
   * column, a name that is not a label); otherwise which text is annual is not certain and the
   * table is refused (INGEST_AMBIGUOUS_ROW). Long-term cells with text stay in unparsed.
   */
  private readGrid(first: Row) {
    const cols = this.columns!;
    const width = cols.length;
    const cells: { text: string; lines: number[] }[] = [];
    let cur: { text: string; lines: number[] } | null = null;
    const close = () => {
      if (cur) cells.push(cur);
      cur = null;
    };
    for (let i = first.lines[0] - 1; i <= this.span.to; i++) {
      const line = this.lines[i];
      if (line === '') {
        close();
        continue;
      }
      if (line.trim() === '') {
        close();
        cells.push({ text: '', lines: [i + 1] });
        continue;
      }
      const t = line.trim();
      if (isFurniture(t) || (TITLE.test(t) && !TABLE_START.test(compact(t)))) break;
      if (cur) {
        cur.text += t;
        cur.lines.push(i + 1);
      } else cur = { text: t, lines: [i + 1] };
    }
    close();
    const rowsOfCells = Math.floor(cells.length / width);
    const rest = cells.slice(rowsOfCells * width);
    const stray = rest.find((x) => compact(x.text) !== '');
    if (stray) throw new IngestError('INGEST_AMBIGUOUS_ROW', this.file, stray.lines[0], 'cells left over after the rows of a table with long-term columns: its columns cannot be told apart');
    const at = (role: Role) => cols.indexOf(role);
    const roles = this.valueRoles();
    for (let r = 0; r < rowsOfCells; r++) {
      const group = cells.slice(r * width, (r + 1) * width);
      const l1 = group[at('l1')]?.text ?? '';
      const l2 = at('l2') >= 0 ? group[at('l2')].text : '';
      const name = at('name') >= 0 ? group[at('name')].text : '';
      const l1Label = l1 ? readLabel(l1) : null;
      const ok =
        (l1 === '' ? this.level1.raw !== null : l1Label !== null && l1Label.kind !== 'l2') &&
        (l2 === '' || readLabel(l2) !== null) &&
        compact(name) !== '' &&
        readLabel(name) === null;
      if (!ok) throw new IngestError('INGEST_AMBIGUOUS_ROW', this.file, group[0].lines[0], 'a row of a table with long-term columns that does not fit its columns');
      if (l1) this.setLevel1(l1, l1Label);
      if (l2) this.setLevel2(l2, readLabel(l2));
      const values = new Map<Role, string>();
      group.forEach((cell, k) => {
        for (const l of cell.lines) this.used.add(l);
        const role = cols[k];
        if (role && roles.includes(role) && cell.text !== '') values.set(role, cell.text);
        if (role === 'longTerm' && compact(cell.text) !== '') for (const l of cell.lines) this.partlyUnparsed.add(l);
      });
      this.pushIndicator(name.replace(INDICATOR_PREFIX, ''), values, group[at('name')].lines[0]);
    }
    this.rowUsed = true;
    const last = cells[cells.length - 1];
    this.gridUntil = last ? last.lines[last.lines.length - 1] : first.lines[first.lines.length - 1];
    for (const x of rest) for (const l of x.lines) this.used.add(l);
  }

  /** Is the row's every cell in its header column (no shift)? */
  private positional(cells: string[]): boolean {
    const cols = this.columns;
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

  private pushIndicator(name: string, values: Map<Role, string>, line: number) {
    const weightCell = values.get('weight') ?? '';
    const scoreCell = values.get('score') ?? '';
    const weight = parsePlainNumber(weightCell);
    const score = parsePlainNumber(scoreCell);
    if (weight === undefined || score === undefined) this.partlyUnparsed.add(line);
    let targetRaw = values.get('target') ?? '';
    const nature = values.get('nature');
    const unit = values.get('unit');
    if (nature || unit) {
      const op = nature && !NATURE_NOT_COMPARATOR.test(nature) ? nature : '';
      targetRaw = collapse(`${op}${targetRaw}${unit ?? ''}`);
    }
    if (hasGarbledNumber(targetRaw) || hasGarbledNumber(values.get('actual') ?? '') || hasGarbledNumber(weightCell) || hasGarbledNumber(scoreCell))
      this.partlyUnparsed.add(line);
    const target = parseValue(targetRaw);
    if (target && nature && NATURE_QUALITATIVE.test(nature)) Object.assign(target, { op: null, value: null, upper: null, unit: null, qualitative: true });
    const reason = values.get('reason');
    this.indicators.push({
      level1: this.level1.canonical,
      level2: this.level2.canonical,
      level1Raw: this.level1.raw,
      level2Raw: this.level2.raw,
      name: tidy(name),
      target,
      weight: weight ?? null,
      actual: parseValue(values.get('actual') ?? ''),
      score: score ?? null,
      shortfallReason: reason && tidy(reason) !== '' ? tidy(reason) : null,
    });
  }

  /**
   * Flat rows inside an indicator table (PDF text, one cell per line), tried in this order: an empty
   * template row (指标2：, ……), a parenthetical that ends the label above ((必填)), the 指标 that ends a
   * label wrapped over two cells (经济效益 / 指标), a run of level labels, a row that starts an
   * indicator (leading labels, 指标1：, or any text when no indicator waits for its values), a value
   * printed on its own after its indicator's name.
   */
  private static readonly FLAT_RULES: { kind: string; read: (p: RecordParser, x: FlatContext) => boolean }[] = [
    { kind: 'template row', read: (p, x) => p.flatPlaceholder(x) },
    { kind: 'label suffix', read: (p, x) => p.flatParenthetical(x) },
    { kind: 'wrapped label', read: (p, x) => p.flatWrappedLabel(x) },
    { kind: 'level labels', read: (p, x) => p.flatLabelRun(x) },
    { kind: 'indicator', read: (p, x) => p.flatItem(x) },
    { kind: 'value', read: (p, x) => (p.flatValue(x), true) },
  ];

  /** PDF text or one cell per line: labels, items (指标1：name value), values on their own. */
  private flatIndicatorRow(row: Row, text: string) {
    const t = text.trim();
    const x: FlatContext = { row, t, c: compact(t) };
    for (const rule of RecordParser.FLAT_RULES) if (rule.read(this, x)) return;
  }

  private flatPlaceholder({ row, c }: FlatContext): boolean {
    if (!PLACEHOLDER.test(c)) return false;
    this.flushPending();
    this.use(row, 'structure');
    return true;
  }

  private flatParenthetical({ row, t }: FlatContext): boolean {
    if (!isParenthetical(t)) return false;
    if (this.lastLabelWas === 'l2' && this.level2.raw !== null) this.level2.raw += compact(t);
    else if (this.lastLabelWas === 'l1' && this.level1.raw !== null) this.level1.raw += compact(t);
    this.use(row);
    return true;
  }

  private flatWrappedLabel({ row, c }: FlatContext): boolean {
    if (c !== '指标' || this.pending) return false;
    const last = this.lastLabelWas === 'l2' ? this.level2 : this.lastLabelWas === 'l1' ? this.level1 : null;
    if (!last || last.raw === null || compact(last.raw).endsWith('指标')) return false;
    last.raw += c;
    this.use(row);
    return true;
  }

  private flatLabelRun({ row, t }: FlatContext): boolean {
    const run = readLabelRun(t);
    if (!run) return false;
    this.flushPending();
    if (run.length >= 2) {
      this.setLevel1(run[0].raw, run[0].label.level1 ? run[0].label : null);
      this.setLevel2(run[1].raw, run[1].label.level2 ? run[1].label : null);
    } else this.setLabel(run[0].raw, run[0].label);
    this.use(row);
    return true;
  }

  /** A whole table row on one line (PDF text): leading level labels, then name and values; or a name alone. */
  private flatItem({ row, t }: FlatContext): boolean {
    const roles = this.valueRoles();
    const tokens = t.split(/\s+/);
    const lead: { raw: string; label: Label }[] = [];
    while (lead.length < tokens.length - 1 && lead.length < 2) {
      const label = readLabel(tokens[lead.length]);
      if (!label) break;
      lead.push({ raw: tokens[lead.length], label });
    }
    if (lead.length > 0) {
      this.flushPending();
      if (lead.length === 2) {
        this.setLevel1(lead[0].raw, lead[0].label.level1 ? lead[0].label : null);
        this.setLevel2(lead[1].raw, lead[1].label.level2 ? lead[1].label : null);
      } else this.setLabel(lead[0].raw, lead[0].label);
    }
    if (!(lead.length > 0 || INDICATOR_PREFIX.test(t) || !this.pending)) return false;
    this.flushPending();
    const content = tokens.slice(lead.length).join(' ').replace(INDICATOR_PREFIX, '').replace(/\n/g, '');
    const [name, found] = roles.length > 1 ? splitNameValues(content, roles.length) : splitNameValue(content);
    const foundValues = found === null ? [] : Array.isArray(found) ? found : [found];
    const values = new Map<Role, string>();
    foundValues.forEach((v, i) => i < roles.length && values.set(roles[i], v));
    this.pending = { indicator: emptyIndicator(), roles, filled: foundValues.length, lines: row.lines };
    this.pending.indicator.name = name;
    this.pendingValues = values;
    this.use(row);
    if (this.pending.filled >= roles.length) this.flushPending();
    return true;
  }

  /** A value printed on its own after its indicator's name. */
  private flatValue({ row, t }: FlatContext) {
    const p = this.pending!;
    this.pendingValues.set(p.roles[p.filled], t.replace(/\n/g, ''));
    p.filled++;
    this.use(row);
    if (p.filled >= p.roles.length) this.flushPending();
  }

  private pendingValues = new Map<Role, string>();

  /**
   * Push the pending indicator. At the end of a table (end of the text, page furniture, a title),
   * a line of text that no value followed is a footer or a note, not an indicator: it stays in
   * unparsed. Inside the table (another label follows) it is an indicator whose value is not printed.
   */
  private flushPending(atEnd = false) {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    const values = this.pendingValues;
    this.pendingValues = new Map();
    if (atEnd && p.filled === 0 && values.size === 0) {
      for (const l of p.lines) this.used.delete(l);
      return;
    }
    this.pushIndicator(p.indicator.name, values, p.lines[0]);
  }

  // --- the record -------------------------------------------------------------

  private finish(): ParsedRecord {
    const firstLine = this.span.from + 1;
    const lastLine = this.span.to + 1;
    if (this.name === null) throw new IngestError('INGEST_NO_TABLE', this.file, firstLine, 'project without a 项目名称 value');
    if (this.indicators.length === 0)
      throw new IngestError('INGEST_TRUNCATED_TABLE', this.file, lastLine, `table "${this.name}" has no indicator rows: cut off?`);
    const kind = this.kind ?? (this.execution ? 'self-evaluation' : null);
    if (this.isLast) {
      if (!this.indicators.some((i) => i.level1 === '满意度指标' || i.level2 === '服务对象满意度指标'))
        throw new IngestError('INGEST_TRUNCATED_TABLE', this.file, lastLine, `table "${this.name}" ends before its 满意度指标 rows: the document is cut off`);
      if (kind === 'self-evaluation' && !this.sawTotalRow)
        throw new IngestError('INGEST_TRUNCATED_TABLE', this.file, lastLine, `self-evaluation "${this.name}" ends without its 总分 row: the document is cut off`);
    }
    this.readWeightsColumn();
    const unparsed: { line: number; text: string }[] = [];
    for (let l = firstLine; l <= lastLine; l++) {
      const lineText = this.lines[l - 1];
      if (lineText.trim() === '' || /^[\s|｜]+$/.test(lineText)) continue;
      if (!this.used.has(l) || this.partlyUnparsed.has(l)) unparsed.push({ line: l, text: lineText.replace(/\s+$/, '') });
    }
    const isSelf = kind === 'self-evaluation';
    return {
      kind,
      year: this.year,
      name: this.name,
      title: this.title,
      department: this.department,
      implementingUnit: this.implementingUnit,
      projectType: this.projectType,
      projectPeriod: this.projectPeriod,
      managingOffice: this.managingOffice,
      budget: this.budget,
      goal: this.goalParts.join('\n'),
      outcome: isSelf ? this.outcome : null,
      indicators: this.indicators,
      execution: isSelf ? this.execution : null,
      totalScore: isSelf ? this.totalScore : null,
      totalWeight: isSelf ? this.totalWeight : null,
      source: { file: this.file, lines: [firstLine, lastLine] },
      unparsed,
    };
  }

  /**
   * The 石嘴山 layout: the value column holds weights, and the target is
   * written in the name. Read from the cells, row by row: every value printed
   * is a bare number (no unit, no %, no comparator) between 0 and 100, on at
   * least three rows. A target is almost never printed that way; a weight
   * always is. The sum of the weights is not evidence (a sum off by one digit
   * is an audit finding, not a different table).
   */
  private readWeightsColumn() {
    if (this.kind === 'self-evaluation') return;
    if (this.columns?.includes('weight')) return;
    const raws = this.indicators.map((i) => i.target?.raw ?? null);
    const printed = raws.filter((r): r is string => r !== null);
    if (printed.length < 3) return;
    if (!printed.every((r) => /^\d{1,3}(\.\d{1,2})?$/.test(r) && Number(r) <= 100)) return;
    for (const ind of this.indicators) {
      ind.weight = ind.target ? Number(ind.target.raw) : null;
      ind.target = targetFromName(ind.name);
    }
  }
}

function emptyIndicator(): Indicator {
  return {
    level1: null,
    level2: null,
    level1Raw: null,
    level2Raw: null,
    name: '',
    target: null,
    weight: null,
    actual: null,
    score: null,
    shortfallReason: null,
  };
}

/** Tidy a multi-line text (goal): each line tidied, line breaks kept. */
function tidyText(s: string): string {
  return s
    .split('\n')
    .map(tidy)
    .filter((l) => l !== '')
    .join('\n');
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
