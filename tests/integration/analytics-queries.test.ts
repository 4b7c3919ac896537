import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runQuery } from '../../cli/commands/query';
import {
  type ConversationFact,
  FACT_SCHEMA_VERSION,
  type MessageFact,
  type ReturnFact,
  type TicketFact,
} from '../../functions/core/analytics/facts';
import type { QueryParams } from '../../functions/core/analytics/named-queries';
import { runNamedQuery, writeFacts } from '../../local/analytics/duckdb';

let seq = 0;
const message = (at: string, fields: Partial<MessageFact>): MessageFact => ({
  event_id: `e${String(++seq).padStart(3, '0')}`,
  schema_version: FACT_SCHEMA_VERSION,
  occurred_at: at,
  dt: at.slice(0, 10),
  conversation_id: 'c0',
  channel: 'web',
  language: 'en',
  intent: null,
  complaint_category: null,
  sentiment: null,
  sentiment_positive: null,
  sentiment_negative: null,
  sentiment_neutral: null,
  sentiment_mixed: null,
  key_phrases: [],
  defects: [],
  redacted_text: 'text',
  role: 'shopper',
  response_time_ms: null,
  sku: null,
  ...fields,
});
const negative = (score: number) => ({
  sentiment: 'negative' as const,
  sentiment_negative: score,
  sentiment_positive: 0.01,
  sentiment_neutral: 1 - score - 0.02,
  sentiment_mixed: 0.01,
});

const messages: MessageFact[] = [
  // baseline (28 days before the period) for SKU-A: 1 of 2 messages mentions a defect
  message('2026-11-01T10:00:00Z', { conversation_id: 'c0', sku: 'SKU-A' }),
  message('2026-11-02T10:00:00Z', { conversation_id: 'c0', sku: 'SKU-A', defects: ['faded'] }),
  // the period: 2026-11-16 (Monday) to 2026-11-23
  message('2026-11-16T09:00:00Z', {
    conversation_id: 'c1',
    intent: 'damaged_item',
    complaint_category: 'quality',
    sku: 'SKU-A',
    defects: ['faded'],
    redacted_text: 'My shirt faded, call [PHONE]',
    ...negative(0.9),
  }),
  message('2026-11-16T09:00:02Z', { conversation_id: 'c1', role: 'assistant', response_time_ms: 2000 }),
  message('2026-11-17T10:00:00Z', {
    conversation_id: 'c2',
    intent: 'damaged_item',
    sku: 'SKU-A',
    defects: ['faded', 'torn'],
    ...negative(0.7),
  }),
  message('2026-11-18T10:30:00Z', { conversation_id: 'c3', intent: 'track_order', sentiment: 'neutral' }),
  message('2026-11-18T11:00:00Z', {
    conversation_id: 'c3',
    intent: 'track_order',
    language: 'es',
    ...negative(0.6),
    // A threat to charge back: less negative in wording, but the most urgent.
    sentiment_urgency: 0.95,
  }),
  message('2026-11-19T23:30:00Z', {
    conversation_id: 'c4',
    intent: 'return_request',
    complaint_category: 'delivery',
    sku: 'SKU-B',
    ...negative(0.8),
  }),
  message('2026-11-20T01:00:00Z', {
    conversation_id: 'c4',
    intent: 'return_request',
    sentiment: 'positive',
    sentiment_positive: 0.9,
  }),
  message('2026-11-21T12:00:00Z', {
    conversation_id: 'c5',
    intent: 'smalltalk',
    sku: 'SKU-B',
    defects: ['broken'],
    ...negative(0.95),
  }),
  // at `until`: outside the period
  message('2026-11-23T00:00:00Z', { conversation_id: 'c6', intent: 'payment_issue', ...negative(0.99) }),
];

const conversation = (fields: Partial<ConversationFact> & { conversation_id: string }): ConversationFact => {
  const base: ConversationFact = {
    schema_version: FACT_SCHEMA_VERSION,
    conversation_id: fields.conversation_id,
    channel: 'web',
    opened_at: '2026-11-17T08:00:00Z',
    closed_at: null,
    first_response_ms: null,
    resolved_by: null,
    handoffs: 0,
    first_contact_resolution: false,
    worst_sentiment: null,
    primary_intent: null,
    dt: '',
  };
  const merged = { ...base, ...fields };
  return { ...merged, dt: (merged.closed_at ?? merged.opened_at).slice(0, 10) };
};

const conversations: ConversationFact[] = [
  conversation({
    conversation_id: 'c2',
    opened_at: '2026-11-17T08:00:00Z',
    closed_at: '2026-11-17T09:00:00Z',
    first_response_ms: 2000,
    resolved_by: 'ai',
    first_contact_resolution: true,
    primary_intent: 'damaged_item',
  }),
  conversation({
    conversation_id: 'c5',
    opened_at: '2026-11-21T11:50:00Z',
    closed_at: '2026-11-21T13:00:00Z',
    first_response_ms: 4000,
    resolved_by: 'human',
    handoffs: 1,
    primary_intent: 'damaged_item',
  }),
  conversation({
    conversation_id: 'c7',
    channel: 'app',
    opened_at: '2026-11-18T02:00:00Z',
    closed_at: '2026-11-18T03:00:00Z',
    first_response_ms: 1000,
    resolved_by: 'ai',
    first_contact_resolution: true,
    primary_intent: 'track_order',
  }),
  conversation({
    conversation_id: 'c8',
    channel: 'app',
    opened_at: '2026-11-22T23:00:00Z',
    closed_at: '2026-11-23T01:00:00Z',
    first_response_ms: 3000,
    resolved_by: 'human',
    primary_intent: 'track_order',
  }),
  conversation({
    conversation_id: 'c9',
    opened_at: '2026-11-10T08:00:00Z',
    closed_at: '2026-11-10T09:00:00Z',
    first_response_ms: 9000,
    resolved_by: 'ai',
    first_contact_resolution: true,
    primary_intent: 'track_order',
  }),
  conversation({
    conversation_id: 'c10',
    opened_at: '2026-11-19T08:30:00Z',
    closed_at: '2026-11-19T09:00:00Z',
    first_response_ms: 3000,
    resolved_by: 'ai',
    primary_intent: 'track_order',
  }),
  // Reopened within the week: the later row (reopens 1, not solved at first contact) replaces the first.
  conversation({
    conversation_id: 'c11',
    contact_no: 1,
    reopens: 0,
    opened_at: '2026-11-18T09:30:00Z',
    closed_at: '2026-11-18T10:00:00Z',
    first_response_ms: 1500,
    resolved_by: 'ai',
    first_contact_resolution: true,
    primary_intent: 'size_advice',
  }),
  conversation({
    conversation_id: 'c11',
    contact_no: 1,
    reopens: 1,
    opened_at: '2026-11-18T09:30:00Z',
    closed_at: '2026-11-18T12:00:00Z',
    first_response_ms: 1500,
    resolved_by: 'ai',
    primary_intent: 'size_advice',
  }),
  // Closed in the week, reopened and closed again after it: it belongs to the later week, not this one.
  conversation({
    conversation_id: 'c12',
    contact_no: 1,
    reopens: 0,
    opened_at: '2026-11-22T19:00:00Z',
    closed_at: '2026-11-22T20:00:00Z',
    first_response_ms: 2500,
    resolved_by: 'human',
    first_contact_resolution: true,
    primary_intent: 'size_advice',
  }),
  conversation({
    conversation_id: 'c12',
    contact_no: 1,
    reopens: 1,
    opened_at: '2026-11-22T19:00:00Z',
    closed_at: '2026-11-24T09:00:00Z',
    first_response_ms: 2500,
    resolved_by: 'human',
    primary_intent: 'size_advice',
  }),
  // The same session's next contact (the shopper came back after the reopen window) counts on its own.
  conversation({
    conversation_id: 'c11',
    contact_no: 2,
    reopens: 0,
    opened_at: '2026-11-20T09:00:00Z',
    closed_at: '2026-11-20T09:30:00Z',
    first_response_ms: 1000,
    resolved_by: 'ai',
    first_contact_resolution: true,
    primary_intent: 'size_advice',
  }),
];

const returned = (fields: Partial<ReturnFact> & { return_id: string; requested_at: string }): ReturnFact => ({
  schema_version: FACT_SCHEMA_VERSION,
  order_id: `o-${fields.return_id}`,
  sku: 'SKU-A',
  quantity: 1,
  reason: 'too_small',
  size_related: true,
  state: 'requested',
  refunded_at: null,
  days_to_refund: null,
  dt: fields.requested_at.slice(0, 10),
  ...fields,
});

const returns: ReturnFact[] = [
  returned({ return_id: 'r1', requested_at: '2026-11-16T10:00:00Z', state: 'refunded', days_to_refund: 3 }),
  returned({ return_id: 'r2', requested_at: '2026-11-17T10:00:00Z', quantity: 2, state: 'approved' }),
  returned({
    return_id: 'r3',
    requested_at: '2026-11-18T10:00:00Z',
    reason: 'damaged',
    size_related: false,
    state: 'refunded',
    days_to_refund: 5,
  }),
  returned({ return_id: 'r4', sku: 'SKU-B', requested_at: '2026-11-19T10:00:00Z', reason: 'too_large' }),
  returned({
    return_id: 'r5',
    sku: 'SKU-B',
    requested_at: '2026-11-19T11:00:00Z',
    quantity: 5,
    state: 'cancelled',
  }),
  returned({ return_id: 'r6', sku: 'SKU-C', requested_at: '2026-11-02T10:00:00Z' }),
];

const tickets: TicketFact[] = [
  {
    schema_version: FACT_SCHEMA_VERSION,
    ticket_id: 't1',
    conversation_id: 'c1',
    category: 'quality',
    owner: 'supply-chain',
    state: 'open',
    opened_at: '2026-11-16T09:10:00Z',
    closed_at: null,
    time_to_close_hours: null,
    dt: '2026-11-16',
  },
];

const params = (timezone = 'UTC'): QueryParams => ({
  since: '2026-11-16 00:00:00',
  until: '2026-11-23 00:00:00',
  timezone,
});

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-analytics-'));
  await writeFacts(dataDir, 'message_facts', messages);
  await writeFacts(dataDir, 'conversation_facts', conversations);
  await writeFacts(dataDir, 'return_facts', returns);
  await writeFacts(dataDir, 'ticket_facts', tickets);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('writeFacts', () => {
  it('lays files out as S3 would, one partition per UTC day', async () => {
    const days = (await readdir(join(dataDir, 'analytics', 'message_facts'))).sort();
    expect(days).toEqual([
      'dt=2026-11-01',
      'dt=2026-11-02',
      'dt=2026-11-16',
      'dt=2026-11-17',
      'dt=2026-11-18',
      'dt=2026-11-19',
      'dt=2026-11-20',
      'dt=2026-11-21',
      'dt=2026-11-23',
    ]);
    const files = await readdir(join(dataDir, 'analytics', 'message_facts', 'dt=2026-11-16'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^part-[0-9a-f-]{36}\.parquet$/);
  });
});

describe('named queries on DuckDB', () => {
  it('top-issues', async () => {
    expect(await runNamedQuery(dataDir, 'top-issues', params())).toEqual([
      { kind: 'intent', issue_rank: 1, issue: 'damaged_item', conversations: 2, messages: 2 },
      { kind: 'intent', issue_rank: 2, issue: 'return_request', conversations: 1, messages: 2 },
      { kind: 'intent', issue_rank: 3, issue: 'track_order', conversations: 1, messages: 2 },
      { kind: 'complaint_category', issue_rank: 1, issue: 'delivery', conversations: 1, messages: 1 },
      { kind: 'complaint_category', issue_rank: 2, issue: 'quality', conversations: 1, messages: 1 },
    ]);
  });

  it('angry-customers, most urgent first (rows without urgency rank by their negative score)', async () => {
    const rows = await runNamedQuery(dataDir, 'angry-customers', params());
    expect(
      rows.map((row) => [row.conversation_id, row.urgency, row.negative_score, row.last_message_at]),
    ).toEqual([
      ['c3', 0.95, 0.6, '2026-11-18T11:00:00.000Z'],
      ['c1', 0.9, 0.9, '2026-11-16T09:00:00.000Z'],
      ['c2', 0.7, 0.7, '2026-11-17T10:00:00.000Z'],
    ]);
    expect(rows[1]).toMatchObject({
      channel: 'web',
      language: 'en',
      intent: 'damaged_item',
      last_message: 'My shirt faded, call [PHONE]',
    });
    expect(rows[0]).toMatchObject({ language: 'es', intent: 'track_order' });
  });

  it('keyword-alerts', async () => {
    expect(await runNamedQuery(dataDir, 'keyword-alerts', params())).toEqual([
      {
        sku: 'SKU-A',
        messages: 2,
        defect_messages: 2,
        defect_rate: 1,
        baseline_messages: 2,
        baseline_defect_messages: 1,
        baseline_rate: 0.5,
        top_defect: 'faded',
        top_defect_mentions: 2,
      },
    ]);
  });

  it('volume-by-hour in a timezone', async () => {
    const cells = (rows: Awaited<ReturnType<typeof runNamedQuery>>) =>
      rows.map((row) => [row.weekday, row.hour_of_day, row.messages]);
    expect(cells(await runNamedQuery(dataDir, 'volume-by-hour', params('Asia/Shanghai')))).toEqual([
      [1, 17, 1],
      [2, 18, 1],
      [3, 18, 1],
      [3, 19, 1],
      [5, 7, 1],
      [5, 9, 1],
      [6, 20, 1],
    ]);
    expect(cells(await runNamedQuery(dataDir, 'volume-by-hour', params('UTC')))).toEqual([
      [1, 9, 1],
      [2, 10, 1],
      [3, 10, 1],
      [3, 11, 1],
      [4, 23, 1],
      [5, 1, 1],
      [6, 12, 1],
    ]);
  });

  it('first-contact-resolution', async () => {
    expect(await runNamedQuery(dataDir, 'first-contact-resolution', params())).toEqual([
      {
        iso_week: '2026-11-16',
        primary_intent: 'damaged_item',
        resolved_by: 'ai',
        conversations: 1,
        first_contact_resolved: 1,
        fcr_rate: 1,
      },
      {
        iso_week: '2026-11-16',
        primary_intent: 'damaged_item',
        resolved_by: 'human',
        conversations: 1,
        first_contact_resolved: 0,
        fcr_rate: 0,
      },
      {
        iso_week: '2026-11-16',
        primary_intent: 'size_advice',
        resolved_by: 'ai',
        conversations: 2,
        first_contact_resolved: 1,
        fcr_rate: 0.5,
      },
      {
        iso_week: '2026-11-16',
        primary_intent: 'track_order',
        resolved_by: 'ai',
        conversations: 2,
        first_contact_resolved: 1,
        fcr_rate: 0.5,
      },
    ]);
  });

  it('response-times', async () => {
    const rows = await runNamedQuery(dataDir, 'response-times', params());
    expect(
      rows.map((row) => [
        row.channel,
        row.hour_of_day,
        row.conversations,
        row.first_response_p50_ms,
        row.first_response_p90_ms,
        row.resolution_p50_ms,
        row.resolution_p90_ms,
      ]),
    ).toEqual([
      ['app', 2, 1, 1000, 1000, 3_600_000, 3_600_000],
      ['app', 23, 1, 3000, 3000, 7_200_000, 7_200_000],
      ['web', 8, 2, 2000, 3000, 1_800_000, 3_600_000],
      ['web', 9, 2, 1000, 1500, 1_800_000, 9_000_000],
      ['web', 11, 1, 4000, 4000, 4_200_000, 4_200_000],
      ['web', 19, 1, 2500, 2500, 136_800_000, 136_800_000],
    ]);
  });

  it('returns-by-sku', async () => {
    expect(await runNamedQuery(dataDir, 'returns-by-sku', params())).toEqual([
      {
        sku: 'SKU-A',
        return_count: 3,
        units: 4,
        share_of_returned_units: 0.8,
        size_related_units: 3,
        size_related_share: 0.75,
        top_reason: 'too_small',
        avg_days_to_refund: 4,
      },
      {
        sku: 'SKU-B',
        return_count: 1,
        units: 1,
        share_of_returned_units: 0.2,
        size_related_units: 1,
        size_related_share: 1,
        top_reason: 'too_large',
        avg_days_to_refund: null,
      },
    ]);
  });

  it('returns-by-sku counts each return once, in its latest state, wherever its later rows landed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'afterdesk-analytics-versions-'));
    const version = (fields: Partial<ReturnFact> & { return_id: string; updated_at: string }) =>
      returned({ requested_at: '2026-11-16T10:00:00Z', ...fields, dt: fields.updated_at.slice(0, 10) });
    const refunded = version({
      return_id: 'v1',
      state: 'refunded',
      refunded_at: '2026-11-24T10:00:00Z',
      days_to_refund: 8,
      updated_at: '2026-11-24T10:00:00Z',
    });
    try {
      await writeFacts(dir, 'return_facts', [
        version({ return_id: 'v1', state: 'requested', updated_at: '2026-11-16T10:00:00Z' }),
        version({ return_id: 'v1', state: 'approved', updated_at: '2026-11-17T10:00:00Z' }),
        // Refunded after the window closed, in a later partition; then written twice (a redelivery).
        refunded,
        refunded,
        version({
          return_id: 'v2',
          sku: 'SKU-B',
          quantity: 3,
          state: 'requested',
          updated_at: '2026-11-16T10:00:00Z',
        }),
        version({
          return_id: 'v2',
          sku: 'SKU-B',
          quantity: 3,
          state: 'cancelled',
          updated_at: '2026-11-18T10:00:00Z',
        }),
      ]);
      expect(await runNamedQuery(dir, 'returns-by-sku', params())).toEqual([
        {
          sku: 'SKU-A',
          return_count: 1,
          units: 1,
          share_of_returned_units: 1,
          size_related_units: 1,
          size_related_share: 1,
          top_reason: 'too_small',
          avg_days_to_refund: 8,
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers with no rows over an empty data folder', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'afterdesk-analytics-empty-'));
    try {
      expect(await runNamedQuery(empty, 'top-issues', params())).toEqual([]);
      expect(await runNamedQuery(empty, 'response-times', params())).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('rejects unknown queries', async () => {
    await expect(runNamedQuery(dataDir, 'drop-tables', params())).rejects.toThrow(/unknown query/);
  });
});

describe('runQuery (CLI)', () => {
  const capture = async (run: () => Promise<number>) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((line: unknown) => void err.push(String(line)));
    const previous = process.env.AFTERDESK_DATA_DIR;
    process.env.AFTERDESK_DATA_DIR = dataDir;
    try {
      return { code: await run(), out: out.join('\n'), err: err.join('\n') };
    } finally {
      if (previous === undefined) delete process.env.AFTERDESK_DATA_DIR;
      else process.env.AFTERDESK_DATA_DIR = previous;
      log.mockRestore();
      error.mockRestore();
    }
  };

  it('prints csv from the data folder', async () => {
    const result = await capture(() =>
      runQuery('returns-by-sku', { since: '2026-11-16', until: '2026-11-23', format: 'csv' }),
    );
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        'sku,return_count,units,share_of_returned_units,size_related_units,size_related_share,top_reason,avg_days_to_refund',
        'SKU-A,3,4,0.8,3,0.75,too_small,4',
        'SKU-B,1,1,0.2,1,1,too_large,',
      ].join('\n'),
    );
  });

  it('prints json and a table', async () => {
    const json = await capture(() =>
      runQuery('keyword-alerts', { since: '2026-11-16', until: '2026-11-23', format: 'json' }),
    );
    expect(JSON.parse(json.out)).toMatchObject([{ sku: 'SKU-A', top_defect: 'faded' }]);
    const table = await capture(() => runQuery('top-issues', { since: '2026-11-16', until: '2026-11-23' }));
    expect(table.out.split('\n')[0]).toBe(
      'kind                issue_rank  issue           conversations  messages',
    );
    expect(table.out.split('\n')).toHaveLength(7);
  });

  it('fails cleanly on a bad query name or period', async () => {
    expect((await capture(() => runQuery('nope', {}))).code).toBe(1);
    const bad = await capture(() => runQuery('top-issues', { since: 'yesterday-ish' }));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/duration/);
  });
});
