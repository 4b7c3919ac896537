import { describe, expect, it } from 'vitest';
import { NAMED_QUERIES } from '../../functions/core/analytics/named-queries';
import {
  barChart,
  escapeHtml,
  formatDuration,
  heatmap,
  htmlTable,
  lineChart,
} from '../../local/analytics/report/charts';
import { chartForQuery } from '../../local/analytics/report/query-charts';
import { isoWeekRange, parseIsoWeek } from '../../local/analytics/report/week';
import {
  type QueryResults,
  renderWeeklyReport,
  weightedPercentile,
} from '../../local/analytics/report/weekly-report';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='y'>&`;

const noRawMarkup = (svg: string) => {
  expect(svg).not.toContain('<script');
  expect(svg).not.toContain('<img');
  expect(svg).not.toMatch(/onerror=['"]/);
  expect(svg).not.toContain('NaN');
  expect(svg).not.toContain('undefined');
};

describe('chart renderers', () => {
  it('escape every label, note and title taken from the data', () => {
    const bars = barChart([{ label: HOSTILE, value: 3, note: HOSTILE }], { title: HOSTILE });
    noRawMarkup(bars);
    expect(bars).toContain('&lt;script&gt;');
    const lines = lineChart([HOSTILE], [{ name: HOSTILE, values: [1] }], { title: HOSTILE });
    noRawMarkup(lines);
    const cells = heatmap({ title: HOSTILE, rowLabels: [HOSTILE], columnLabels: [HOSTILE], values: [[2]] });
    noRawMarkup(cells);
    const table = htmlTable([{ a: HOSTILE }], [{ key: 'a', label: HOSTILE }]);
    noRawMarkup(table);
    expect(escapeHtml(`a"b'c&<>`)).toBe('a&quot;b&#39;c&amp;&lt;&gt;');
  });

  it('draw a "no data" chart, not an error, for empty or all-missing data', () => {
    for (const svg of [
      barChart([], { title: 'bars' }),
      lineChart([], [], { title: 'lines' }),
      lineChart(['a', 'b'], [{ name: 's', values: [null, null] }], { title: 'gaps only' }),
      heatmap({ title: 'heat', rowLabels: ['Mon'], columnLabels: ['00'], values: [[0]] }),
    ]) {
      expect(svg).toMatch(/^<svg [^>]*class="chart /);
      expect(svg).toContain('No data for this period');
      expect(svg.endsWith('</svg>')).toBe(true);
      noRawMarkup(svg);
    }
    expect(htmlTable([], [{ key: 'a', label: 'a' }])).toContain('No rows');
  });

  it('scale bars to the largest value and break lines at missing points', () => {
    const svg = barChart(
      [
        { label: 'a', value: 10 },
        { label: 'b', value: 5 },
        { label: 'c', value: 0 },
      ],
      { title: 't', width: 640 },
    );
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toEqual([290, 145, 0]);
    const line = lineChart(['1', '2', '3', '4'], [{ name: 's', values: [1, 2, null, 3] }], { title: 't' });
    expect(line.match(/<polyline/g)).toHaveLength(1);
    expect(line.match(/<circle/g)).toHaveLength(3);
  });

  it('shade heatmap cells by value with a tooltip per cell', () => {
    const svg = heatmap({
      title: 'volume',
      rowLabels: ['Mon', 'Tue'],
      columnLabels: ['09', '10'],
      values: [[4, 0], [2]],
      describe: (row, column, value) => `${row} ${column}:00 ${value}`,
    });
    expect(svg.match(/<g class="cell">/g)).toHaveLength(4);
    expect(svg).toContain('<title>Mon 09:00 4</title>');
    expect(svg).toContain('<title>Tue 10:00 0</title>');
  });

  it('give every named query a chart, also with no rows', () => {
    for (const name of NAMED_QUERIES) {
      const svg = chartForQuery(name, []);
      expect(svg, name).toContain('data-chart=');
      noRawMarkup(svg);
    }
  });

  it('format durations for people', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(2500)).toBe('2.5 s');
    expect(formatDuration(90_000)).toBe('1.5 min');
    expect(formatDuration(5_400_000)).toBe('1.5 h');
  });
});

describe('weekly report rendering', () => {
  const empty = () => Object.fromEntries(NAMED_QUERIES.map((name) => [name, []])) as unknown as QueryResults;

  it('renders every section with a chart for a week without any facts', () => {
    const html = renderWeeklyReport({
      week: isoWeekRange(parseIsoWeek('2026-W47'), 'Europe/Paris'),
      previousWeek: isoWeekRange(parseIsoWeek('2026-W46'), 'Europe/Paris'),
      current: empty(),
      previous: empty(),
      fcrTrend: [{ week: '2026-W47', rows: [] }],
      generatedAt: new Date('2026-11-25T00:00:00Z'),
    });
    for (const id of ['changes', 'top-issues', 'keyword-alerts', 'returns', 'fcr', 'staffing']) {
      expect(html).toContain(`<section id="${id}"`);
    }
    expect(html).toContain('2026-11-16 to 2026-11-22 (Europe/Paris)');
    expect(html).not.toContain('NaN');
    expect(html).not.toMatch(/<script|<link|src=|href=/);
  });

  it('escapes shopper-derived values in the report', () => {
    const current = empty();
    current['angry-customers'] = [
      { conversation_id: 'c1', channel: 'web', intent: HOSTILE, negative_score: 0.9, last_message: HOSTILE },
    ];
    current['returns-by-sku'] = [{ sku: HOSTILE, units: 2, return_count: 1, top_reason: HOSTILE }];
    const html = renderWeeklyReport({
      week: isoWeekRange(parseIsoWeek('2026-W47')),
      previousWeek: isoWeekRange(parseIsoWeek('2026-W46')),
      current,
      previous: empty(),
      fcrTrend: [],
      generatedAt: new Date('2026-11-25T00:00:00Z'),
    });
    noRawMarkup(html);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('takes the exact percentile for one group and a weighted one across groups', () => {
    expect(weightedPercentile([{ conversations: 3, p: 1200 }], 'p', 0.5)).toBe(1200);
    const rows = [
      { conversations: 1, p: 9000 },
      { conversations: 8, p: 1000 },
      { conversations: 1, p: 5000 },
    ];
    expect(weightedPercentile(rows, 'p', 0.5)).toBe(1000);
    expect(weightedPercentile(rows, 'p', 0.9)).toBe(5000);
    expect(weightedPercentile([], 'p', 0.5)).toBeNull();
  });
});
