import { NAMED_QUERIES, type NamedQuery } from '../../../functions/core/analytics/named-queries';
import { type ResultRow, runNamedQuery } from '../duckdb';
import {
  barChart,
  escapeHtml,
  formatCell,
  formatDuration,
  formatPercent,
  htmlTable,
  lineChart,
} from './charts';
import {
  fcrByWeek,
  keywordAlertsChart,
  photoFindingsChart,
  responseTimesChart,
  returnsChart,
  topIssuesCharts,
  volumeGrid,
  volumeHeatmap,
  WEEKDAYS,
} from './query-charts';
import { formatIsoWeek, type IsoWeek, isoWeekRange, rangeParams, shiftIsoWeek, type WeekRange } from './week';

export type QueryResults = Record<NamedQuery, ResultRow[]>;

export interface WeeklyReportData {
  week: WeekRange;
  previousWeek: WeekRange;
  current: QueryResults;
  previous: QueryResults;
  /** first-contact-resolution rows per week, oldest first, ending with the report's week. */
  fcrTrend: { week: string; rows: ResultRow[] }[];
  generatedAt: Date;
}

export const FCR_TREND_WEEKS = 8;

async function runAll(dataDir: string, range: WeekRange): Promise<QueryResults> {
  const params = rangeParams(range);
  const results = {} as QueryResults;
  // One DuckDB per query (runNamedQuery's contract); sequential keeps memory flat on a small machine.
  for (const name of NAMED_QUERIES) results[name] = await runNamedQuery(dataDir, name, params);
  return results;
}

/** Runs every named query for the week and the week before, plus FCR for the weeks leading up to it. */
export async function collectWeeklyReport(
  dataDir: string,
  week: IsoWeek,
  timezone: string,
  now: Date = new Date(),
): Promise<WeeklyReportData> {
  const range = isoWeekRange(week, timezone);
  const previousRange = isoWeekRange(shiftIsoWeek(week, -1), timezone);
  const current = await runAll(dataDir, range);
  const previous = await runAll(dataDir, previousRange);
  const fcrTrend: WeeklyReportData['fcrTrend'] = [];
  for (let back = FCR_TREND_WEEKS - 1; back >= 0; back--) {
    const each = shiftIsoWeek(week, -back);
    const rows =
      back === 0
        ? current['first-contact-resolution']
        : back === 1
          ? previous['first-contact-resolution']
          : await runNamedQuery(
              dataDir,
              'first-contact-resolution',
              rangeParams(isoWeekRange(each, timezone)),
            );
    fcrTrend.push({ week: formatIsoWeek(each), rows });
  }
  return { week: range, previousWeek: previousRange, current, previous, fcrTrend, generatedAt: now };
}

const sum = (rows: ReadonlyArray<ResultRow>, key: string) =>
  rows.reduce((total, row) => total + (typeof row[key] === 'number' ? (row[key] as number) : 0), 0);

/**
 * The value below which `share` of all conversations fall, from per-group percentiles weighted by each
 * group's conversations. Exact when there is one group; an approximation across channels and hours.
 */
export function weightedPercentile(
  rows: ReadonlyArray<ResultRow>,
  key: string,
  share: number,
): number | null {
  const groups = rows
    .filter((row) => typeof row[key] === 'number' && typeof row.conversations === 'number')
    .map((row) => ({ value: row[key] as number, weight: row.conversations as number }))
    .sort((a, b) => a.value - b.value);
  const total = groups.reduce((acc, group) => acc + group.weight, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const group of groups) {
    seen += group.weight;
    if (seen >= share * total) return group.value;
  }
  return groups[groups.length - 1]?.value ?? null;
}

export interface Kpi {
  label: string;
  current: number | null;
  previous: number | null;
  format: (value: number) => string;
  /** Which way is good news; undefined for neutral measures such as volume. */
  better?: 'up' | 'down';
  note?: string;
}

export function summarize(results: QueryResults) {
  const fcr = results['first-contact-resolution'];
  const closed = sum(fcr, 'conversations');
  const resolved = sum(fcr, 'first_contact_resolved');
  const byAi = sum(
    fcr.filter((row) => row.resolved_by === 'ai'),
    'conversations',
  );
  return {
    messages: sum(results['volume-by-hour'], 'messages'),
    closed,
    fcr: closed > 0 ? resolved / closed : null,
    aiShare: closed > 0 ? byAi / closed : null,
    p50: weightedPercentile(results['response-times'], 'first_response_p50_ms', 0.5),
    p90: weightedPercentile(results['response-times'], 'first_response_p90_ms', 0.9),
    angry: results['angry-customers'].length,
    returnedUnits: sum(results['returns-by-sku'], 'units'),
    alerts: results['keyword-alerts'].length,
  };
}

export function kpis(data: WeeklyReportData): Kpi[] {
  const now = summarize(data.current);
  const before = summarize(data.previous);
  const count = (value: number) => formatCell(value);
  return [
    { label: 'Shopper messages', current: now.messages, previous: before.messages, format: count },
    { label: 'Conversations closed', current: now.closed, previous: before.closed, format: count },
    {
      label: 'First-contact resolution',
      current: now.fcr,
      previous: before.fcr,
      format: (v) => formatPercent(v),
      better: 'up',
    },
    {
      label: 'Resolved by AI',
      current: now.aiShare,
      previous: before.aiShare,
      format: (v) => formatPercent(v),
      better: 'up',
    },
    {
      label: 'First response p50',
      current: now.p50,
      previous: before.p50,
      format: formatDuration,
      better: 'down',
      note: 'weighted across channel × hour groups',
    },
    {
      label: 'First response p90',
      current: now.p90,
      previous: before.p90,
      format: formatDuration,
      better: 'down',
      note: 'weighted across channel × hour groups',
    },
    {
      label: 'Open conversations ending negative',
      current: now.angry,
      previous: before.angry,
      format: (v) => (v >= 100 ? '100+' : count(v)),
      better: 'down',
    },
    {
      label: 'Returned units',
      current: now.returnedUnits,
      previous: before.returnedUnits,
      format: count,
      better: 'down',
    },
    {
      label: 'SKUs with keyword alerts',
      current: now.alerts,
      previous: before.alerts,
      format: count,
      better: 'down',
    },
  ];
}

function change(kpi: Kpi): { text: string; tone: 'good' | 'bad' | 'flat' } {
  if (kpi.current === null || kpi.previous === null) return { text: '—', tone: 'flat' };
  const delta = kpi.current - kpi.previous;
  if (delta === 0) return { text: 'no change', tone: 'flat' };
  const arrow = delta > 0 ? '▲' : '▼';
  const isRate = kpi.format(1).endsWith('%');
  const amount = isRate
    ? `${(Math.abs(delta) * 100).toFixed(1)} pts`
    : kpi.previous !== 0
      ? `${kpi.format(Math.abs(delta))} (${Math.round((Math.abs(delta) / kpi.previous) * 100)}%)`
      : kpi.format(Math.abs(delta));
  const tone = kpi.better === undefined ? 'flat' : delta > 0 === (kpi.better === 'up') ? 'good' : 'bad';
  return { text: `${arrow} ${amount}`, tone };
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0; background: #f8fafc; color: #0f172a; line-height: 1.45; }
  header { background: #1e293b; color: #f8fafc; padding: 1.5rem 2rem; }
  header h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
  header p { margin: 0; color: #cbd5e1; }
  main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
  section { background: #fff; border: 1px solid #e2e8f0; border-radius: .75rem; padding: 1rem 1.25rem; margin: 1.25rem 0; break-inside: avoid; }
  h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
  h3 { font-size: .95rem; margin: 1rem 0 .5rem; color: #334155; }
  .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem; }
  .kpi { border: 1px solid #e2e8f0; border-radius: .5rem; padding: .6rem .8rem; }
  .kpi .label { font-size: .8rem; color: #475569; }
  .kpi .value { font-size: 1.4rem; font-weight: 600; }
  .kpi .was { font-size: .8rem; color: #64748b; }
  .good { color: #15803d; } .bad { color: #b91c1c; } .flat { color: #475569; }
  svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
  table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border-bottom: 1px solid #e2e8f0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f1f5f9; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .empty, .note { color: #64748b; font-size: .85rem; }
  footer { text-align: center; color: #64748b; font-size: .8rem; padding: 1rem; }
  @media print { body { background: #fff; } section { border: 0; padding: 0; } header { background: #fff; color: #000; } header p { color: #333; } }
`;

const dayRange = (range: WeekRange) => `${range.firstDay} to ${range.lastDay}`;

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

function changesSection(data: WeeklyReportData): string {
  const cards = kpis(data)
    .map((kpi) => {
      const delta = change(kpi);
      const value = kpi.current === null ? '—' : kpi.format(kpi.current);
      const was = kpi.previous === null ? '—' : kpi.format(kpi.previous);
      return `<div class="kpi"${kpi.note ? ` title="${escapeHtml(kpi.note)}"` : ''}><div class="label">${escapeHtml(kpi.label)}</div><div class="value">${escapeHtml(value)}</div><div class="${delta.tone}">${escapeHtml(delta.text)}</div><div class="was">last week: ${escapeHtml(was)}</div></div>`;
    })
    .join('');
  return section(
    'changes',
    'What changed versus last week',
    `<div class="kpis">${cards}</div><p class="note">Response-time percentiles combine the per-channel, per-hour percentiles weighted by conversations, so they are close to, not exactly, the week's percentiles.</p>`,
  );
}

function topIssuesSection(data: WeeklyReportData): string {
  const previous = data.previous['top-issues'];
  const lastWeek = (row: ResultRow) =>
    previous.find((each) => each.kind === row.kind && each.issue === row.issue)?.conversations ?? null;
  const rows = data.current['top-issues'].map((row) => ({
    ...row,
    kind: row.kind === 'intent' ? 'intent' : 'complaint',
    last_week: lastWeek(row),
  }));
  return section(
    'top-issues',
    'Top issues',
    topIssuesCharts(data.current['top-issues']) +
      htmlTable(rows, [
        { key: 'kind', label: 'kind' },
        { key: 'issue', label: 'issue' },
        { key: 'conversations', label: 'conversations', numeric: true },
        { key: 'messages', label: 'messages', numeric: true },
        { key: 'last_week', label: 'conversations last week', numeric: true },
      ]),
  );
}

function keywordAlertsSection(data: WeeklyReportData): string {
  const rows = data.current['keyword-alerts'];
  const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value) : '');
  return section(
    'keyword-alerts',
    'Keyword alerts',
    `<p class="note">SKUs whose shopper messages mention defect words (faded, broken, torn…) more often than in the 28 days before the week.</p>${
      rows.length > 0 ? keywordAlertsChart(rows) : ''
    }${htmlTable(rows, [
      { key: 'sku', label: 'SKU' },
      { key: 'messages', label: 'messages', numeric: true },
      { key: 'defect_messages', label: 'with defect words', numeric: true },
      { key: 'defect_rate', label: 'rate', numeric: true, format: percent },
      { key: 'baseline_rate', label: 'rate before', numeric: true, format: percent },
      { key: 'top_defect', label: 'top defect' },
      { key: 'top_defect_mentions', label: 'mentions', numeric: true },
    ])}`,
  );
}

function returnsSection(data: WeeklyReportData): string {
  const rows = data.current['returns-by-sku'];
  const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value) : '');
  return section(
    'returns',
    'Returns by SKU',
    returnsChart(rows) +
      htmlTable(rows, [
        { key: 'sku', label: 'SKU' },
        { key: 'return_count', label: 'returns', numeric: true },
        { key: 'units', label: 'units', numeric: true },
        { key: 'share_of_returned_units', label: 'share of units', numeric: true, format: percent },
        { key: 'size_related_share', label: 'size-related', numeric: true, format: percent },
        { key: 'top_reason', label: 'top reason' },
        { key: 'avg_days_to_refund', label: 'avg days to refund', numeric: true },
      ]),
  );
}

function photoFindingsSection(data: WeeklyReportData): string {
  const rows = data.current['photo-findings-by-sku'];
  return section(
    'photo-findings',
    'Photo findings by SKU',
    `<p class="note">Photos shoppers sent, per SKU of the order line they were compared with: labels showing another size than ordered, and damage, fading or stains (judged by the vision model; the local reader sends such photos to a person and does not count them here).</p>${
      rows.length > 0 ? photoFindingsChart(rows) : ''
    }${htmlTable(rows, [
      { key: 'sku', label: 'SKU' },
      { key: 'photos', label: 'photos', numeric: true },
      { key: 'wrong_size_photos', label: 'wrong size', numeric: true },
      { key: 'damaged_photos', label: 'damaged', numeric: true },
      { key: 'wrong_item_photos', label: 'wrong item or colour', numeric: true },
      { key: 'reused_photos', label: 'reused', numeric: true },
      { key: 'avg_confidence', label: 'mean confidence', numeric: true },
    ])}`,
  );
}

function fcrSection(data: WeeklyReportData): string {
  const trend = data.fcrTrend.map(({ week, rows }) => {
    const { series } = fcrByWeek(rows.map((row) => ({ ...row, iso_week: week })));
    return { week, series, conversations: sum(rows, 'conversations') };
  });
  const names = trend[0]?.series.map((each) => each.name) ?? [];
  const series = names.map((name, index) => ({
    name,
    values: trend.map((each) => each.series[index]?.values[0] ?? null),
  }));
  const byIntent = new Map<string, { intent: string; conversations: number; resolved: number }>();
  for (const row of data.current['first-contact-resolution']) {
    const intent = String(row.primary_intent ?? 'unknown');
    const entry = byIntent.get(intent) ?? { intent, conversations: 0, resolved: 0 };
    entry.conversations += typeof row.conversations === 'number' ? row.conversations : 0;
    entry.resolved += typeof row.first_contact_resolved === 'number' ? row.first_contact_resolved : 0;
    byIntent.set(intent, entry);
  }
  const intents = [...byIntent.values()]
    .sort((a, b) => b.conversations - a.conversations || a.intent.localeCompare(b.intent))
    .map((entry) => ({
      ...entry,
      rate: entry.conversations > 0 ? entry.resolved / entry.conversations : null,
    }));
  return section(
    'fcr',
    'First-contact resolution',
    lineChart(
      trend.map((each) => each.week),
      series,
      { title: `First-contact resolution, last ${trend.length} weeks`, format: (v) => formatPercent(v, 0) },
    ) +
      barChart(
        intents
          .filter((entry) => entry.rate !== null)
          .map((entry) => ({
            label: entry.intent,
            value: entry.rate as number,
            note: `${entry.resolved}/${entry.conversations}`,
          })),
        {
          title: 'First-contact resolution by primary intent, this week',
          format: (v) => formatPercent(v, 0),
          color: '#16a34a',
        },
      ) +
      htmlTable(intents, [
        { key: 'intent', label: 'primary intent' },
        { key: 'conversations', label: 'closed', numeric: true },
        { key: 'resolved', label: 'at first contact', numeric: true },
        {
          key: 'rate',
          label: 'FCR',
          numeric: true,
          format: (v) => (typeof v === 'number' ? formatPercent(v) : ''),
        },
      ]),
  );
}

function responseSection(data: WeeklyReportData): string {
  return section(
    'response-times',
    'First response times',
    responseTimesChart(data.current['response-times']) +
      htmlTable(data.current['response-times'], [
        { key: 'channel', label: 'channel' },
        { key: 'hour_of_day', label: 'hour opened', numeric: true },
        { key: 'conversations', label: 'conversations', numeric: true },
        { key: 'first_response_p50_ms', label: 'p50', numeric: true, format: durationCell },
        { key: 'first_response_p90_ms', label: 'p90', numeric: true, format: durationCell },
        { key: 'resolution_p50_ms', label: 'resolution p50', numeric: true, format: durationCell },
      ]),
  );
}

const durationCell = (value: unknown) => (typeof value === 'number' ? formatDuration(value) : '');

function staffingSection(data: WeeklyReportData): string {
  const grid = volumeGrid(data.current['volume-by-hour']);
  const perDay = grid.map((hours, index) => ({
    day: WEEKDAYS[index],
    messages: hours.reduce((a, b) => a + b, 0),
    busiest: hours.some((value) => value > 0)
      ? `${String(hours.indexOf(Math.max(...hours))).padStart(2, '0')}:00`
      : '',
  }));
  return section(
    'staffing',
    'Staffing heatmap',
    `<p class="note">Shopper messages by hour of day and weekday, in ${escapeHtml(data.week.timezone)}.</p>${volumeHeatmap(
      data.current['volume-by-hour'],
    )}${htmlTable(perDay, [
      { key: 'day', label: 'weekday' },
      { key: 'messages', label: 'messages', numeric: true },
      { key: 'busiest', label: 'busiest hour' },
    ])}`,
  );
}

function angrySection(data: WeeklyReportData): string {
  const rows = data.current['angry-customers'].slice(0, 10);
  return section(
    'angry-customers',
    'Open conversations ending negative',
    `<p class="note">The ${rows.length} most urgent of ${data.current['angry-customers'].length} open conversations whose latest shopper message reads negative (text after PII redaction). Urgency weighs threats to leave, charge back or review badly above mild disappointment.</p>${htmlTable(
      rows,
      [
        { key: 'conversation_id', label: 'conversation' },
        { key: 'channel', label: 'channel' },
        { key: 'intent', label: 'intent' },
        { key: 'urgency', label: 'urgency', numeric: true },
        { key: 'negative_score', label: 'negative', numeric: true },
        { key: 'last_message_at', label: 'last message at' },
        { key: 'last_message', label: 'last message' },
      ],
    )}`,
  );
}

/** The whole report as one HTML document: inline CSS and SVG, no scripts, and a CSP that forbids fetching. */
export function renderWeeklyReport(data: WeeklyReportData): string {
  const week = formatIsoWeek(data.week.week);
  const previous = formatIsoWeek(data.previousWeek.week);
  const partial = data.week.until.getTime() > data.generatedAt.getTime();
  const title = `Afterdesk weekly report ${week}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="afterdesk report">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(dayRange(data.week))} (${escapeHtml(data.week.timezone)}) · compared with ${escapeHtml(previous)} (${escapeHtml(dayRange(data.previousWeek))})${partial ? ' · <strong>week in progress: numbers are to date</strong>' : ''}</p>
</header>
<main>
${changesSection(data)}
${topIssuesSection(data)}
${keywordAlertsSection(data)}
${returnsSection(data)}
${photoFindingsSection(data)}
${fcrSection(data)}
${responseSection(data)}
${staffingSection(data)}
${angrySection(data)}
</main>
<footer>Generated ${escapeHtml(data.generatedAt.toISOString())} by <code>afterdesk report</code> from the local analytics facts.</footer>
</body>
</html>
`;
}
