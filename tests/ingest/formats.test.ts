/**
 * Published file formats: the seed documents written as HTML by a hand-built
 * string (scripts/format-fixtures.ts) and read back by parse5 give the
 * records of the seed goldens; each unreadable file fails with its own code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/document.ts';
import { renderFile } from '../../src/ingest/formats/index.ts';
import { renderHtml } from '../../src/ingest/formats/html.ts';
import { expandSpans } from '../../src/ingest/formats/grid.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import { SEEDS, toHtml } from '../../scripts/format-fixtures.ts';
import { readSource, root } from './helpers.ts';

const fixtures = path.join(root, 'tests/fixtures/formats');

function comparable(record: Record<string, unknown>) {
  const { id: _id, source: _source, unparsed: _unparsed, category: _category, ...rest } = record;
  return rest;
}

function code(f: () => unknown): string | null {
  try {
    f();
  } catch (e) {
    if (e instanceof IngestError) return e.code;
    throw e;
  }
  return null;
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

  for (const seed of SEEDS) {
    it(`${seed}.html gives the records of the seed golden`, () => {
      const bytes = readFileSync(path.join(fixtures, `${seed}.html`));
      const { meta, text } = readSource(`${seed}.txt`);
      // The committed fixture is what the generator writes today (reproducible).
      expect(bytes.toString('utf8')).toBe(toHtml(text, seed));
      const rendered = renderFile(bytes, `${seed}.html`);
      expect(rendered.format).toBe('html');
      const golden = JSON.parse(readFileSync(path.join(root, 'tests/golden', `${seed}.expected.json`), 'utf8'));
      const records = ingestDocument({ file: `${seed}.html`, text: rendered.text, meta }).records;
      expect(records.map(comparable)).toEqual(golden);
    });
  }

  it('the HTML fixtures hold merged cells (rowspan and colspan), as the published tables do', () => {
    const all = SEEDS.map((s) => readFileSync(path.join(fixtures, `${s}.html`), 'utf8')).join('');
    expect(all).toMatch(/rowspan="\d+">产出指标</);
    expect(all).toMatch(/colspan="\d+"/);
  });
});

describe('files the importer cannot read fail with their own code', () => {
  const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  it('an unsupported format', () => {
    expect(code(() => renderFile(Buffer.from('{\\rtf1 x}'), 'table.rtf'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    expect(code(() => renderFile(Buffer.concat([cfb, Buffer.alloc(504)]), 'old.doc'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    expect(code(() => renderFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.png'))).toBe('INGEST_UNSUPPORTED_FORMAT');
    // A text copy under another name is still read as text.
    expect(renderFile(Buffer.from('项目名称\tx'), 'copy.tsv').format).toBe('txt');
  });
  it('a corrupt file: an .xlsx/.docx that is no ZIP archive, a .pdf that is no PDF', () => {
    expect(code(() => renderFile(Buffer.from('<html>not a workbook</html>'), 'table.xlsx'))).toBe('INGEST_CORRUPT_FILE');
    expect(code(() => renderFile(Buffer.from('garbage'), 'table.docx'))).toBe('INGEST_CORRUPT_FILE');
    expect(code(() => renderFile(Buffer.from('garbage'), 'table.pdf'))).toBe('INGEST_CORRUPT_FILE');
  });
  it('a password-protected Office file or PDF', () => {
    const encrypted = Buffer.concat([cfb, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le')]);
    expect(code(() => renderFile(encrypted, 'table.xlsx'))).toBe('INGEST_ENCRYPTED');
    expect(code(() => renderFile(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Encrypt 2 0 R >>\nendobj\n'), 'table.pdf'))).toBe('INGEST_ENCRYPTED');
  });
  it('every failure says what to do', () => {
    try {
      renderFile(Buffer.from('garbage'), 'table.docx');
    } catch (e) {
      expect((e as Error).message).toMatch(/download it again/);
    }
    expect.assertions(1);
  });
});
