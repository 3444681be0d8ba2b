/**
 * A record as CSV for the per-project download: its rows of the dataset's
 * indicators.csv (one row per indicator, the project's fields repeated), so
 * the columns are the same as in the whole-dataset download (docs/open-data.md).
 */
import { indicatorsCsv } from '../export/index';
import type { ProjectRecord } from '../schema/record';

export function recordToCsv(r: ProjectRecord): string {
  return indicatorsCsv([r]);
}
