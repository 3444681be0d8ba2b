/**
 * npm run --silent audit -- [--json] [--dir data/records]
 *
 * Reads every data/records/*.json, validates it with ProjectRecord, runs the
 * checks and prints the flags: as a JSON array with --json, otherwise as a
 * readable summary by check and by project. Unreadable or invalid records are
 * reported on stderr as `error <CODE> <file>: <message>` and the exit status
 * is 1 (nothing is printed on stdout then, so partial output is never taken
 * for complete). Bad arguments exit with 2.
 */
import path from 'node:path';
import { auditRecords } from './checks';
import { loadRecords } from './load';
import { formatSummary } from './report';

interface Args {
  json: boolean;
  dir: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { json: false, dir: path.resolve('data/records') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--dir') {
      const v = argv[++i];
      if (!v) return '--dir needs a directory';
      args.dir = path.resolve(v);
    } else if (a === '--help' || a === '-h') return 'help';
    else return `unknown argument ${a}`;
  }
  return args;
}

const USAGE = 'usage: npm run --silent audit -- [--json] [--dir data/records]\n';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(`error AUDIT_BAD_ARGS: ${args}\n${USAGE}`);
    return 2;
  }
  const { records, errors } = await loadRecords(args.dir);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`error ${e.code} ${path.relative(process.cwd(), e.file) || e.file}: ${e.message}\n`);
    return 1;
  }
  if (records.length === 0) process.stderr.write(`note: no records in ${path.relative(process.cwd(), args.dir) || args.dir}\n`);
  const flags = auditRecords(records);
  if (args.json) process.stdout.write(JSON.stringify(flags, null, 2) + '\n');
  else process.stdout.write(formatSummary(records, flags));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error AUDIT_INTERNAL: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
