/**
 * npm run bench -- --projects N [--keep]
 *
 * The build at scale, measured: N synthetic records (scripts/synthetic-records.ts:
 * real GB/T 2260 codes, years 2019–2026, several departments, indicator tables
 * copied from data/records) are built into a temporary folder by the site and,
 * in the same run, by a bare Astro site (scripts/bench-bare/: the same records
 * through the same loader, one plain page each). Prints, for both: pages, wall
 * time, CPU time (of every process of the build, Pagefind included), pages
 * per second, peak RSS of the build's process tree,
 * output size, the largest HTML page and the Pagefind index size, then the
 * site's ratio to the bare build. A figure for people, not a test.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCommandLine } from '../src/domain/cli';
import { syntheticRecords } from './synthetic-records';

const USAGE = `usage: npm run bench -- --projects N [--shard-by province|year] [--keep]

  --projects N   how many synthetic records to build (default 1000)
  --shard-by B   build the site in shards, one process after the other (npm run shards -- all --by B),
                 and merge them; the peak RSS is then the largest shard's
  --jobs N       with --shard-by: build N shards at a time (the peak RSS is then that of N builds together)
  --records DIR  build these records instead of generating them (e.g. a folder kept by --keep)
  --keep         keep the temporary folder (records and both builds)
  --help         this text`;

interface Run {
  label: string;
  wall: number;
  cpu: number;
  peakRss: number;
  peakByName: Map<string, number>;
  /** CPU seconds by command name, summed over its processes, as last sampled (a process's last 250 ms may be missed). */
  cpuByName: Map<string, number>;
  /** CPU seconds by /usr/bin/time (the processes the tree waited for). */
  timedCpu: number;
  status: number | null;
  log: string;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * Resident memory of a process and all its descendants, in bytes (Linux /proc), in all and by
 * command name; and the CPU seconds each of them has used so far, by pid (`cpu`, updated in place).
 */
function treeRss(root: number, cpu?: Map<number, { name: string; seconds: number }>): { total: number; byName: Map<string, number> } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  const used = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      used.set(Number(name), (Number(fields[11]) + Number(fields[12])) / TICKS);
      names.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const byName = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const r = rss.get(pid) ?? 0;
    total += r;
    const n = names.get(pid) ?? '?';
    byName.set(n, (byName.get(n) ?? 0) + r);
    if (cpu && used.has(pid)) cpu.set(pid, { name: n, seconds: used.get(pid)! });
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, byName };
}

/** A page's path with its variable parts (ids, codes, numbers, names) replaced: "/projects/:id/index.html". */
export function routeOf(page: string): string {
  return page
    .split('/')
    .map((seg) => {
      const ext = /(\.[a-z]+)$/.exec(seg)?.[1] ?? '';
      const stem = ext ? seg.slice(0, -ext.length) : seg;
      return /[^a-z-]/.test(stem) || stem.length > 24 ? `:param${ext}` : seg;
    })
    .join('/');
}

/**
 * Where the time goes, from Astro's build log: the time of each build step
 * ("✓ Completed in", "built in"), the render time of each kind of page (the
 * "(+12ms)" after every page, summed by routeOf) and the integrations' own
 * "… in N s" lines.
 */
export function timeReport(log: string): { label: string; seconds: number }[] {
  const lines = log.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const routes = new Map<string, { seconds: number; pages: number }>();
  const steps: { label: string; seconds: number }[] = [];
  const secs = (n: string, unit: string) => (unit === 'ms' ? Number(n) / 1000 : unit === 'm' ? Number(n) * 60 : Number(n));
  for (const line of lines) {
    const page = /[├└]─ (\S+) \(\+([\d.]+)(ms|s|m)\)/.exec(line);
    if (page) {
      const r = routes.get(routeOf(page[1])) ?? { seconds: 0, pages: 0 };
      r.seconds += secs(page[2], page[3]);
      r.pages += 1;
      routes.set(routeOf(page[1]), r);
      continue;
    }
    const step = /\[([\w:-]+)\] (.*?) in ([\d.]+)(ms|s|m)\b/.exec(line);
    if (step) {
      // Summed over the shards of a sharded build: the same step with other numbers is one line.
      const label = `${step[1]}: ${step[2].replace(/\/\S+/g, '…').replace(/[\d.]+/g, 'N').slice(0, 70)}`;
      const known = steps.find((x) => x.label === label);
      if (known) known.seconds += secs(step[3], step[4]);
      else steps.push({ label, seconds: secs(step[3], step[4]) });
    }
  }
  const byRoute = [...routes].map(([route, r]) => ({ label: `render ${route} (${r.pages} pages)`, seconds: r.seconds }));
  return [...steps, ...byRoute].sort((a, b) => b.seconds - a.seconds);
}

/** astro build under /usr/bin/time (CPU of the whole tree), polling the tree's memory; shows a dot every 10 s. */
function build(label: string, cwd: string, env: NodeJS.ProcessEnv, command: string[] = [path.resolve('node_modules/.bin/astro'), 'build']): Promise<Run> {
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-f', 'BENCH_CPU %U %S', ...command], { cwd, env: { ...process.env, ...env } });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let peakRss = 0;
  const peakByName = new Map<string, number>();
  const cpuByPid = new Map<number, { name: string; seconds: number }>();
  const poll = setInterval(() => {
    const now = treeRss(child.pid!, cpuByPid);
    peakRss = Math.max(peakRss, now.total);
    for (const [n, r] of now.byName) peakByName.set(n, Math.max(peakByName.get(n) ?? 0, r));
  }, 250);
  const dots = setInterval(() => process.stderr.write('.'), 10_000);
  process.stderr.write(`${label}: building`);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearInterval(poll);
      clearInterval(dots);
      const wall = (Date.now() - started) / 1000;
      process.stderr.write(` ${wall.toFixed(0)} s\n`);
      const m = /BENCH_CPU ([\d.]+) ([\d.]+)/.exec(log);
      const cpuByName = new Map<string, number>();
      for (const { name, seconds } of cpuByPid.values()) cpuByName.set(name, (cpuByName.get(name) ?? 0) + seconds);
      // /usr/bin/time counts only the processes the tree waited for: Pagefind's binary, killed by
      // pagefind's close(), is not among them. So the CPU is the larger of that figure and the sum
      // of every process's CPU as sampled (which misses at most each process's last 250 ms).
      const timed = m ? Number(m[1]) + Number(m[2]) : NaN;
      const sampled = [...cpuByName.values()].reduce((a, b) => a + b, 0);
      resolve({ label, wall, cpu: Math.max(timed, sampled), timedCpu: timed, peakRss, peakByName, cpuByName, status, log });
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
  const cmd = parseCommandLine(process.argv.slice(2), { code: 'BENCH', usage: USAGE, options: { projects: { type: 'string' }, keep: { type: 'boolean' }, 'shard-by': { type: 'string' }, records: { type: 'string' }, jobs: { type: 'string' } } });
  if (!cmd.ok) return cmd.exitCode;
  const projects = Number(cmd.values.projects ?? 1000);
  if (!Number.isInteger(projects) || projects < 1) {
    process.stderr.write(`error BENCH_BAD_ARGS: --projects must be a positive whole number\n${USAGE}\n`);
    return 2;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const given = cmd.values.records;
  const records = given ? path.resolve(given) : path.join(tmp, 'records');
  if (!given) {
    mkdirSync(records);
    // 100 jurisdictions up to 16,000 projects (the figures in docs/scale.md); more beyond, so that every source record has room (8 years each).
    process.stderr.write(`generating ${projects} records in ${records}\n`);
    for (const r of syntheticRecords({ projects, from: 'data/records', jurisdictions: Math.max(100, Math.ceil(projects / 8 / 20)), seed: 1 }))
      writeFileSync(path.join(records, `${r.id}.json`), JSON.stringify(r));
  }
  const env = { RECORDS_DIR: records, BASE_PATH: '/', NODE_ENV: 'production' };
  const shardBy = cmd.values['shard-by'];
  if (shardBy !== undefined && shardBy !== 'province' && shardBy !== 'year') {
    process.stderr.write(`error BENCH_BAD_ARGS: --shard-by must be province or year\n${USAGE}\n`);
    return 2;
  }
  const site = shardBy
    ? await build(`site in shards by ${shardBy}`, process.cwd(), env, [path.resolve('node_modules/.bin/tsx'), 'scripts/shards.ts', 'all', '--by', shardBy, '--jobs', String(cmd.values.jobs ?? 1), '--out', path.join(tmp, 'site')])
    : await build('site', process.cwd(), { ...env, OUT_DIR: path.join(tmp, 'site') });
  // Run from its own folder: with OUT_DIR outside the project Astro stages its server files in <cwd>/.astro/.
  const bare = await build('bare Astro', path.resolve('scripts/bench-bare'), { ...env, OUT_DIR: path.join(tmp, 'bare') });
  for (const r of [site, bare])
    if (r.status !== 0) {
      process.stderr.write(`${r.label} build failed (kept in ${tmp}):\n${r.log.slice(-4000)}\n`);
      return 1;
    }
  const rows = [describe(site, path.join(tmp, 'site')), describe(bare, path.join(tmp, 'bare'))];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(`\n${given ? `${readdirSync(records).filter((f) => f.endsWith('.json')).length} projects from ${records}` : `${projects} projects`}\n`);
  console.log(line(['', 'pages', 'wall s', 'CPU s', 'pages/s', 'peak RSS', 'output', 'largest page', 'Pagefind index']));
  console.log(line(Array(9).fill('---')));
  ['site', 'bare Astro'].forEach((label, i) => {
    const d = rows[i];
    console.log(line([label, String(d.pages), d.wall.toFixed(1), d.cpu.toFixed(1), d.pagesPerSecond.toFixed(1), mb(d.peakRss), mb(d.dist), d.largest, mb(d.pagefind)]));
  });
  console.log(`\nsite ÷ bare: CPU ${(rows[0].cpu / rows[1].cpu).toFixed(2)}×, wall ${(rows[0].wall / rows[1].wall).toFixed(2)}×, peak RSS ${(rows[0].peakRss / rows[1].peakRss).toFixed(2)}×`);
  console.log(`\npeak RSS by process (site): ${[...site.peakByName].sort((a, b) => b[1] - a[1]).filter(([, r]) => r > 20e6).map(([n, r]) => `${n} ${mb(r)}`).join(', ')}`);
  console.log(`CPU by process (site, sampled; /usr/bin/time counted ${site.timedCpu.toFixed(1)} s): ${[...site.cpuByName].sort((a, b) => b[1] - a[1]).filter(([, c]) => c >= 0.5).map(([n, c]) => `${n} ${c.toFixed(1)} s`).join(', ')}`);
  const total = timeReport(site.log);
  console.log(`\nwhere the site's time goes (wall s, from the build log; the longest 15):\n`);
  for (const t of total.slice(0, 15)) console.log(`  ${t.seconds.toFixed(1).padStart(7)}  ${t.label}`);
  if (cmd.values.keep) {
    writeFileSync(path.join(tmp, 'site-build.log'), site.log);
    console.log(`kept: ${tmp} (build log: site-build.log)`);
  }
  else rmSync(tmp, { recursive: true, force: true });
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main().then((code) => (process.exitCode = code));
