/**
 * npm run data:export -- [OUT_DIR] [--records DIR] [--overrides FILE]
 * Reads the records folder (--records, else RECORDS_DIR, else data/records)
 * and writes the open-data files to OUT_DIR (default dist-data/).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCommandLine, runCommand } from '../domain/cli';
import { formatLoadError, loadRecords, recordsDir } from '../domain/records';
import { loadOverrides, DEFAULT_OVERRIDES_PATH } from '../categories/load';
import { exportOpenData } from './index';
import { readSchemaDocs } from './schemaDocs';

const USAGE = `usage: npm run data:export -- [OUT_DIR] [--records DIR] [--overrides FILE]

  OUT_DIR            where the files go (default dist-data/)
  --records DIR      the records folder (default: RECORDS_DIR, else data/records)
  --overrides FILE   category overrides (default ${DEFAULT_OVERRIDES_PATH})
  --help             this text`;

function main(): number {
  const cmd = parseCommandLine(process.argv.slice(2), {
    code: 'EXPORT',
    usage: USAGE,
    options: { records: { type: 'string' }, overrides: { type: 'string' } },
    positionals: true,
  });
  if (!cmd.ok) return cmd.exitCode;
  if (cmd.positionals.length > 1) {
    process.stderr.write(`error EXPORT_BAD_ARGS: one output folder, not ${cmd.positionals.length}\n${USAGE}\n`);
    return 2;
  }
  const outDir = resolve(cmd.positionals[0] ?? 'dist-data');
  const overridesPath = cmd.values.overrides ?? DEFAULT_OVERRIDES_PATH;
  const { records, errors } = loadRecords(recordsDir(cmd.values.records));
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`${formatLoadError(e)}\n`);
    return 1;
  }
  const docs = readSchemaDocs(
    { fileName: 'record.ts', text: readFileSync(resolve('src/schema/record.ts'), 'utf8') },
    { fileName: 'schema.ts', text: readFileSync(resolve('src/categories/schema.ts'), 'utf8') },
  );
  const files = exportOpenData(records, { docs, overrides: existsSync(overridesPath) ? loadOverrides(overridesPath) : undefined });
  mkdirSync(outDir, { recursive: true });
  for (const f of files) writeFileSync(join(outDir, f.path), f.content, 'utf8');
  console.log(`${records.length} records → ${files.length} files in ${outDir}`);
  for (const f of files) console.log(`  ${f.path}  ${Buffer.byteLength(f.content, 'utf8')} bytes`);
  return 0;
}

runCommand('EXPORT', main);
