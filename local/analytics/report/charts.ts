/**
 * SVG chart renderers shared by the weekly HTML report and the local analytics page. Pure functions: data in,
 * markup out. Every label may come from shoppers (intents, SKUs, messages), so all text is escaped. Colours
 * are attributes, not CSS, so a chart looks the same pasted anywhere.
 */

export const escapeHtml = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export const PALETTE = [
  '#2563eb',
  '#ea580c',
  '#16a34a',
  '#9333ea',
  '#dc2626',
  '#0891b2',
  '#ca8a04',
  '#db2777',
];

const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "top reason: faded". */
  note?: string;
}

export interface BarChartOptions {
  /** Accessible name of the chart. */
  title: string;
  format?: (value: number) => string;
  color?: string;
  width?: number;
  /** A visible heading inside the chart, for charts shown side by side. */
  caption?: string;
}

export interface LineSeries {
  name: string;
  /** One value per x label; null leaves a gap. */
  values: ReadonlyArray<number | null>;
}

export interface LineChartOptions {
  title: string;
  format?: (value: number) => string;
  width?: number;
  height?: number;
}

export interface HeatmapOptions {
  title: string;
  rowLabels: ReadonlyArray<string>;
  columnLabels: ReadonlyArray<string>;
  /** values[row][column]; a missing cell counts as 0. */
  values: ReadonlyArray<ReadonlyArray<number | undefined>>;
  /** Describes one cell for its tooltip, e.g. "Mon 09:00: 12 messages". */
  describe?: (row: string, column: string, value: number) => string;
}

const defaultFormat = (value: number) =>
  Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const svgOpen = (kind: string, title: string, width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" data-chart="${kind}" role="img" ` +
  `aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT}>` +
  `<title>${escapeHtml(title)}</title>`;

/** What every renderer returns for no data: still a chart element, so layouts and checks stay uniform. */
export function emptyChart(kind: string, title: string, width = 640): string {
  return `${svgOpen(kind, title, width, 48)}<text class="chart-empty" x="${width / 2}" y="28" text-anchor="middle" fill="#6b7280">No data for this period</text></svg>`;
}

/** Horizontal bars, longest first as given; labels left, values right of each bar. */
export function barChart(bars: ReadonlyArray<Bar>, options: BarChartOptions): string {
  const width = options.width ?? 640;
  const finite = bars.filter((bar) => Number.isFinite(bar.value));
  if (finite.length === 0) return emptyChart('bar', options.title, width);
  const format = options.format ?? defaultFormat;
  const labelWidth = 170;
  const valueWidth = 180;
  const row = 26;
  const plot = width - labelWidth - valueWidth;
  const max = Math.max(0, ...finite.map((bar) => bar.value));
  const offset = options.caption ? 24 : 0;
  const height = finite.length * row + 8 + offset;
  const parts = [svgOpen('bar', options.title, width, height)];
  if (options.caption)
    parts.push(`<text x="4" y="16" font-weight="600" fill="#334155">${escapeHtml(options.caption)}</text>`);
  finite.forEach((bar, index) => {
    const y = 4 + offset + index * row;
    const length = max > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * plot) : 0;
    const value = `${format(bar.value)}${bar.note ? ` · ${bar.note}` : ''}`;
    parts.push(
      `<g class="bar"><title>${escapeHtml(`${bar.label}: ${value}`)}</title>`,
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" fill="#111827">${escapeHtml(truncate(bar.label, 26))}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${length.toFixed(1)}" height="${row - 8}" rx="3" fill="${options.color ?? PALETTE[0]}"/>`,
      `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 16}" fill="#374151">${escapeHtml(truncate(value, 40))}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** Lines over evenly spaced x labels, y from 0; points carry tooltips; null values break a line. */
export function lineChart(
  xLabels: ReadonlyArray<string>,
  series: ReadonlyArray<LineSeries>,
  options: LineChartOptions,
): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const values = series.flatMap((each) =>
    each.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  if (xLabels.length === 0 || values.length === 0) return emptyChart('line', options.title, width);
  const format = options.format ?? defaultFormat;
  const left = 64;
  const right = 40;
  const top = 28;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(...values));
  const x = (index: number) =>
    left + (xLabels.length === 1 ? plotWidth / 2 : (index / (xLabels.length - 1)) * plotWidth);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const parts = [svgOpen('line', options.title, width, height)];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (max * tick) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#e5e7eb"/>`,
      `<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" fill="#6b7280">${escapeHtml(format(value))}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(xLabels.length / 12));
  xLabels.forEach((label, index) => {
    const last = xLabels.length - 1;
    // The last label is kept unless it would touch the regular one before it.
    if (index % every !== 0 && (index !== last || last % every < every * 0.75)) return;
    parts.push(
      `<text x="${x(index).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle" fill="#6b7280">${escapeHtml(truncate(label, 12))}</text>`,
    );
  });
  series.forEach((each, seriesIndex) => {
    const color = PALETTE[seriesIndex % PALETTE.length] as string;
    const segments: string[][] = [[]];
    each.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) segments.push([]);
      else segments[segments.length - 1]?.push(`${x(index).toFixed(1)},${y(value).toFixed(1)}`);
    });
    parts.push(`<g class="series" data-series="${escapeHtml(each.name)}">`);
    for (const segment of segments) {
      if (segment.length > 1)
        parts.push(
          `<polyline fill="none" stroke="${color}" stroke-width="2" points="${segment.join(' ')}"/>`,
        );
    }
    each.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) return;
      parts.push(
        `<circle cx="${x(index).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3.5" fill="${color}"><title>${escapeHtml(
          `${each.name}, ${xLabels[index] ?? ''}: ${format(value)}`,
        )}</title></circle>`,
      );
    });
    parts.push('</g>');
    const legendX = left + seriesIndex * 150;
    parts.push(
      `<rect x="${legendX}" y="8" width="12" height="12" rx="2" fill="${color}"/>`,
      `<text x="${legendX + 16}" y="18" fill="#111827">${escapeHtml(truncate(each.name, 20))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Mixes white into a blue by share (0..1), so darker means more. */
function heatColor(share: number): string {
  if (share <= 0) return '#f3f4f6';
  const mix = (from: number, to: number) => Math.round(from + (to - from) * Math.min(1, share));
  return `rgb(${mix(219, 30)},${mix(234, 64)},${mix(254, 175)})`;
}

/** A grid of cells (rows × columns) shaded by value, each cell with a tooltip and its number when non-zero. */
export function heatmap(options: HeatmapOptions): string {
  const { rowLabels, columnLabels, values } = options;
  const max = Math.max(0, ...values.flatMap((row) => row.map((value) => value ?? 0)));
  const cell = 24;
  const left = 44;
  const top = 22;
  const width = left + columnLabels.length * cell + 8;
  if (max <= 0 || rowLabels.length === 0 || columnLabels.length === 0)
    return emptyChart('heatmap', options.title, Math.max(width, 320));
  const height = top + rowLabels.length * cell + 24;
  const describe = options.describe ?? ((row, column, value) => `${row} ${column}: ${defaultFormat(value)}`);
  const parts = [svgOpen('heatmap', options.title, width, height)];
  columnLabels.forEach((label, column) => {
    parts.push(
      `<text x="${left + column * cell + cell / 2}" y="${top - 6}" text-anchor="middle" fill="#6b7280" font-size="10">${escapeHtml(label)}</text>`,
    );
  });
  rowLabels.forEach((label, row) => {
    const y = top + row * cell;
    parts.push(
      `<text x="${left - 6}" y="${y + 16}" text-anchor="end" fill="#111827">${escapeHtml(label)}</text>`,
    );
    columnLabels.forEach((columnLabel, column) => {
      const value = values[row]?.[column] ?? 0;
      const share = value / max;
      parts.push(
        `<g class="cell"><title>${escapeHtml(describe(label, columnLabel, value))}</title>`,
        `<rect x="${left + column * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" rx="3" fill="${heatColor(share)}"/>`,
      );
      if (value > 0)
        parts.push(
          `<text x="${left + column * cell + (cell - 2) / 2}" y="${y + 15}" text-anchor="middle" font-size="9" fill="${share > 0.55 ? '#ffffff' : '#1f2937'}">${escapeHtml(value > 999 ? `${Math.round(value / 1000)}k` : value)}</text>`,
        );
      parts.push('</g>');
    });
  });
  parts.push(
    `<text x="${left}" y="${height - 6}" fill="#6b7280">Darker is busier · busiest cell: ${escapeHtml(defaultFormat(max))}</text>`,
    '</svg>',
  );
  return parts.join('');
}

/** An HTML table; `columns` gives the keys in order and their headings. All cells are escaped. */
export function htmlTable(
  rows: ReadonlyArray<Record<string, unknown>>,
  columns: ReadonlyArray<{
    key: string;
    label: string;
    format?: (value: unknown) => string;
    numeric?: boolean;
  }>,
  caption?: string,
): string {
  if (rows.length === 0) return '<p class="empty">No rows for this period.</p>';
  const head = columns
    .map(
      (column) => `<th scope="col"${column.numeric ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`,
    )
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns
          .map((column) => {
            const value = row[column.key];
            const text = column.format ? column.format(value) : formatCell(value);
            return `<td${column.numeric ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatCell).join(', ');
  if (typeof value === 'number') return defaultFormat(value);
  return String(value);
}

export const formatPercent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)}%`;

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
