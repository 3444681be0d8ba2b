/** The numbers of a chart as a table, shown beside every chart. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}
