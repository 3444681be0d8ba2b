/** Bad input gets a coded error with file and line, never a crash or a partial record. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/document.ts';
import { IngestError, type ErrorCode } from '../../src/ingest/errors.ts';
import { ingestText, readSource, root } from './helpers.ts';

function codeOf(fn: () => unknown): { code: ErrorCode; line: number | null; file: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    const err = e as IngestError;
    return { code: err.code, line: err.line, file: err.file };
  }
  throw new Error('expected an IngestError');
}

const yinchuan = readSource('000_bd5493f012e3b752.txt');

describe('coded errors', () => {
  it('an empty file', () => {
    expect(codeOf(() => ingestText('', 'empty.txt'))).toEqual({ code: 'INGEST_EMPTY_FILE', line: 1, file: 'empty.txt' });
    expect(codeOf(() => ingestText('\n  \n\t\n')).code).toBe('INGEST_EMPTY_FILE');
    expect(codeOf(() => decodeText(new Uint8Array(), 'e.txt')).code).toBe('INGEST_EMPTY_FILE');
  });

  it('a file with no table', () => {
    const e = codeOf(() => ingestText('\n关于公开2024年部门预算的说明\n\n根据预算法有关规定，现予公开。\n'));
    expect(e).toMatchObject({ code: 'INGEST_NO_TABLE', line: 2 });
  });

  it('a table cut off halfway', () => {
    const lines = yinchuan.text.split('\n');
    // The first table up to its 效益 rows: the 满意度 rows and the rest of the document are gone.
    const cut = lines.slice(0, 21).join('\n');
    expect(codeOf(() => ingestText(cut, 'cut.txt'))).toMatchObject({ code: 'INGEST_TRUNCATED_TABLE', line: 21 });
    // Cut right after the header block: no indicator rows at all.
    const header = lines.slice(0, 11).join('\n');
    expect(codeOf(() => ingestText(header, 'cut.txt'))).toMatchObject({ code: 'INGEST_TRUNCATED_TABLE', line: 11 });
  });

  it('a self-evaluation cut before its 总分 row', () => {
    const { text, meta } = readSource('004_a583d9a954743c2a.txt');
    const cut = text.split('\n').slice(0, 29).join('\n');
    expect(codeOf(() => ingestText(cut, 'cut.txt', meta))).toMatchObject({ code: 'INGEST_TRUNCATED_TABLE', line: 29 });
  });

  it('an amount that is not a number', () => {
    const bad = yinchuan.text.replace('项目年度金额(元)\t7630000', '项目年度金额(元)\t柒佰陆拾叁万');
    expect(codeOf(() => ingestText(bad, 'bad.txt'))).toMatchObject({ code: 'INGEST_BAD_AMOUNT', line: 10 });
  });

  it('binary garbage', () => {
    const bytes = new Uint8Array(4096);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    expect(codeOf(() => decodeText(bytes, 'garbage.bin')).code).toBe('INGEST_BINARY');
    const nul = new TextEncoder().encode('项目名称\t测试\u0000\u0001\u0002\u0003\n'.repeat(3));
    expect(codeOf(() => decodeText(nul, 'nul.txt')).code).toBe('INGEST_BINARY');
  });

  it('GB18030 text is decoded, not rejected', () => {
    // "项目名称" in GB18030.
    const gbk = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6]);
    expect(decodeText(gbk, 'gbk.txt')).toBe('项目名称');
  });

  it('metadata that contradicts the document, or is invalid', () => {
    const wrongYear = { ...yinchuan.meta, year: 2025 };
    expect(codeOf(() => ingestText(yinchuan.text, 'y.txt', wrongYear))).toMatchObject({ code: 'INGEST_META_CONFLICT', line: 3 });
    expect(codeOf(() => ingestText(yinchuan.text, 'y.txt', { year: 'x' })).code).toBe('INGEST_META_INVALID');
  });

  it('two tables with the same project name in one document', () => {
    const lines = yinchuan.text.split('\n');
    // The copy's title is at line 28 (lines 26–27 are its leading blank lines).
    const twice = [...lines.slice(0, 25), ...lines.slice(0, 25)].join('\n');
    expect(codeOf(() => ingestText(twice, 'twice.txt', yinchuan.meta))).toMatchObject({ code: 'INGEST_DUPLICATE_ID', line: 28 });
  });
});

describe('the command line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/ingest/cli.ts'), ...args], { cwd: root, encoding: 'utf8' });

  it('--stdout prints the records of any text file as a JSON array and writes nothing', () => {
    const r = run('--stdout', 'tests/ingest/fixtures/pipe.txt');
    expect(r.status).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ name: '城市社区治理专项经费', year: 2023, jurisdiction: { name: '吴忠市', code: '640300' } });
  });

  it('a bad file: the code, file and line on stderr, exit 1, no stack trace, nothing on stdout', () => {
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, '这不是一张表\n');
    const r = run('--stdout', bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^INGEST_NO_TABLE .*bad\.txt:1 /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const binary = path.join(dir, 'x.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]));
    const b = run('--stdout', binary);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/^INGEST_BINARY /);
  });
});
