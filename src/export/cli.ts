/**
 * npm run data:export -- [OUT_DIR] [--records DIR] [--overrides FILE]
 * Reads data/records/*.json, writes the open-data files to OUT_DIR (default dist-data/).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ProjectRecord } from '../schema/record';
import { loadOverrides, DEFAULT_OVERRIDES_PATH } from '../categories/load';
import { exportOpenData } from './index';
import { readSchemaDocs } from './schemaDocs';

const USAGE = 'usage: npm run data:export -- [OUT_DIR] [--records DIR] [--overrides FILE]\n  writes the open-data files (CSV, JSON, datapackage.json, SHA256SUMS) to OUT_DIR (default dist-data/)\n';
{
  // --help writes nothing; an unknown option is an error (exit 2), never ignored.
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--records' || argv[i] === '--overrides') {
      if (argv[i + 1] === undefined || argv[i + 1].startsWith('-')) {
        process.stderr.write(`EXPORT_USAGE ${argv[i]} needs a value\n${USAGE}`, () => process.exit(2));
        await new Promise(() => {});
      }
      i++;
    } else if (argv[i].startsWith('-')) {
      process.stderr.write(`EXPORT_USAGE unknown option ${argv[i]}\n${USAGE}`, () => process.exit(2));
      await new Promise(() => {});
    }
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--')));
const outDir = resolve(positional[0] ?? 'dist-data');
const recordsDir = resolve(arg('--records') ?? 'data/records');
const overridesPath = arg('--overrides') ?? DEFAULT_OVERRIDES_PATH;

if (!existsSync(recordsDir)) {
  console.error(`no records directory ${recordsDir}`);
  process.exit(1);
}
const records = readdirSync(recordsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const raw = JSON.parse(readFileSync(join(recordsDir, f), 'utf8'));
    const parsed = ProjectRecord.parse(raw);
    return { ...parsed, category: raw.category ?? undefined };
  });
const docs = readSchemaDocs(
  { fileName: 'record.ts', text: readFileSync(resolve('src/schema/record.ts'), 'utf8') },
  { fileName: 'schema.ts', text: readFileSync(resolve('src/categories/schema.ts'), 'utf8') },
);
const files = exportOpenData(records, { docs, overrides: existsSync(overridesPath) ? loadOverrides(overridesPath) : undefined });
mkdirSync(outDir, { recursive: true });
for (const f of files) writeFileSync(join(outDir, f.path), f.content, 'utf8');
console.log(`${records.length} records → ${files.length} files in ${outDir}`);
for (const f of files) console.log(`  ${f.path}  ${Buffer.byteLength(f.content, 'utf8')} bytes`);
