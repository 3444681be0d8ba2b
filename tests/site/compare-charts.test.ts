import { describe, expect, test } from 'vitest';
import { groupedBarChart, groupedBarTable, seriesOf, type GroupedBarsSpec } from '../../src/charts/grouped-bars';
import { yearChanges, yearOverYearChart, yearOverYearTable, type YearOverYearSpec } from '../../src/charts/year-over-year';
import { formatWan } from '../../src/lib/format';
import { parseSelection, selectionQuery } from '../../src/lib/select-query';
import { citationText } from '../../src/lib/citation';

/** The bars of an SVG string: data attributes and drawn width. */
interface DrawnBar {
  group?: string;
  series?: string;
  label?: string;
  value?: string;
  year?: string;
  width: number;
}
function bars(svg: string): DrawnBar[] {
  return [...svg.matchAll(/<g class="chart-bar" ([^>]*)>.*?<rect [^>]*width="([^"]*)"/g)].map(([, attrs, width]): DrawnBar => {
    const data: Record<string, string> = Object.fromEntries([...attrs.matchAll(/data-([a-z]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    return { ...data, width: Number(width) };
  });
}

describe('grouped bars', () => {
  // 政务公开与政府公报: 银川 2026 40万, 石嘴山 2024 12万, 中卫 2024 (self-evaluation) 8万, one without an amount.
  const spec: GroupedBarsSpec = {
    id: 'g',
    title: '政务公开与政府公报：预算',
    description: '说明',
    groups: [
      { label: '银川市 · 2026年', bars: [{ label: '市政府政务公开工作经费', series: '绩效目标表', value: 400000 }] },
      {
        label: '中卫市 · 2024年',
        bars: [
          { label: '《政府公报》创办费', series: '绩效自评表', value: 80000 },
          { label: 'A & B', series: '绩效目标表', value: null },
        ],
      },
    ],
    format: formatWan,
  };
  const svg = groupedBarChart(spec, { width: 600 });

  test('is an accessible SVG with title and text alternative', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="g-title g-desc"');
    expect(svg).toContain('<title id="g-title">政务公开与政府公报：预算</title>');
    expect(svg).toContain('<desc id="g-desc">说明</desc>');
    expect(svg).not.toMatch(/NaN|undefined/);
  });
  test('one bar per member, in group order, widths proportional, labels escaped', () => {
    const bs = bars(svg);
    expect(bs.map((b) => [b.group, b.label, b.value])).toEqual([
      ['银川市 · 2026年', '市政府政务公开工作经费', '400000'],
      ['中卫市 · 2024年', '《政府公报》创办费', '80000'],
      ['中卫市 · 2024年', 'A &amp; B', ''],
    ]);
    expect(bs[1].width).toBeCloseTo(bs[0].width / 5, 0);
  });
  test('a missing amount is 未列明 and no bar, never zero', () => {
    expect(bars(svg)[2].width).toBe(0);
    expect(svg).toContain('>未列明<');
    expect(groupedBarTable(spec).rows[2]).toEqual(['中卫市 · 2024年：A & B', '未列明']);
  });
  test('group headings and a legend per series, colours by series', () => {
    expect(svg).toContain('>银川市 · 2026年</text>');
    expect(seriesOf(spec)).toEqual(['绩效目标表', '绩效自评表']);
    expect(svg.match(/class="chart-legend-item"/g)).toHaveLength(2);
    const fills = [...svg.matchAll(/<g class="chart-bar"[^>]*data-series="([^"]*)"[^>]*>.*?fill="([^"]*)"/g)].map(([, s, f]) => [s, f]);
    expect(fills[0][1]).toBe(fills[2][1]);
    expect(fills[0][1]).not.toBe(fills[1][1]);
  });
  test('table: one row per bar with the formatted value', () => {
    expect(groupedBarTable(spec, ['辖区 · 年度：项目', '预算'])).toEqual({
      columns: ['辖区 · 年度：项目', '预算'],
      rows: [
        ['银川市 · 2026年：市政府政务公开工作经费', '40.00 万元'],
        ['中卫市 · 2024年：《政府公报》创办费', '8.00 万元'],
        ['中卫市 · 2024年：A & B', '未列明'],
      ],
    });
  });
  test('a single series has no legend; no data says so', () => {
    expect(groupedBarChart({ ...spec, groups: [spec.groups[0]] }, { width: 360 })).not.toContain('chart-legend-item');
    expect(groupedBarChart({ ...spec, groups: [] }, { width: 360 })).toContain('无数据');
  });
});

describe('year over year', () => {
  const spec: YearOverYearSpec = {
    id: 'y',
    title: '逐年',
    description: '说明',
    series: [
      { label: '银川市', points: [{ year: 2026, value: 12000000 }] },
      {
        label: '某县',
        points: [
          { year: 2022, value: 200000 },
          { year: 2021, value: 100000 },
        ],
      },
    ],
    format: formatWan,
  };
  const svg = yearOverYearChart(spec, { width: 600 });

  test('a series with one year renders one bar and says it cannot be compared', () => {
    const bs = bars(svg).filter((b) => b.series === '银川市');
    expect(bs).toHaveLength(1);
    expect(bs[0].year).toBe('2026');
    expect(bs[0].width).toBeGreaterThan(0);
    expect(svg).toContain('银川市（仅一年，无法比较）');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(yearOverYearTable(spec).rows[0]).toEqual(['银川市', '2026年', '1,200.00 万元', '仅一年']);
  });
  test('years ascending, with the change from the previous year', () => {
    const bs = bars(svg).filter((b) => b.series === '某县');
    expect(bs.map((b) => b.year)).toEqual(['2021', '2022']);
    expect(bs[1].width).toBeCloseTo(bs[0].width * 2, 0);
    expect(svg).toContain('2022年 · 较2021年 +10.00 万元（+100%）');
    expect(yearOverYearTable(spec).rows.slice(1)).toEqual([
      ['某县', '2021年', '10.00 万元', '—'],
      ['某县', '2022年', '20.00 万元', '较2021年 +10.00 万元（+100%）'],
    ]);
  });
  test('changes are exact to the fen; missing or zero amounts give no ratio', () => {
    expect(yearChanges([{ year: 2020, value: 0.1 }, { year: 2021, value: 0.3 }])).toEqual([{ fromYear: 2020, toYear: 2021, change: 0.2, relative: 2 }]);
    expect(yearChanges([{ year: 2020, value: null }, { year: 2021, value: 5 }])[0]).toEqual({ fromYear: 2020, toYear: 2021, change: null, relative: null });
    expect(yearChanges([{ year: 2020, value: 0 }, { year: 2021, value: 5 }])[0].relative).toBeNull();
  });
  test('no data says so', () => {
    expect(yearOverYearChart({ ...spec, series: [] }, { width: 360 })).toContain('无数据');
  });
});

describe('the comparison builder URL', () => {
  test('reads comma lists and repeated keys alike; writes the comma form', () => {
    const s = parseSelection('?j=640100,640200&y=2024&c=open-government');
    expect(s).toEqual({ j: ['640100', '640200'], y: ['2024'], c: ['open-government'] });
    expect(parseSelection('?j=640100&j=640200&y=2024&c=open-government')).toEqual(s);
    expect(selectionQuery(s)).toBe('j=640100,640200&y=2024&c=open-government');
    expect(selectionQuery({ j: [], y: [], c: [] })).toBe('');
  });
});

describe('citation', () => {
  test('GB/T 7714 style: publisher, table title and project, year, [EB/OL], URL, [引用日期]', () => {
    const r = {
      title: '银川市本级部门项目支出绩效目标表',
      jurisdiction: { name: '银川市', code: '640100' },
      kind: 'target' as const,
      name: '市政府政务公开工作经费',
      year: 2026,
      department: { name: '银川市人民政府办公室', code: null },
    };
    expect(citationText(r, 'https://example.org/budget/projects/640100-2026-target-3168f881/')).toBe(
      '银川市人民政府办公室. 银川市本级部门项目支出绩效目标表：市政府政务公开工作经费（2026年）[EB/OL]. https://example.org/budget/projects/640100-2026-target-3168f881/, [引用日期].',
    );
    expect(citationText({ ...r, title: null, department: null, year: null }, '/p/')).toBe('银川市人民政府. 银川市项目支出绩效目标表：市政府政务公开工作经费[EB/OL]. /p/, [引用日期].');
  });
});
