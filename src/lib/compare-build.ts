/**
 * Comparison data computed once per build and shared by the comparison pages
 * and the builder's data files (src/pages/compare/**).
 */
import { getRecords } from './records';
import { builderData } from './compare-data';
import { acrossYears, budgetMatrix, sumYuan, unitCosts, type BudgetMatrix, type Series, type UnitCost } from '../compare/index';
import { jurisdictionInfo } from './jurisdictions';
import type { ProjectRecord } from '../schema/record';
import { provinceOf } from './facets';

let builder: ReturnType<typeof builderData> | undefined;

/** The builder's index and per-jurisdiction-year files (src/lib/compare-data.ts), computed once per build. */
export async function getBuilderData(): Promise<ReturnType<typeof builderData>> {
  if (!builder) builder = builderData(await getRecords());
  return builder;
}


/** "x": the page of the projects whose jurisdiction is not identified (no GB/T 2260 code). */
export const UNPLACED = 'x';

export interface ProvinceMatrix {
  /** Province code, or UNPLACED. */
  code: string;
  name: string;
  records: ProjectRecord[];
  /** The province's jurisdictions × years. */
  matrix: BudgetMatrix;
}

let matrices: { provinces: BudgetMatrix; byProvince: Map<string, ProvinceMatrix> } | undefined;

/**
 * The budget matrix at two levels, so each page is bounded: provinces × years
 * (every record rolled up to its province), and per province its own
 * jurisdictions × years. Computed once per build.
 */
export async function getMatrices(): Promise<{ provinces: BudgetMatrix; byProvince: Map<string, ProvinceMatrix> }> {
  if (!matrices) {
    const records = await getRecords();
    const byProvince = new Map<string, ProvinceMatrix>();
    const rolled: ProjectRecord[] = [];
    for (const r of records) {
      const p = provinceOf(r);
      const code = p.code ?? UNPLACED;
      let g = byProvince.get(code);
      if (!g) byProvince.set(code, (g = { code, name: p.code ? p.name : '辖区未识别', records: [], matrix: undefined as unknown as BudgetMatrix }));
      g.records.push(r);
      rolled.push({ ...r, jurisdiction: { code: p.code, name: p.name } });
    }
    for (const g of byProvince.values()) g.matrix = budgetMatrix(g.records);
    matrices = { provinces: budgetMatrix(rolled), byProvince: new Map([...byProvince.entries()].sort(([a], [b]) => a.localeCompare(b))) };
  }
  return matrices;
}

/** Per category and year, the budget total of a matrix (bounded by categories × years, whatever the rows). */
export function categoryYearTotals(m: BudgetMatrix): { column: string; year: number | null; total: number; count: number }[] {
  const out: { column: string; year: number | null; total: number; count: number }[] = [];
  const years = [...new Set(m.rows.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
  for (const c of m.columns)
    for (const y of years) {
      const cells = m.rows.filter((r) => r.year === y).map((r) => r.cells[c]);
      const count = cells.reduce((a, x) => a + x.count, 0);
      if (count) out.push({ column: c, year: y, total: sumYuan(cells.map((x) => x.total)), count });
    }
  return out;
}

let costs: UnitCost[] | undefined;

/** Every comparable unit cost (src/compare/unitCosts.ts), 政府公报 first, then the others; computed once per build. */
export async function getUnitCosts(): Promise<UnitCost[]> {
  if (!costs) {
    const all = unitCosts(await getRecords());
    costs = [...all.filter((u) => u.topic === '政府公报'), ...all.filter((u) => u.topic !== '政府公报')];
  }
  return costs;
}

export interface YearsPlace {
  /** Jurisdiction code, or UNPLACED. */
  code: string;
  name: string;
  /** Budget total per year (budget rows of the matrix). */
  years: { year: number; total: number; count: number }[];
  /** The jurisdiction's projects matched across years (src/compare/acrossYears.ts), in the page order. */
  series: Series[];
}

let yearsData: { places: YearsPlace[]; provinces: { code: string; name: string; years: { year: number; total: number }[] }[] } | undefined;

/**
 * The across-years comparison split per jurisdiction (each page bounded by
 * its own projects), and the yearly totals per province for the overview
 * chart (bounded by provinces × years). Computed once per build.
 */
export async function getYears(): Promise<{ places: YearsPlace[]; provinces: { code: string; name: string; years: { year: number; total: number }[] }[] }> {
  if (!yearsData) {
    const records = await getRecords();
    const { provinces, byProvince } = await getMatrices();
    const places = new Map<string, YearsPlace>();
    const place = (code: string | null, name: string | null) => {
      const key = code ?? UNPLACED;
      let p = places.get(key);
      if (!p) places.set(key, (p = { code: key, name: code ? (jurisdictionInfo(code)?.name ?? name ?? code) : '辖区未识别', years: [], series: [] }));
      return p;
    };
    for (const g of byProvince.values())
      for (const r of g.matrix.rows) if (r.year !== null) {
        const p = place(r.jurisdiction.code, r.jurisdiction.name);
        const y = p.years.find((x) => x.year === r.year);
        if (y) {
          y.total = sumYuan([y.total, r.total.total]);
          y.count += r.total.count;
        } else p.years.push({ year: r.year, total: r.total.total, count: r.total.count });
      }
    for (const s of acrossYears(records)) place(s.jurisdiction.code, s.jurisdiction.name).series.push(s);
    for (const p of places.values()) p.years.sort((a, b) => a.year - b.year);
    const prov = new Map<string, { code: string; name: string; years: { year: number; total: number }[] }>();
    for (const r of provinces.rows) {
      if (r.year === null) continue;
      const key = r.jurisdiction.code ?? `name:${r.jurisdiction.name}`;
      let p = prov.get(key);
      if (!p) prov.set(key, (p = { code: r.jurisdiction.code ?? UNPLACED, name: r.jurisdiction.code ? (jurisdictionInfo(r.jurisdiction.code)?.name ?? '') : (r.jurisdiction.name ?? '辖区未识别'), years: [] }));
      p.years.push({ year: r.year, total: r.total.total });
    }
    yearsData = { places: [...places.values()].sort((a, b) => a.code.localeCompare(b.code)), provinces: [...prov.values()] };
  }
  return yearsData;
}
