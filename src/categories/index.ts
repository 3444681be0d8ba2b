/**
 * categorize(record) → { name, rule, overridden }: ordered rules over the
 * project name and goal (src/categories/taxonomy.ts), overridable by the
 * hand-maintained data/categories.overrides.json.
 *
 * Pure: no file-system access. Load the overrides with loadOverrides() from
 * src/categories/load.ts (or parseOverrides() on an object you read) and pass
 * them in.
 */
import { CATEGORIES, CATEGORY_NAMES, RULES, type Rule } from './taxonomy';
import { OverridesFile, type CategoryAssignment, type OverrideEntry } from './schema';

export { CATEGORIES, CATEGORY_NAMES, RULES } from './taxonomy';
export type { Category, Rule } from './taxonomy';
export { CategoryAssignment, OverridesFile, OverrideEntry } from './schema';

/** What categorize() reads from a record (a full ProjectRecord fits). */
export interface CategorizeInput {
  id?: string | null;
  kind: 'target' | 'self-evaluation';
  year: number | null;
  name: string;
  goal?: string | null;
  jurisdiction?: { name: string | null; code: string | null } | null;
}

/** Parsed overrides, split by key type. */
export interface Overrides {
  byId: ReadonlyMap<string, OverrideEntry>;
  /** Keyed by normalized "<code>|<year>|<kind>|<name>" (see overrideKey). */
  byKey: ReadonlyMap<string, OverrideEntry & { key: string }>;
}

export const NO_OVERRIDES: Overrides = { byId: new Map(), byKey: new Map() };

const ID_RE = /^[0-9x]+-[0-9x]+-(target|selfeval)-[0-9a-f]{8}$/;

/** Remove all whitespace (PDF extraction splits words: 平罗县人民 政府办公室). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function normKind(kind: string): string {
  const k = kind.trim();
  return k === 'selfeval' ? 'self-evaluation' : k;
}

/**
 * The normalized composite key: "<jurisdiction code>|<year>|<kind>|<name>".
 * kind is "target" or "self-evaluation" ("selfeval" is accepted in the file);
 * the name is compared with whitespace removed. When a record has no
 * jurisdiction code, its jurisdiction name can stand in the first part.
 */
export function overrideKey(jurisdiction: string, year: number | string | null, kind: string, name: string): string {
  return [jurisdiction.trim(), year === null ? 'x' : String(year).trim(), normKind(kind), squash(name)].join('|');
}

/** Validate the content of data/categories.overrides.json. Throws on an unknown category or a malformed key. */
export function parseOverrides(json: unknown): Overrides {
  const file = OverridesFile.parse(json);
  const byId = new Map<string, OverrideEntry>();
  const byKey = new Map<string, OverrideEntry & { key: string }>();
  for (const [key, entry] of Object.entries(file.overrides)) {
    if (entry.category !== null && !CATEGORY_NAMES.includes(entry.category)) {
      throw new Error(`categories.overrides.json: "${key}" names unknown category "${entry.category}" (known: ${CATEGORY_NAMES.join(', ')})`);
    }
    if (ID_RE.test(key)) {
      byId.set(key, entry);
      continue;
    }
    const parts = key.split('|');
    if (parts.length !== 4 || !['target', 'self-evaluation', 'selfeval'].includes(parts[2].trim())) {
      throw new Error(`categories.overrides.json: key "${key}" is neither a record id nor "<jurisdiction code>|<year>|<kind>|<project name>"`);
    }
    const norm = overrideKey(parts[0], parts[1], parts[2], parts[3]);
    byKey.set(norm, { ...entry, key });
  }
  return { byId, byKey };
}

function findOverride(record: CategorizeInput, overrides: Overrides): OverrideEntry | undefined {
  if (record.id && overrides.byId.has(record.id)) return overrides.byId.get(record.id);
  if (overrides.byKey.size === 0) return undefined;
  const j = record.jurisdiction;
  for (const first of [j?.code, j?.name]) {
    if (!first) continue;
    const hit = overrides.byKey.get(overrideKey(first, record.year, record.kind, record.name));
    if (hit) return hit;
  }
  return undefined;
}

/** The first rule that matches the record, or null. */
export function matchRule(record: Pick<CategorizeInput, 'name' | 'goal'>): Rule | null {
  const name = squash(record.name);
  const goal = squash(record.goal ?? '');
  for (const rule of RULES) {
    const text = rule.field === 'name' ? name : goal;
    if (text && rule.pattern.test(text)) return rule;
  }
  return null;
}

/** Assign a category: an override (by id, then by composite key) wins over the rules. */
export function categorize(record: CategorizeInput, overrides: Overrides = NO_OVERRIDES): CategoryAssignment {
  const o = findOverride(record, overrides);
  if (o) return { name: o.category, rule: 'override', overridden: true };
  const rule = matchRule(record);
  return rule ? { name: rule.category, rule: rule.id, overridden: false } : { name: null, rule: null, overridden: false };
}

/** The category of a record: its stored `category` field if present, else categorize() now. */
export function categoryOf(
  record: CategorizeInput & { category?: CategoryAssignment | null },
  overrides: Overrides = NO_OVERRIDES,
): CategoryAssignment {
  return record.category ?? categorize(record, overrides);
}

/** Records whose category is null (no rule, no override), for review. Never forced into a category. */
export function unmatched<R extends CategorizeInput & { category?: CategoryAssignment | null }>(
  records: readonly R[],
  overrides: Overrides = NO_OVERRIDES,
): R[] {
  return records.filter((r) => categoryOf(r, overrides).name === null);
}

/** Slug of the page of projects no rule or override placed. */
export const UNMATCHED_SLUG = 'unmatched';

/** The one place that maps a category to its URL slug (src/categories/taxonomy.ts); UNMATCHED_SLUG for none. */
export function categorySlug(name: string | null): string {
  if (name === null || name === '') return UNMATCHED_SLUG;
  const c = CATEGORIES.find((x) => x.name === name);
  if (!c) throw new Error(`no slug for category ${name}`);
  return c.slug;
}
