import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParquetAnalyticsSink } from '../../functions/adapters/local/parquet-analytics-sink';
import { PatternPiiRedaction } from '../../functions/adapters/local/pattern-pii-redaction';
import { WordListKeyPhrases } from '../../functions/adapters/local/word-list-key-phrases';
import type { FactName, FactRowByName } from '../../functions/core/analytics/facts';
import { analyseSentiment } from '../../functions/core/sentiment/model';
import type { KeyPhraseInput } from '../../functions/ports/key-phrases';
import type { PiiInput } from '../../functions/ports/pii-redaction';
import type { Sentiment, SentimentInput } from '../../functions/ports/sentiment';
import { runNamedQuery } from '../../local/analytics/duckdb';
import { type StreamPoller, startStreamPoller } from '../../local/streams/poller';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

const EMAIL = 'jane.doe@example.com';
const PHONE = '+44 7700 900123';
const PHONE_FR = '06 12 34 56 78';
const CARD = '4111 1111 1111 1111';
const EMAIL_ES = 'maria.lopez@correo.es';
const PHONE_DE = '+49 151 23456789';

let test: TestStack;
let faultDir: string;
let faultPoller: StreamPoller;
const faultFailures: DynamoDBRecord[] = [];
const faultCounters = {
  sentimentCalls: 0,
  sentimentFailures: 0,
  piiCalls: 0,
  piiFailures: 0,
  keyPhraseCalls: 0,
  keyPhraseFailures: 0,
  sinkCalls: 0,
  deliveries: 0,
};
const clients: ShopperClient[] = [];

/** Fails every fifth call: 20% of calls, deterministically, so a retried record always gets through. */
class FlakySentiment implements Sentiment {
  async detect(texts: readonly SentimentInput[]) {
    faultCounters.sentimentCalls++;
    if (faultCounters.sentimentCalls % 5 === 0) {
      faultCounters.sentimentFailures++;
      throw new Error('sentiment service unavailable');
    }
    return texts.map((input) => analyseSentiment(input));
  }
}

/** Fails every fifth PII redaction call. */
class FlakyPii extends PatternPiiRedaction {
  override async redact(inputs: readonly PiiInput[]) {
    faultCounters.piiCalls++;
    if (faultCounters.piiCalls % 5 === 0) {
      faultCounters.piiFailures++;
      throw new Error('PII detection throttled');
    }
    return super.redact(inputs);
  }
}

/** Fails every fifth key-phrase call. */
class FlakyKeyPhrases extends WordListKeyPhrases {
  override async extract(inputs: readonly KeyPhraseInput[]) {
    faultCounters.keyPhraseCalls++;
    if (faultCounters.keyPhraseCalls % 5 === 0) {
      faultCounters.keyPhraseFailures++;
      throw new Error('key phrase detection throttled');
    }
    return super.extract(inputs);
  }
}

/** Fails its second write, after which the whole batch must be retried without loss or duplicates. */
class FlakySink extends ParquetAnalyticsSink {
  override async write<K extends FactName>(fact: K, rows: ReadonlyArray<FactRowByName[K]>) {
    faultCounters.sinkCalls++;
    if (faultCounters.sinkCalls === 2) throw new Error('disk full');
    await super.write(fact, rows);
  }
}

async function readFacts(dataDir: string): Promise<Array<Record<string, unknown>>> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const glob = join(dataDir, 'analytics', 'message_facts', 'dt=*', '*.parquet');
      const reader = await connection.runAndReadAll(
        `SELECT event_id, conversation_id, role, intent, redacted_text, defects, key_phrases, sentiment,
           CAST(response_time_ms AS DOUBLE) AS response_time_ms
         FROM read_parquet('${glob}', hive_partitioning = true)`,
      );
      return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function storedMessageCount(): Promise<number> {
  const client = new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' });
  try {
    let count = 0;
    let start: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: test.stack.info.tables.conversations,
          FilterExpression: '#type = :message',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':message': { S: 'message' } },
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey as typeof start;
    } while (start);
    return count;
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  test = await startTestStack();
  faultDir = await mkdtemp(join(tmpdir(), 'afterdesk-fault-'));
  // The stack set the environment and loaded the handler, so these modules are configured already.
  const { createAnalyticsStreamHandler } = await import('../../functions/handlers/analytics-stream');
  const { DynamoDbProcessedEvents } = await import('../../functions/config/analytics');
  const { documentClient } = await import('../../functions/config/dynamodb');
  const flaky = createAnalyticsStreamHandler({
    sink: new FlakySink(faultDir),
    sentiment: new FlakySentiment(),
    enrichment: { pii: new FlakyPii(), keyPhrases: new FlakyKeyPhrases() },
    processedEvents: new DynamoDbProcessedEvents(documentClient, test.stack.info.tables.conversations, {
      claimSeconds: 60,
      markerDays: 1,
      prefix: 'ANALYTICS-FAULT#',
    }),
    answeredMessageAt: async () => null,
  });
  faultPoller = startStreamPoller({
    endpoint: test.stack.info.dynamodbEndpoint,
    tableName: test.stack.info.tables.conversations,
    // The table is fresh: reading from the start cannot miss a message written before the first poll.
    startingPosition: 'TRIM_HORIZON',
    pollIntervalMs: 50,
    maxRetries: 20,
    // Every batch is delivered twice, as a redelivering event source would: the second must be a no-op.
    handler: async (event: DynamoDBStreamEvent) => {
      faultCounters.deliveries++;
      await flaky(event);
      return flaky(event);
    },
    onFailure: async (records) => {
      faultFailures.push(...records);
    },
  });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await faultPoller?.stop();
  await test?.stop();
  if (faultDir) await rm(faultDir, { recursive: true, force: true });
});

describe('analytics pipeline: chat → stream → message facts → named queries', () => {
  it('turns every stored message into one redacted fact that the named queries read', async () => {
    const shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-sam-single'),
    });
    clients.push(shopper);
    await shopper.ask('Where is my order A1006?');
    await shopper.ask(
      `My t-shirt arrived faded and I am very disappointed. Write to ${EMAIL} or call ${PHONE}`,
    );
    await shopper.ask(`La couleur a déteint après un lavage, appelez-moi au ${PHONE_FR}`);
    await shopper.ask(`Me cobraron dos veces en la tarjeta ${CARD}, escríbeme a ${EMAIL_ES}`);
    await shopper.ask(`Bitte rufen Sie mich wegen der Rücksendung an: ${PHONE_DE}`);
    await test.stack.streamsDrained();

    const facts = await readFacts(test.dataDir);
    const messages = await storedMessageCount();
    expect(messages).toBeGreaterThanOrEqual(6);
    expect(facts).toHaveLength(messages);
    expect(new Set(facts.map((fact) => fact.event_id)).size).toBe(facts.length);

    const everything = JSON.stringify(facts);
    for (const pii of [
      EMAIL,
      PHONE,
      '7700 900123',
      PHONE_FR,
      CARD,
      '1111 1111',
      EMAIL_ES,
      PHONE_DE,
      '23456789',
    ])
      expect(everything).not.toContain(pii);
    expect(everything).toContain('[EMAIL]');
    expect(everything).toContain('[PHONE]');
    expect(everything).toContain('[CARD]');

    const shopperFacts = facts.filter((fact) => fact.role === 'shopper');
    expect(shopperFacts).toHaveLength(5);
    expect(shopperFacts.every((fact) => typeof fact.sentiment === 'string')).toBe(true);
    expect(shopperFacts.filter((fact) => (fact.defects as string[]).includes('faded'))).toHaveLength(2);
    expect(shopperFacts.map((fact) => fact.intent)).toContain('track_order');
    const replies = facts.filter((fact) => fact.role === 'assistant');
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(
      replies.every((fact) => typeof fact.response_time_ms === 'number' && fact.response_time_ms >= 0),
    ).toBe(true);

    const now = Date.now();
    const since = new Date(now - 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const until = new Date(now + 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const issues = await runNamedQuery(test.dataDir, 'top-issues', { since, until, timezone: 'UTC' });
    const intents = issues.filter((row) => row.kind === 'intent').map((row) => row.issue);
    expect(intents).toContain('track_order');
  });

  it('loses and duplicates nothing when sentiment, PII and key-phrase calls each fail 20% of the time, the sink fails once and batches are redelivered', async () => {
    const shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-ana'),
    });
    clients.push(shopper);
    for (const text of [
      'Bonjour, où est ma commande ?',
      'Le pull est arrivé troué, je suis furieux',
      'merci, super service',
      'Can I return the shoes?',
      'thanks, great service',
    ])
      await shopper.ask(text);
    await test.stack.streamsDrained();
    await faultPoller.drained();

    const messages = await storedMessageCount();
    const facts = await readFacts(faultDir);
    expect(faultFailures).toEqual([]);
    expect(faultCounters.sentimentFailures).toBeGreaterThan(0);
    expect(faultCounters.piiFailures).toBeGreaterThan(0);
    expect(faultCounters.keyPhraseFailures).toBeGreaterThan(0);
    expect(faultCounters.sinkCalls).toBeGreaterThanOrEqual(2);
    expect(facts).toHaveLength(messages);
    expect(new Set(facts.map((fact) => fact.event_id)).size).toBe(messages);
    // The fault poller and the stack's own poller saw the same records: same event ids, same facts.
    const stackFacts = await readFacts(test.dataDir);
    expect(new Set(stackFacts.map((fact) => fact.event_id))).toEqual(new Set(facts.map((f) => f.event_id)));
  });
});
