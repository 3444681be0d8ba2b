/**
 * One cell per line, with long-term and annual columns (二级指标(长期) …
 * 指标值(年度)): a cell's column is its position in the row, so empty cells
 * count. The copy prints an empty cell as a line of spaces between blank
 * lines (武汉市青山区); the cells are read from the lines, in rows of the
 * header's width. Each row must be a row of the table (a 一级 label or empty
 * in the 一级 column, a name that is not a label); otherwise which text is
 * annual is not certain and the table is refused (INGEST_AMBIGUOUS_ROW).
 * Long-term cells with text stay in unparsed.
 */
import { compact } from '../../domain/text.ts';
import { IngestError } from '../errors.ts';
import { readLabel } from '../levels.ts';
import { INDICATOR_PREFIX, TABLE_START, TITLE, isFurniture, type Role } from '../vocabulary.ts';
import { pushIndicator } from './assemble.ts';
import { edit, partly, setLevel1, setLevel2, valueRoles, type Doc, type Draft, type Outcome, type RowContext, type State } from './state.ts';

interface Cell {
  text: string;
  lines: number[];
}

/** The cells from `first` (0-based line) on: blank lines separate them, a line of spaces is an empty cell. */
function gridCells(doc: Doc, first: number): Cell[] {
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  const close = () => {
    if (cur) cells.push(cur);
    cur = null;
  };
  for (let i = first; i <= doc.span.to; i++) {
    const line = doc.lines[i];
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
      const c: Cell = cur;
      c.text += t;
      c.lines.push(i + 1);
    } else cur = { text: t, lines: [i + 1] };
  }
  close();
  return cells;
}

function readGrid(d: Draft, doc: Doc, firstLines: readonly number[]): void {
  const cols = d.columns!;
  const width = cols.length;
  const cells = gridCells(doc, firstLines[0] - 1);
  const rowsOfCells = Math.floor(cells.length / width);
  const rest = cells.slice(rowsOfCells * width);
  const stray = rest.find((x) => compact(x.text) !== '');
  if (stray) throw new IngestError('INGEST_AMBIGUOUS_ROW', doc.file, stray.lines[0], 'cells left over after the rows of a table with long-term columns: its columns cannot be told apart');
  const at = (role: Role) => cols.indexOf(role);
  const roles = valueRoles(d);
  for (let r = 0; r < rowsOfCells; r++) {
    const group = cells.slice(r * width, (r + 1) * width);
    const l1 = group[at('l1')]?.text ?? '';
    const l2 = at('l2') >= 0 ? group[at('l2')].text : '';
    const name = at('name') >= 0 ? group[at('name')].text : '';
    const l1Label = l1 ? readLabel(l1) : null;
    const ok =
      (l1 === '' ? d.level1.raw !== null : l1Label !== null && l1Label.kind !== 'l2') &&
      (l2 === '' || readLabel(l2) !== null) &&
      compact(name) !== '' &&
      readLabel(name) === null;
    if (!ok) throw new IngestError('INGEST_AMBIGUOUS_ROW', doc.file, group[0].lines[0], 'a row of a table with long-term columns that does not fit its columns');
    if (l1) setLevel1(d, l1, l1Label);
    if (l2) setLevel2(d, l2, readLabel(l2));
    const values = new Map<Role, string>();
    group.forEach((cell, k) => {
      for (const l of cell.lines) d.used.add(l);
      const role = cols[k];
      if (role && roles.includes(role) && cell.text !== '') values.set(role, cell.text);
      if (role === 'longTerm' && compact(cell.text) !== '') partly(d, cell.lines);
    });
    pushIndicator(d, name.replace(INDICATOR_PREFIX, ''), values, group[at('name')].lines[0]);
  }
  d.rowUsed = true;
  const last = cells[cells.length - 1];
  d.gridUntil = last ? last.lines[last.lines.length - 1] : firstLines[firstLines.length - 1];
  for (const x of rest) for (const l of x.lines) d.used.add(l);
}

/** The first row after header words with long-term columns: the table is read as a grid. Ends the header words. */
export function gridStart(s: State, { row, doc }: RowContext): Outcome {
  const start = s.lastRowWasHeaderWord && row.flat && s.columns?.includes('longTerm') === true;
  const ended = s.lastRowWasHeaderWord ? edit(s, (d) => void (d.lastRowWasHeaderWord = false)) : s;
  if (!start) return ended === s ? null : { pass: ended };
  return edit(ended, (d) => readGrid(d, doc, row.lines));
}
