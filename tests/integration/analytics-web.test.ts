import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, startAnalyticsWebServer } from '../support/analytics-fixture';

let web: Awaited<ReturnType<typeof startAnalyticsWebServer>>['web'];
let server: Awaited<ReturnType<typeof startAnalyticsWebServer>> | undefined;

const get = async (path: string) => {
  const response = await fetch(new URL(path, web.url));
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    body: type.includes('json') ? await response.json() : await response.text(),
  };
};

beforeAll(async () => {
  server = await startAnalyticsWebServer('afterdesk-analytics-web-');
  ({ web } = server);
});

afterAll(async () => {
  await server?.stop();
});

describe('the local analytics API', () => {
  it('answers top-issues for planted facts with rows and a pre-rendered bar chart', async () => {
    const { status, body } = await get('/api/analytics/top-issues?since=2026-11-16&until=2026-11-23');
    expect(status).toBe(200);
    expect(body.query).toBe('top-issues');
    expect(body.params).toEqual({
      since: '2026-11-16 00:00:00',
      until: '2026-11-23 00:00:00',
      timezone: 'UTC',
    });
    expect(body.columns).toEqual(['kind', 'issue_rank', 'issue', 'conversations', 'messages']);
    const intents = body.rows.filter((row: { kind: string }) => row.kind === 'intent');
    expect(intents.map((row: { issue: string }) => row.issue).sort()).toEqual([
      'damaged_item',
      'payment_issue',
      'return_request',
      'size_advice',
      'track_order',
    ]);
    expect(body.svg).toContain('data-chart="bar"');
    expect(body.svg).toContain('track_order');
  });

  it('takes an ISO week in a time zone as the period', async () => {
    const { status, body } = await get('/api/analytics/volume-by-hour?week=2026-W47&timezone=Asia/Shanghai');
    expect(status).toBe(200);
    expect(body.params).toEqual({
      since: '2026-11-15 16:00:00',
      until: '2026-11-22 16:00:00',
      timezone: 'Asia/Shanghai',
    });
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.svg).toContain('data-chart="heatmap"');
  });

  it('escapes shopper-derived SKUs in the chart it returns', async () => {
    const { body } = await get('/api/analytics/returns-by-sku?week=2026-W47');
    expect(body.rows.map((row: { sku: string }) => row.sku)).toContain(HOSTILE);
    expect(body.svg).not.toContain('<img');
    expect(body.svg).toContain('&lt;img');
  });

  it('lists the queries and serves the page', async () => {
    const list = await get('/api/analytics');
    expect(list.body.queries.map((query: { name: string }) => query.name)).toContain('returns-by-sku');
    const page = await get('/analytics');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('/analytics/analytics.js');
    const script = await get('/analytics/analytics.js');
    expect(script.status).toBe(200);
  });

  it('answers 404 with a JSON error for a query it does not know', async () => {
    const { status, type, body } = await get('/api/analytics/drop-tables');
    expect(status).toBe(404);
    expect(type).toContain('application/json');
    expect(body.error).toBe('unknown query "drop-tables"');
    expect(body.known).toContain('top-issues');
  });

  it('answers 400 with a clear message for bad parameters', async () => {
    const cases: [string, RegExp][] = [
      [
        'since=yesterday',
        /since: expected an ISO date, an ISO timestamp or a duration like 7d, got "yesterday"/,
      ],
      ['since=2026-11-20&until=2026-11-10', /since must be before until/],
      ['timezone=Mars/Olympus', /unknown time zone "Mars\/Olympus"/],
      ['week=2026-W60', /2026 has weeks 1 to 53/],
      ['week=2026-W47&since=7d', /either week or since\/until/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await get(`/api/analytics/top-issues?${query}`);
      expect(status, query).toBe(400);
      expect(body.error, query).toMatch(message);
    }
  });
});
