/**
 * Grouped horizontal bars as an SVG string: one heading per group (e.g. a
 * category, or a jurisdiction and year), one bar per member of the group,
 * coloured by series, with a legend when there is more than one series.
 *
 * Horizontal for the same reason as bars.ts: long Chinese labels sit on their
 * own line above each bar, so the chart reads on a 360 px phone. A missing
 * value (null) is written as 未列明 and drawn as no bar, never as zero.
 * Pure: (spec, size) → string, no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { ChartSize } from './bars';
import { barRow, chartSvg, escapeXml, groupHeading } from './svg';
import type { DataTable } from './table';

export interface GroupedBar {
  /** Label above the bar; defaults to the series name. */
  label?: string;
  /** Series name: picks the colour and the legend entry. */
  series: string;
  /** Yuan (or any non-negative number); null when not stated. */
  value: number | null;
}

export interface BarGroup {
  label: string;
  bars: GroupedBar[];
}

export interface GroupedBarsSpec {
  /** Unique within the page: used for the ids of <title> and <desc>. */
  id: string;
  title: string;
  /** The text alternative. */
  description: string;
  groups: BarGroup[];
  /** Legend order; series not listed are appended in order of appearance. */
  series?: string[];
  format: (value: number) => string;
}

/** Eight colours with contrast on white, distinguishable in greyscale by order. */
export const palette = ['#2f6db5', '#d9822b', '#3d8b5a', '#7a4b9c', '#b23a48', '#5b7f95', '#8c6d1f', '#555555'];

const layout = {
  top: 8,
  legendRow: 22,
  groupHeight: 28,
  labelHeight: 20,
  barHeight: 14,
  valueBaseline: 12,
  rowGap: 8,
  groupGap: 8,
  valueWidth: 118,
  fontSize: 14,
};

/** Series in legend order. */
export function seriesOf(spec: Pick<GroupedBarsSpec, 'groups' | 'series'>): string[] {
  const out = [...(spec.series ?? [])];
  for (const g of spec.groups) for (const b of g.bars) if (!out.includes(b.series)) out.push(b.series);
  return out;
}

export function colorOf(series: string[], name: string): string {
  const i = series.indexOf(name);
  return palette[(i < 0 ? 0 : i) % palette.length];
}

export function groupedBarChart(spec: GroupedBarsSpec, { width, idSuffix = '' }: ChartSize): string {
  const series = seriesOf(spec);
  const values = spec.groups.flatMap((g) => g.bars.map((b) => b.value ?? 0));
  const x = scaleLinear()
    .domain([0, max(values) || 1])
    .range([0, Math.max(40, width - layout.valueWidth)]);
  const parts: string[] = [];
  let y = layout.top;

  if (series.length > 1) {
    // Legend: as many entries per line as fit.
    let lx = 0;
    for (const s of series) {
      const w = 22 + [...s].length * layout.fontSize + 14;
      if (lx > 0 && lx + w > width) {
        lx = 0;
        y += layout.legendRow;
      }
      parts.push(
        `<g class="chart-legend-item"><rect x="${lx}" y="${y + 3}" width="14" height="14" fill="${colorOf(series, s)}"/>` +
          `<text x="${lx + 20}" y="${y + 15}">${escapeXml(s)}</text></g>`,
      );
      lx += w;
    }
    y += layout.legendRow + 6;
  }

  for (const g of spec.groups) {
    parts.push(groupHeading(y, g.label));
    y += layout.groupHeight;
    for (const b of g.bars) {
      const label = b.label ?? b.series;
      const w = b.value === null ? 0 : Math.max(b.value > 0 ? 1 : 0, x(Math.max(0, b.value)));
      const data = { group: g.label, series: b.series, label, value: b.value ?? '' };
      const valueText = b.value === null ? '未列明' : spec.format(b.value);
      parts.push(barRow({ data, y, label, width: w, fill: colorOf(series, b.series), valueText }, layout));
      y += layout.labelHeight + layout.barHeight + layout.rowGap;
    }
    y += layout.groupGap;
  }
  const height = Math.max(Math.ceil(y), 40);
  const empty = spec.groups.every((g) => g.bars.length === 0);
  return chartSvg({ id: spec.id + idSuffix, title: spec.title, description: spec.description, width, height, fontSize: layout.fontSize, empty, body: parts.join('') });
}

/**
 * The numbers of a grouped bar chart: one row per bar, "<group>：<label>" then
 * the value (two columns, so the figure's table puts the label in the row header
 * and right-aligns only the number).
 */
export function groupedBarTable(spec: Pick<GroupedBarsSpec, 'groups' | 'format'>, columns: [string, string] = ['分组：项目', '数值']): DataTable {
  return {
    columns: [...columns],
    rows: spec.groups.flatMap((g) => g.bars.map((b) => [`${g.label}：${b.label ?? b.series}`, b.value === null ? '未列明' : spec.format(b.value)])),
  };
}
