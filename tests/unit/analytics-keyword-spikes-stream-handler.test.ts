import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeywordSpikeDetector } from '../../functions/core/analytics/keyword-spikes';
import { analyseSentiment } from '../../functions/core/sentiment/model';
import type { KeywordSpikeAlert } from '../../functions/ports/keyword-spikes';
import {
  type AnalyticsStreamFactory,
  loadAnalyticsStreamFactory,
  MemorySink,
} from '../support/analytics-stream';
import { MemoryKeywordSpikeStore } from '../support/memory-keyword-spike-store';
import { MemoryProcessedEvents } from '../support/memory-processed-events';

let createAnalyticsStreamHandler: AnalyticsStreamFactory;

beforeAll(async () => {
  createAnalyticsStreamHandler = await loadAnalyticsStreamFactory();
});

let sequence = 0;
function insert(role: string, text: string, sku?: string): DynamoDBRecord {
  sequence++;
  return {
    eventID: `evt-${sequence}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: String(sequence),
      Keys: marshall({ pk: 'SESSION#s-1', sk: `MSG#${sequence}` }) as never,
      NewImage: marshall(
        {
          pk: 'SESSION#s-1',
          sk: `MSG#${sequence}`,
          type: 'message',
          sessionId: 's-1',
          seq: sequence,
          role,
          text,
          sku,
          createdAt: '2026-11-20T10:00:00.000Z',
        },
        { removeUndefinedValues: true },
      ) as never,
    },
  };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

function setup(publish: (alert: KeywordSpikeAlert) => Promise<void> = async () => {}) {
  const sink = new MemorySink();
  const events = new MemoryProcessedEvents();
  const store = new MemoryKeywordSpikeStore();
  const alerts: KeywordSpikeAlert[] = [];
  const counts: string[] = [];
  const keywordSpikes = new KeywordSpikeDetector(
    store,
    {
      publish: async (alert) => {
        await publish(alert);
        alerts.push(alert);
      },
    },
    { minMentions: 2, ratio: 3, baselineHours: 168 },
  );
  const handler = createAnalyticsStreamHandler({
    sink,
    processedEvents: events,
    sentiment: { detect: async (texts) => texts.map((t) => analyseSentiment(t)) },
    answeredMessageAt: async () => null,
    keywordSpikes,
    count: (name) => counts.push(name),
  });
  return { sink, store, alerts, counts, handler };
}

describe('keyword spikes in the analytics stream', () => {
  it('counts shopper messages with defect words and alerts once per SKU and hour', async () => {
    const { alerts, counts, handler, store } = setup();
    await handler(
      batch(
        insert('shopper', 'The lamp arrived broken', 'LAMP-1'),
        insert('assistant', 'Sorry the lamp arrived broken', 'LAMP-1'),
        insert('shopper', 'Where is my order?', 'LAMP-1'),
        insert('shopper', 'Mine is broken too', 'LAMP-1'),
        insert('shopper', 'Also broken!', 'LAMP-1'),
      ),
    );
    expect(store.hours.get('SKU#LAMP-1|2026-11-20T10')?.mentions).toBe(3);
    expect(alerts.map((alert) => [alert.sku, alert.defects, alert.mentions])).toEqual([
      ['LAMP-1', ['broken'], 2],
    ]);
    expect(JSON.stringify(alerts)).not.toMatch(/arrived|Mine/);
    expect(counts.filter((name) => name === 'KeywordSpikeAlerted')).toHaveLength(1);
  });

  it('does not count a redelivered record twice', async () => {
    const { handler, store } = setup();
    const record = insert('shopper', 'It came broken', 'LAMP-2');
    await handler(batch(record));
    await handler(batch(record));
    expect(store.hours.get('SKU#LAMP-2|2026-11-20T10')?.mentions).toBe(1);
  });

  it('counts nothing for a batch whose facts were not stored, and counts it once on the retry', async () => {
    const { handler, sink, store } = setup();
    const record = insert('shopper', 'It came broken', 'LAMP-3');
    sink.failNext = true;
    expect((await handler(batch(record))).batchItemFailures).toHaveLength(1);
    expect(store.hours.size).toBe(0);
    expect((await handler(batch(record))).batchItemFailures).toEqual([]);
    expect(store.hours.get('SKU#LAMP-3|2026-11-20T10')?.mentions).toBe(1);
  });

  it('keeps the facts and fails no record when the alert cannot be published', async () => {
    const { handler, sink, counts } = setup(async () => {
      throw new Error('bus unavailable');
    });
    const response = await handler(
      batch(insert('shopper', 'broken', 'LAMP-4'), insert('shopper', 'broken again', 'LAMP-4')),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(sink.rows).toHaveLength(2);
    expect(counts).toContain('KeywordSpikeCheckFailed');
  });
});
