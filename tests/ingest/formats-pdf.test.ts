/**
 * Text PDFs: the seed documents drawn as ruled tables by pdfkit (scripts/pdf-fixtures.ts)
 * and one converted from the HTML fixture by LibreOffice, read back through PDF.js
 * (src/ingest/formats/pdf.ts), give the records of the seed goldens; a scan, a
 * password, a cut-off or damaged file each fail with their own code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/document.ts';
import { renderFile } from '../../src/ingest/formats/index.ts';
import { renderPdf } from '../../src/ingest/formats/pdf.ts';
import { SEEDS } from '../../scripts/format-fixtures.ts';
import { readSource, root, errorCode } from './helpers.ts';

const fixtures = path.join(root, 'tests/fixtures/formats');
const fixture = (name: string) => readFileSync(path.join(fixtures, name));

/** The fields compared with the golden: all but the id, the source locator and lines, unparsed and the category (as for HTML). */
function comparable(record: Record<string, unknown>) {
  const { id: _id, source: _source, unparsed: _unparsed, category: _category, ...rest } = record;
  return rest;
}

const code = errorCode;

function golden(seed: string) {
  return JSON.parse(readFileSync(path.join(root, 'tests/golden', `${seed}.expected.json`), 'utf8'));
}

describe('text PDFs', { timeout: 60_000 }, () => {
  for (const seed of SEEDS) {
    it(`${seed}.pdf (pdfkit, ruled tables) gives the records of the seed golden`, async () => {
      const rendered = await renderFile(fixture(`${seed}.pdf`), `${seed}.pdf`);
      expect(rendered.format).toBe('pdf');
      const lines = rendered.text.split('\n');
      // One locator per rendered line, each a page and a line on it (1-based, in order).
      expect(rendered.locators.length).toBe(lines.length - 1);
      for (const [i, l] of rendered.locators.entries()) {
        expect(l).toMatchObject({ page: expect.any(Number), line: expect.any(Number) });
        const prev = rendered.locators[i - 1] as { page: number; line: number } | undefined;
        const cur = l as { page: number; line: number };
        expect(prev ? (cur.page === prev.page ? cur.line === prev.line + 1 : cur.page === prev.page + 1 && cur.line === 1) : cur.page === 1 && cur.line === 1).toBe(true);
      }
      const { meta } = readSource(`${seed}.txt`);
      const records = ingestDocument({ file: `${seed}.pdf`, text: rendered.text, meta }).records;
      expect(records.map(comparable)).toEqual(golden(seed));
    });
  }

  it('the fixtures break pages inside tables: a page starts with a row whose 一级指标 is the empty continuation of the merged cell above', async () => {
    const rendered = await renderFile(fixture('000_bd5493f012e3b752.pdf'), '000.pdf');
    const lines = rendered.text.split('\n');
    const pageStarts = rendered.locators.flatMap((l, i) => ('page' in l && l.page > 1 && l.line === 1 ? [lines[i]] : []));
    expect(pageStarts.some((l) => /^\t[^\t]*\t[^\t]+\t[^\t]+$/.test(l))).toBe(true);
  });

  it('joins a cell wrapped over several lines into its cell: every line of the seed reappears whole', async () => {
    // The seeds' longest cells (项目年度绩效目标) are drawn over several lines; the rendered row holds each of them whole.
    const rendered = await renderFile(fixture('000_bd5493f012e3b752.pdf'), '000.pdf');
    const { text } = readSource('000_bd5493f012e3b752.txt');
    const longest = text
      .split('\n')
      .flatMap((l) => l.split('\t'))
      .sort((a, b) => b.length - a.length)
      .slice(0, 5);
    const cells = new Set(rendered.text.split('\n').flatMap((l) => l.split('\t')));
    for (const cell of longest) expect(cells.has(cell.trim())).toBe(true);
  });

  it('a PDF made the way offices make them (LibreOffice 7.4 converting the HTML fixture of 000) gives the records of the golden', async () => {
    const seed = '000_bd5493f012e3b752';
    const rendered = await renderFile(fixture(`${seed}.libreoffice.pdf`), `${seed}.pdf`);
    const records = ingestDocument({ file: `${seed}.pdf`, text: rendered.text, meta: readSource(`${seed}.txt`).meta }).records;
    expect(records.map(comparable)).toEqual(golden(seed));
  });
});

describe('PDFs the importer cannot read fail with their own code', { timeout: 60_000 }, () => {
  const seed = () => fixture('000_bd5493f012e3b752.pdf');

  it('a scan (a page that is only an image): INGEST_PDF_NO_TEXT, saying to run OCR or find the Word/HTML copy', async () => {
    await expect(renderFile(fixture('scan.pdf'), 'scan.pdf')).rejects.toThrow(/INGEST_PDF_NO_TEXT scan\.pdf .*OCR.*Word\/HTML/);
  });

  it('a password-protected PDF (pdfkit encryption): INGEST_ENCRYPTED, by /Encrypt and by PDF.js itself', async () => {
    expect(await code(() => renderFile(fixture('encrypted.pdf'), 'encrypted.pdf'))).toBe('INGEST_ENCRYPTED');
    // Past the /Encrypt check, PDF.js asks for the password: the same code.
    expect(await code(() => renderPdf(fixture('encrypted.pdf'), 'encrypted.pdf'))).toBe('INGEST_ENCRYPTED');
  });

  it('a cut-off PDF (truncated anywhere): INGEST_CORRUPT_FILE, never a crash or a partial reading', async () => {
    const bytes = seed();
    for (const n of [100, 5000, bytes.length >> 1, bytes.length - 20])
      expect(await code(() => renderFile(bytes.subarray(0, n), 'cut.pdf'))).toBe('INGEST_CORRUPT_FILE');
  });

  it('a damaged PDF that still ends with %%EOF: INGEST_CORRUPT_FILE (PDF.js errors, also those it leaves unhandled, mapped to the code)', async () => {
    const bytes = seed();
    const zeroed = Buffer.concat([bytes.subarray(0, 2000), Buffer.alloc(bytes.length - 4000), bytes.subarray(bytes.length - 2000)]);
    expect(await code(() => renderFile(zeroed, 'damaged.pdf'))).toBe('INGEST_CORRUPT_FILE');
    expect(await code(() => renderFile(Buffer.from('%PDF-1.7\nnot a pdf\n%%EOF\n'), 'garbage.pdf'))).toBe('INGEST_CORRUPT_FILE');
    expect(await code(() => renderFile(Buffer.from('no pdf at all'), 'named.pdf'))).toBe('INGEST_CORRUPT_FILE');
  });

  it('`npm run ingest -- --stdout FILE.pdf` prints the records; a scan exits 1 with the code on stderr', () => {
    const seedName = '000_bd5493f012e3b752';
    const out = execFileSync('npx', ['tsx', 'src/ingest/cli.ts', '--stdout', path.join(fixtures, `${seedName}.pdf`)], { cwd: root, encoding: 'utf8' });
    const records = JSON.parse(out) as Record<string, unknown>[];
    expect(records.length).toBe(golden(seedName).length);
    expect(records.map((r) => r.name)).toEqual(golden(seedName).map((r: { name: string }) => r.name));
    let stderr = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'src/ingest/cli.ts', '--stdout', path.join(fixtures, 'scan.pdf')], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/INGEST_PDF_NO_TEXT \S*scan\.pdf .*OCR/);
  });
});
