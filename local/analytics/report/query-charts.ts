import type { NamedQuery } from '../../../functions/core/analytics/named-queries';
import type { ResultRow } from '../duckdb';
import { barChart, formatDuration, formatPercent, heatmap, lineChart } from './charts';

/** One place that knows how each named query's rows look as a chart: the report and the page both use it. */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

export const QUERY_TITLES: Record<NamedQuery, string> = {
  'top-issues': 'Top issues',
  'angry-customers': 'Angry customers',
  'keyword-alerts': 'Keyword alerts',
  'volume-by-hour': 'Volume by hour (staffing heatmap)',
  'first-contact-resolution': 'First-contact resolution',
  'response-times': 'Response times',
  'returns-by-sku': 'Returns by SKU',
  'photo-findings-by-sku': 'Photo findings by SKU',
};

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const nullableNum = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const text = (value: unknown): string => (value === null || value === undefined ? '(none)' : String(value));

export function topIssuesCharts(rows: ReadonlyArray<ResultRow>): string {
  const bars = (kind: string) =>
    rows
      .filter((row) => row.kind === kind)
      .map((row) => ({
        label: text(row.issue),
        value: num(row.conversations),
        note: `${num(row.messages)} msgs`,
      }));
  return (
    barChart(bars('intent'), { title: 'Top intents by conversations', caption: 'Intents (conversations)' }) +
    barChart(bars('complaint_category'), {
      title: 'Top complaint categories by conversations',
      caption: 'Complaint categories (conversations)',
      color: '#ea580c',
    })
  );
}

export function angryCustomersChart(rows: ReadonlyArray<ResultRow>): string {
  const byIntent = new Map<string, number>();
  for (const row of rows) byIntent.set(text(row.intent), (byIntent.get(text(row.intent)) ?? 0) + 1);
  const bars = [...byIntent]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, value]) => ({ label, value }));
  return barChart(bars, { title: 'Open conversations ending negative, by intent', color: '#dc2626' });
}

export function keywordAlertsChart(rows: ReadonlyArray<ResultRow>): string {
  const bars = rows.map((row) => ({
    label: text(row.sku),
    value: num(row.defect_rate),
    note: `was ${formatPercent(num(row.baseline_rate))}, ${text(row.top_defect)}`,
  }));
  return barChart(bars, {
    title: 'Defect-word rate by SKU',
    format: (v) => formatPercent(v),
    color: '#dc2626',
  });
}

/** weekday (1 = Monday) × hour grid from volume-by-hour rows. */
export function volumeGrid(rows: ReadonlyArray<ResultRow>): number[][] {
  const grid = WEEKDAYS.map(() => HOURS.map(() => 0));
  for (const row of rows) {
    const day = num(row.weekday) - 1;
    const hour = num(row.hour_of_day);
    const line = grid[day];
    if (line && hour >= 0 && hour < 24) line[hour] = (line[hour] ?? 0) + num(row.messages);
  }
  return grid;
}

export function volumeHeatmap(
  rows: ReadonlyArray<ResultRow>,
  title = 'Shopper messages by weekday and hour',
): string {
  return heatmap({
    title,
    rowLabels: WEEKDAYS,
    columnLabels: HOURS,
    values: volumeGrid(rows),
    describe: (day, hour, value) => `${day} ${hour}:00: ${value} message${value === 1 ? '' : 's'}`,
  });
}

/** FCR per week, overall and per resolver, from first-contact-resolution rows (any number of weeks). */
export function fcrByWeek(rows: ReadonlyArray<ResultRow>): {
  weeks: string[];
  series: { name: string; values: (number | null)[] }[];
} {
  const weeks = [...new Set(rows.map((row) => text(row.iso_week)))].sort();
  const rate = (filter: (row: ResultRow) => boolean) =>
    weeks.map((week) => {
      const matching = rows.filter((row) => text(row.iso_week) === week && filter(row));
      const total = matching.reduce((sum, row) => sum + num(row.conversations), 0);
      const resolved = matching.reduce((sum, row) => sum + num(row.first_contact_resolved), 0);
      return total > 0 ? resolved / total : null;
    });
  return {
    weeks,
    series: [
      { name: 'all', values: rate(() => true) },
      { name: 'resolved by AI', values: rate((row) => row.resolved_by === 'ai') },
      { name: 'resolved by a person', values: rate((row) => row.resolved_by === 'human') },
    ],
  };
}

export function fcrChart(rows: ReadonlyArray<ResultRow>): string {
  const { weeks, series } = fcrByWeek(rows);
  return lineChart(weeks, series, {
    title: 'First-contact resolution rate by week',
    format: (v) => formatPercent(v, 0),
  });
}

export function responseTimesChart(rows: ReadonlyArray<ResultRow>): string {
  const channels = [...new Set(rows.map((row) => text(row.channel)))].sort();
  const series = channels.flatMap((channel) => {
    const at = (key: string) =>
      HOURS.map((_, hour) => {
        const row = rows.find((each) => text(each.channel) === channel && num(each.hour_of_day) === hour);
        return row ? nullableNum(row[key]) : null;
      });
    return [
      { name: `${channel} p50`, values: at('first_response_p50_ms') },
      { name: `${channel} p90`, values: at('first_response_p90_ms') },
    ];
  });
  return lineChart(HOURS, series, {
    title: 'First response time by hour opened (p50 and p90)',
    format: formatDuration,
  });
}

export function returnsChart(rows: ReadonlyArray<ResultRow>): string {
  const bars = rows.map((row) => ({
    label: text(row.sku),
    value: num(row.units),
    note: `${formatPercent(num(row.share_of_returned_units), 0)}, ${text(row.top_reason)}`,
  }));
  return barChart(bars, { title: 'Returned units by SKU', color: '#9333ea' });
}

/** Wrong-size and damaged photos per SKU, stacked as two bars per SKU would not fit a phone. */
export function photoFindingsChart(rows: ReadonlyArray<ResultRow>): string {
  const bars = rows.map((row) => ({
    label: text(row.sku),
    value: num(row.wrong_size_photos) + num(row.damaged_photos),
    note: `${num(row.wrong_size_photos)} wrong size, ${num(row.damaged_photos)} damaged`,
  }));
  return barChart(bars, { title: 'Wrong-size and damaged photos by SKU', color: '#0891b2' });
}

export function chartForQuery(name: NamedQuery, rows: ReadonlyArray<ResultRow>): string {
  switch (name) {
    case 'top-issues':
      return topIssuesCharts(rows);
    case 'angry-customers':
      return angryCustomersChart(rows);
    case 'keyword-alerts':
      return keywordAlertsChart(rows);
    case 'volume-by-hour':
      return volumeHeatmap(rows);
    case 'first-contact-resolution':
      return fcrChart(rows);
    case 'response-times':
      return responseTimesChart(rows);
    case 'returns-by-sku':
      return returnsChart(rows);
    case 'photo-findings-by-sku':
      return photoFindingsChart(rows);
  }
}
