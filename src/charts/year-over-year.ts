/**
 * Year over year: for each series (a jurisdiction, or a project followed over
 * the years), one bar per year in ascending order, with the change from the
 * previous year written beside the later bar. A series with a single year is
 * one bar and says 仅一年 instead of a change — what there is, drawn
 * correctly, nothing invented. Missing amounts are 未列明, never zero.
 * Pure: (spec, size) → string, no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { ChartSize } from './bars';
import { palette } from './grouped-bars';
import { barRow, chartSvg, groupHeading } from './svg';
import type { DataTable } from './table';
import { fenToYuan, toFen } from '../domain/money';

export interface YearPoint {
  year: number;
  /** Yuan; null when not stated. */
  value: number | null;
}

export interface YearSeries {
  label: string;
  points: YearPoint[];
}

export interface YearOverYearSpec {
  id: string;
  title: string;
  description: string;
  series: YearSeries[];
  format: (value: number) => string;
}

export interface YearChange {
  fromYear: number;
  toYear: number;
  /** to − from; null when either is missing. */
  change: number | null;
  /** change ÷ from; null when from is 0 or missing. */
  relative: number | null;
}

/** Points sorted by year; changes between consecutive points. */
export function yearChanges(points: readonly YearPoint[]): YearChange[] {
  const ps = [...points].sort((a, b) => a.year - b.year);
  return ps.slice(1).map((p, i) => {
    const prev = ps[i];
    if (p.value === null || prev.value === null) return { fromYear: prev.year, toYear: p.year, change: null, relative: null };
    // amounts are exact to the fen: subtract in fen to avoid binary noise
    const change = fenToYuan(toFen(p.value) - toFen(prev.value));
    return { fromYear: prev.year, toYear: p.year, change, relative: prev.value === 0 ? null : Math.round((change / prev.value) * 10000) / 10000 };
  });
}

function percent(r: number): string {
  const s = (Math.round(r * 1000) / 10).toFixed(1).replace(/\.0$/, '');
  return `${r > 0 ? '+' : ''}${s}%`;
}

function changeText(c: YearChange, format: (v: number) => string): string {
  if (c.change === null) return `较${c.fromYear}年：无法比较（金额未列明）`;
  const sign = c.change > 0 ? '+' : c.change < 0 ? '−' : '±';
  return `较${c.fromYear}年 ${sign}${format(Math.abs(c.change))}${c.relative === null ? '' : `（${percent(c.relative)}）`}`;
}

const layout = { top: 8, groupHeight: 28, labelHeight: 20, barHeight: 14, valueBaseline: 12, rowGap: 8, groupGap: 8, valueWidth: 118, fontSize: 14 };

export function yearOverYearChart(spec: YearOverYearSpec, { width, idSuffix = '' }: ChartSize): string {
  const years = [...new Set(spec.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const color = (year: number) => palette[years.indexOf(year) % palette.length];
  const x = scaleLinear()
    .domain([0, max(spec.series.flatMap((s) => s.points.map((p) => p.value ?? 0))) || 1])
    .range([0, Math.max(40, width - layout.valueWidth)]);
  const parts: string[] = [];
  let y = layout.top;
  for (const s of spec.series) {
    const points = [...s.points].sort((a, b) => a.year - b.year);
    const changes = yearChanges(points);
    const note = points.length === 1 ? '（仅一年，无法比较）' : '';
    parts.push(groupHeading(y, s.label + note));
    y += layout.groupHeight;
    points.forEach((p, i) => {
      const w = p.value === null ? 0 : Math.max(p.value > 0 ? 1 : 0, x(Math.max(0, p.value)));
      const label = i === 0 ? `${p.year}年` : `${p.year}年 · ${changeText(changes[i - 1], spec.format)}`;
      const data = { series: s.label, year: p.year, value: p.value ?? '' };
      const valueText = p.value === null ? '未列明' : spec.format(p.value);
      parts.push(barRow({ data, y, label, width: w, fill: color(p.year), valueText }, layout));
      y += layout.labelHeight + layout.barHeight + layout.rowGap;
    });
    y += layout.groupGap;
  }
  const height = Math.max(Math.ceil(y), 40);
  const empty = spec.series.every((s) => s.points.length === 0);
  return chartSvg({ id: spec.id + idSuffix, title: spec.title, description: spec.description, width, height, fontSize: layout.fontSize, empty, body: parts.join('') });
}

/** One row per series and year: the value and the change from the previous year of that series. */
export function yearOverYearTable(spec: Pick<YearOverYearSpec, 'series' | 'format'>): DataTable {
  return {
    columns: ['系列', '年度', '金额', '较上一年度'],
    rows: spec.series.flatMap((s) => {
      const points = [...s.points].sort((a, b) => a.year - b.year);
      const changes = yearChanges(points);
      return points.map((p, i) => [
        s.label,
        `${p.year}年`,
        p.value === null ? '未列明' : spec.format(p.value),
        i === 0 ? (points.length === 1 ? '仅一年' : '—') : changeText(changes[i - 1], spec.format),
      ]);
    }),
  };
}
