/**
 * Facts of the web copies that used to be read wrongly or not at all (issue 8):
 * long-term columns, a budget row with collapsed cells, 上级资金. Expected
 * values are written from the source lines cited in each test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { anchoredBudgetIndex } from '../../src/ingest/budgetBlock.ts';
import { ingestSource, ingestText, readSource, root } from './helpers.ts';

const fixture = (name: string) => readFileSync(path.join(root, 'tests/ingest/fixtures', name), 'utf8');
const targets = (r: { indicators: { name: string; target: { raw: string } | null }[] }) => r.indicators.map((i) => [i.name, i.target?.raw ?? null]);

describe('long-term columns are never read as annual values', () => {
  it('pipe rows, 长期指标值 before 年度指标值: the annual column is read, the long-term cells stay in unparsed', () => {
    const [r] = ingestText(fixture('long-term-pipe.txt')).records;
    expect(targets(r)).toEqual([
      ['新建学校数', '2所'],
      ['家长满意度', '≥90%'],
    ]);
    // 总体目标 | 长期目标 | 年度目标 over "| | 五年内建成十所学校 | 建成两所学校 |" (line 6).
    expect(r.goal).toBe('建成两所学校');
    expect(r.unparsed.map((u) => u.line)).toEqual([6, 8, 9]);
  });

  it('pipe rows, 长期指标值 after 年度指标值: the same', () => {
    const [r] = ingestText(fixture('long-term-pipe-after.txt')).records;
    expect(targets(r)).toEqual([
      ['新建学校数', '2所'],
      ['家长满意度', '≥90%'],
    ]);
    expect(r.unparsed.map((u) => u.line)).toEqual([6, 7]);
  });

  it('005 rendered as pipe rows (as an HTML reader renders it), a long-term row filled in: only the annual cells are read', () => {
    const [r] = ingestText(fixture('long-term-pipe-005.txt')).records;
    expect(targets(r)).toEqual([
      ['重点建设工程安排数量', '2'],
      ['重点建设工程验收合格率', '100%'],
      ['学生、家长、社会满意度', '≥90%'],
    ]);
    expect(r.indicators.map((i) => i.level2)).toEqual(['数量指标', '质量指标', '服务对象满意度指标']);
    expect(r.goal).toBe('按工作计划完成教育局重点项目建设经费预算安排');
    expect(r.unparsed.map((u) => u.line)).toEqual([7, 9, 10, 11]);
  });

  const file = '005_wuhan_qingshan_jiaoyu_2020.txt';
  it(`${file} with its long-term cells filled in: the same 7 annual indicators, the long-term text in unparsed`, () => {
    const { text, meta } = readSource(file);
    const clean = ingestSource(file).records[0];
    const lines = text.split('\n');
    // Lines 106 and 108 are the empty long-term 三级 and 指标值 cells of the first row (a line of spaces).
    expect(lines[105].trim()).toBe('');
    lines[105] = '五年重点建设工程数量';
    lines[107] = '10';
    const [r] = ingestText(lines.join('\n'), file, meta).records;
    expect(targets(r)).toEqual(targets(clean));
    expect(r.indicators[0]).toMatchObject({ name: '重点建设工程安排数量', target: { raw: '2' } });
    expect(r.unparsed).toContainEqual({ line: 106, text: '五年重点建设工程数量' });
    expect(r.unparsed).toContainEqual({ line: 108, text: '10' });
  });

  it(`${file} with a long-term cell deleted: the columns cannot be told apart, refused with a code`, () => {
    const { text, meta } = readSource(file);
    const lines = text.split('\n');
    lines.splice(105, 2); // the empty cell at line 106 and its blank line
    try {
      ingestText(lines.join('\n'), file, meta);
      expect.unreachable('a shifted grid was read');
    } catch (e) {
      expect(e).toBeInstanceOf(IngestError);
      expect((e as IngestError).code).toBe('INGEST_AMBIGUOUS_ROW');
    }
  });
});

describe('a budget row with fewer values than columns (008, line 8)', () => {
  it('reads only what the percentage anchors: 执行率 100% and the one value after it (得分 10)', () => {
    const [r] = ingestSource('008_yongde_minglang_zhongxue_2022_zp.txt').records;
    // Line 7: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分; line 8: 387664.62 | 387664.62 | 10 | 100% | 10.
    expect(r.execution).toMatchObject({ initialBudget: null, adjustedBudget: null, executed: null, weight: null, reportedRate: 1, score: 10 });
    expect(r.budget.total).toBeNull();
    expect(r.unparsed.map((u) => u.line)).toContain(8);
    // 总分 96 (line 34) = the indicators' scores + the budget's 得分.
    expect(r.indicators.reduce((n, i) => n + (i.score ?? 0), 0) + (r.execution?.score ?? 0)).toBe(r.totalScore);
  });

  const roles = ['initialBudget', 'adjustedBudget', 'executed', 'weight', 'reportedRate', 'score'];
  const vals = (...xs: string[]) => xs.map((x, i) => ({ x, i: i + 1 }));
  it('anchoredBudgetIndex: every column when the sides match, none when a side is short, nothing without a percentage', () => {
    expect([...anchoredBudgetIndex(roles, vals('1', '2', '3', '10', '50%', '5'))]).toHaveLength(6);
    expect(Object.fromEntries(anchoredBudgetIndex(roles, vals('1', '2', '10', '50%', '5')))).toEqual({ reportedRate: 4, score: 5 });
    expect(Object.fromEntries(anchoredBudgetIndex(roles, vals('1', '2', '3', '10', '50%')))).toEqual({ reportedRate: 5, initialBudget: 1, adjustedBudget: 2, executed: 3, weight: 4 });
    expect(anchoredBudgetIndex(roles, vals('1', '2', '3', '10', '5')).size).toBe(0);
    expect(anchoredBudgetIndex(roles, vals('1', '50%', '3', '60%')).size).toBe(0);
  });
});

describe('上级资金 is fiscal funding', () => {
  it('007: 其中 :上级资金16 under (万元) (lines 14–16) is budget.fiscal 160,000 yuan', () => {
    const [r] = ingestSource('007_wuhan_qingshan_huagongqu_2020.txt').records;
    expect(r.budget).toEqual({ total: 160000, fiscal: 160000, other: null });
    expect(r.unparsed.map((u) => u.line)).not.toContain(16);
  });
});
