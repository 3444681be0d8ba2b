/**
 * The rules for the rows above the indicator table: the title block (title,
 * year, money unit), label / value fields (项目名称 X 主管部门 Y, a label
 * printed alone and its value on the next row), the goal, and a
 * self-evaluation's goal / outcome pair and budget block. Each rule is
 * `(state, row) → state | null` (src/ingest/grammar/state.ts).
 */
import type { FundingRow } from '../../schema/record.ts';
import { moneyUnitIn, parseMoney, parsePercentFraction, parsePlainNumber, statedTotal, type MoneyUnit } from '../amount.ts';
import { budgetCellIndex, budgetColumns } from '../budgetBlock.ts';
import { compact, tidy } from '../../domain/text.ts';
import { IngestError } from '../errors.ts';
import { readFields } from '../fields.ts';
import type { Row } from '../../ingest/layouts/index.ts';
import { isSeparatorRow } from '../text.ts';
import {
  ANNUAL_AMOUNT_LABEL,
  BUDGET_HEADER,
  CODED_PARTY,
  BUDGET_ROW_FIELDS,
  FIELD_LABELS,
  GOAL_LABEL_CELL,
  GOAL_OUTCOME_HEADER,
  KIND_WORDS,
  TABLE_START,
  TITLE,
  UNIT_LINE,
  YEAR_IN_TITLE,
  YEAR_LINE,
  YEAR_LINE_LOOSE,
  goalSubheader,
  isFurniture,
  type FieldKey,
} from '../vocabulary.ts';
import { flushPending } from './assemble.ts';
import { edit, partly, use, type Doc, type Draft, type Outcome, type RowContext, type State } from './state.ts';

export function isTitle(row: Row): boolean {
  const cells = row.flat ? [row.text] : row.cells.filter(Boolean);
  return cells.length === 1 && TITLE.test(cells[0]) && !TABLE_START.test(compact(cells[0]));
}

/** Tidy a multi-line text (goal): each line tidied, line breaks kept. */
export function tidyText(s: string): string {
  return s
    .split('\n')
    .map(tidy)
    .filter((l) => l !== '')
    .join('\n');
}

/** An empty row, a separator row, a row of dashes (empty cells of a linearised table): structure. */
export function blankRow(s: State, { row, c }: RowContext): Outcome {
  if (c === '' || (!row.flat && (isSeparatorRow(row.cells) || row.cells.every((x) => /^[—–\-]*$/.test(compact(x))))))
    return edit(s, (d) => use(d, row, 'structure'));
  return null;
}

/** Page furniture (第 3 页 共 3 页, - 3 -, 附件2, a contact line, 扫一扫…): never table content. */
export function furnitureRow(s: State, { text }: RowContext): Outcome {
  if (!isFurniture(text)) return null;
  return edit(s, (d) => flushPending(d, true));
}

/** The title above a table (its kind and year). */
export function titleRow(s: State, { row, text, c }: RowContext): Outcome {
  if (s.section !== 'header' || s.name !== null || !isTitle(row)) return null;
  return edit(s, (d) => {
    // Only the title right above the table is its title; an earlier one (a document title,
    // 附件：…) is kept in unparsed rather than dropped.
    if (d.titleLines) for (const l of d.titleLines) d.used.delete(l);
    d.titleLines = row.lines;
    d.title = tidy(text);
    const kind = KIND_WORDS.find(([re]) => re.test(c));
    if (kind) d.kind = kind[1];
    const y = YEAR_IN_TITLE.exec(text);
    if (y) d.year = Number(y[1]);
    use(d, row, 'structure');
  });
}

/** (2024年度); before the table's name, a year line whose bracket was lost in the copy (2020年度)). */
export function yearRow(s: State, { row, text }: RowContext): Outcome {
  const year = YEAR_LINE.exec(text.trim()) ?? (s.name === null ? YEAR_LINE_LOOSE.exec(text.trim()) : null);
  if (!year || s.section !== 'header') return null;
  return edit(s, (d) => {
    d.year = Number(year[1]);
    use(d, row);
  });
}

/** 单位：万元, 金额单位:元, (万元). */
export function unitRow(s: State, { row, c }: RowContext): Outcome {
  const unit = UNIT_LINE.exec(c);
  if (!unit) return null;
  return edit(s, (d) => {
    d.unit = (unit[1] ?? unit[2]) as MoneyUnit;
    use(d, row);
  });
}

/** Self-evaluation: goal and outcome side by side (预期目标 | 实际完成情况, then their texts). */
export function goalOutcomeRow(s: State, { row, c }: RowContext): Outcome {
  if (GOAL_OUTCOME_HEADER.every((re) => re.test(c)))
    return edit(s, (d) => {
      d.section = 'goalOutcome';
      use(d, row, 'structure');
    });
  if (s.section !== 'goalOutcome') return null;
  const cells = (row.flat ? [row.text] : row.cells).filter(Boolean).filter((x) => !GOAL_LABEL_CELL.test(compact(x)));
  if (cells.length === 0) return null;
  return edit(s, (d) => {
    d.goalParts.push(tidyText(cells[0]));
    if (cells.length > 1) d.outcome = tidyText(cells.slice(1).join(' '));
    use(d, row);
    d.section = 'header';
  });
}

/** Self-evaluation budget block: its header (年初预算数 全年预算数 …), then its rows; another row ends it. */
export function budgetBlockRow(s: State, { row, c, doc }: RowContext): Outcome {
  if (BUDGET_HEADER.every((re) => re.test(c)))
    return edit(s, (d) => {
      const cells = row.flat ? row.text.split(/\s+/) : row.cells;
      const labelUnit = moneyUnitIn(cells.join(''));
      if (labelUnit) d.unit = labelUnit;
      d.budgetColumns = budgetColumns(cells);
      d.kind ??= 'self-evaluation';
      d.section = 'budget';
      use(d, row, 'structure');
    });
  if (s.section !== 'budget') return null;
  const fields = readFields(row);
  if (fields && BUDGET_ROW_FIELDS.includes(fields[0].key)) return edit(s, (d) => budgetRow(d, doc, row, fields[0].key, fields[0].label));
  return { pass: edit(s, (d) => void (d.section = 'header')) };
}

/** A row of label / value pairs (项目名称 X 主管部门 Y). */
export function fieldRow(s: State, { row, doc }: RowContext): Outcome {
  const fields = readFields(row);
  if (!fields) return null;
  return edit(s, (d) => {
    d.pendingField = null;
    let ok = true;
    for (const f of fields) ok = field(d, doc, f.key, f.label, f.value, row) && ok;
    if (ok) use(d, row);
  });
}

/** A row with no label: the value of a label printed on its own (one cell per line), or goal text. */
export function fieldValueRow(s: State, { row, text, c, doc }: RowContext): Outcome {
  if (!s.pendingField) return null;
  const key = s.pendingField;
  return edit(s, (d) => {
    // The rest of a label wrapped over two cells (主管部门 / 及编码).
    if (d.pendingLabel !== null && FIELD_LABELS.some(([k, l]) => k === key && l === d.pendingLabel + c)) {
      d.pendingLabel += c;
      use(d, row);
      return;
    }
    // 总体目标 | 中期目标 | 年度目标 then a row with one text per sub-header: each cell is its own.
    const goalCells = row.flat ? [] : row.cells.filter((x) => compact(x) !== '');
    if (key === 'goal' && d.goalQueue.length > 1 && goalCells.length === d.goalQueue.length) {
      const at = d.goalQueue.indexOf('goal');
      if (at >= 0) d.goalParts.push(tidyText(goalCells[at]));
      if (goalCells.length > 1 || at < 0) partly(d, row.lines);
      d.goalQueue = [];
      d.pendingField = null;
      d.section = 'header';
      use(d, row);
      return;
    }
    d.pendingField = key === 'goal' ? 'goal' : null;
    if (field(d, doc, key, '', text, row)) use(d, row);
  });
}

/**
 * An amount in the unit its cell, its label or the table states (in yuan); null: not printed;
 * undefined: not read (no unit stated). A free-text amount gives its stated total, its line stays in
 * unparsed; anything else fails with INGEST_BAD_AMOUNT.
 */
export function money(d: Draft, doc: Doc, value: string, labelUnit: MoneyUnit | null, row: { lines: readonly number[] }): number | null | undefined {
  const unit = moneyUnitIn(value) ?? labelUnit ?? d.unit;
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
    throw new IngestError('INGEST_BAD_AMOUNT', doc.file, row.lines[0], `"${value.trim()}" is not an amount in ${unit}`);
  partly(d, row.lines);
  return total;
}

/** Set a header field. Returns false when the value could not be read (the row then stays in unparsed). */
function field(d: Draft, doc: Doc, key: FieldKey, label: string, rawValue: string, row: Row): boolean {
  const value = rawValue.trim();
  const labelUnit = moneyUnitIn(label);
  if (value === '' && key !== 'money' && key !== 'other' && key !== 'carryOver' && key !== 'fiscal') {
    d.pendingField = key;
    d.pendingLabel = compact(label).replace(/[:：]$/, '').replace(/（/g, '(').replace(/）/g, ')');
    if (key === 'goal') d.section = 'goal';
    return true;
  }
  switch (key) {
    case 'name':
      d.name = tidy(value);
      return true;
    case 'department':
    case 'implementingUnit': {
      const m = CODED_PARTY.exec(value);
      const party = m ? { name: tidy(m[2]), code: m[1] } : { name: tidy(value), code: null };
      if (party.name === '') return false;
      d[key] = party;
      return true;
    }
    case 'projectType':
    case 'projectPeriod':
    case 'managingOffice':
      d[key] = tidy(value);
      return true;
    case 'money':
      if (labelUnit) d.unit = labelUnit;
      if (value === '') return true;
      return field(d, doc, 'total', '', value, row);
    case 'total':
    case 'fiscal':
    case 'other': {
      if (labelUnit) d.unit = labelUnit;
      if (value === '') {
        if (key === 'other' || key === 'fiscal') d.pendingField = key;
        return true;
      }
      const v = money(d, doc, value, labelUnit, row);
      if (v === undefined) return false;
      const prev = d.amountRows[key];
      if (prev && prev.value !== null && v !== null && prev.value !== v) {
        // Two different amounts for one field (资金总额 for the project's life, 当年资金总额 for the
        // year): the one labelled for the year wins; the other stays in unparsed.
        const annual = ANNUAL_AMOUNT_LABEL.test(label || d.pendingLabel || '');
        partly(d, annual ? prev.lines : row.lines);
        if (!annual) return true;
      }
      d.budget[key] = v;
      d.amountRows[key] = { value: v, lines: row.lines };
      return true;
    }
    case 'carryOver':
      // A target table's carry-over row: nothing to hold it but the self-evaluation block.
      return value === '' || money(d, doc, value, labelUnit, row) === null;
    case 'ignored':
      // A printed field the record has no place for: the row stays in unparsed.
      return false;
    case 'goal': {
      // 总体目标 | 中期目标 | 年度目标: sub-headers; the texts that follow are theirs, in order.
      const words = value.split(/\s+/);
      if (words.every((w) => goalSubheader(w) !== null)) {
        for (const w of words) d.goalQueue.push(goalSubheader(w)!);
        d.pendingField = 'goal';
        d.section = 'goal';
        return true;
      }
      if (d.goalQueue.length > 0) {
        const role = d.goalQueue.shift()!;
        if (role === 'other') return false; // 中期目标: no field for it, kept in unparsed
        d.goalQueue = [];
        d.pendingField = null;
      }
      d.goalParts.push(tidyText(value));
      d.section = d.section === 'goal' ? 'goal' : 'header';
      return true;
    }
  }
}

/** A row of the budget block: the total row (with 执行率, 分值, 得分) or a source of funds. */
function budgetRow(d: Draft, doc: Doc, row: Row, key: FieldKey, label: string): void {
  const cells = row.flat ? row.text.split(/\s+/) : row.cells;
  const { index, partial, columns } = budgetCellIndex(d.budgetColumns!, cells, key === 'total');
  d.budgetColumns = columns;
  if (partial) partly(d, row.lines);
  const cell = (role: string) => {
    const i = index.get(role);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  let ok = true;
  const amount = (role: string) => {
    const v = money(d, doc, cell(role), moneyUnitIn(label), row);
    if (v === undefined) ok = false;
    return v ?? null;
  };
  const funding: FundingRow = {
    label: tidy(label).replace(/[:：]$/, ''),
    initialBudget: amount('initialBudget'),
    adjustedBudget: amount('adjustedBudget'),
    executed: amount('executed'),
  };
  if (key === 'total') {
    const rate = parsePercentFraction(cell('reportedRate'));
    const weight = parsePlainNumber(cell('weight'));
    const score = parsePlainNumber(cell('score'));
    if (rate === undefined || weight === undefined || score === undefined) ok = false;
    d.execution = {
      initialBudget: funding.initialBudget,
      adjustedBudget: funding.adjustedBudget,
      executed: funding.executed,
      reportedRate: rate ?? null,
      weight: weight ?? null,
      score: score ?? null,
      funding: [],
    };
    d.budget.total = funding.adjustedBudget;
  } else {
    d.execution?.funding.push(funding);
    if (key === 'fiscal') d.budget.fiscal = funding.adjustedBudget;
    if (key === 'other') d.budget.other = funding.adjustedBudget;
  }
  use(d, row);
  if (!ok) partly(d, [row.lines[0]]);
}
