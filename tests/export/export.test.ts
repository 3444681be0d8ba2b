import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportOpenData, getPath, sha256sums, type OutputFile } from '../../src/export/index';
import { readSchemaDocs } from '../../src/export/schemaDocs';
import { csvText, tableToCsv } from '../../src/export/csv';
import { ProjectRecord } from '../../src/schema/record';
import { ind, rec, val } from '../compare/helpers';

const records = [
  rec({
    id: '640221-2021-target-0000aaaa',
    name: '政务公开工作经费',
    year: 2021,
    jurisdiction: { name: '平罗县', code: '640221' },
    department: { name: '平罗县人民政府办公室', code: '003' },
    implementingUnit: { name: '平罗县人民政府办公室本级', code: '003001' },
    projectType: '02-经常性项目',
    projectPeriod: '2021-2021',
    budget: { total: 180000, fiscal: 180000, other: 0 },
    goal: '印制政府公报, 宣传政务公开资料册, "购置"办公设备\n逐步提升政务公开理念',
    indicators: [
      ind('产出指标', '数量指标', '政府公报印刷', val('4 期/年', '=', 4, '期/年'), { level2Raw: '数量指标 (必填硬性指标)' }),
      ind('产出指标', '成本指标', '政府公报印刷', null),
      ind('效益指标', '社会效益指标', '政务公开社会影响率', val('逐步提升', null, null, null)),
      ind('满意度指标', '服务对象满意度指标', '群众满意度、获得感', val('90%', '=', 90, '%')),
    ],
    source: { file: '002_60f5ac7a26e34816.txt', lines: [126, 148] },
    unparsed: [{ line: 142, text: 'x' }],
  }),
  rec({
    id: '640100-2026-target-0000bbbb',
    name: '政府聘用人员',
    title: '银川市本级部门项目支出绩效目标表',
    budget: { total: 778850.24, fiscal: null, other: null },
    goal: '',
    indicators: [ind('产出指标', '成本指标', '非现役复转军人住房企业年金费用', val('≤0.7146万元', '≤', 7146, '元'))],
  }),
  rec({
    id: '640500-2024-selfeval-0000cccc',
    kind: 'self-evaluation',
    name: '《政府公报》创办费',
    year: 2024,
    jurisdiction: { name: '中卫市', code: '640500' },
    budget: { total: 40000, fiscal: 40000, other: null },
    goal: '统一刊登本级政府规章和规范性文件。',
    outcome: '准确刊印《政府公报》2期,刊登文件23个,印发1600份',
    execution: {
      initialBudget: 80000,
      adjustedBudget: 40000,
      executed: 40000,
      reportedRate: 0.5,
      weight: 10,
      score: 5,
      funding: [
        { label: '其中:当年财政拨款', initialBudget: 80000, adjustedBudget: 40000, executed: 40000 },
        { label: '上年结转资金', initialBudget: null, adjustedBudget: null, executed: null },
      ],
    },
    totalScore: 80,
    totalWeight: 100,
    indicators: [
      ind('产出指标', '数量指标', '《政府公报》编辑、排版、印刷期数', val('3200份', '=', 3200, '份'), {
        actual: val('1600份', '=', 1600, '份'),
        weight: 10,
        score: 5,
        shortfallReason: '文件数量减少,公报印刷期数减少2期',
      }),
      ind('产出指标', '成本指标', '完成编辑、校对、印刷、出版、发行等,每年4期,每期2万元', val('8万元', '=', 80000, '元'), { actual: val('4万元', '=', 40000, '元') }),
    ],
  }),
  { ...rec({ id: '640100-2026-target-0000dddd', name: '城市绿化养护' }), category: { name: '综合工作经费', rule: 'override', overridden: true } },
];

for (const r of records) ProjectRecord.parse(r);

const docs = readSchemaDocs(
  { fileName: 'record.ts', text: readFileSync('src/schema/record.ts', 'utf8') },
  { fileName: 'schema.ts', text: readFileSync('src/categories/schema.ts', 'utf8') },
);
const files = exportOpenData(records, { docs, audit: [{ id: '640100-2026-target-0000bbbb', position: 1, code: 'x', message: 'a, "quoted" message' }] });
const file = (p: string) => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p}`);
  return f.content;
};
const pkg = JSON.parse(file('datapackage.json'));
type Field = { name: string; type: string; description: string; constraints?: { required?: boolean; enum?: string[]; pattern?: string } };
const resource = (path: string) => pkg.resources.find((r: { path: string }) => r.path === path) as { schema: { fields: Field[] }; hash: string; bytes: number };

function rows(p: string): string[][] {
  return parse(file(p), { bom: true, relax_column_count: false }) as string[][];
}

/** Read a cell back by the type the datapackage declares. */
function typed(cell: string, type: string): unknown {
  if (cell === '') return null;
  if (type === 'number' || type === 'integer') return Number(cell);
  if (type === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  return cell;
}
/** A record value as the CSV holds it: empty is null, and text goes through the formula rule (csvText: = → ＝, '=… for formulas). */
const norm = (v: unknown) => (v === '' || v === undefined ? null : typeof v === 'string' ? csvText(v) : v);

describe('file set', () => {
  it('has stable names', () => {
    expect(files.map((f) => f.path)).toEqual([
      'projects.json',
      'projects.csv',
      'indicators.csv',
      'execution.csv',
      'execution-funding.csv',
      'budget-by-category.csv',
      'unit-costs.csv',
      'flags.csv',
      'datapackage.json',
      'SHA256SUMS',
    ]);
    expect(exportOpenData(records).map((f) => f.path)).not.toContain('flags.csv');
  });
  it('is reproducible', () => {
    expect(exportOpenData(records, { docs })).toEqual(exportOpenData(records, { docs }));
  });
  it('projects.json is the records array with the category', () => {
    const back = JSON.parse(file('projects.json'));
    expect(back).toHaveLength(4);
    expect(back[0].category).toEqual({ name: '政务公开与政府公报', rule: 'name:open-government', overridden: false });
    expect(back[3].category.overridden).toBe(true);
    expect(back[0]).toEqual(records[0]);
  });
});

describe('CSV files', () => {
  const csvs = files.filter((f) => f.path.endsWith('.csv'));
  it('start with a UTF-8 BOM and use CRLF', () => {
    for (const f of csvs) {
      const bytes = Buffer.from(f.content, 'utf8');
      expect([...bytes.subarray(0, 3)], f.path).toEqual([0xef, 0xbb, 0xbf]);
      expect(f.content.split('\r\n').length, f.path).toBeGreaterThan(1);
    }
  });
  it('have a header equal to the datapackage field list, in order', () => {
    for (const f of csvs) {
      const header = rows(f.path)[0];
      expect(header, f.path).toEqual(resource(f.path).schema.fields.map((x) => x.name));
    }
  });

  it('projects.csv parses back to the record values', () => {
    const [header, ...body] = rows('projects.csv');
    const fields = resource('projects.csv').schema.fields;
    expect(body).toHaveLength(records.length);
    body.forEach((row, i) => {
      const r = { ...records[i], category: JSON.parse(file('projects.json'))[i].category };
      header.forEach((h, j) => expect(typed(row[j], fields[j].type), `${i} ${h}`).toEqual(norm(getPath(r, h))));
    });
    // quoting: the goal with a comma, quotes and a line break survives
    expect(body[0][header.indexOf('goal')]).toBe(records[0].goal);
    // codes stay text with their leading zeros
    expect(body[0][header.indexOf('department.code')]).toBe('003');
    expect(body[0][header.indexOf('implementingUnit.code')]).toBe('003001');
    expect(body[0][header.indexOf('jurisdiction.code')]).toBe('640221');
    expect(body[1][header.indexOf('budget.total')]).toBe('778850.24');
    expect(body[0][header.indexOf('source.lines.0')]).toBe('126');
  });

  it('indicators.csv has one row per indicator and parses back', () => {
    const [header, ...body] = rows('indicators.csv');
    const fields = resource('indicators.csv').schema.fields;
    const expected = records.flatMap((r) => r.indicators.map((x, i) => ({ r, x, i })));
    expect(body).toHaveLength(expected.length);
    body.forEach((row, k) => {
      const { r, x, i } = expected[k];
      const ctx = { ...r, indicators: x, position: i + 1, category: JSON.parse(file('projects.json')).find((p: { id: string }) => p.id === r.id).category };
      header.forEach((h, j) => expect(typed(row[j], fields[j].type), `${k} ${h}`).toEqual(norm(getPath(ctx, h))));
    });
    expect(header).toContain('indicators.target.raw');
    expect(header).toContain('indicators.actual.fromName');
    const t = header.indexOf('indicators.target.value');
    expect(body.map((r) => r[t])).toEqual(['4', '', '', '90', '7146', '3200', '80000']);
  });

  it('execution.csv and execution-funding.csv hold the self-evaluation figures', () => {
    const [h, ...b] = rows('execution.csv');
    expect(b).toHaveLength(1);
    const get = (name: string) => b[0][h.indexOf(name)];
    expect([get('id'), get('execution.initialBudget'), get('execution.adjustedBudget'), get('execution.executed'), get('execution.reportedRate'), get('totalScore')]).toEqual([
      '640500-2024-selfeval-0000cccc',
      '80000',
      '40000',
      '40000',
      '0.5',
      '80',
    ]);
    const [fh, ...fb] = rows('execution-funding.csv');
    expect(fb.map((r) => [r[fh.indexOf('position')], r[fh.indexOf('execution.funding.label')], r[fh.indexOf('execution.funding.initialBudget')]])).toEqual([
      ['1', '其中:当年财政拨款', '80000'],
      ['2', '上年结转资金', ''],
    ]);
  });

  it('flags.csv quotes per RFC 4180', () => {
    expect(file('flags.csv')).toContain('"a, ""quoted"" message"');
    expect(rows('flags.csv')[1]).toEqual(['640100-2026-target-0000bbbb', '1', 'x', '', 'a, "quoted" message']);
  });

  it('budget-by-category.csv sums per row and column', () => {
    const [h, ...b] = rows('budget-by-category.csv');
    expect(h.slice(0, 4)).toEqual(['jurisdiction.code', 'jurisdiction.name', 'year', 'kinds']);
    const last = b[b.length - 1];
    expect(last[1]).toBe('合计');
    expect(last[h.indexOf('total')]).toBe(String(180000 + 778850.24 + 40000));
  });
});

describe('tableToCsv', () => {
  it('writes any rows × columns table', () => {
    const csv = tableToCsv({ columns: [{ name: 'a', type: 'string', description: '' }, { name: 'b', type: 'number', description: '' }], rows: [['003', 1.5], [null, null], ['x\ny', 0]] });
    expect(csv).toBe('\uFEFFa,b\r\n003,1.5\r\n,\r\n"x\ny",0\r\n');
  });
});

describe('datapackage.json', () => {
  it('validates against the Data Package v1 schema (local subset)', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'data-package.v1.subset.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // and the schema is not a rubber stamp
    expect(validate({ ...pkg, name: 'Has Spaces' })).toBe(false);
    expect(validate({ ...pkg, resources: [{ name: 'x' }] })).toBe(false);
    expect(validate({ ...pkg, resources: [{ name: 'x', path: 'x.csv', profile: 'tabular-data-resource' }] })).toBe(false);
  });
  it('has name, title, licenses; resources with path, format, mediatype, encoding', () => {
    expect(pkg.name).toBe('budget-performance-tables');
    expect(pkg.title).toBeTruthy();
    expect(pkg.licenses).toHaveLength(1);
    for (const r of pkg.resources) {
      expect(r.path).toBeTruthy();
      expect(r.format).toMatch(/^(csv|json)$/);
      expect(r.mediatype).toMatch(/^(text\/csv|application\/json)$/);
      expect(r.encoding).toBe('utf-8');
    }
  });
  it('describes every column of every CSV with a type and a description', () => {
    for (const r of pkg.resources.filter((x: { format: string }) => x.format === 'csv')) {
      for (const f of r.schema.fields as Field[]) {
        expect(f.type, `${r.path} ${f.name}`).toMatch(/^(string|number|integer|boolean)$/);
        expect(f.description.length, `${r.path} ${f.name}`).toBeGreaterThan(5);
        expect(f.description, `${r.path} ${f.name}`).not.toBe(f.name);
      }
    }
  });
  it('takes descriptions from the zod doc comments and types from the zod schema', () => {
    const fields = resource('projects.csv').schema.fields;
    const f = (n: string) => fields.find((x) => x.name === n)!;
    expect(f('budget.total').description).toContain('Annual amount in yuan');
    expect(f('budget.total').type).toBe('number');
    expect(f('year').type).toBe('integer');
    expect(f('jurisdiction.code')).toMatchObject({ type: 'string', constraints: { pattern: '^\\d{6}$' } });
    expect(f('department.code').type).toBe('string');
    expect(f('department.code').description).toContain('Budget code printed with the name');
    expect(f('kind').constraints?.enum).toEqual(['target', 'self-evaluation']);
    expect(f('id').constraints?.required).toBe(true);
    expect(f('category.name').description).toContain('Category of work');
    const iFields = resource('indicators.csv').schema.fields;
    expect(iFields.find((x) => x.name === 'indicators.target.raw')!.description).toContain('The cell text as published');
  });
  it('states bytes and sha256 hash of each resource', () => {
    for (const r of pkg.resources) {
      const c = file(r.path);
      expect(r.bytes).toBe(Buffer.byteLength(c, 'utf8'));
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(Buffer.from(c, 'utf8')).digest('hex')}`);
    }
  });
});

describe('SHA256SUMS', () => {
  it('lists every other file with its SHA-256', () => {
    const lines = file('SHA256SUMS').trimEnd().split('\n');
    const others = files.filter((f) => f.path !== 'SHA256SUMS');
    expect(lines).toHaveLength(others.length);
    for (const [i, line] of lines.entries()) {
      const m = line.match(/^([0-9a-f]{64}) {2}(.+)$/);
      expect(m, line).not.toBeNull();
      expect(m![2]).toBe(others[i].path);
      expect(m![1]).toBe(createHash('sha256').update(Buffer.from(others[i].content, 'utf8')).digest('hex'));
    }
  });
  it('passes sha256sum -c on the written files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    for (const f of files) writeFileSync(join(dir, f.path), f.content, 'utf8');
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(out.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    // a changed file fails
    writeFileSync(join(dir, 'projects.csv'), 'changed', 'utf8');
    expect(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
  });
  it('sha256sums() formats any file list', () => {
    const fs: OutputFile[] = [{ path: 'a.txt', content: 'abc' }];
    expect(sha256sums(fs)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n');
  });
});

// The importer's records, when present: every CSV cell reads back to the record value.
import { existsSync, readdirSync } from 'node:fs';
const recDir = join(process.cwd(), 'data/records');
const recFiles = existsSync(recDir) ? readdirSync(recDir).filter((f) => f.endsWith('.json')).sort() : [];
describe.skipIf(recFiles.length === 0)('data/records round trip (when present)', () => {
  const real = recFiles.map((f) => JSON.parse(readFileSync(join(recDir, f), 'utf8')));
  const out = exportOpenData(real, { docs });
  const get = (p: string) => out.find((f) => f.path === p)!.content;
  const withCat = JSON.parse(get('projects.json'));
  const dp = JSON.parse(get('datapackage.json'));
  const fieldsOf = (p: string) => dp.resources.find((r: { path: string }) => r.path === p).schema.fields as Field[];
  it('projects.csv', () => {
    const [header, ...body] = parse(get('projects.csv'), { bom: true }) as string[][];
    expect(header).toEqual(fieldsOf('projects.csv').map((f) => f.name));
    expect(body).toHaveLength(real.length);
    body.forEach((row, i) => header.forEach((h, j) => expect(typed(row[j], fieldsOf('projects.csv')[j].type), `${withCat[i].id} ${h}`).toEqual(norm(getPath(withCat[i], h)))));
  });
  it('indicators.csv', () => {
    const [header, ...body] = parse(get('indicators.csv'), { bom: true }) as string[][];
    const exp = withCat.flatMap((r: ProjectRecord) => r.indicators.map((x, i) => ({ ...r, indicators: x, position: i + 1 })));
    expect(body).toHaveLength(exp.length);
    body.forEach((row, k) => header.forEach((h, j) => expect(typed(row[j], fieldsOf('indicators.csv')[j].type), `${k} ${h}`).toEqual(norm(getPath(exp[k], h)))));
  });
  it('execution.csv has the 4 self-evaluations', () => {
    expect((parse(get('execution.csv'), { bom: true }) as string[][]).length - 1).toBe(real.filter((r) => r.kind === 'self-evaluation').length);
  });
});
