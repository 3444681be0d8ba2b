/**
 * Source documents that are not plain text, as the pages show them: rendered
 * by their reader, each line with where it is in the file; a record's
 * locators must be the file's (records are untrusted input).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFile } from '../../src/ingest/formats/index.ts';
import { ingestRendered } from '../../src/ingest/formats/locate.ts';
import { sourceDownloadName, sourceSlug } from '../../src/lib/facets.ts';
import type { ProjectRecord } from '../../src/schema/record.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/formats');
const seed = '004_a583d9a954743c2a';
let dir: string;
let lib: typeof import('../../src/lib/sources.ts');
let records: ProjectRecord[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sources-'));
  copyFileSync(path.join(fixtures, `${seed}.docx`), path.join(dir, `${seed}.docx`));
  copyFileSync(path.join(fixtures, `001_0a5d8a87461ba45a.xlsx`), path.join(dir, `001_0a5d8a87461ba45a.xlsx`));
  copyFileSync(path.join(root, 'data/sources', `${seed}.txt`), path.join(dir, `${seed}.txt`));
  writeFileSync(path.join(dir, 'broken.docx'), 'PK\u0003\u0004 not a document');
  writeFileSync(path.join(dir, `${seed}.meta.json`), '{}');
  process.env.SOURCES_DIR = dir;
  process.env.SOURCE_CACHE_DIR = path.join(dir, '.cache');
  lib = await import('../../src/lib/sources.ts');
  const meta = JSON.parse(readFileSync(path.join(root, 'data/sources', `${seed}.meta.json`), 'utf8'));
  const rendered = await renderFile(readFileSync(path.join(dir, `${seed}.docx`)), `${seed}.docx`);
  records = ingestRendered(rendered, { file: `${seed}.docx`, meta }).records;
});
afterAll(() => {
  delete process.env.SOURCES_DIR;
  delete process.env.SOURCE_CACHE_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe('source documents that are not plain text', () => {
  it('lists every document the importer reads, not the metadata', () => {
    expect(lib.sourceFiles()).toEqual(['001_0a5d8a87461ba45a.xlsx', `${seed}.docx`, `${seed}.txt`, 'broken.docx']);
  });

  it('shows a Word document as the importer read it, each line with its place in the file', async () => {
    const doc = await lib.loadSourceDocument(`${seed}.docx`);
    const rendered = await renderFile(readFileSync(path.join(dir, `${seed}.docx`)), `${seed}.docx`);
    expect(doc.format).toBe('docx');
    expect(doc.lines.join('\n')).toBe(rendered.text);
    const r = records[0];
    expect(await lib.checkSource(r)).toBeNull();
    const excerpt = await lib.loadSourceExcerpt(r);
    // What has been rendered can be read synchronously too (the checks that are not asynchronous).
    expect(lib.sourceExcerpt(r)).toEqual(excerpt);
    expect(lib.sourceProblem(r)).toBeNull();
    expect(excerpt).toHaveLength(r.source.lines[1] - r.source.lines[0] + 1);
    expect(excerpt.every((l) => l.locator !== null)).toBe(true);
    expect(excerpt.some((l) => l.locator && 'table' in l.locator)).toBe(true);
    // The labels the page prints.
    const table = excerpt.find((l) => l.locator && 'table' in l.locator)!.locator!;
    expect(lib.locatorLabel(table)).toMatch(/^表 \d+ 第 \d+ 行$/);
    expect(lib.runsLabel(r.source.locators!)).toMatch(/表 \d+ 第 \d+–\d+ 行/);
    expect(() => lib.sourceDocument('001_0a5d8a87461ba45a.xlsx')).toThrow(/has not been rendered/);
    await lib.prepareSources(['001_0a5d8a87461ba45a.xlsx']);
    expect(lib.sourceDocument('001_0a5d8a87461ba45a.xlsx').locators[0]).toEqual({ sheet: 'Sheet1', row: 1 });
  });

  it('refuses locators that are not where the lines are, and locators on a text file', async () => {
    const r = records[0];
    const runs = r.source.locators!;
    const moved = { ...r, source: { ...r.source, locators: runs.map((run) => ({ ...run, first: { paragraph: 90 }, last: { paragraph: 90 + run.lines[1] - run.lines[0] } })) } };
    expect(await lib.checkSource(moved)).toMatch(/source\.locators are not where/);
    const onText = { ...r, source: { ...r.source, file: `${seed}.txt` } };
    expect(await lib.checkSource(onText)).toMatch(/plain text/);
    // Without locators (a record written before they existed) the passage is still shown.
    expect(await lib.checkSource({ ...r, source: { file: r.source.file, lines: r.source.lines } })).toBeNull();
  });

  it('a source that cannot be read is a problem of the record that names it, not a crash', async () => {
    const r = { ...records[0], source: { file: 'broken.docx', lines: [1, 1] as [number, number] } };
    expect(await lib.checkSource(r)).toMatch(/^source\.file "broken\.docx" cannot be read: .*INGEST_CORRUPT_FILE/);
    await expect(lib.loadSourceExcerpt(r)).rejects.toThrow(new RegExp(`^record ${r.id}: source\\.file "broken\\.docx" cannot be read`));
    expect(() => lib.sourceExcerpt(r)).toThrow(new RegExp(`^record ${r.id}: source\\.file "broken\\.docx" cannot be read`));
  });

  it('the page of a source sits beside the file; a web page is downloaded as text, never served as a page', () => {
    expect(sourceSlug('000_bd54.txt')).toBe('000_bd54');
    expect(sourceSlug('011_x.docx')).toBe('011_x-docx');
    expect(sourceSlug('011_x.docx')).not.toBe(sourceDownloadName('011_x.docx'));
    expect(sourceDownloadName('012_page.html')).toBe('012_page.html.txt');
    expect(sourceDownloadName('011_x.xlsx')).toBe('011_x.xlsx');
  });
});
