/**
 * npm run --silent audit -- [--json] [--records DIR]
 *
 * Reads every record in the records folder (--records, else RECORDS_DIR, else
 * data/records), validates it with ProjectRecord, runs the checks and prints
 * the flags: as a JSON array with --json, otherwise as a readable summary by
 * check and by project. Unreadable, invalid or duplicate records are reported
 * on stderr as `error <CODE> <file>: <message>` and the exit status is 1
 * (nothing is printed on stdout then, so partial output is never taken for
 * complete). Bad arguments exit with 2.
 */
import path from 'node:path';
import { parseCommandLine, runCommand } from '../domain/cli';
import { formatLoadError, loadRecords, recordsDir } from '../domain/records';
import { auditRecords } from './checks';
import { formatSummary } from './report';

const USAGE = `usage: npm run --silent audit -- [--json] [--records DIR]

  --json           every flag as a JSON array on stdout
  --records DIR    the records folder (default: RECORDS_DIR, else data/records)
  --help           this text`;

function main(): number {
  const cmd = parseCommandLine(process.argv.slice(2), {
    code: 'AUDIT',
    usage: USAGE,
    options: { json: { type: 'boolean' }, records: { type: 'string' } },
  });
  if (!cmd.ok) return cmd.exitCode;
  const dir = recordsDir(cmd.values.records);
  const { records, errors } = loadRecords(dir);
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`${formatLoadError(e)}\n`);
    return 1;
  }
  if (records.length === 0) process.stderr.write(`note: no records in ${path.relative(process.cwd(), dir) || dir}\n`);
  const flags = auditRecords(records);
  if (cmd.values.json) process.stdout.write(JSON.stringify(flags, null, 2) + '\n');
  else process.stdout.write(formatSummary(records, flags));
  return 0;
}

runCommand('AUDIT', main);
