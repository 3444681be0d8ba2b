/**
 * Published file formats: the seed documents written as HTML (a hand-built
 * string), DOCX (the `docx` package) and XLSX (SheetJS) by
 * scripts/format-fixtures.ts, and read back by other libraries (parse5,
 * mammoth, exceljs), give the records read from the .txt — every field equal,
 * only the source locators differ, in the documented way (docs/data-format.md):
 *   - `source.file` names the fixture;
 *   - `source.lines` and `unparsed[].line` count the rendered lines, which map
 *     back to the .txt's lines (derived below from the .txt alone);
 *   - `source.locators` says where each of those lines is in the file.
 * Each unreadable file fails with its own code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/document.ts';
import { renderFile } from '../../src/ingest/formats/index.ts';
import { renderHtml } from '../../src/ingest/formats/html.ts';
import { expandSpans } from '../../src/ingest/formats/grid.ts';
import { ingestRendered, lineLocator, locatorRuns } from '../../src/ingest/formats/locate.ts';
import type { Locator } from '../../src/ingest/formats/types.ts';
import { ProjectRecord } from '../../src/schema/record.ts';
import { SEEDS, toDocx, toHtml, toXlsx } from '../../scripts/format-fixtures.ts';
import { errorCode as code, readSource, root } from './helpers.ts';

const fixtures = path.join(root, 'tests/fixtures/formats');
const FORMATS = ['html', 'docx', 'xlsx'] as const;

function comparable(record: Record<string, unknown>) {
  const { id: _id, source: _source, unparsed: _unparsed, category: _category, ...rest } = record;
  return rest;
}


/**
 * The rendered lines a fixture must give, from the .txt alone: for each, the
 * .txt line it is and where the generator put it. HTML/DOCX: each run of
 * tab-separated lines a table (blank lines do not end it), other non-blank
 * lines paragraphs; a text without tabs one paragraph per line. XLSX: line n
 * is row n of Sheet1.
 */
function expectedLines(text: string, format: (typeof FORMATS)[number]): { txtLine: number; locator: Locator }[] {
  const lines = text.replace(/\n$/, '').split('\n');
  // A worksheet ends at its last row that holds a cell.
  while (format === 'xlsx' && lines.at(-1) === '') lines.pop();
  if (format === 'xlsx') return lines.map((_, i) => ({ txtLine: i + 1, locator: { sheet: 'Sheet1', row: i + 1 } }));
  // <pre> keeps every line, the empty one after the last newline too; a Word paragraph per line.
  if (!text.includes('\t')) return (format === 'html' ? text.split('\n') : lines).map((_, i) => ({ txtLine: i + 1, locator: { paragraph: i + 1 } }));
  const out: { txtLine: number; locator: Locator }[] = [];
  let table = 0;
  let row = 0;
  let paragraph = 0;
  let inTable = false;
  lines.forEach((line, i) => {
    if (line.includes('\t')) {
      if (!inTable) {
        table++;
        row = 0;
        inTable = true;
      }
      out.push({ txtLine: i + 1, locator: { table, row: ++row } });
    } else if (line.trim() !== '') {
      inTable = false;
      out.push({ txtLine: i + 1, locator: { paragraph: ++paragraph } });
    }
  });
  return out;
}

describe('HTML tables', () => {
  it('expands rowspan and colspan to a grid, a merged cell read once and empty where it continues', () => {
    const grid = expandSpans([
      [{ text: 'A', rowspan: 2, colspan: 1 }, { text: 'B', rowspan: 1, colspan: 2 }],
      [{ text: 'C', rowspan: 1, colspan: 1 }, { text: 'D', rowspan: 1, colspan: 1 }],
    ]);
    expect(grid).toEqual([
      ['A', 'B', ''],
      ['', 'C', 'D'],
    ]);
  });

  it('renders every table row as one line of tab-separated cells, with its table and row', () => {
    const r = renderHtml('<p>标题</p><table><tr><td rowspan="2">产出指标</td><td>数量指标</td><td>x</td></tr><tr><td>质量指标</td><td>y</td></tr></table><table><tr><th>z</th></tr></table>');
    expect(r.text.split('\n')).toEqual(['标题', '产出指标\t数量指标\tx', '\t质量指标\ty', 'z']);
    expect(r.locators).toEqual([{ paragraph: 1 }, { table: 1, row: 1 }, { table: 1, row: 2 }, { table: 2, row: 1 }]);
  });

  it('an empty paragraph is a blank line only when asked (a Word document), not in a web page', () => {
    expect(renderHtml('<p>a</p><p></p><p>b</p>').text).toBe('a\nb');
    expect(renderHtml('<p>a</p><p></p><p>b</p>', { emptyParagraphs: true }).text).toBe('a\n\nb');
  });
});

describe('source locators', () => {
  it('compresses the lines of a record into runs of consecutive rows, and maps a line back', () => {
    const locators: Locator[] = [{ paragraph: 1 }, { table: 1, row: 1 }, { table: 1, row: 2 }, { table: 1, row: 4 }, { table: 2, row: 5 }, { sheet: 'S', row: 6 }];
    const runs = locatorRuns(locators, 2, 6);
    expect(runs).toEqual([
      { lines: [2, 3], first: { table: 1, row: 1 }, last: { table: 1, row: 2 } },
      { lines: [4, 4], first: { table: 1, row: 4 }, last: { table: 1, row: 4 } },
      { lines: [5, 5], first: { table: 2, row: 5 }, last: { table: 2, row: 5 } },
      { lines: [6, 6], first: { sheet: 'S', row: 6 }, last: { sheet: 'S', row: 6 } },
    ]);
    for (let line = 2; line <= 6; line++) expect(lineLocator(runs, line)).toEqual(locators[line - 1]);
    expect(lineLocator(runs, 1)).toBeNull();
  });

  it('the schema refuses runs that do not add up (untrusted records)', () => {
    const record = JSON.parse(readFileSync(path.join(root, 'tests/site/fixtures/records/640100-2026-target-3168f881.json'), 'utf8'));
    const [a, b] = record.source.lines as [number, number];
    const ok = { ...record, source: { ...record.source, locators: [{ lines: [a, b], first: { table: 1, row: 1 }, last: { table: 1, row: 1 + b - a } }] } };
    expect(ProjectRecord.safeParse(ok).success).toBe(true);
    const short = { ...ok, source: { ...ok.source, locators: [{ lines: [a, b - 1], first: { table: 1, row: 1 }, last: { table: 1, row: b - a } }] } };
    const miscounted = { ...ok, source: { ...ok.source, locators: [{ lines: [a, b], first: { table: 1, row: 1 }, last: { table: 1, row: 2 + b - a } }] } };
    const twoTables = { ...ok, source: { ...ok.source, locators: [{ lines: [a, b], first: { table: 1, row: 1 }, last: { table: 2, row: 1 + b - a } }] } };
    const extraKey = { ...ok, source: { ...ok.source, locators: [{ lines: [a, b], first: { table: 1, row: 1, x: 1 }, last: { table: 1, row: 1 + b - a } }] } };
    for (const bad of [short, miscounted, twoTables, extraKey]) expect(ProjectRecord.safeParse(bad).success).toBe(false);
  });
});

describe.each(FORMATS)('the seed documents as .%s', (format) => {
  for (const seed of SEEDS) {
    it(`${seed}.${format} gives the records of the .txt: every field equal, the locators mapped back to its lines`, async () => {
      const bytes = readFileSync(path.join(fixtures, `${seed}.${format}`));
      const { meta, text } = readSource(`${seed}.txt`);
      const rendered = await renderFile(bytes, `${seed}.${format}`);
      expect(rendered.format).toBe(format);
      // The committed fixture is what the generator writes today: the same bytes (HTML, XLSX), or the same
      // content (DOCX: the docx package stamps the time into the file).
      if (format === 'html') expect(bytes.toString('utf8')).toBe(toHtml(text, seed));
      if (format === 'xlsx') expect(bytes.equals(toXlsx(text, seed))).toBe(true);
      if (format === 'docx') expect(rendered.text).toBe((await renderFile(await toDocx(text, seed), 'fresh.docx')).text);

      const fromTxt = ingestDocument({ file: `${seed}.txt`, text, meta }).records;
      const records = ingestRendered(rendered, { file: `${seed}.${format}`, meta }).records;
      const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden', `${seed}.expected.json`), 'utf8'));
      expect(records.map(comparable)).toEqual(golden);
      expect(records.length).toBe(fromTxt.length);

      const expected = expectedLines(text, format);
      expect(rendered.locators).toEqual(expected.map((e) => e.locator));
      const txtLine = (line: number) => expected[line - 1].txtLine;
      records.forEach((r, i) => {
        const t = fromTxt[i];
        const { source, unparsed, ...rest } = r;
        const { source: tSource, unparsed: tUnparsed, ...tRest } = t;
        // Every other field (id and category included) is the same.
        expect(rest).toEqual(tRest);
        expect(source.file).toBe(`${seed}.${format}`);
        expect(source.lines.map(txtLine)).toEqual(tSource.lines);
        expect(unparsed.map((u) => ({ line: txtLine(u.line), text: u.text }))).toEqual(tUnparsed);
        expect(tSource.locators).toBeUndefined();
        // The locators name, for every line of the record, where the generator put that .txt line.
        expect(ProjectRecord.safeParse(r).success).toBe(true);
        for (let line = source.lines[0]; line <= source.lines[1]; line++) expect(lineLocator(source.locators, line)).toEqual(expected[line - 1].locator);
      });
    });
  }
});

describe('merged cells, as the published tables have them', () => {
  it('the HTML fixtures hold rowspan and colspan', () => {
    const all = SEEDS.map((s) => readFileSync(path.join(fixtures, `${s}.html`), 'utf8')).join('');
    expect(all).toMatch(/rowspan="\d+">产出指标</);
    expect(all).toMatch(/colspan="\d+"/);
  });

  it('the XLSX fixtures hold merged ranges (一级指标 over its rows, cells over the budget block), nothing in the cells they cover', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(fixtures, '004_a583d9a954743c2a.xlsx')) as unknown as ArrayBuffer);
    const merges: string[] = (book.worksheets[0].model as unknown as { merges: string[] }).merges;
    const ranges = merges.map((m) => m.split(':').map((ref) => ({ ref, col: ref.replace(/\d+/, ''), row: Number(ref.replace(/^[A-Z]+/, '')) })));
    const sheet = book.worksheets[0];
    // 一级指标 over its rows: a range in one column, over several rows, its text in the master cell.
    const level1 = ranges.find(([a, b]) => a.col === b.col && b.row > a.row && /^产出指标/.test(String(sheet.getCell(a.ref).value)));
    expect(level1).toBeDefined();
    const [x, y] = level1!;
    // A covered cell holds nothing: exceljs marks it as part of the merge.
    expect(sheet.getCell(`${x.col}${x.row + 1}`).type).toBe(ExcelJS.ValueType.Merge);
    // The budget block: cells merged over columns.
    expect(ranges.some(([a, b]) => a.row === b.row && a.col !== b.col)).toBe(true);
    expect(y.row).toBeGreaterThan(x.row);
  });

  it('the DOCX fixtures hold w:vMerge and w:gridSpan (mammoth turns them into rowspan and colspan)', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(path.join(fixtures, '004_a583d9a954743c2a.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>/);
    expect(xml).toMatch(/<w:gridSpan w:val="\d+"\/>/);
  });
});

describe('files made the way the offices make them (LibreOffice 7.4)', () => {
  // 004 as HTML, opened and saved as .docx by LibreOffice Writer and as .xlsx by LibreOffice Calc (docs/ingest-formats.md).
  for (const format of ['docx', 'xlsx'] as const)
    it(`004_a583d9a954743c2a.libreoffice.${format} gives the records of the seed golden`, async () => {
      const file = `004_a583d9a954743c2a.libreoffice.${format}`;
      const { meta, text } = readSource('004_a583d9a954743c2a.txt');
      const rendered = await renderFile(readFileSync(path.join(fixtures, file)), file);
      const records = ingestRendered(rendered, { file, meta }).records;
      const fromTxt = ingestDocument({ file: '004_a583d9a954743c2a.txt', text, meta }).records;
      expect(records.map(({ source: _s, unparsed, ...r }) => ({ ...r, unparsed: unparsed.map((u) => u.text) }))).toEqual(
        fromTxt.map(({ source: _s, unparsed, ...r }) => ({ ...r, unparsed: unparsed.map((u) => u.text) })),
      );
      for (const r of records) expect(ProjectRecord.safeParse(r).success).toBe(true);
    });
});

describe('files the importer cannot read fail with their own code', () => {
  const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  it('an unsupported format', async () => {
    expect(await code(() => renderFile(Buffer.from('{\\rtf1 x}'), 'table.rtf'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    expect(await code(() => renderFile(Buffer.concat([cfb, Buffer.alloc(504)]), 'old.doc'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    expect(await code(() => renderFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.png'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    // An OpenDocument file or a bare archive is a ZIP, but not one the importer reads.
    const docx = readFileSync(path.join(fixtures, '004_a583d9a954743c2a.docx'));
    expect(await code(() => renderFile(docx, 'table.odt'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    expect(await code(() => renderFile(docx, 'tables.zip'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    // A text copy under another name is still read as text.
    expect((await renderFile(Buffer.from('项目名称\tx'), 'copy.tsv')).format).toBe('txt');
  });
  it('a corrupt file: no ZIP archive, a ZIP cut short, a ZIP that is not the document its name says', async () => {
    expect(await code(() => renderFile(Buffer.from('<html>not a workbook</html>'), 'table.xlsx'))).toBe('INGEST_CORRUPT_FILE');
    expect(await code(() => renderFile(Buffer.from('garbage'), 'table.docx'))).toBe('INGEST_CORRUPT_FILE');
    expect(await code(() => renderFile(Buffer.from('garbage'), 'table.pdf'))).toBe('INGEST_CORRUPT_FILE');
    for (const format of ['docx', 'xlsx']) {
      const bytes = readFileSync(path.join(fixtures, `004_a583d9a954743c2a.${format}`));
      expect(await code(() => renderFile(bytes.subarray(0, bytes.length >> 1), `cut.${format}`)), format).toBe('INGEST_CORRUPT_FILE');
    }
    const xlsx = readFileSync(path.join(fixtures, '004_a583d9a954743c2a.xlsx'));
    expect(await code(() => renderFile(xlsx, 'workbook-named.docx'))).toBe('INGEST_CORRUPT_FILE');
  });
  it('a password-protected Word or Excel file (as Office encrypts them), or PDF', async () => {
    for (const format of ['docx', 'xlsx']) {
      const bytes = readFileSync(path.join(fixtures, `004_a583d9a954743c2a.encrypted.${format}`));
      expect(await code(() => renderFile(bytes, `table.${format}`)), format).toBe('INGEST_ENCRYPTED');
    }
    const encrypted = Buffer.concat([cfb, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]);
    expect(await code(() => renderFile(encrypted, 'table.xlsx'))).toBe('INGEST_ENCRYPTED');
    // A PDF with a password to open it (an owner password alone is read: tests/ingest/formats-pdf.test.ts).
    expect(await code(() => renderFile(readFileSync(path.join(fixtures, 'encrypted.pdf')), 'table.pdf'))).toBe('INGEST_ENCRYPTED');
  });
  it('every failure says what to do', async () => {
    const messages: string[] = [];
    for (const [bytes, file] of [
      [Buffer.from('garbage'), 'table.docx'],
      [readFileSync(path.join(fixtures, '004_a583d9a954743c2a.encrypted.docx')), 'table.docx'],
      [Buffer.from('{\\rtf1 x}'), 'table.rtf'],
    ] as const)
      await renderFile(bytes, file).catch((e: Error) => messages.push(e.message));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/download it again/);
    expect(messages[1]).toMatch(/password/);
    expect(messages[2]).toMatch(/reads \.txt/);
  });
});

describe('the command line reads Word and Excel files', () => {
  it('npm run ingest reads .docx and .xlsx from the sources folder, with their metadata, each record with its locators', async () => {
    const { mkdtempSync, copyFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { ingestSources } = await import('../../src/ingest/cli.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'ingest-formats-'));
    try {
      copyFileSync(path.join(fixtures, '004_a583d9a954743c2a.docx'), path.join(dir, '004_a583d9a954743c2a.docx'));
      copyFileSync(path.join(fixtures, '001_0a5d8a87461ba45a.xlsx'), path.join(dir, '001_0a5d8a87461ba45a.xlsx'));
      for (const seed of ['004_a583d9a954743c2a', '001_0a5d8a87461ba45a']) copyFileSync(path.join(root, 'data/sources', `${seed}.meta.json`), path.join(dir, `${seed}.meta.json`));
      const docs = await ingestSources(dir);
      expect(docs.map((d) => d.report.file)).toEqual(['001_0a5d8a87461ba45a.xlsx', '004_a583d9a954743c2a.docx']);
      const golden = ['001_0a5d8a87461ba45a', '004_a583d9a954743c2a'].flatMap((s) => JSON.parse(readFileSync(path.join(root, 'tests/golden', `${s}.expected.json`), 'utf8')));
      const records = docs.flatMap((d) => d.records);
      expect(records.map(comparable)).toEqual(golden);
      for (const r of records) expect(r.source.locators?.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--stdout prints a Word file\'s records; a broken one fails with its code, file and what to do, exit 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const ok = spawnSync(tsx, ['src/ingest/cli.ts', '--stdout', 'tests/fixtures/formats/004_a583d9a954743c2a.docx'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const records = JSON.parse(ok.stdout);
    expect(records.length).toBe(JSON.parse(readFileSync(path.join(root, 'tests/golden/004_a583d9a954743c2a.expected.json'), 'utf8')).length);
    expect(records[0].source.locators[0].first).toEqual({ paragraph: 1 });
    const bad = spawnSync(tsx, ['src/ingest/cli.ts', '--stdout', 'tests/fixtures/formats/004_a583d9a954743c2a.encrypted.xlsx'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^INGEST_ENCRYPTED tests\/fixtures\/formats\/004_a583d9a954743c2a\.encrypted\.xlsx.*password/);
  });
});
