import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selfEvalRecord, targetRecord } from './helpers';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/audit/cli.ts');
const tmp = mkdtempSync(path.join(tmpdir(), 'audit-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', RECORDS_DIR: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dir(name: string, files: Record<string, string>): string {
  const d = path.join(tmp, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(path.join(d, f), text);
  return d;
}

describe('npm run audit (src/audit/cli.ts)', () => {
  const bad = selfEvalRecord({ totalScore: 90 });
  const good = targetRecord();

  it('--json prints every flag as a JSON array', () => {
    const d = dir('ok', { 'a.json': JSON.stringify(bad), 'b.json': JSON.stringify(good) });
    const r = run(['--json', '--records', d]);
    expect(r.status).toBe(0);
    const flags = JSON.parse(r.stdout);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toEqual({
      projectId: bad.id,
      project: bad.name,
      check: 'TOTAL_SCORE_MISMATCH',
      severity: 'error',
      message: expect.stringContaining('总分印为 90'),
      figures: expect.objectContaining({ totalScore: 90, computedTotal: 100 }),
      indicatorIndex: null,
      field: 'totalScore',
    });
  });

  it('prints a readable summary by check and by project without --json', () => {
    const d = dir('ok2', { 'a.json': JSON.stringify(bad), 'b.json': JSON.stringify(good) });
    const r = run(['--records', d]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('审计 2 个项目记录');
    expect(r.stdout).toContain('按检查');
    expect(r.stdout).toMatch(/TOTAL_SCORE_MISMATCH\s+1/);
    expect(r.stdout).toContain('按项目');
    expect(r.stdout).toContain('无问题');
  });

  it('reports invalid and unparsable records with a code and the file, exit 1, no stack trace', () => {
    const d = dir('bad', { 'a.json': JSON.stringify(good), 'b.json': '{ not json', 'c.json': JSON.stringify({ ...good, kind: 'budget' }) });
    const r = run(['--json', '--records', d]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error RECORDS_BAD_JSON .*b\.json: /m);
    expect(r.stderr).toMatch(/^error RECORDS_INVALID .*c\.json: kind: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing directory and bad arguments', () => {
    const missing = run(['--records', path.join(tmp, 'nope')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error RECORDS_NO_DIR /);
    const args = run(['--frobnicate']);
    expect(args.status).toBe(2);
    expect(args.stderr).toMatch(/^error AUDIT_BAD_ARGS/);
  });

  it('refuses two files with the same id, naming both', () => {
    const d = dir('dup', { 'a.json': JSON.stringify(good), 'b.json': JSON.stringify(good) });
    const r = run(['--json', '--records', d]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error RECORDS_DUPLICATE_ID .*b\\.json: id ${good.id} is already used by .*a\\.json$`, 'm'));
  });

  it('reads the folder named by RECORDS_DIR, the same variable the site build reads', () => {
    const d = dir('env', { 'a.json': JSON.stringify(bad) });
    const r = run(['--json'], { RECORDS_DIR: d });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { projectId: string }) => f.projectId)).toEqual([bad.id]);
    // The flag wins over the variable.
    const other = dir('env2', { 'b.json': JSON.stringify(good) });
    expect(JSON.parse(run(['--json', '--records', other], { RECORDS_DIR: d }).stdout)).toEqual([]);
  });

  it('--help prints the usage and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run --silent audit -- .*--records DIR/);
    expect(r.stderr).toBe('');
  });
});
