/**
 * Layouts not in the five documents, as other places publish them: cells
 * separated by pipes (copied from web pages), one cell per line, and the
 * newer system export with 指标性质 / 指标值 / 度量单位 columns. Fixtures in
 * tests/ingest/fixtures/, expectations written from reading them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layouts/index.ts';
import { ingestText, root } from './helpers.ts';

const fixture = (name: string) => readFileSync(path.join(root, 'tests/ingest/fixtures', name), 'utf8');
const brief = (r: { indicators: { level1: string | null; level2: string | null; name: string; target: { op: string | null; value: number | null; unit: string | null } | null }[] }) =>
  r.indicators.map((i) => [i.level1, i.level2, i.name, i.target?.op ?? null, i.target?.value ?? null, i.target?.unit ?? null]);

describe('layouts from elsewhere', () => {
  it('pipe-separated cells', () => {
    const [r] = ingestText(fixture('pipe.txt'), 'pipe.txt').records;
    expect(r).toMatchObject({
      kind: 'target',
      year: 2023,
      name: '城市社区治理专项经费',
      department: { name: '吴忠市民政局', code: null },
      jurisdiction: { name: '吴忠市', code: '640300' },
      budget: { total: 1205000, fiscal: 1000000, other: 205000 },
      goal: '完成社区治理示范点建设5个。',
      unparsed: [],
    });
    expect(brief(r)).toEqual([
      ['产出指标', '数量指标', '示范点建设数量', '≥', 5, '个'],
      ['产出指标', '质量指标', '验收合格率', '=', 100, '%'],
      ['产出指标', '时效指标', '完成时间', '≤', null, null],
      ['产出指标', '成本指标', '示范点补助标准', '=', 200000, '元/个'],
      ['效益指标', '社会效益指标', '居民参与率', null, null, null],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥', 90, '%'],
    ]);
  });

  it('one cell per line', () => {
    const [r] = ingestText(fixture('onecell.txt'), 'onecell.txt').records;
    expect(r).toMatchObject({
      year: 2022,
      name: '老年人助餐服务补贴',
      department: { name: '固原市民政局' },
      implementingUnit: { name: '固原市养老服务中心' },
      jurisdiction: { name: '固原市', code: '640400' },
      budget: { total: 360000, fiscal: null, other: null },
      goal: '为辖区内80周岁以上老年人提供助餐服务。',
      unparsed: [],
    });
    expect(brief(r)).toEqual([
      ['产出指标', '数量指标', '助餐服务人次', '≥', 12000, '人次'],
      ['产出指标', '质量指标', '餐食抽检合格率', '=', 100, '%'],
      ['效益指标', '社会效益指标', '老年人生活质量', null, null, null],
      ['满意度指标', '服务对象满意度指标', '老年人满意度', '≥', 95, '%'],
    ]);
  });

  it('指标性质 / 指标值 / 度量单位 columns', () => {
    const [r] = ingestText(fixture('nature.txt'), 'nature.txt').records;
    expect(r).toMatchObject({ year: 2024, name: '农村饮水安全维修养护', budget: { total: 850000 }, jurisdiction: { code: '640422' } });
    expect(brief(r)).toEqual([
      ['产出指标', '数量指标', '维修管网长度', '≥', 30, '公里'],
      ['产出指标', '质量指标', '供水保证率', '≥', 95, '%'],
      ['产出指标', '成本指标', '维修成本', '≤', 850000, '元'],
      ['效益指标', '社会效益指标', '群众饮水安全', null, null, null],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 90, '%'],
    ]);
    expect(r.indicators[3].target).toMatchObject({ raw: '明显改善', qualitative: true });
  });

  it('PDF text with a whole row on one line, separated by spaces', () => {
    const [r] = ingestText(fixture('pdf-rows.txt'), 'pdf-rows.txt').records;
    expect(r).toMatchObject({
      year: 2024,
      name: '农业技术推广培训经费',
      department: { name: '中宁县农业农村局' },
      implementingUnit: { name: '中宁县农业技术推广服务中心' },
      jurisdiction: { name: '中宁县', code: '640521' },
      budget: { total: 125000 },
      unparsed: [],
    });
    expect(brief(r)).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥', 500, '人次'],
      ['产出指标', '质量指标', '培训合格率', '≥', 95, '%'],
      ['产出指标', '时效指标', '完成时间', '≤', null, null],
      ['产出指标', '成本指标', '人均培训成本', '≤', 250, '元/人'],
      ['效益指标', '社会效益指标', '农民种植技术水平', null, null, null],
      ['满意度指标', '服务对象满意度指标', '参训农民满意度', '≥', 90, '%'],
    ]);
    expect(r.indicators[2].target!.date).toBe('2024-11');
  });

  it('a self-evaluation copied from a web page (pipes)', () => {
    const [r] = ingestText(fixture('selfeval-pipe.txt'), 'selfeval-pipe.txt').records;
    expect(r).toMatchObject({
      kind: 'self-evaluation',
      year: 2023,
      name: '城乡公交运营补贴',
      budget: { total: 2800000, fiscal: 2800000, other: null },
      goal: '保障城乡公交正常运营。',
      outcome: '全年公交线路正常运营。',
      execution: { initialBudget: 3000000, adjustedBudget: 2800000, executed: 2660000, reportedRate: 0.95, weight: 10, score: 9.5 },
      totalScore: 87.5,
      totalWeight: 90,
      unparsed: [],
    });
    expect(r.indicators.map((i) => [i.level2, i.name, i.target?.raw, i.actual?.raw, i.weight, i.score, i.shortfallReason])).toEqual([
      ['数量指标', '运营线路数', '≥20条', '20条', 20, 20, null],
      ['质量指标', '安全事故次数', '0次', '0次', 20, 20, null],
      ['社会效益指标', '群众出行便利程度', '有所提升', '有所提升', 30, 28, '部分线路班次减少'],
      ['服务对象满意度指标', '乘客满意度', '≥90%', '92%', 10, 10, null],
    ]);
  });

  it('without a metadata file, what the text does not state is null', () => {
    const text = fixture('pipe.txt').replace('2023年度项目支出绩效目标表', '项目支出绩效目标表').replace('吴忠市民政局', '民政局');
    const [r] = ingestText(text, 'anon.txt').records;
    expect(r.year).toBeNull();
    expect(r.jurisdiction).toEqual({ name: null, code: null });
    expect(r.id).toMatch(/^x-x-target-[0-9a-f]{8}$/);
  });

  it('header synonyms (项目支出名称, 预算部门, 项目负责人及电话, 指标内容, 指标值及单位, 全年实际值, 偏差原因分析及改进措施), odd comparators, thousands commas', () => {
    const [r] = ingestText(fixture('synonyms.txt'), 'synonyms.txt').records;
    expect(r).toMatchObject({
      kind: 'self-evaluation',
      year: 2023,
      name: '农村道路养护',
      department: { name: '吴忠市交通运输局', code: null },
      implementingUnit: { name: '吴忠市公路段', code: null },
      budget: { total: 10000000 },
      goal: '养护农村道路120公里。',
      outcome: '养护农村道路118公里。',
      execution: { initialBudget: 12000000, adjustedBudget: 10000000, executed: 9500000, reportedRate: 0.95, weight: 10, score: 9.5 },
      totalScore: 98.5,
      totalWeight: 100,
    });
    // The contact person and phone have no field: the line stays in unparsed, never in a field.
    expect(r.unparsed.map((u) => u.line)).toEqual([5]);
    expect(
      r.indicators.map((i) => [i.level2, i.name, i.target?.op, i.target?.value, i.target?.unit, i.actual?.raw, i.weight, i.score, i.shortfallReason]),
    ).toEqual([
      ['数量指标', '养护里程', '≥', 120, '公里', '118公里', 30, 29, '雨季延误'],
      ['成本指标', '每公里养护成本', '≤', 8000, '元/公里', '7900元/公里', 20, 20, null],
      ['社会效益指标', '道路优良率', '=', 85, '%', '86%', 30, 30, null],
      ['服务对象满意度指标', '沿线群众满意度', '≥', 90, '%', '91%', 10, 10, null],
    ]);
  });

  it('one cell per line ending " |", rows between bare "|" lines: the same table as pipe.txt', () => {
    const text = fixture('cell-per-line-pipe.txt');
    expect(detectLayout(text.split('\n')).reader.name).toMatch(/one cell per line ending \|/);
    const [r] = ingestText(text, 'cell-per-line-pipe.txt').records;
    const [p] = ingestText(fixture('pipe.txt'), 'pipe.txt').records;
    const { source: _s, ...same } = p;
    expect(r).toMatchObject(same);
    expect(r.unparsed).toEqual([]);
  });
});
