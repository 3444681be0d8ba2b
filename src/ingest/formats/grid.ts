/**
 * A table's cells with their spans → rows of cells in a grid. A cell covered
 * by a rowspan or colspan (a merged cell's continuation) is an empty cell, as
 * the extracted text of a merged cell reads: 一级指标 printed once for its rows.
 */
export interface SpanCell {
  text: string;
  rowspan: number;
  colspan: number;
}

export function expandSpans(rows: SpanCell[][]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      const rs = Math.max(1, Math.min(cell.rowspan, rows.length - r));
      const cs = Math.max(1, Math.min(cell.colspan, 1000));
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      c += cs;
    }
  });
  return grid.map((row) => Array.from(row, (v) => v ?? ''));
}
