/**
 * Precision first: exit 0 means every value is what the document says. The
 * damage below used to be read silently as plausible data (issue 8).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/ingest/amount.ts';
import { ingestSources, writeDataset } from '../../src/ingest/cli.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import { detectLayout } from '../../src/ingest/layouts/index.ts';
import { hasGarbledNumber, parseValue } from '../../src/ingest/value.ts';
import { ingestText, readSource, root, sourcesDir } from './helpers.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return (e as IngestError).code;
  }
  throw new Error('expected an IngestError');
}

const FOOTERS = ['第 3 页 共 3 页', '- 3 -', '附件2', '联系人：张三  联系电话：0951-6888888', '2025年部门项目支出绩效目标表', '扫一扫在手机打开当前页'];

describe('lines after the last table', () => {
  for (const file of ['000_bd5493f012e3b752.txt', '003_02357b0acc26174d.txt', '010_yueyangxian_gaobiaozhunnongtian_2022.txt']) {
    it(`${file}: each footer goes to unparsed, never an indicator`, () => {
      const { text, meta } = readSource(file);
      const clean = ingestText(text, file, meta).records;
      for (const footer of FOOTERS) {
        const lines = [...text.split('\n'), '', footer];
        const { records } = ingestText(lines.join('\n'), file, meta);
        expect(records.map((r) => r.indicators.length), footer).toEqual(clean.map((r) => r.indicators.length));
        expect(records[records.length - 1].unparsed, footer).toContainEqual({ line: lines.length, text: footer });
      }
    });
  }
});

describe('numbers that do not parse cleanly', () => {
  it('are never read as a nearby number', () => {
    for (const raw of ['1O0', '1_000', '12,34', '1.2.3', '9'.repeat(400)]) {
      expect(hasGarbledNumber(raw), raw).toBe(true);
      expect(parseValue(raw)!.value, raw).toBeNull();
      expect(parseMoney(raw, '元'), raw).toBeUndefined();
    }
    expect(parseValue('1,200元')!.value).toBe(1200);
    expect(parseMoney('8,827,620.53', '元')).toBe(8827620.53);
  });

  it('a garbled target keeps its text, reads no number, and its line is listed in unparsed', () => {
    const { text, meta } = readSource('000_bd5493f012e3b752.txt');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /\t≥?\d+%\s*$/.test(l));
    const bad = lines[at].replace(/(\d+)%\s*$/, '1O0%');
    lines[at] = bad;
    const { records } = ingestText(lines.join('\n'), 'x.txt', meta);
    const r = records.find((x) => x.source.lines[0] <= at + 1 && at + 1 <= x.source.lines[1])!;
    const ind = r.indicators.find((i) => i.target?.raw.includes('1O0'))!;
    expect(ind.target!.value).toBeNull();
    expect(r.unparsed.map((u) => u.line)).toContain(at + 1);
  });

  it('an amount too long to hold exactly is an error, not null', () => {
    const { text } = readSource('000_bd5493f012e3b752.txt');
    const bad = text.replace('项目年度金额(元)\t7630000', `项目年度金额(元)\t${'7'.repeat(400)}`);
    expect(codeOf(() => ingestText(bad, 'bad.txt'))).toBe('INGEST_BAD_AMOUNT');
    expect(codeOf(() => ingestText(text.replace('项目年度金额(元)\t7630000', '项目年度金额(元)\t76,30000'), 'bad.txt'))).toBe('INGEST_BAD_AMOUNT');
  });
});

describe('two amounts for one field', () => {
  it('资金总额 (the project\'s life) and 当年资金总额 (the year) differ: the year\'s is read, the other stays in unparsed', () => {
    const { text, meta } = readSource('005_wuhan_qingshan_jiaoyu_2020.txt');
    const lines = text.split('\n');
    const at = lines.indexOf('资金总额') + 2;
    expect(lines[at]).toBe('10000万元');
    lines[at] = '30000万元';
    const [r] = ingestText(lines.join('\n'), 'x.txt', meta).records;
    expect(r.budget.total).toBe(100000000);
    expect(r.unparsed).toContainEqual({ line: at + 1, text: '30000万元' });
  });
});

describe('a weights column', () => {
  it('is read from the cells: a weight sum off by one digit keeps every weight (石嘴山, 38 indicators)', () => {
    const { text, meta } = readSource('001_0a5d8a87461ba45a.txt');
    const name = '各项业务经费（含政府总值班室、保密档案管理、政策解读及日常工作经费）';
    const before = ingestText(text, 'x.txt', meta).records.find((r) => r.name === name)!;
    const lines = text.split('\n');
    const from = before.source.lines[0] - 1;
    const at = lines.findIndex((l, i) => i >= from && /\t3$/.test(l));
    lines[at] = lines[at].replace(/\t3$/, '\t7');
    const after = ingestText(lines.join('\n'), 'x.txt', meta).records.find((r) => r.name === name)!;
    expect(after.indicators).toHaveLength(before.indicators.length);
    const changed = after.indicators.map((i, k) => [k, before.indicators[k].weight, i.weight]).filter(([, b, a]) => b !== a);
    expect(changed).toHaveLength(1);
    expect(changed[0].slice(1)).toEqual([3, 7]);
    expect(after.indicators.filter((i) => i.weight !== null)).toHaveLength(before.indicators.filter((i) => i.weight !== null).length);
    expect(after.indicators.map((i) => i.target)).toEqual(before.indicators.map((i) => i.target));
    const sum = (r: typeof after) => r.indicators.reduce((n, i) => n + (i.weight ?? 0), 0);
    expect(sum(before)).toBe(100);
    expect(sum(after)).toBe(104);
  });
});

describe('metadata against the document', () => {
  it('a jurisdiction the department contradicts fails with INGEST_META_CONFLICT (东城区 for a 银川市 document)', () => {
    const { text, meta } = readSource('000_bd5493f012e3b752.txt');
    const wrong = { ...meta, jurisdiction: { name: '东城区', code: '110101', level: 'county', parent: { name: '北京市', code: '110000' } } };
    expect(codeOf(() => ingestText(text, 'y.txt', wrong))).toBe('INGEST_META_CONFLICT');
  });

  it('a county inside the city the department names is no conflict (平罗县, 石嘴山市…)', () => {
    const { text, meta } = readSource('002_60f5ac7a26e34816.txt');
    expect(ingestText(text, 'p.txt', meta).records.length).toBeGreaterThan(0);
  });
});

describe('layout detection', () => {
  const expected: Record<string, RegExp> = {
    '000_bd5493f012e3b752.txt': /delimited/,
    '004_a583d9a954743c2a.txt': /delimited/,
    '003_02357b0acc26174d.txt': /blank lines/,
    '005_wuhan_qingshan_jiaoyu_2020.txt': /blank lines/,
    '007_wuhan_qingshan_huagongqu_2020.txt': /glued/,
    '008_yongde_minglang_zhongxue_2022_zp.txt': /linearised HTML/,
    '009_hengyang_nanyue_fupin_2018.txt': /one row per line/,
  };
  for (const [file, re] of Object.entries(expected))
    it(`${file} is read by the reader that is most sure`, () => {
      const d = detectLayout(readSource(file).text.split('\n'));
      expect(d.reader.name).toMatch(re);
      expect(d.confidence).toBe(Math.max(...d.scores.map((s) => s.confidence)));
    });
});

describe('safe commands', { timeout: 60_000 }, () => {
  const run = (args: string[], cwd = root) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/ingest/cli.ts'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('--help prints the usage and exit codes, writes nothing; an unknown option exits 2', () => {
    const before = readdirSync(path.join(root, 'data/records')).length;
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/exit codes/);
    expect(readdirSync(path.join(root, 'data/records'))).toHaveLength(before);
    const bad = run(['--frobnicate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error INGEST_BAD_ARGS: Unknown option '--frobnicate'/);
  });

  it('--records DIR (or RECORDS_DIR) writes the dataset there, the folder every other command reads with the same flag', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'ingest-records-')), 'records');
    const before = readdirSync(path.join(root, 'data/records')).sort();
    const r = run(['--records', out]);
    expect([0, 3]).toContain(r.status);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(readdirSync(path.join(root, 'data/records')).sort()).toEqual(before);
    const viaEnv = path.join(path.dirname(out), 'env');
    const e = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/ingest/cli.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, RECORDS_DIR: viaEnv } });
    expect([0, 3]).toContain(e.status);
    expect(readdirSync(viaEnv).sort()).toEqual(before);
  });

  it('audit and data:export: --help exits 0 and writes nothing, an unknown option exits 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cmd-'));
    for (const cli of ['src/audit/cli.ts', 'src/export/cli.ts']) {
      const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
      const tool = (args: string[]) => spawnSync(process.execPath, ['--import', tsx, path.join(root, cli), ...args], { cwd: dir, encoding: 'utf8' });
      const help = tool(['--help']);
      expect(help.status, cli).toBe(0);
      expect(help.stdout, cli).toMatch(/^usage: /);
      expect(tool(['--no-such-option']).status, cli).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a partial document: the complete tables on stdout, the cut-off one on stderr, exit 3; --strict refuses it, exit 1', () => {
    const file = 'data/sources/006_jingyan_mata_2023.txt';
    const partial = run(['--stdout', file]);
    expect(partial.status).toBe(3);
    expect(JSON.parse(partial.stdout).map((r: { name: string }) => r.name)).toEqual(['村组干部报酬']);
    expect(partial.stderr).toMatch(/^INGEST_TRUNCATED_TABLE .*006_jingyan_mata_2023\.txt:17 .*基层组织活动经费.*lines 13–17/);
    const strict = run(['--stdout', '--strict', file]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
  });

  it('an error line longer than 64 KiB reaches stderr whole', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-long-'));
    const { text } = readSource('000_bd5493f012e3b752.txt');
    const huge = 'x'.repeat(200_000);
    writeFileSync(path.join(dir, 'long.txt'), text.replace('项目年度金额(元)\t7630000', `项目年度金额(元)\t${huge}`));
    const r = run(['--stdout', path.join(dir, 'long.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^INGEST_BAD_AMOUNT /);
    expect(r.stderr).toContain(huge);
    expect(r.stderr.endsWith('\n')).toBe(true);
  });

  it('the dataset is swapped in only when every record was written', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ingest-swap-')), 'records');
    const docs = await ingestSources();
    const records = docs.flatMap((d) => d.records).slice(0, 3);
    await writeDataset(records, dir);
    const written = readdirSync(dir).sort();
    expect(written).toEqual(records.map((r) => `${r.id}.json`).sort());
    // A record that cannot be written (its id is not a file name): nothing changes.
    const broken = [...records, { ...records[0], id: 'no/such/dir/x' }];
    await expect(writeDataset(broken, dir)).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(written);
    expect(readdirSync(path.dirname(dir))).toEqual(['records']);
  });

  it('the same id from two documents fails, naming both files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-dup-'));
    for (const f of ['000_bd5493f012e3b752.txt', '000_bd5493f012e3b752.meta.json']) cpSync(path.join(sourcesDir, f), path.join(dir, f));
    cpSync(path.join(sourcesDir, '000_bd5493f012e3b752.txt'), path.join(dir, '100_copy.txt'));
    cpSync(path.join(sourcesDir, '000_bd5493f012e3b752.meta.json'), path.join(dir, '100_copy.meta.json'));
    const err = await ingestSources(dir).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe('INGEST_DUPLICATE_ID');
    expect(err.message).toContain('100_copy.txt');
    expect(err.message).toContain('000_bd5493f012e3b752.txt');
    expect(readFileSync(path.join(dir, '100_copy.txt'), 'utf8').length).toBeGreaterThan(0);
  });
});
