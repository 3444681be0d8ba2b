/** Cell splitting for the importer's layout readers (text normalisation is src/domain/text.ts). */

/**
 * Split a line into cells: tab-separated, or pipe-separated (a table copied
 * from a web page, with or without border pipes). Otherwise the line is one
 * cell ("flat" text, as extracted from a PDF).
 */
export function splitCells(line: string): { cells: string[]; flat: boolean } {
  if (line.includes('\t')) return { cells: line.split('\t').map((c) => c.trim()), flat: false };
  const pipes = line.match(/[|｜]/g);
  if (pipes && pipes.length >= 2) {
    let cells = line.split(/[|｜]/).map((c) => c.trim());
    if (/^\s*[|｜]/.test(line)) cells = cells.slice(1);
    if (/[|｜]\s*$/.test(line)) cells = cells.slice(0, -1);
    return { cells, flat: false };
  }
  return { cells: [line.trim()], flat: true };
}

/** A markdown separator row such as |---|:--:|. */
export function isSeparatorRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '');
}
