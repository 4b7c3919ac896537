import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetAnalyticsSink } from '../../functions/adapters/local/parquet-analytics-sink';
import { analyseSentiment } from '../../functions/core/sentiment/model';
import { runNamedQuery } from '../../local/analytics/duckdb';
import { type StreamPoller, startStreamPoller } from '../../local/streams/poller';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

/** Short enough for a test to wait out. */
const IDLE_MS = 1000;

let test: TestStack;
let redeliveryDir: string;
let redeliveryPoller: StreamPoller;
let deliveries = 0;
let failedRecords = 0;
const clients: ShopperClient[] = [];

type Row = Record<string, unknown>;

async function conversationFacts(dataDir: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const glob = join(dataDir, 'analytics', 'conversation_facts', 'dt=*', '*.parquet');
      const reader = await connection.runAndReadAll(
        `SELECT conversation_id, contact_no, reopens, resolved_by, first_contact_resolution, primary_intent,
           worst_sentiment, CAST(first_response_ms AS DOUBLE) AS first_response_ms, handoffs,
           CAST(opened_at AS VARCHAR) AS opened_at, CAST(closed_at AS VARCHAR) AS closed_at
         FROM read_parquet('${glob}', hive_partitioning = true)
         ORDER BY closed_at`,
      );
      return reader.getRowObjectsJS() as Row[];
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    if (String(error).includes('No files found')) return [];
    throw error;
  } finally {
    instance.closeSync();
  }
}

/**
 * Runs the closer and drains the streams until `session` has `count` conversation facts. The streams are
 * drained first: the closer must see the contact state of every message already stored.
 */
async function closedFacts(session: string, count: number): Promise<Row[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await test.stack.streamsDrained();
    await test.stack.closeIdleConversations();
    await test.stack.streamsDrained();
    const rows = (await conversationFacts(test.dataDir)).filter((row) => row.conversation_id === session);
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`session ${session} never reached ${count} conversation fact(s)`);
}

async function chat(customerId: string): Promise<{ shopper: ShopperClient; sessionId: string }> {
  const shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
  });
  clients.push(shopper);
  await shopper.ask('Where is my order A1006?');
  const ack = shopper.events.find((event) => event.type === 'ack') as { sessionId?: string } | undefined;
  if (!ack?.sessionId) throw new Error('no session id acknowledged');
  return { shopper, sessionId: ack.sessionId };
}

function window() {
  const now = Date.now();
  const format = (millis: number) => new Date(millis).toISOString().slice(0, 19).replace('T', ' ');
  return { since: format(now - 3_600_000), until: format(now + 3_600_000), timezone: 'UTC' };
}

beforeAll(async () => {
  // The timer stays out of the way: a slow machine must not close a chat between two of its messages, so
  // the tests run the closer (the timer's own function) once each chat is over.
  test = await startTestStack({ conversationIdleMs: IDLE_MS, closeIdleIntervalMs: 3_600_000 });
  redeliveryDir = await mkdtemp(join(tmpdir(), 'afterdesk-conversation-redelivery-'));
  // Modules are configured already: the stack set the environment and loaded the handler.
  const { createAnalyticsStreamHandler } = await import('../../functions/handlers/analytics-stream');
  const { DynamoDbProcessedEvents } = await import('../../functions/config/analytics');
  const { documentClient } = await import('../../functions/config/dynamodb');
  const redelivering = createAnalyticsStreamHandler({
    sink: new ParquetAnalyticsSink(redeliveryDir),
    sentiment: { detect: async (texts) => texts.map((input) => analyseSentiment(input)) },
    processedEvents: new DynamoDbProcessedEvents(documentClient, test.stack.info.tables.conversations, {
      claimSeconds: 60,
      markerDays: 1,
      prefix: 'ANALYTICS-REDELIVERY#',
    }),
    answeredMessageAt: async () => null,
  });
  redeliveryPoller = startStreamPoller({
    endpoint: test.stack.info.dynamodbEndpoint,
    tableName: test.stack.info.tables.conversations,
    startingPosition: 'TRIM_HORIZON',
    pollIntervalMs: 50,
    // Every batch twice, as a redelivering event source would: the second delivery must write nothing.
    handler: async (event: DynamoDBStreamEvent) => {
      deliveries++;
      await redelivering(event);
      return redelivering(event);
    },
    onFailure: async (records) => {
      failedRecords += records.length;
    },
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await redeliveryPoller?.stop();
  await test?.stop();
  if (redeliveryDir) await rm(redeliveryDir, { recursive: true, force: true });
});

describe('conversation facts from the local stack', () => {
  it('closes an idle chat into one conversation fact that the first-contact-resolution query reads', async () => {
    const { shopper, sessionId } = await chat('c-closer-once');
    await shopper.ask('Thanks, that is all');

    const [fact, ...more] = await closedFacts(sessionId, 1);
    expect(more).toEqual([]);
    expect(fact).toMatchObject({
      contact_no: 1,
      reopens: 0,
      resolved_by: 'ai',
      first_contact_resolution: true,
      primary_intent: 'track_order',
      handoffs: 0,
    });
    expect(fact?.first_response_ms).toBeGreaterThanOrEqual(0);
    expect(String(fact?.closed_at) >= String(fact?.opened_at)).toBe(true);

    const rows = await runNamedQuery(test.dataDir, 'first-contact-resolution', window());
    expect(rows).toContainEqual(
      expect.objectContaining({
        primary_intent: 'track_order',
        resolved_by: 'ai',
        first_contact_resolved: 1,
      }),
    );
  });

  it('counts a chat the shopper reopens within 7 days as not solved at first contact', async () => {
    const { shopper, sessionId } = await chat('c-closer-reopen');
    await closedFacts(sessionId, 1);
    await shopper.ask('It still has not arrived, where is my order A1006?');

    const rows = await closedFacts(sessionId, 2);
    expect(rows.map((row) => [row.contact_no, row.reopens, row.first_contact_resolution])).toEqual([
      [1, 0, true],
      [1, 1, false],
    ]);
    // The earlier chat is the only first-contact resolution: the reopened one counts once, as unresolved.
    const fcr = await runNamedQuery(test.dataDir, 'first-contact-resolution', window());
    const trackOrder = fcr.find((row) => row.primary_intent === 'track_order' && row.resolved_by === 'ai');
    expect(trackOrder).toMatchObject({ conversations: 2, first_contact_resolved: 1, fcr_rate: 0.5 });
  });

  it('writes no second conversation fact when a close record is delivered twice', async () => {
    await test.stack.streamsDrained();
    await redeliveryPoller.drained();
    const direct = await conversationFacts(test.dataDir);
    const redelivered = await conversationFacts(redeliveryDir);
    expect(deliveries).toBeGreaterThan(0);
    expect(failedRecords).toBe(0);
    expect(direct).toHaveLength(3);
    expect(redelivered.map((row) => [row.conversation_id, row.contact_no, row.reopens])).toEqual(
      direct.map((row) => [row.conversation_id, row.contact_no, row.reopens]),
    );
  });
});
