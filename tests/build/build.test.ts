/**
 * The build as a whole, run as a contributor's pull request would run it:
 * hostile records stop it with the record and the field named, and the same
 * records always give the same bytes, with nothing but the site in the output.
 *
 * Each case is a real `astro build` (RECORDS_DIR and OUT_DIR outside the
 * project), so these are the slowest unit tests; the fixture records keep
 * them small.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leftovers } from '../../src/integrations/clean-output';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp';

const FIXTURES = path.resolve('tests/site/fixtures/records');
const tmp = mkdtempSync(path.join(tmpdir(), 'site-build-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  // A build with OUT_DIR outside the project removes ./.astro/ (Astro's fallback server folder), types included; restore them for tsc.
  spawnSync(path.resolve('node_modules/.bin/astro'), ['sync'], { stdio: 'ignore' });
}, 60_000);

/** astro build, asynchronously: a synchronous spawn would block the test worker past Vitest's RPC timeout. */
function build(recordsDir: string, outDir: string): Promise<{ status: number | null; output: string }> {
  // Vitest's own Vite variables would override the build's import.meta.env.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')));
  const child = spawn(path.resolve('node_modules/.bin/astro'), ['build'], {
    env: { ...env, NODE_ENV: 'production', BASE_PATH: '/', RECORDS_DIR: recordsDir, OUT_DIR: outDir },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

/** A copy of the fixture records with some files added or changed. */
function records(name: string, change: (files: Map<string, Record<string, unknown>>) => void): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, Record<string, unknown>>();
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()) files.set(f, JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')));
  change(files);
  for (const [f, r] of files) writeFileSync(path.join(dir, f), JSON.stringify(r));
  return dir;
}

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, createHash('sha256').update(readFileSync(path.join(dir, r))).digest('hex'));
    }
  };
  walk('');
  return out;
}

const first = ([f, r]: [string, Record<string, unknown>]) => ({ file: f, record: r as { id: string; source: { file: string; lines: number[] } } });

describe('hostile records stop the build, naming the record and the field', () => {
  it('a source path that leaves data/sources/ (../../etc/passwd) is refused by the schema', async () => {
    const dir = records('traversal', (files) => {
      const { record } = first([...files][0]);
      files.set('evil.json', { ...record, id: record.id.replace(/[0-9a-f]{8}$/, 'deadbeef'), source: { ...record.source, file: '../../../../../../etc/passwd' } });
    });
    const r = await build(dir, path.join(tmp, 'out-traversal'));
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/evil/);
    expect(r.output).toMatch(/source\.file: must be a file name inside data\/sources\//);
    expect(r.output).not.toMatch(/root:x:0:0/);
  }, 180_000);

  it('a duplicate id and a missing source document are both listed, each with its file', async () => {
    let copied = '';
    const dir = records('duplicate', (files) => {
      const [f, r] = [...files][0];
      copied = f;
      files.set('zz-copy.json', r);
      const [g, s] = [...files][1];
      files.set(g, { ...s, source: { ...(s.source as object), file: 'not-published.txt' } });
    });
    const r = await build(dir, path.join(tmp, 'out-duplicate'));
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(new RegExp(`RECORDS_DUPLICATE_ID \\S*zz-copy\\.json: id \\S+ is already used by \\S*${copied.replace('.', '\\.')}`));
    expect(r.output).toMatch(/RECORDS_BAD_SOURCE \S+: record \S+: source\.file "not-published\.txt" is not in /);
    expect(r.output).not.toMatch(/Browser APIs are not available/);
  }, 180_000);
});

describe('the output', () => {
  it('is byte-identical across two builds of the same records, pagefind/ included, and holds only the site', async () => {
    const a = path.join(tmp, 'out-a');
    const b = path.join(tmp, 'out-b');
    const dir = records('same', () => {});
    expect((await build(dir, a)).status).toBe(0);
    expect((await build(dir, b)).status).toBe(0);
    const ha = hashes(a);
    const hb = hashes(b);
    expect([...hb.keys()]).toEqual([...ha.keys()]);
    const differing = [...ha].filter(([f, h]) => hb.get(f) !== h).map(([f]) => f);
    expect(differing).toEqual([]);
    expect(leftovers(a)).toEqual([]);
    expect([...ha.keys()].filter((f) => /\.mjs$|^collections\//.test(f))).toEqual([]);
    // Every page carries the Content-Security-Policy, before anything it governs.
    const pages = [...ha.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) {
      const html = readFileSync(path.join(a, p), 'utf8');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
      expect(html, p).toContain(meta);
      expect(html.indexOf(meta), p).toBeLessThan(html.search(/<script|<link rel="stylesheet"/));
      // The policy allows no inline script or style: none may be in the page.
      expect(html, p).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle="/);
    }
  }, 300_000);
});
