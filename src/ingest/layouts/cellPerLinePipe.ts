/**
 * One cell per line ending ` |`, rows separated by a bare `|` line (a web
 * table copied cell by cell). The cells of consecutive lines up to a bare
 * `|` form one row; a line holding only ` |` is an empty cell.
 */
import type { LayoutReader, Row } from './types.ts';

const CELL = /^(.*?)\s*[|｜]\s*$/;
const BARE = /^\s*[|｜]\s*$/;
const onePipe = (l: string) => (l.match(/[|｜]/g)?.length ?? 0) === 1;

export const cellPerLinePipe: LayoutReader = {
  name: 'one cell per line ending |, rows between bare | lines',
  detect(lines) {
    const nonBlank = lines.filter((l) => l.trim() !== '');
    const cells = nonBlank.filter((l) => onePipe(l) && CELL.test(l) && !BARE.test(l)).length;
    const bare = nonBlank.filter((l) => BARE.test(l)).length;
    return nonBlank.length > 0 && bare >= 3 && cells / nonBlank.length >= 0.5 ? 0.8 : 0;
  },
  rows(lines, from, to) {
    const rows: Row[] = [];
    let cur: Row | null = null;
    const end = () => {
      if (cur && cur.cells.some((c) => c !== '')) rows.push(cur);
      cur = null;
    };
    for (let i = from; i <= to; i++) {
      const line = lines[i];
      if (line.trim() === '') continue;
      if (BARE.test(line)) {
        end();
        continue;
      }
      const m = onePipe(line) ? CELL.exec(line) : null;
      if (!m) {
        // Text outside the table (a title): a row of its own.
        end();
        rows.push({ cells: [line.trim()], flat: true, text: line.trim(), lines: [i + 1] });
        continue;
      }
      cur ??= { cells: [], flat: false, text: '', lines: [] };
      cur.cells.push(m[1].trim());
      cur.lines.push(i + 1);
    }
    end();
    return rows;
  },
};
