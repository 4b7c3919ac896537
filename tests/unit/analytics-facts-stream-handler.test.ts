import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { redactPii } from '../../functions/core/analytics/pii';
import { analyseSentiment } from '../../functions/core/sentiment/model';
import {
  type AnalyticsStreamFactory,
  loadAnalyticsStreamFactory,
  MemorySink,
} from '../support/analytics-stream';
import { MemoryProcessedEvents } from '../support/memory-processed-events';

let createAnalyticsStreamHandler: AnalyticsStreamFactory;

beforeAll(async () => {
  createAnalyticsStreamHandler = await loadAnalyticsStreamFactory();
});

let sequence = 100;
function insert(image: Record<string, unknown>, eventID = `evt-${sequence}`): DynamoDBRecord {
  sequence++;
  return {
    eventID,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: String(sequence),
      Keys: marshall({ pk: 'SESSION#s-1', sk: `MSG#${sequence}` }) as never,
      NewImage: marshall(image, { removeUndefinedValues: true }) as never,
    },
  };
}

const message = (seq: number, role: string, text: string, extra: Record<string, unknown> = {}) => ({
  pk: 'SESSION#s-1',
  sk: `MSG#${seq}`,
  type: 'message',
  sessionId: 's-1',
  seq,
  role,
  text,
  createdAt: '2026-11-20T10:00:00.000Z',
  ...extra,
});

function setup() {
  const sink = new MemorySink();
  const events = new MemoryProcessedEvents();
  const counts: string[] = [];
  const handler = createAnalyticsStreamHandler({
    sink,
    processedEvents: events,
    sentiment: { detect: async (texts) => texts.map((t) => analyseSentiment(t)) },
    answeredMessageAt: async () => '2026-11-20T09:59:58.500Z',
    count: (name) => counts.push(name),
  });
  return { sink, events, counts, handler };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('a conversation turning negative', () => {
  function escalating(raise: (sessionId: string, priority: string) => Promise<'raised' | 'unchanged'>) {
    const sink = new MemorySink();
    const counts: string[] = [];
    const raised: Array<[string, string]> = [];
    const handler = createAnalyticsStreamHandler({
      sink,
      processedEvents: new MemoryProcessedEvents(),
      sentiment: {
        detect: async (texts) =>
          texts.map((t) =>
            t.text.includes('furious')
              ? { label: 'negative', scores: { positive: 0.01, negative: 0.95, neutral: 0.03, mixed: 0.01 } }
              : { label: 'neutral', scores: { positive: 0.1, negative: 0.1, neutral: 0.8, mixed: 0 } },
          ),
      },
      answeredMessageAt: async () => null,
      handoffs: {
        raiseHandoffPriority: async (sessionId, priority) => {
          raised.push([sessionId, priority]);
          return raise(sessionId, priority);
        },
      },
      count: (name) => counts.push(name),
    });
    return { sink, counts, raised, handler };
  }

  it('raises the waiting hand-off to urgent on a furious message, and leaves calm ones alone', async () => {
    const { raised, counts, sink, handler } = escalating(async () => 'raised');
    await handler(
      batch(
        insert(message(1, 'shopper', 'Where is my parcel?')),
        insert(message(3, 'shopper', 'I am furious, this is the third time!')),
        insert(message(4, 'assistant', 'I am furious too')),
      ),
    );
    expect(raised).toEqual([['s-1', 'urgent']]);
    expect(counts).toContain('HandoffRaisedBySentiment');
    expect(sink.rows).toHaveLength(3);
  });

  it('keeps the fact when raising the priority fails', async () => {
    const { sink, handler } = escalating(async () => {
      throw new Error('throttled');
    });
    const response = await handler(batch(insert(message(1, 'shopper', 'I am furious'))));
    expect(response.batchItemFailures).toEqual([]);
    expect(sink.rows).toHaveLength(1);
  });
});

describe('analytics stream handler', () => {
  it('writes one fact per message insert and ignores everything else', async () => {
    const { sink, handler } = setup();
    const response = await handler(
      batch(
        insert(message(1, 'shopper', 'my order arrived broken, mail me at a@b.com')),
        insert(message(2, 'assistant', 'Sorry!', { replyTo: 'c-1', language: 'en', intent: 'damaged_item' })),
        insert({ pk: 'SESSION#s-1', sk: 'META', type: 'session', customerId: 'c' }),
        insert({ pk: 'ANALYTICS#x', sk: 'EVENT', type: 'analytics_event', status: 'completed' }),
      ),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(sink.rows.map((row) => row.role)).toEqual(['shopper', 'assistant']);
    expect(sink.rows[0]?.redacted_text).not.toContain('a@b.com');
    expect(sink.rows[0]?.sentiment).toBe('negative');
    expect(sink.rows[1]?.response_time_ms).toBe(1500);
  });

  it('counts a damage report that names an order as the damage the assistant answered, not as tracking', async () => {
    const { sink, handler } = setup();
    await handler(
      batch(
        insert(
          message(
            1,
            'shopper',
            'Die Jacke aus Bestellung A1002 kam kaputt an, der Reißverschluss ist gerissen',
          ),
        ),
      ),
    );
    expect(sink.rows[0]).toMatchObject({
      language: 'de',
      intent: 'damaged_item',
      complaint_category: 'quality',
    });
  });

  it('fails malformed records one by one and keeps the rest', async () => {
    const { sink, handler } = setup();
    const bad = insert(message(3, 'shopper', 'hello', { createdAt: 'not a date' }));
    const response = await handler(batch(insert(message(4, 'shopper', 'thanks, great service')), bad));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: bad.dynamodb?.SequenceNumber }]);
    expect(sink.rows).toHaveLength(1);
  });

  it('skips a redelivered record, and retries the whole batch when the sink fails', async () => {
    const { sink, handler, events, counts } = setup();
    const record = insert(message(5, 'shopper', 'where is my order'), 'evt-redelivered');
    sink.failNext = true;
    const failed = await handler(batch(record));
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb?.SequenceNumber }]);
    expect(events.status.get('evt-redelivered')).toBe('released');
    await handler(batch(record));
    await handler(batch(record));
    expect(sink.rows).toHaveLength(1);
    expect(counts).toContain('AnalyticsDuplicateSkipped');
  });

  it("fails only the record the sink cannot take, and writes the other shoppers' facts of its batch", async () => {
    const { sink, handler, events } = setup();
    const poison = 'POISON';
    const original = sink.write.bind(sink);
    sink.write = async (fact, rows) => {
      if (
        (rows as ReadonlyArray<{ redacted_text?: string }>).some((row) => row.redacted_text?.includes(poison))
      )
        throw new Error('Parquet encoder refused a row');
      await original(fact, rows);
    };
    const good1 = insert(message(20, 'shopper', 'where is my parcel'), 'evt-good-1');
    const bad = insert(message(21, 'shopper', `text ${poison}`), 'evt-poison');
    const good2 = insert(message(22, 'shopper', 'size question'), 'evt-good-2');
    const response = await handler(batch(good1, bad, good2));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: bad.dynamodb?.SequenceNumber }]);
    expect(sink.rows.map((row) => row.redacted_text)).toEqual(['where is my parcel', 'size question']);
    expect(events.status.get('evt-poison')).toBe('released');
    expect(events.status.get('evt-good-1')).toBe('completed');
  });

  it('ignores TTL deletes and notes user deletes, writing no fact', async () => {
    const { sink, handler, counts } = setup();
    const remove = (principalId?: string): DynamoDBRecord => ({
      eventID: `rm-${principalId ?? 'user'}`,
      eventName: 'REMOVE',
      dynamodb: {
        SequenceNumber: String(++sequence),
        OldImage: marshall(message(6, 'shopper', 'hi')) as never,
      },
      ...(principalId ? { userIdentity: { type: 'Service', principalId } } : {}),
    });
    const response = await handler(batch(remove('dynamodb.amazonaws.com'), remove()));
    expect(response.batchItemFailures).toEqual([]);
    expect(sink.rows).toEqual([]);
    expect(counts).toEqual(['AnalyticsMessageExpired', 'AnalyticsMessageErased']);
  });
});

describe('enrichment: PII redaction and key phrases', () => {
  function enriched(fail: (text: string) => boolean = () => false) {
    const sink = new MemorySink();
    const events = new MemoryProcessedEvents();
    const phraseInputs: string[] = [];
    const handler = createAnalyticsStreamHandler({
      sink,
      processedEvents: events,
      sentiment: { detect: async (texts) => texts.map((t) => analyseSentiment(t)) },
      answeredMessageAt: async () => null,
      enrichment: {
        pii: {
          redact: async (inputs) => {
            if (inputs.some((input) => fail(input.text))) throw new Error('ThrottlingException');
            return inputs.map((input) => redactPii(input.text).text.replaceAll('Jane Doe', '[NAME]'));
          },
        },
        keyPhrases: {
          extract: async (inputs) => {
            phraseInputs.push(...inputs.map((input) => input.text));
            return inputs.map(() => ['the red jacket', 'faded']);
          },
        },
      },
    });
    return { sink, events, phraseInputs, handler };
  }

  it('builds the fact from the redacted text, and reads key phrases from the redacted text only', async () => {
    const { sink, phraseInputs, handler } = enriched();
    await handler(
      batch(insert(message(1, 'shopper', 'I am Jane Doe, the red jacket faded, mail jane@example.com'))),
    );
    expect(phraseInputs).toEqual(['I am [NAME], the red jacket faded, mail [EMAIL]']);
    expect(sink.rows[0]?.redacted_text).toBe('I am [NAME], the red jacket faded, mail [EMAIL]');
    expect(sink.rows[0]?.key_phrases).toEqual(['faded', 'the red jacket']);
    expect(JSON.stringify(sink.rows)).not.toMatch(/Jane|jane@/);
  });

  it("redacts the desk's own replies but reads their key phrases from the word list, not the phrase service", async () => {
    const { sink, phraseInputs, handler } = enriched();
    await handler(
      batch(
        insert(message(4, 'assistant', 'Jane Doe, your return R7001 for the red jacket is approved.')),
        insert(message(5, 'agent', 'Hi Jane Doe, the courier will collect the parcel tomorrow.')),
      ),
    );
    expect(phraseInputs).toEqual([]);
    expect(sink.rows.map((row) => row.redacted_text)).toEqual([
      '[NAME], your return R7001 for the red jacket is approved.',
      'Hi [NAME], the courier will collect the parcel tomorrow.',
    ]);
    expect(JSON.stringify(sink.rows)).not.toMatch(/Jane/);
    for (const row of sink.rows) expect(Array.isArray(row.key_phrases)).toBe(true);
  });

  it('fails only the record whose enrichment failed, releases its claim, and writes it once on redelivery', async () => {
    let failures = 1;
    const { sink, events, handler } = enriched((text) => text.includes('Jane') && failures-- > 0);
    const failing = insert(message(2, 'shopper', 'I am Jane Doe'), 'evt-enrich-fails');
    const fine = insert(message(3, 'shopper', 'thanks, great service'), 'evt-enrich-fine');
    const first = await handler(batch(failing, fine));
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: failing.dynamodb?.SequenceNumber }]);
    expect(events.status.get('evt-enrich-fails')).toBe('released');
    expect(sink.rows.map((row) => row.event_id)).toEqual(['evt-enrich-fine']);

    const retried = await handler(batch(failing, fine));
    expect(retried.batchItemFailures).toEqual([]);
    expect(sink.rows.map((row) => row.event_id).sort()).toEqual(['evt-enrich-fails', 'evt-enrich-fine']);
    expect(sink.rows.find((row) => row.event_id === 'evt-enrich-fails')?.redacted_text).toBe('I am [NAME]');
  });
});

describe('analytics configuration', () => {
  it('fails the cold start with a clear error when AWS mode has no Firehose stream for its facts', async () => {
    vi.resetModules();
    vi.stubEnv('AFTERDESK_MODE', 'aws');
    vi.stubEnv('ANALYTICS_DELIVERY_STREAM', 'afterdesk-message-facts');
    vi.stubEnv('ANALYTICS_DELIVERY_STREAM_CONVERSATION_FACTS', undefined);
    try {
      await expect(import('../../functions/config/analytics')).rejects.toThrow(
        /Invalid configuration: ANALYTICS_DELIVERY_STREAM_CONVERSATION_FACTS/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('in AWS mode redacts with the patterns then Comprehend, reads key phrases from Comprehend, and falls back to Bedrock for sentiment', async () => {
    vi.resetModules();
    vi.stubEnv('AFTERDESK_MODE', 'aws');
    vi.stubEnv('ANALYTICS_DELIVERY_STREAM', 'afterdesk-message-facts');
    vi.stubEnv('ANALYTICS_DELIVERY_STREAM_CONVERSATION_FACTS', 'afterdesk-conversation-facts');
    vi.stubEnv('ANALYTICS_DELIVERY_STREAM_PHOTO_FACTS', 'afterdesk-photo-facts');
    vi.stubEnv('ALERT_EVENT_BUS_NAME', 'afterdesk-alerts');
    try {
      const config = await import('../../functions/config/analytics');
      const pii = config.enrichment.pii as unknown as { patterns: object };
      const keyPhrases = config.enrichment.keyPhrases as unknown as { fallback: object };
      const sentiment = config.sentiment as unknown as {
        fallback: { options: { fallback: object; modelId: string } };
      };
      expect(pii.constructor.name).toBe('ComprehendPiiRedaction');
      expect(pii.patterns.constructor.name).toBe('PatternPiiRedaction');
      expect(keyPhrases.constructor.name).toBe('ComprehendKeyPhrases');
      expect(keyPhrases.fallback.constructor.name).toBe('WordListKeyPhrases');
      expect(sentiment.constructor.name).toBe('ComprehendSentiment');
      expect(sentiment.fallback.constructor.name).toBe('BedrockSentiment');
      expect(sentiment.fallback.options.modelId).toBe('us.anthropic.claude-3-5-haiku-20241022-v1:0');
      expect(sentiment.fallback.options.fallback.constructor.name).toBe('EmbeddedSentiment');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('fails the cold start when local mode has no data folder', async () => {
    vi.resetModules();
    vi.stubEnv('ANALYTICS_DATA_DIR', undefined);
    vi.stubEnv('AFTERDESK_DATA_DIR', undefined);
    try {
      await expect(import('../../functions/config/analytics')).rejects.toThrow(/ANALYTICS_DATA_DIR/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
