/**
 * The category assignment stored in each record as `category` (see
 * docs/categories.md). Kept here, beside the taxonomy, so that the record
 * schema can import it: `category: CategoryAssignment`.
 */
import { z } from 'zod';

export const CategoryAssignment = z.object({
  /** Category of work (工作类别) from the taxonomy in docs/categories.md, e.g. 政务公开与政府公报; null when no rule matched and no override applies. */
  name: z.string().nullable(),
  /** Id of the rule that assigned the category (e.g. "name:open-government"), "override" when data/categories.overrides.json decided it; null when unmatched. */
  rule: z.string().nullable(),
  /** True when the category comes from data/categories.overrides.json rather than a rule. */
  overridden: z.boolean(),
});
export type CategoryAssignment = z.infer<typeof CategoryAssignment>;

/** One entry of data/categories.overrides.json. */
export const OverrideEntry = z.object({
  /** A category name from the taxonomy, or null to force the project to stay unassigned. */
  category: z.string().nullable(),
  /** Why the rule-based category is wrong for this project (kept for reviewers). */
  note: z.string().optional(),
});
export type OverrideEntry = z.infer<typeof OverrideEntry>;

export const OverridesFile = z.object({
  $comment: z.string().optional(),
  /** Keyed by record id, or by "<jurisdiction code>|<year>|<kind>|<project name>". */
  overrides: z.record(z.string(), OverrideEntry),
});
export type OverridesFile = z.infer<typeof OverridesFile>;
