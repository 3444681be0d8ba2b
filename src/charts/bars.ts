/**
 * Horizontal bar chart as an SVG string: the shared primitive of every chart.
 *
 * Horizontal because the labels are long Chinese names; each label sits on
 * its own line above its bar, so the chart still reads when the SVG is scaled
 * down to a 360 px phone. Pure: (spec, size) → string, no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';

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
  rowGap: 10,
  valueWidth: 118,
  fontSize: 14,
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function barChart(spec: BarChartSpec, { width }: ChartSize): string {
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
      parts.push(
        `<text class="chart-group" x="0" y="${y + 18}" font-weight="700">${escapeXml(row.group)}</text>`,
      );
      y += layout.groupHeight;
    }
    const barWidth = Math.max(row.value > 0 ? 1 : 0, x(Math.max(0, row.value)));
    const color = seriesColors[row.series ?? ''] ?? defaultColor;
    parts.push(
      `<g class="chart-bar" data-label="${escapeXml(row.label)}" data-value="${row.value}">` +
        `<text x="0" y="${y + 15}">${escapeXml(row.label)}</text>` +
        `<rect x="0" y="${y + layout.labelHeight}" width="${round(barWidth)}" height="${layout.barHeight}" fill="${color}"/>` +
        `<text class="chart-value" x="${round(barWidth + 6)}" y="${y + layout.labelHeight + 13}">${escapeXml(spec.format(row.value))}</text>` +
        `</g>`,
    );
    y += layout.labelHeight + layout.barHeight + layout.rowGap;
  }
  const height = Math.max(y, 40);
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `aria-labelledby="${titleId} ${descId}" font-size="${layout.fontSize}" font-family="PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif" fill="#1a1a1a">` +
    `<title id="${titleId}">${escapeXml(spec.title)}</title>` +
    `<desc id="${descId}">${escapeXml(spec.description)}</desc>` +
    (rows.length === 0 ? `<text x="0" y="24">无数据</text>` : parts.join('')) +
    `</svg>`
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
