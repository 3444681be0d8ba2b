import type { ProjectRecord } from '../schema/record';
import { categoryOf, type CategoryAssignment, type Overrides, NO_OVERRIDES } from '../categories/index';

/** A record as stored after ingest: ProjectRecord plus the `category` field (optional until the schema has it). */
export type CompareRecord = ProjectRecord & { category?: CategoryAssignment | null };

export interface CompareOptions {
  /** Used only for records without a stored `category`. */
  overrides?: Overrides;
}

export function categoryName(r: CompareRecord, opts: CompareOptions = {}): string | null {
  return categoryOf(r, opts.overrides ?? NO_OVERRIDES).name;
}

/** Key identifying a jurisdiction: its code, or its name when the code is unknown. */
export function jurisdictionKey(r: Pick<ProjectRecord, 'jurisdiction'>): string {
  return r.jurisdiction.code ?? `name:${r.jurisdiction.name ?? '?'}`;
}

export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
