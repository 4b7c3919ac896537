import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationStreamDecoder } from '../../functions/adapters/aws/conversation-stream-events';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbContactStateStore } from '../../functions/adapters/aws/dynamodb-contact-state-store';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { DynamoDbKeywordSpikeStore } from '../../functions/adapters/aws/dynamodb-keyword-spike-store';
import { DynamoDbProcessedEvents } from '../../functions/adapters/aws/dynamodb-processed-events';
import { createConversationAnalytics } from '../../functions/core/analytics/conversation-analytics';
import type { FactName } from '../../functions/core/analytics/facts';
import { KeywordSpikeDetector } from '../../functions/core/analytics/keyword-spikes';
import { analyseSentiment } from '../../functions/core/sentiment/model';
import { processEventStream } from '../../functions/handlers/shared/event-stream';
import type { AnalyticsSink } from '../../functions/ports/analytics-sink';
import type { KeywordSpikeAlert } from '../../functions/ports/keyword-spikes';
import { startTestDynamoDb, type TestDynamoDb, type TestTables } from '../support/dynamodb';

// Calls, not time: the analytics consumer's DynamoDB calls for one stream batch must not grow with the
// number of messages in it (claims, contact state, completions and spike counters are per batch and key).

let dynamo: TestDynamoDb;
let tables: TestTables;
const calls: string[] = [];

class Rows implements AnalyticsSink {
  readonly rows: Partial<Record<FactName, unknown[]>> = {};
  async write<K extends FactName>(fact: K, rows: readonly unknown[]) {
    this.rows[fact] = [...(this.rows[fact] ?? []), ...rows];
  }
}

/** The analytics use case as one consumer process holds it, on real adapters whose client counts calls. */
function consumer() {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
  const send = db.send.bind(db);
  db.send = ((command: { constructor: { name: string } }) => {
    calls.push(command.constructor.name.replace(/Command$/, ''));
    return send(command as never);
  }) as typeof db.send;
  const table = tables.names.Conversations;
  const sink = new Rows();
  const alerts: KeywordSpikeAlert[] = [];
  const analytics = createConversationAnalytics({
    sink,
    sentiment: { detect: async (texts) => texts.map((text) => analyseSentiment(text)) },
    processedEvents: new DynamoDbProcessedEvents(db, table, { claimSeconds: 300, markerDays: 7 }),
    contacts: new DynamoDbContactStateStore(db, table, { retentionDays: 30, shards: 4 }),
    handoffs: new DynamoDbConversationRepository(db, table, 30),
    keywordSpikes: new KeywordSpikeDetector(
      new DynamoDbKeywordSpikeStore(db, table, { retentionDays: 8 }),
      { publish: async (alert) => void alerts.push(alert) },
      { minMentions: 3, ratio: 3, baselineHours: 168 },
    ),
    answeredMessageAt: async () => null,
    logger: { info() {}, warn() {}, error() {} },
  });
  const handle = (records: DynamoDBRecord[]) =>
    processEventStream({ Records: records }, undefined, conversationStreamDecoder, analytics.begin);
  return { db, sink, alerts, handle };
}

let sequence = 0;
const at = (n: number) => new Date(Date.UTC(2026, 11, 6, 6, 0, n)).toISOString();

/** `exchanges` shopper messages (each about a broken lamp, angrily) and the assistant's reply to each. */
function conversation(sessionId: string, exchanges: number, from = 0, sku = 'LAMP-1'): DynamoDBRecord[] {
  return Array.from({ length: exchanges }, (_, index) => {
    const seq = 2 * (from + index);
    const question = randomUUID();
    return [
      { seq, role: 'shopper', text: 'The lamp arrived broken and I am furious', clientMessageId: question },
      { seq: seq + 1, role: 'assistant', text: 'Sorry to hear that, let me help.', replyTo: question },
    ];
  })
    .flat()
    .map((message) => {
      sequence++;
      const keys = { pk: `SESSION#${sessionId}`, sk: `MSG#${String(message.seq).padStart(12, '0')}` };
      return {
        eventID: `evt-${randomUUID()}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: {
          SequenceNumber: String(sequence).padStart(21, '0'),
          Keys: marshall(keys) as never,
          NewImage: marshall({
            ...keys,
            type: 'message',
            sessionId,
            createdAt: at(message.seq),
            channel: 'web',
            sku,
            ...message,
          }) as never,
        },
      } satisfies DynamoDBRecord;
    });
}

beforeAll(async () => {
  dynamo = await startTestDynamoDb();
  tables = await dynamo.createTables();
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('analytics stream: DynamoDB calls per batch', () => {
  it('makes the same few calls for a batch of 6 messages of one session as for a batch of 60', async () => {
    const counted: Record<number, string[]> = {};
    for (const exchanges of [3, 30]) {
      const { db, sink, alerts, handle } = consumer();
      const sessionId = `s-${randomUUID()}`;
      calls.length = 0;
      const response = await handle(conversation(sessionId, exchanges, 0, `LAMP-${exchanges}`));
      counted[exchanges] = [...calls].sort();
      expect(response.batchItemFailures).toEqual([]);
      expect(sink.rows.message_facts).toHaveLength(2 * exchanges);
      // The contact saw every message: the last reply is its last message.
      const contact = await db.send(
        new GetCommand({
          TableName: tables.names.Conversations,
          Key: { pk: `SESSION#${sessionId}`, sk: 'CONTACT' },
        }),
      );
      expect(contact.Item).toMatchObject({ status: 'open', lastMessageAt: at(2 * exchanges - 1) });
      // Every defect mention counted, one alert for the hour.
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.mentions).toBe(3);
      db.destroy();
    }
    expect(counted[30]).toEqual(counted[3]);
    // Claims, the contact's read and write, the raise for the angry session, the spike counter, its
    // baseline, its once-per-hour marker, and the completions: none of them per message.
    expect(counted[30]?.length).toBeLessThanOrEqual(8);
  });

  it('skips the contact read on a session’s next batch and skips redelivered records at batch cost', async () => {
    const { db, sink, handle } = consumer();
    const sessionId = `s-${randomUUID()}`;
    const first = conversation(sessionId, 3);
    await handle(first);
    calls.length = 0;
    await handle(conversation(sessionId, 3, 3));
    expect(calls).not.toContain('Get');
    expect(calls).not.toContain('BatchGet');
    calls.length = 0;
    // A redelivered batch: one claim call finds every record done, and nothing else is written.
    const response = await handle(first);
    expect(response.batchItemFailures).toEqual([]);
    expect(calls).toEqual(['TransactWrite']);
    expect(sink.rows.message_facts).toHaveLength(12);
    db.destroy();
  });
});
