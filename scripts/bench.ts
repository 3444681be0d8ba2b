/**
 * npm run bench -- --projects N [--keep]
 *
 * The build at scale, measured: N synthetic records (scripts/synthetic-records.ts:
 * real GB/T 2260 codes, years 2019–2026, several departments, indicator tables
 * copied from data/records) are built into a temporary folder by the site and,
 * in the same run, by a bare Astro site (scripts/bench-bare/: the same records
 * through the same loader, one plain page each). Prints, for both: pages, wall
 * time, CPU time, pages per second, peak RSS of the build's process tree,
 * output size, the largest HTML page and the Pagefind index size, then the
 * site's ratio to the bare build. A figure for people, not a test.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCommandLine } from '../src/domain/cli';
import { syntheticRecords } from './synthetic-records';

const USAGE = `usage: npm run bench -- --projects N [--keep]

  --projects N   how many synthetic records to build (default 1000)
  --keep         keep the temporary folder (records and both builds)
  --help         this text`;

interface Run {
  label: string;
  wall: number;
  cpu: number;
  peakRss: number;
  status: number | null;
  log: string;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** astro build under /usr/bin/time (CPU of the whole tree), polling the tree's memory; shows a dot every 10 s. */
function build(label: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-f', 'BENCH_CPU %U %S', path.resolve('node_modules/.bin/astro'), 'build'], { cwd, env: { ...process.env, ...env } });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let peakRss = 0;
  const poll = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 250);
  const dots = setInterval(() => process.stderr.write('.'), 10_000);
  process.stderr.write(`${label}: building`);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearInterval(poll);
      clearInterval(dots);
      const wall = (Date.now() - started) / 1000;
      process.stderr.write(` ${wall.toFixed(0)} s\n`);
      const m = /BENCH_CPU ([\d.]+) ([\d.]+)/.exec(log);
      resolve({ label, wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, peakRss, status, log });
    }),
  );
}

function walk(dir: string, out: { file: string; size: number }[] = [], rel = ''): { file: string; size: number }[] {
  for (const name of readdirSync(path.join(dir, rel))) {
    const r = rel ? `${rel}/${name}` : name;
    const s = statSync(path.join(dir, r));
    if (s.isDirectory()) walk(dir, out, r);
    else out.push({ file: r, size: s.size });
  }
  return out;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function describe(run: Run, outDir: string) {
  const files = walk(outDir);
  const html = files.filter((f) => f.file.endsWith('.html')).sort((a, b) => b.size - a.size);
  const pagefind = files.filter((f) => f.file.startsWith('pagefind/')).reduce((n, f) => n + f.size, 0);
  return {
    pages: html.length,
    wall: run.wall,
    cpu: run.cpu,
    pagesPerSecond: html.length / run.wall,
    peakRss: run.peakRss,
    dist: files.reduce((n, f) => n + f.size, 0),
    largest: html[0] ? `${html[0].file} (${(html[0].size / 1e3).toFixed(0)} KB)` : '—',
    pagefind,
  };
}

async function main(): Promise<number> {
  const cmd = parseCommandLine(process.argv.slice(2), { code: 'BENCH', usage: USAGE, options: { projects: { type: 'string' }, keep: { type: 'boolean' } } });
  if (!cmd.ok) return cmd.exitCode;
  const projects = Number(cmd.values.projects ?? 1000);
  if (!Number.isInteger(projects) || projects < 1) {
    process.stderr.write(`error BENCH_BAD_ARGS: --projects must be a positive whole number\n${USAGE}\n`);
    return 2;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const records = path.join(tmp, 'records');
  mkdirSync(records);
  process.stderr.write(`generating ${projects} records in ${records}\n`);
  for (const r of syntheticRecords({ projects, from: 'data/records', jurisdictions: 100, seed: 1 }))
    writeFileSync(path.join(records, `${r.id}.json`), JSON.stringify(r));
  const env = { RECORDS_DIR: records, BASE_PATH: '/', NODE_ENV: 'production' };
  const site = await build('site', process.cwd(), { ...env, OUT_DIR: path.join(tmp, 'site') });
  // Run from its own folder: with OUT_DIR outside the project Astro stages its server files in <cwd>/.astro/.
  const bare = await build('bare Astro', path.resolve('scripts/bench-bare'), { ...env, OUT_DIR: path.join(tmp, 'bare') });
  for (const r of [site, bare])
    if (r.status !== 0) {
      process.stderr.write(`${r.label} build failed (kept in ${tmp}):\n${r.log.slice(-4000)}\n`);
      return 1;
    }
  const rows = [describe(site, path.join(tmp, 'site')), describe(bare, path.join(tmp, 'bare'))];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(`\n${projects} projects\n`);
  console.log(line(['', 'pages', 'wall s', 'CPU s', 'pages/s', 'peak RSS', 'output', 'largest page', 'Pagefind index']));
  console.log(line(Array(9).fill('---')));
  ['site', 'bare Astro'].forEach((label, i) => {
    const d = rows[i];
    console.log(line([label, String(d.pages), d.wall.toFixed(1), d.cpu.toFixed(1), d.pagesPerSecond.toFixed(1), mb(d.peakRss), mb(d.dist), d.largest, mb(d.pagefind)]));
  });
  console.log(`\nsite ÷ bare: CPU ${(rows[0].cpu / rows[1].cpu).toFixed(2)}×, wall ${(rows[0].wall / rows[1].wall).toFixed(2)}×, peak RSS ${(rows[0].peakRss / rows[1].peakRss).toFixed(2)}×`);
  if (cmd.values.keep) console.log(`kept: ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  return 0;
}

main().then((code) => (process.exitCode = code));
