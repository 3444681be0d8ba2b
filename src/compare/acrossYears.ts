/**
 * The same jurisdiction and department over the years: projects matched
 * across years by category and name similarity, with budget changes.
 *
 * Matching: within one (jurisdiction, department), years ascending; each chain
 * (a project followed over the years) is extended by the most similar project
 * of the next year that has the same category and a name similarity of at
 * least `threshold` (Dice coefficient over character bigrams of the names with
 * years, whitespace and punctuation removed). One project joins at most one
 * chain; ties go to the earlier chain. A chain may skip years.
 */
import { categoryName, jurisdictionKey, squash, type CompareOptions, type CompareRecord } from './common';
import { toFen, fenToYuan, ratio } from '../domain/money';

export interface SeriesPoint {
  id: string;
  year: number;
  name: string;
  budget: number | null;
  /** Similarity to the previous point's name (0..1); null for the first point. */
  similarity: number | null;
}

export interface BudgetChange {
  fromYear: number;
  toYear: number;
  /** to − from, yuan; null when either budget is missing. */
  change: number | null;
  /** change ÷ from, rounded to 4 decimals; null when from is 0 or missing. */
  relative: number | null;
}

export interface Series {
  jurisdiction: CompareRecord['jurisdiction'];
  department: string | null;
  category: string | null;
  points: SeriesPoint[];
  changes: BudgetChange[];
}

/** Project name reduced for comparison: no years (2026年, 2020年度), whitespace or punctuation. */
export function normalizeName(name: string): string {
  return squash(name)
    .replace(/(19|20)\d{2}年?度?/g, '')
    .replace(/[\p{P}\p{S}]/gu, '');
}

function bigrams(s: string): string[] {
  const cs = [...s];
  if (cs.length < 2) return cs;
  return cs.slice(1).map((c, i) => cs[i] + c);
}

/** Dice coefficient over character bigrams of the normalized names (1 = same). */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  if (bx.length + by.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of by) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of bx) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return Math.round(((2 * common) / (bx.length + by.length)) * 10000) / 10000;
}

function change(from: SeriesPoint, to: SeriesPoint): BudgetChange {
  if (from.budget === null || to.budget === null) return { fromYear: from.year, toYear: to.year, change: null, relative: null };
  const diff = fenToYuan(toFen(to.budget) - toFen(from.budget));
  const relative = from.budget === 0 ? null : ratio(diff, from.budget, 4);
  return { fromYear: from.year, toYear: to.year, change: diff, relative };
}

export function acrossYears(
  records: readonly CompareRecord[],
  opts: CompareOptions & { threshold?: number; kind?: 'target' | 'self-evaluation' } = {},
): Series[] {
  const threshold = opts.threshold ?? 0.5;
  const rs = records.filter((r) => r.year !== null && (!opts.kind || r.kind === opts.kind));
  const groups = new Map<string, CompareRecord[]>();
  for (const r of rs) {
    const key = `${jurisdictionKey(r)}|${squash(r.department?.name ?? '')}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  const out: Series[] = [];
  for (const group of groups.values()) {
    const years = [...new Set(group.map((r) => r.year as number))].sort((a, b) => a - b);
    const chains: { category: string | null; points: SeriesPoint[]; first: CompareRecord }[] = [];
    for (const year of years) {
      const pool = group.filter((r) => r.year === year).sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id));
      const taken = new Set<string>();
      // best pairs first, so a strong match is not stolen by a weaker one
      const pairs: { chain: number; rec: CompareRecord; sim: number }[] = [];
      chains.forEach((ch, ci) => {
        const last = ch.points[ch.points.length - 1];
        if (last.year >= year) return;
        for (const rec of pool) {
          if (categoryName(rec, opts) !== ch.category) continue;
          const sim = nameSimilarity(last.name, rec.name);
          if (sim >= threshold) pairs.push({ chain: ci, rec, sim });
        }
      });
      pairs.sort((a, b) => b.sim - a.sim || a.chain - b.chain);
      const extended = new Set<number>();
      for (const p of pairs) {
        if (extended.has(p.chain) || taken.has(p.rec.id)) continue;
        extended.add(p.chain);
        taken.add(p.rec.id);
        chains[p.chain].points.push({ id: p.rec.id, year, name: p.rec.name, budget: p.rec.budget.total, similarity: p.sim });
      }
      for (const rec of pool) {
        if (taken.has(rec.id)) continue;
        chains.push({ category: categoryName(rec, opts), first: rec, points: [{ id: rec.id, year, name: rec.name, budget: rec.budget.total, similarity: null }] });
      }
    }
    for (const ch of chains) {
      out.push({
        jurisdiction: ch.first.jurisdiction,
        department: ch.first.department?.name ?? null,
        category: ch.category,
        points: ch.points,
        changes: ch.points.slice(1).map((p, i) => change(ch.points[i], p)),
      });
    }
  }
  return out.sort(
    (a, b) =>
      (a.jurisdiction.code ?? '~').localeCompare(b.jurisdiction.code ?? '~') ||
      (a.department ?? '').localeCompare(b.department ?? '', 'zh') ||
      a.points[0].year - b.points[0].year ||
      a.points[0].name.localeCompare(b.points[0].name, 'zh'),
  );
}
