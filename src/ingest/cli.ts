/**
 * npm run ingest [-- --strict]                   read data/sources/*.{txt,html,htm,docx,xlsx}, write data/records/<id>.json, print a report
 * npm run --silent ingest -- --stdout [--strict] FILE...   print the records of FILE... as a JSON array, write nothing
 *
 * Exit codes: 0 every table imported; 1 a document cannot be read (coded
 * error, nothing written); 2 bad arguments; 3 imported, but tables that are
 * cut off were left out (each reported on stderr with its code, file and
 * line; with --strict such a document is refused instead, exit 1).
 *
 * The dataset is written into a new folder beside data/records/ and swapped
 * in only when every record was written: a failure leaves data/records/ as it was.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectRecord } from '../schema/record.ts';
import type { DocumentReport } from './document.ts';
import { READ_EXTENSIONS, renderFile } from './formats/index.ts';
import { ingestRendered } from './formats/locate.ts';
import { IngestError } from './errors.ts';
import { loadOverrides } from '../categories/load.ts';
import { parseCommandLine } from '../domain/cli.ts';
import { recordsDir } from '../domain/records.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCES_DIR = path.join(root, 'data/sources');
export const RECORDS_DIR = path.join(root, 'data/records');

export const EXIT = { ok: 0, error: 1, usage: 2, omitted: 3 } as const;

const USAGE = `usage:
  npm run ingest [-- --strict] [--records DIR]          data/sources/*.{txt,html,htm,docx,xlsx,pdf} → data/records/, with a report per document
  npm run --silent ingest -- --stdout [--strict] FILE…  print the records of a .txt, .html, .docx, .xlsx or .pdf file as JSON; writes nothing

  --strict        refuse a document in which a table is cut off (default: import its complete tables, report the rest)
  --records DIR   the records folder to write (default: RECORDS_DIR, else data/records)
  --help          this text

exit codes: 0 all imported · 1 a document cannot be read (nothing written) · 2 bad arguments ·
            3 imported, but cut-off tables were left out (listed on stderr)
`;

async function readDocument(file: string, displayName: string, strict: boolean) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new IngestError('INGEST_READ', displayName, null, (e as Error).message);
  }
  const rendered = await renderFile(bytes, displayName);
  const metaPath = file.replace(/\.(txt|html?|docx|xlsx|pdf)$/i, '') + '.meta.json';
  let meta: unknown;
  if (metaPath !== file && existsSync(metaPath)) {
    try {
      meta = JSON.parse(await readFile(metaPath, 'utf8'));
    } catch (e) {
      throw new IngestError('INGEST_META_INVALID', path.basename(metaPath), null, (e as Error).message);
    }
  }
  return ingestRendered(rendered, { file: displayName, meta, strict, overrides: loadOverrides(path.join(root, 'data/categories.overrides.json')) });
}

/** Every source document and its records, in file order. Ids must be unique across documents. */
export async function ingestSources(dir = SOURCES_DIR, options: { strict?: boolean } = {}) {
  const files = (await readdir(dir)).filter((f) => READ_EXTENSIONS.includes(path.extname(f).toLowerCase())).sort();
  const out: { records: ProjectRecord[]; report: DocumentReport }[] = [];
  for (const f of files) out.push(await readDocument(path.join(dir, f), f, options.strict ?? false));
  const seen = new Map<string, ProjectRecord>();
  for (const d of out)
    for (const r of d.records) {
      const other = seen.get(r.id);
      if (other)
        throw new IngestError(
          'INGEST_DUPLICATE_ID',
          r.source.file,
          r.source.lines[0],
          `id ${r.id} ("${r.name}") is also the id of "${other.name}" in ${other.source.file}:${other.source.lines[0]}`,
        );
      seen.set(r.id, r);
    }
  return out;
}

/** Write to a stream and wait until the text is handed to the OS (a long error line is never cut at exit). */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

/** Write every record into a fresh folder, then swap it in for data/records/. */
export async function writeDataset(records: ProjectRecord[], dir = RECORDS_DIR) {
  const fresh = `${dir}.new-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  await mkdir(fresh, { recursive: true });
  try {
    for (const r of records) await writeFile(path.join(fresh, `${r.id}.json`), JSON.stringify(r, null, 2) + '\n');
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(dir)) await rename(dir, old);
  await rename(fresh, dir);
  await rm(old, { recursive: true, force: true });
}

async function omittedLines(reports: DocumentReport[]): Promise<number> {
  let n = 0;
  for (const r of reports)
    for (const o of r.omitted) {
      await write(process.stderr, `${o.message} (left out)\n`);
      n++;
    }
  return n;
}

async function main(argv: string[]): Promise<number> {
  const cmd = parseCommandLine(argv, {
    code: 'INGEST',
    usage: USAGE,
    options: { stdout: { type: 'boolean' }, strict: { type: 'boolean' }, records: { type: 'string' } },
    positionals: true,
  });
  if (!cmd.ok) return cmd.exitCode;
  const args = { stdout: cmd.values.stdout ?? false, strict: cmd.values.strict ?? false, files: cmd.positionals };
  const wrong = args.stdout && args.files.length === 0 ? '--stdout needs at least one FILE' : !args.stdout && args.files.length > 0 ? `unexpected argument ${args.files[0]} (use --stdout FILE…)` : null;
  if (wrong) {
    await write(process.stderr, `error INGEST_BAD_ARGS: ${wrong}\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.stdout) {
    const all: ProjectRecord[] = [];
    const reports: DocumentReport[] = [];
    for (const f of args.files) {
      const d = await readDocument(path.resolve(f), f, args.strict);
      all.push(...d.records);
      reports.push(d.report);
    }
    await write(process.stdout, JSON.stringify(all, null, 2) + '\n');
    return (await omittedLines(reports)) > 0 ? EXIT.omitted : EXIT.ok;
  }
  const docs = await ingestSources(SOURCES_DIR, { strict: args.strict });
  const out = cmd.values.records !== undefined || process.env.RECORDS_DIR ? recordsDir(cmd.values.records) : RECORDS_DIR;
  await writeDataset(docs.flatMap((d) => d.records), out);
  for (const { report: r } of docs)
    await write(
      process.stdout,
      `${r.file}: ${r.projects} projects, ${r.indicators} indicators, ${r.unparsed} lines in unparsed` +
        `${r.omitted.length ? `, ${r.omitted.length} cut-off tables left out` : ''} [${r.layout.name}, ${r.layout.confidence.toFixed(2)}]\n`,
    );
  const total = docs.reduce((n, d) => n + d.records.length, 0);
  await write(process.stdout, `${total} records written to ${path.relative(process.cwd(), out) || out}/\n`);
  return (await omittedLines(docs.map((d) => d.report))) > 0 ? EXIT.omitted : EXIT.ok;
}

async function fail(e: unknown): Promise<number> {
  if (e instanceof IngestError) {
    await write(process.stderr, `${e.message}\n`);
    return EXIT.error;
  }
  await write(process.stderr, `INGEST_INTERNAL ${(e as Error)?.message ?? e}\n`);
  return EXIT.error;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2))
    .catch(fail)
    .then((code) => {
      process.exitCode = code;
    });
}
