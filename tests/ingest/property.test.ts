/**
 * Property: the seed documents, damaged the way real files get damaged
 * (truncated, a line deleted or duplicated, one digit changed, footer lines
 * appended, re-encoded as GB18030, CRLF line ends, a BOM), are either read
 * with every indicator name, target number, weight, score and amount found in
 * the source at the lines its record cites — a value in its indicator's row
 * (from its name to the next indicator's name), an amount on a line of its
 * field's label — or refused with a coded error.
 * Never an uncoded exception, never a footer read as an indicator.
 *
 * Fixed seed and bounded count: the same inputs on every run, in seconds.
 * The outcome counts are printed and written to .tmp/property-outcomes.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../../src/schema/record.ts';
import { shiftDecimal } from '../../src/ingest/amount.ts';
import { decodeText, ingestDocument } from '../../src/ingest/document.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import { compact, halfWidth } from '../../src/domain/text.ts';
import { readSource, root, sourceFiles } from './helpers.ts';

const SEED = 20261201;
const RUNS = 400;
const COPY_RUNS = 200;

const seeds = sourceFiles.filter((f) => /^00[0-4]_/.test(f)).map((file) => ({ file, ...readSource(file) }));
// The web copies (005–010): other layouts, the same property.
const copies = sourceFiles.filter((f) => !/^00[0-4]_/.test(f)).map((file) => ({ file, ...readSource(file) }));

const FOOTERS = ['第 3 页 共 3 页', '- 3 -', '附件2', '联系人：张三  联系电话：0951-6888888', '2025年部门项目支出绩效目标表', '扫一扫在手机打开当前页'];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'digit'; at: number; to: number }
  | { kind: 'footer'; lines: string[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), to: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('footer' as const), lines: fc.array(fc.constantFrom(...FOOTERS), { minLength: 1, maxLength: 3 }) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'truncate':
      return lines.slice(0, 1 + (m.at % lines.length)).join('\n');
    case 'delete':
      return lines.filter((_, i) => i !== m.at % lines.length).join('\n');
    case 'duplicate': {
      const i = m.at % lines.length;
      return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
    }
    case 'digit': {
      const digits = [...text.matchAll(/\d/g)].map((x) => x.index!);
      if (digits.length === 0) return text;
      const i = digits[m.at % digits.length];
      return text.slice(0, i) + String(m.to) + text.slice(i + 1);
    }
    case 'footer':
      return [...lines, '', ...m.lines].join('\n');
  }
}

const input = (docs: number) => fc.record({
  doc: fc.integer({ min: 0, max: docs - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  encoding: fc.constantFrom('utf8', 'utf8-bom', 'gb18030'),
  crlf: fc.boolean(),
});

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  return new TextEncoder().encode((encoding === 'utf8-bom' ? '\uFEFF' : '') + text);
}

/** Clean number tokens of a text: not glued to letters, underscores or badly grouped commas. */
function numberTokens(text: string): string[] {
  const t = halfWidth(text);
  const out: string[] = [];
  for (const m of t.matchAll(/(?<![\d.,_A-Za-z])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d_A-Za-z]|[.,]\d)|(?<![\d.,_A-Za-z])\d+(?:\.\d+)?(?![\d_A-Za-z]|[.,]\d)/g))
    out.push(m[0].replace(/,/g, ''));
  return out;
}

/** Is the number printed in the text, as is or after 万/亿 or a percentage shift? */
function printed(n: number, text: string, shifts = [0, 4, 8]): boolean {
  return numberTokens(text).some((tok) => shifts.some((s) => Number(shiftDecimal(tok, s)) === n));
}

/** The text without whitespace and pipes, with the index in `text` of each of its characters. */
function compactIndex(text: string): { flat: string; at: number[] } {
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/[\s\u00a0\u3000|｜]/.test(text[i])) continue;
    flat += text[i];
    at.push(i);
  }
  return { flat, at };
}

/** Labels that a budget amount's row carries (the label on its line, or up to 4 lines above it). */
const AMOUNT_LABELS = {
  total: /年度资金总额|当年资金总额|资金总额|项目年度金额|年度金额|年度本级预算金额|项目资金|资金情况/,
  fiscal: /财政拨款|上级资金|上级财政资金/,
  other: /其他资金/,
  execution: /年度资金总额|资金总额/,
} as const;

/**
 * What an exit-0 reading may hold: only what the cited lines print, attached
 * where it belongs. Within the record's lines: each indicator's row is the
 * text from its name to the next indicator's name (indicators are in document
 * order), and its target, actual, weight and score must be printed there, not
 * anywhere in the table; each amount must be printed on a line that carries its
 * field's label or within 4 lines below one (one cell per line), or, in a list
 * table, on the row that names the project. Returns the violations.
 */
function violations(records: ProjectRecord[], lines: string[]): string[] {
  const out: string[] = [];
  for (const r of records) {
    const [first, last] = r.source.lines;
    const spanLines = lines.slice(first - 1, last);
    const span = spanLines.join('\n');
    const { flat, at: origAt } = compactIndex(span);
    // Where each indicator's row starts: its name, searched after the previous one.
    const starts: number[] = [];
    let from = 0;
    for (const ind of r.indicators) {
      const at = flat.indexOf(compact(ind.name), from);
      starts.push(at);
      if (at >= 0) from = at + 1;
    }
    r.indicators.forEach((ind, k) => {
      const at = starts[k];
      if (at < 0) return void out.push(`${r.name}: name "${ind.name}" not in lines ${first}–${last} (after the previous indicator)`);
      const next = starts.slice(k + 1).find((x) => x >= 0);
      const end = next !== undefined && next > at ? next : undefined;
      // The row: compact (for texts) and as printed (for numbers, whose separators matter).
      const row = flat.slice(at, end);
      const rowPrinted = span.slice(origAt[at], end === undefined ? undefined : origAt[end]);
      for (const v of [ind.target, ind.actual]) {
        if (!v) continue;
        if (!v.fromName && !row.includes(compact(v.raw).replace(/^[≥≤≧≦=><]+/, ''))) out.push(`${r.name}: value "${v.raw}" not in the row of "${ind.name}"`);
        // 万分之一 is a number written in words (read as 0.01%): the only value not printed in digits.
        const inWords = /万分之[一二两三四五六七八九十]$/.test(compact(v.raw)) && v.value !== null && v.value <= 0.1;
        if (v.value !== null && !inWords && !printed(v.value, v.raw, [0, 4, 8, -2])) out.push(`${r.name}: value ${v.value} not printed in "${v.raw}"`);
      }
      for (const [what, n] of [
        ['weight', ind.weight],
        ['score', ind.score],
      ] as const)
        if (n !== null && !printed(n, rowPrinted, [0])) out.push(`${r.name}: ${what} ${n} not in the row of "${ind.name}"`);
    });
    const amounts: [keyof typeof AMOUNT_LABELS, number | null | undefined][] = [
      ['total', r.budget.total],
      ['fiscal', r.budget.fiscal],
      ['other', r.budget.other],
      ['execution', r.execution?.initialBudget],
      ['execution', r.execution?.adjustedBudget],
      ['execution', r.execution?.executed],
    ];
    for (const [field, a] of amounts) {
      if (a === null || a === undefined) continue;
      if (!printed(a, span)) {
        out.push(`${r.name}: amount ${a} not in lines ${first}–${last}`);
        continue;
      }
      const labelled = spanLines.some((l, i) => {
        if (!printed(a, l)) return false;
        // A list table: the amount is in the 预算数 column of the row that names the project.
        if (field === 'total' && compact(l).includes(compact(r.name))) return true;
        for (let j = Math.max(0, i - 4); j <= i; j++) if (AMOUNT_LABELS[field].test(compact(spanLines[j]))) return true;
        return false;
      });
      if (!labelled) out.push(`${r.name}: ${field} amount ${a} is not on a line of its label (or below it)`);
    }
  }
  return out;
}

const outcomes: Record<string, Record<string, number>> = { seeds: {}, copies: {} };
let tried = 0;

function check(docs: typeof seeds, group: 'seeds' | 'copies', { doc, mutations, encoding, crlf }: { doc: number; mutations: Mutation[]; encoding: string; crlf: boolean }) {
  tried++;
  const seed = docs[doc];
  let text = seed.text;
  for (const m of mutations) text = mutate(text, m);
  if (crlf) text = text.replace(/\n/g, '\r\n');
  let result;
  try {
    const decoded = decodeText(encode(text, encoding), seed.file);
    result = ingestDocument({ file: seed.file, text: decoded, meta: seed.meta });
  } catch (e) {
    if (!(e instanceof IngestError)) throw e; // an uncoded exception fails the property
    const key = `error ${e.code}`;
    outcomes[group][key] = (outcomes[group][key] ?? 0) + 1;
    return;
  }
  const key = result.report.omitted.length > 0 ? 'read, cut-off tables reported' : 'read';
  outcomes[group][key] = (outcomes[group][key] ?? 0) + 1;
  const lines = text.split(/\r\n|\r|\n/);
  expect(violations(result.records, lines)).toEqual([]);
  // Footer lines appended and nothing else: the same indicators as the undamaged document.
  if (mutations.every((m) => m.kind === 'footer')) {
    const clean = ingestDocument({ file: seed.file, text: seed.text, meta: seed.meta });
    expect(result.records.map((r) => r.indicators.length)).toEqual(clean.records.map((r) => r.indicators.length));
  }
}

describe('mutated documents: read exactly, or refused with a code', () => {
  it(`${RUNS} mutated seed documents (seed ${SEED})`, () => {
    fc.assert(
      fc.property(input(seeds.length), (x) => check(seeds, 'seeds', x)),
      { seed: SEED, numRuns: RUNS },
    );
    expect(tried).toBeGreaterThanOrEqual(RUNS);
  }, 60_000);

  it(`${COPY_RUNS} mutated web copies (seed ${SEED})`, () => {
    fc.assert(
      fc.property(input(copies.length), (x) => check(copies, 'copies', x)),
      { seed: SEED, numRuns: COPY_RUNS },
    );
  }, 60_000);

  it('re-encoding alone (GB18030, BOM, CRLF) changes nothing in any record', () => {
    const all = [...seeds, ...copies];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.constantFrom('utf8-bom', 'gb18030'), fc.boolean(), (doc, encoding, crlf) => {
        const d = all[doc];
        const text = crlf ? d.text.replace(/\n/g, '\r\n') : d.text;
        const clean = ingestDocument({ file: d.file, text: d.text, meta: d.meta }).records;
        const again = ingestDocument({ file: d.file, text: decodeText(encode(text, encoding), d.file), meta: d.meta }).records;
        expect(again).toEqual(clean);
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 60_000);

  it('the check itself catches a value that is not in the source', () => {
    const seed = seeds[0];
    const { records } = ingestDocument({ file: seed.file, text: seed.text, meta: seed.meta });
    const lines = seed.text.split('\n');
    expect(violations(records, lines)).toEqual([]);
    const forged = structuredClone(records);
    forged[0].indicators[0].name = '并不存在的指标';
    forged[0].budget.total = 123456789;
    expect(violations(forged, lines)).toHaveLength(2);
  });

  it('the check itself catches a value attached to the wrong indicator or an amount to the wrong field', () => {
    for (const seed of [seeds[0], seeds[4], ...copies]) {
      const { records } = ingestDocument({ file: seed.file, text: seed.text, meta: seed.meta });
      const lines = seed.text.split('\n');
      expect(violations(records, lines), seed.file).toEqual([]);
      // Two indicators of one record with different numeric targets: swap them.
      const forged = structuredClone(records);
      const r = forged.find((x) => x.indicators.some((i) => i.target?.value != null && !i.target.fromName))!;
      const withNumber = r.indicators.filter((i) => i.target?.value != null && !i.target.fromName);
      const [a, b] = [withNumber[0], withNumber.find((i) => compact(i.target!.raw) !== compact(withNumber[0].target!.raw))!];
      [a.target, b.target] = [b.target, a.target];
      expect(violations(forged, lines).length, seed.file).toBeGreaterThanOrEqual(1);
    }
    // An amount read into the wrong field: 009 prints 年度资金总额: 10 and 其他资金 0 (万元).
    const copy = copies.find((c) => c.file.startsWith('009_'))!;
    const forged = structuredClone(ingestDocument({ file: copy.file, text: copy.text, meta: copy.meta }).records);
    forged[0].budget.other = forged[0].budget.total;
    expect(violations(forged, copy.text.split('\n'))).toEqual([expect.stringContaining('other amount 100000')]);
  });
});

afterAll(() => {
  const summary = { seed: SEED, runs: RUNS + COPY_RUNS, tried, outcomes };
  process.stdout.write(`property test: ${JSON.stringify(summary)}\n`);
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  writeFileSync(path.join(root, '.tmp/property-outcomes.json'), JSON.stringify(summary, null, 2) + '\n');
});
