/**
 * The SVG markup every chart shares: the accessible <svg> wrapper (role img,
 * labelled by its <title> and <desc>, with a 无数据 note when empty), a group
 * heading, and one horizontal bar row (label above, bar, value at its end).
 * Strings only.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface ChartSvgOptions {
  /** Unique within the page: the ids of <title> and <desc> are `${id}-title` and `${id}-desc`. */
  id: string;
  title: string;
  /** The text alternative. */
  description: string;
  width: number;
  height: number;
  fontSize: number;
  /** True when there is nothing to draw: the body is replaced by 无数据. */
  empty: boolean;
  /** The chart's markup. */
  body: string;
}

export function chartSvg({ id, title, description, width, height, fontSize, empty, body }: ChartSvgOptions): string {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `aria-labelledby="${titleId} ${descId}" font-size="${fontSize}" font-family="PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif" fill="#1a1a1a">` +
    `<title id="${titleId}">${escapeXml(title)}</title>` +
    `<desc id="${descId}">${escapeXml(description)}</desc>` +
    (empty ? `<text x="0" y="24">无数据</text>` : body) +
    `</svg>`
  );
}

/** A group's heading, on its own line above the group's bars. */
export function groupHeading(y: number, text: string): string {
  return `<text class="chart-group" x="0" y="${y + 18}" font-weight="700">${escapeXml(text)}</text>`;
}

export interface BarRowContent {
  /** data-* attributes of the row's <g>, in this order; values are escaped. */
  data: Record<string, string | number>;
  /** Top of the row. */
  y: number;
  label: string;
  /** Bar width in pixels (rounded to 0.1 here). */
  width: number;
  fill: string;
  /** The value as written at the end of the bar. */
  valueText: string;
}

/** A chart's row geometry: label line, bar, and the value's baseline below the top of the bar. */
export interface BarRowLayout {
  labelHeight: number;
  barHeight: number;
  valueBaseline: number;
}

export function barRow({ data, y, label, width, fill, valueText }: BarRowContent, { labelHeight, barHeight, valueBaseline }: BarRowLayout): string {
  const attrs = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeXml(String(value))}"`)
    .join('');
  return (
    `<g class="chart-bar"${attrs}>` +
    `<text x="0" y="${y + 15}">${escapeXml(label)}</text>` +
    `<rect x="0" y="${y + labelHeight}" width="${round(width)}" height="${barHeight}" fill="${fill}"/>` +
    `<text class="chart-value" x="${round(width + 6)}" y="${y + labelHeight + valueBaseline}">${escapeXml(valueText)}</text>` +
    `</g>`
  );
}

/** To one decimal place: enough for a pixel, short in the markup. */
function round(n: number): number {
  return Math.round(n * 10) / 10;
}
