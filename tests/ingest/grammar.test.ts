/**
 * The table grammar (src/ingest/grammar/): its rules are pure functions of
 * (state, row), and a layout is one module — a reader added from outside the
 * registry is read by the same grammar, with the same vocabulary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/ingest/parse.ts';
import { READERS, detectLayout, type LayoutReader, type Row } from '../../src/ingest/layouts/index.ts';
import { RULES, readTable } from '../../src/ingest/grammar/rules.ts';
import { assembleRecord } from '../../src/ingest/grammar/record.ts';
import type { Rule } from '../../src/ingest/grammar/state.ts';
import { LIST_RULES, readListHeader, readListTable, type ListRow, type ListState } from '../../src/ingest/grammar/listTable.ts';
import { recordSpans } from '../../src/ingest/spans.ts';
import { readSource, root, sourceFiles } from './helpers.ts';

const fixture = (name: string) => readFileSync(path.join(root, 'tests/ingest/fixtures', name), 'utf8');

describe('the rules are pure: (state, row) → state', () => {
  // Every top-level rule (and through it the indicator, flat and grid rules) is checked on every
  // row of every document: the state it was given is unchanged after it ran.
  let checks = 0;
  const checked: Rule[] = RULES.map((rule) => ({
    kind: rule.kind,
    read: (s, x) => {
      const before = structuredClone(s);
      const out = rule.read(s, x);
      checks++;
      expect(s, `rule "${rule.kind}" changed the state it was given (${x.doc.file}:${x.row.lines[0]})`).toEqual(before);
      return out;
    },
  }));

  // 006 is a list table: read by the list-table rules, from the same rows.
  const tables = sourceFiles.filter((file) => !parseDocument(readSource(file).text, file).layout.reader.name.includes('list table'));
  it('the documents read by these rules are all but the list table', () => expect(tables.length).toBe(sourceFiles.length - 1));

  for (const file of tables)
    it(`${file}: no rule changes the state it is given, and the checked reading gives the same records`, () => {
      const { text } = readSource(file);
      const parsed = parseDocument(text, file);
      const lines = text.split(/\r\n|\r|\n/);
      const reader = detectLayout(lines).reader;
      const spans = recordSpans(lines);
      const records = spans.flatMap((span, k) => {
        const doc = { lines, span, file, isLast: k === spans.length - 1 };
        try {
          return [assembleRecord(readTable(doc, reader, checked), doc)];
        } catch {
          return []; // a cut-off table, left out as in parseDocument
        }
      });
      expect(records).toEqual(parsed.records);
      expect(checks).toBeGreaterThan(0);
    });

  it('006 (a list table): no list-table rule changes the state it is given', () => {
    const file = '006_jingyan_mata_2023.txt';
    const { text } = readSource(file);
    const lines = text.split(/\r\n|\r|\n/);
    const rows = detectLayout(lines).reader.rows(lines, 0, lines.length - 1);
    const header = readListHeader(rows);
    expect(header).not.toBeNull();
    let listChecks = 0;
    const checkedList: Rule<ListRow, ListState>[] = LIST_RULES.map((rule) => ({
      kind: rule.kind,
      read: (s, x) => {
        const before = structuredClone(s);
        const out = rule.read(s, x);
        listChecks++;
        expect(s, `list rule "${rule.kind}" changed the state it was given (line ${x.row.lines[0]})`).toEqual(before);
        return out;
      },
    }));
    expect(readListTable(rows, header!, lines, file, checkedList).records).toEqual(parseDocument(text, file).records);
    expect(listChecks).toBeGreaterThan(rows.length - header!.at - 1);
  });
});

describe('adding a layout is one module', () => {
  // A layout no reader of the registry knows: cells separated by full-width semicolons. The reader
  // below is all it takes; the grammar and the vocabulary are the ones every document is read with.
  const semicolons: LayoutReader = {
    name: 'cells separated by semicolons',
    detect: (lines) => {
      const text = lines.filter((l) => l.trim() !== '');
      return text.length > 0 && text.filter((l) => /[;；]/.test(l)).length / text.length >= 0.5 ? 0.95 : 0;
    },
    rows: (lines, from, to) => {
      const rows: Row[] = [];
      for (let i = from; i <= to; i++) {
        const t = lines[i].trim();
        if (t === '') continue;
        if (/[;；]/.test(t)) rows.push({ cells: t.split(/[;；]/).map((c) => c.trim()), flat: false, text: '', lines: [i + 1] });
        else rows.push({ cells: [t], flat: true, text: t, lines: [i + 1] });
      }
      return rows;
    },
  };
  const text = fixture('semicolon.txt');

  it('the added reader is chosen for its fixture, and none of the registry is as sure', () => {
    const d = detectLayout(text.split('\n'), [...READERS, semicolons]);
    expect(d.reader).toBe(semicolons);
    expect(Math.max(...READERS.map((r) => r.detect(text.split('\n'))))).toBeLessThan(d.confidence);
  });

  it('its records are those of the same table printed with pipes (fixture pipe.txt), every line read', () => {
    const withReader = parseDocument(text, 'semicolon.txt', [...READERS, semicolons]);
    const piped = parseDocument(fixture('pipe.txt'), 'pipe.txt');
    expect(withReader.layout.reader.name).toBe(semicolons.name);
    const strip = (r: { source: unknown; unparsed: unknown }) => ({ ...r, source: null, unparsed: null });
    expect(withReader.records.map(strip)).toEqual(piped.records.map(strip));
    expect(withReader.records[0].indicators).toHaveLength(6);
    expect(withReader.records[0].unparsed).toEqual([]);
  });
});
