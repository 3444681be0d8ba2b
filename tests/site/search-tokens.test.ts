/**
 * The query transformation and the token stream of the bigram search
 * (src/lib/search-tokens.ts). Expected values are written from the rules in
 * that file's comments, not copied from output.
 */
import { describe, expect, test } from 'vitest';
import { loadRecords } from '../../src/domain/records';
import { searchFields } from '../../src/lib/search-document';
import {
  FIELD_BREAK,
  TITLE_POSITIONS,
  decodeStream,
  fieldTokens,
  highlight,
  queryParts,
  runTokens,
  searchStream,
  segmentsText,
  trimPieces,
} from '../../src/lib/search-tokens';

const terms = (q: string) => queryParts(q).map((p) => p.term);

describe('queryParts: a query becomes exact phrases of two-character pieces', () => {
  test('Chinese: overlapping pairs, as one exact phrase', () => {
    expect(terms('督查室')).toEqual(['"督查 查室"']);
    expect(terms('督查')).toEqual(['"督查"']);
    expect(queryParts('互联网电路')).toEqual([{ text: '互联网电路', term: '"互联 联网 网电 电路"', exact: true }]);
  });

  test('digits and a mix of digits and Chinese are one run', () => {
    expect(terms('12345热线')).toEqual(['"12 23 34 45 5热 热线"']);
    expect(terms('2025年鉴')).toEqual(['"20 02 25 5年 年鉴"']);
    expect(terms('95')).toEqual(['"95"']);
  });

  test('Latin letters are lower-cased (Pagefind lower-cases what it indexes)', () => {
    expect(terms('PPP项目')).toEqual(['"pp pp p项 项目"']);
    expect(terms('A4')).toEqual(['"a4"']);
  });

  test('a single character is a prefix search, not a phrase', () => {
    expect(queryParts('费')).toEqual([{ text: '费', term: '费', exact: false }]);
    expect(queryParts('5')).toEqual([{ text: '5', term: '5', exact: false }]);
  });

  test('punctuation and spaces separate runs; each run is a part; repeats count once', () => {
    expect(terms('信访 工作')).toEqual(['"信访"', '"工作"']);
    expect(terms('“以奖代补”')).toEqual(['"以奖 奖代 代补"']);
    expect(terms('≥95%')).toEqual(['"95"']);
    expect(terms('信访，信访')).toEqual(['"信访"']);
    expect(terms('网上-信访')).toEqual(['"网上"', '"信访"']);
  });

  test('full-width letters and digits are read as their plain forms', () => {
    expect(terms('１２３４５热线')).toEqual(terms('12345热线'));
    expect(terms('ＰＰＰ')).toEqual(['"pp pp"']);
    expect(terms('（督查）')).toEqual(['"督查"']);
  });

  test('no letters or digits: nothing to search', () => {
    expect(queryParts('')).toEqual([]);
    expect(queryParts('  ')).toEqual([]);
    expect(queryParts('，。！%…')).toEqual([]);
  });
});

describe('the token stream', () => {
  test('a run gives its pairs and then its last character; gaps keep their punctuation', () => {
    expect(runTokens('督查室')).toEqual(['督查', '查室', '室']);
    expect(runTokens('费')).toEqual(['费']);
    expect(fieldTokens('A4，有书眉')).toEqual(['A4', '4', '，', '有书', '书眉', '眉']);
    // Characters Pagefind would index as words (_), and our separator, are dropped from gaps.
    expect(fieldTokens('a_b ␞ c')).toEqual(['a', 'b', 'c']);
  });

  test('the title fills the first positions, padded to TITLE_POSITIONS; repeated fields are left out', () => {
    const tokens = searchStream('督查室', ['工作经费', '工作经费', '督查室', '数量指标']).split(' ');
    expect(tokens.slice(0, 3)).toEqual(['督查', '查室', '室']);
    expect(tokens.slice(3, TITLE_POSITIONS).every((t) => t === FIELD_BREAK)).toBe(true);
    expect(tokens.slice(TITLE_POSITIONS)).toEqual([FIELD_BREAK, '工作', '作经', '经费', '费', FIELD_BREAK, '数量', '量指', '指标', '标']);
  });

  test('a query that spans two runs cannot match: the runs never form a pair', () => {
    const tokens = fieldTokens('督查，室内');
    expect(tokens).not.toContain('查室');
  });

  // A Pagefind-free model of the exact phrase match: the pairs at consecutive positions.
  const contains = (stream: string, query: string) => {
    const tokens = stream.split(' ');
    return queryParts(query).every((part) => {
      if (!part.exact) return tokens.some((t) => t.toLowerCase().startsWith(part.text));
      const pairs = part.term.slice(1, -1).split(' ');
      return tokens.some((_, i) => pairs.every((p, k) => tokens[i + k]?.toLowerCase() === p));
    });
  };

  const { records } = loadRecords('data/records');

  test('on the real records, a stream contains a query exactly when the texts do', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      const texts = [r.name, ...searchFields(r)];
      const stream = searchStream(r.name, searchFields(r));
      // Every substring of 2 to 6 characters of each text, and a few that are not in it.
      for (const text of texts) {
        const cs = Array.from(text.replace(/\s+/g, ''));
        for (let i = 0; i + 2 <= cs.length; i += 3) {
          const q = cs.slice(i, i + 2 + (i % 5)).join('');
          const inText = queryParts(q).every((p) => texts.some((t) => t.normalize('NFKC').toLowerCase().includes(p.text)));
          expect(contains(stream, q), `${r.id}: ${q}`).toBe(inText);
        }
      }
      expect(contains(stream, '不存在的词语')).toBe(texts.some((t) => t.includes('不存在的词语')));
    }
  });

  test('decoding a stream gives back each field as published (spaces aside)', () => {
    const squash = (s: string) => s.replace(/[\s_␞]/g, '').normalize('NFKC');
    for (const r of records) {
      const fields = decodeStream(searchStream(r.name, searchFields(r)));
      expect(squash(segmentsText(fields[0].segments))).toBe(squash(r.name));
      const decoded = new Set(fields.slice(1).map((f) => squash(segmentsText(f.segments))));
      for (const text of searchFields(r)) if (squash(text)) expect(decoded, `${r.id}: ${text}`).toContain(squash(text));
      // Field positions match token positions (what Pagefind reports as word locations).
      const tokens = searchStream(r.name, searchFields(r)).split(' ');
      for (const f of fields) {
        expect(tokens[f.start]).not.toBe(FIELD_BREAK);
        expect(tokens[f.end] ?? FIELD_BREAK).toBe(FIELD_BREAK);
      }
    }
  });
});

describe('excerpts', () => {
  test('every occurrence of each part is marked, whatever its case or width', () => {
    const parts = queryParts('a平面 信访');
    expect(highlight('电子政务外网A平面及网上信访系统', parts)).toEqual([
      { text: '电子政务外网', mark: false },
      { text: 'A平面', mark: true },
      { text: '及网上', mark: false },
      { text: '信访', mark: true },
      { text: '系统', mark: false },
    ]);
    expect(highlight('信访，信访', queryParts('信访'))).toEqual([
      { text: '信访', mark: true },
      { text: '，', mark: false },
      { text: '信访', mark: true },
    ]);
  });

  test('a long text is cut around the first mark, with ellipses', () => {
    const text = `${'甲'.repeat(100)}信访${'乙'.repeat(100)}`;
    const cut = trimPieces(highlight(text, queryParts('信访')), 30);
    expect(cut[0]).toEqual({ text: '…', mark: false });
    expect(cut[cut.length - 1]).toEqual({ text: '…', mark: false });
    expect(cut.find((p) => p.mark)?.text).toBe('信访');
    expect(cut.map((p) => p.text).join('').length).toBe(32);
  });
});
