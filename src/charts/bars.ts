/**
 * Horizontal bar chart as an SVG string: the shared primitive of every chart.
 *
 * Horizontal because the labels are long Chinese names; each label sits on
 * its own line above its bar, so the chart still reads when the SVG is scaled
 * down to a 360 px phone. Pure: (spec, size) → string, no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import { barRow, chartSvg, groupHeading } from './svg';

export interface BarRow {
  /** Heading shown above a run of rows with the same group (e.g. a year). */
  group?: string;
  label: string;
  value: number;
  /** Series name; picks the colour (see `seriesColors`). */
  series?: string;
}

export interface BarChartSpec {
  /** Unique within the page: used for the ids of <title> and <desc>. */
  id: string;
  title: string;
  /** The text alternative: a sentence that says what the chart shows. */
  description: string;
  rows: BarRow[];
  /** How a value is written at the end of its bar. */
  format: (value: number) => string;
}

export interface ChartSize {
  width: number;
  /** Appended to the ids of <title> and <desc> when a page holds the same chart twice (a phone and a wide version). */
  idSuffix?: string;
}

/** Colours with enough contrast on white; also distinguishable in greyscale print. */
export const seriesColors: Record<string, string> = {
  年初预算数: '#9db4cf',
  全年预算数: '#2f6db5',
  全年执行数: '#d9822b',
  预算: '#2f6db5',
  成本指标: '#d9822b',
  实际: '#7a4b9c',
  合计: '#555555',
};
const defaultColor = '#2f6db5';

const layout = {
  top: 8,
  groupHeight: 26,
  labelHeight: 20,
  barHeight: 16,
  valueBaseline: 13,
  rowGap: 10,
  valueWidth: 118,
  fontSize: 14,
};

export function barChart(spec: BarChartSpec, { width, idSuffix = '' }: ChartSize): string {
  const { rows } = spec;
  const x = scaleLinear()
    .domain([0, max(rows, (r) => r.value) || 1])
    .range([0, Math.max(40, width - layout.valueWidth)]);

  const parts: string[] = [];
  let y = layout.top;
  let group: string | undefined;
  for (const row of rows) {
    if (row.group !== undefined && row.group !== group) {
      group = row.group;
      parts.push(groupHeading(y, row.group));
      y += layout.groupHeight;
    }
    const barWidth = Math.max(row.value > 0 ? 1 : 0, x(Math.max(0, row.value)));
    const color = seriesColors[row.series ?? ''] ?? defaultColor;
    parts.push(
      barRow({ data: { label: row.label, value: row.value }, y, label: row.label, width: barWidth, fill: color, valueText: spec.format(row.value) }, layout),
    );
    y += layout.labelHeight + layout.barHeight + layout.rowGap;
  }
  const height = Math.max(y, 40);
  return chartSvg({ id: spec.id + idSuffix, title: spec.title, description: spec.description, width, height, fontSize: layout.fontSize, empty: rows.length === 0, body: parts.join('') });
}
