import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import {
  BatchDetectKeyPhrasesCommand,
  BatchDetectSentimentCommand,
  ComprehendClient,
  DetectPiiEntitiesCommand,
  type PiiEntity,
  TooManyRequestsException,
} from '@aws-sdk/client-comprehend';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { BedrockSentiment } from '../../functions/adapters/aws/bedrock-sentiment';
import { ComprehendKeyPhrases } from '../../functions/adapters/aws/comprehend-key-phrases';
import { ComprehendPiiRedaction } from '../../functions/adapters/aws/comprehend-pii-redaction';
import { ComprehendSentiment } from '../../functions/adapters/aws/comprehend-sentiment';
import { EmbeddedSentiment } from '../../functions/adapters/local/embedded-sentiment';
import { PatternPiiRedaction } from '../../functions/adapters/local/pattern-pii-redaction';
import { WordListKeyPhrases } from '../../functions/adapters/local/word-list-key-phrases';
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

const NAMES = ['Jane Doe', 'María José García'];
const MESSAGES: Array<{ text: string; lang: string }> = [
  { text: 'Hi, I am Jane Doe, my jacket arrived torn. Mail jane.doe@example.com', lang: 'en' },
  { text: 'Soy María José García, el pedido llegó roto, llama al +34 612 345 678', lang: 'es' },
  { text: 'Le pull a déteint, carte 4111 1111 1111 1111', lang: 'fr' },
  { text: 'Das Paket ist nicht angekommen, Nummer +49 151 23456789', lang: 'de' },
  { text: 'สินค้าเสียหาย โทร 081 234 5678', lang: 'th' },
  { text: 'Barang saya rusak, email budi@example.co.id', lang: 'id' },
];

const throttled = () => new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} });

/** Every fifth call of each Comprehend operation and of Bedrock fails: 20% of enrichment calls. */
function flakyAws() {
  const comprehend = mockClient(ComprehendClient);
  const bedrock = mockClient(BedrockRuntimeClient);
  const calls = { pii: 0, phrases: 0, sentiment: 0, bedrock: 0 };
  const failures = { pii: 0, phrases: 0, sentiment: 0, bedrock: 0 };
  const flaky = <T>(kind: keyof typeof calls, answer: () => T) => {
    calls[kind]++;
    if (calls[kind] % 5 === 0) {
      failures[kind]++;
      throw throttled();
    }
    return answer();
  };
  comprehend.on(DetectPiiEntitiesCommand).callsFake((input: { Text: string }) =>
    flaky('pii', () => {
      const entities: PiiEntity[] = [];
      for (const name of NAMES) {
        const at = input.Text.indexOf(name);
        if (at < 0) continue;
        const begin = Array.from(input.Text.slice(0, at)).length;
        entities.push({
          Type: 'NAME',
          Score: 0.99,
          BeginOffset: begin,
          EndOffset: begin + Array.from(name).length,
        });
      }
      return { Entities: entities };
    }),
  );
  comprehend.on(BatchDetectKeyPhrasesCommand).callsFake((input: { TextList: string[] }) =>
    flaky('phrases', () => ({
      ResultList: input.TextList.map((_, index) => ({
        Index: index,
        KeyPhrases: [{ Text: 'the parcel', Score: 0.99, BeginOffset: 0, EndOffset: 10 }],
      })),
      ErrorList: [],
    })),
  );
  comprehend.on(BatchDetectSentimentCommand).callsFake((input: { TextList: string[] }) =>
    flaky('sentiment', () => ({
      ResultList: input.TextList.map((_, index) => ({
        Index: index,
        Sentiment: 'NEGATIVE',
        SentimentScore: { Positive: 0.01, Negative: 0.97, Neutral: 0.01, Mixed: 0.01 },
      })),
      ErrorList: [],
    })),
  );
  bedrock.on(ConverseCommand).callsFake(() =>
    flaky('bedrock', () => ({
      output: {
        message: {
          role: 'assistant',
          content: [
            { text: '{"label":"negative","scores":{"positive":0,"negative":0.9,"neutral":0.1,"mixed":0}}' },
          ],
        },
      },
      stopReason: 'end_turn',
    })),
  );
  const client = new ComprehendClient({});
  return {
    calls,
    failures,
    restore: () => {
      comprehend.restore();
      bedrock.restore();
    },
    sentiment: new ComprehendSentiment(
      client,
      new BedrockSentiment({
        client: new BedrockRuntimeClient({}),
        modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
        fallback: new EmbeddedSentiment(),
      }),
    ),
    enrichment: {
      pii: new ComprehendPiiRedaction(client, new PatternPiiRedaction()),
      keyPhrases: new ComprehendKeyPhrases(client, new WordListKeyPhrases()),
    },
  };
}

let sequence = 0;
function insert(text: string, lang: string): DynamoDBRecord {
  sequence++;
  return {
    eventID: `evt-fault-${sequence}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: String(sequence),
      NewImage: marshall({
        pk: 'SESSION#s-fault',
        sk: `MSG#${sequence}`,
        type: 'message',
        sessionId: 's-fault',
        seq: sequence,
        role: 'shopper',
        text,
        language: lang,
        createdAt: '2026-11-20T10:00:00.000Z',
      }) as never,
    },
  };
}

describe('cloud enrichment under fault injection', () => {
  it('writes every fact exactly once, with no planted PII, when 20% of Comprehend and Bedrock calls fail', async () => {
    const aws = flakyAws();
    try {
      const sink = new MemorySink();
      const events = new MemoryProcessedEvents();
      const handler = createAnalyticsStreamHandler({
        sink,
        sentiment: aws.sentiment,
        enrichment: aws.enrichment,
        processedEvents: events,
        answeredMessageAt: async () => null,
      });
      const records = Array.from({ length: 5 }, () => MESSAGES.map((m) => insert(m.text, m.lang))).flat();
      // As the event source mapping does: failed records come back (here with the whole batch) until none fail.
      let pending = records;
      for (let attempt = 0; attempt < 20 && pending.length > 0; attempt++) {
        const response = await handler({ Records: records });
        const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
        pending = records.filter((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
      }

      expect(pending).toEqual([]);
      expect(aws.failures.pii).toBeGreaterThan(0);
      expect(aws.failures.phrases).toBeGreaterThan(0);
      expect(aws.failures.sentiment).toBeGreaterThan(0);
      expect(aws.failures.bedrock).toBeGreaterThan(0);
      const ids = sink.rows.map((row) => row.event_id);
      expect(ids).toHaveLength(records.length);
      expect(new Set(ids)).toEqual(new Set(records.map((record) => record.eventID)));

      const everything = JSON.stringify(sink.rows);
      for (const planted of [
        ...NAMES,
        'jane.doe@example.com',
        '612 345 678',
        '4111 1111 1111 1111',
        '23456789',
        '081 234 5678',
        'budi@example.co.id',
      ])
        expect(everything).not.toContain(planted);
      expect(sink.rows.filter((row) => row.redacted_text.includes('[NAME]'))).toHaveLength(10);
      expect(sink.rows.every((row) => row.sentiment !== null)).toBe(true);
    } finally {
      aws.restore();
    }
  });
});
