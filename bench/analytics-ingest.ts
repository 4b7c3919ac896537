import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DynamoDBRecord } from 'aws-lambda';
import { EmbeddedSentiment } from '../functions/adapters/local/embedded-sentiment';
import { ParquetAnalyticsSink } from '../functions/adapters/local/parquet-analytics-sink';
import { PatternPiiRedaction } from '../functions/adapters/local/pattern-pii-redaction';
import { WordListKeyPhrases } from '../functions/adapters/local/word-list-key-phrases';
import { readHeldOutIntents } from '../models/data';

const HELD_OUT = readHeldOutIntents();

import { factDir, writeFacts } from '../local/analytics/duckdb';
import { loadAnalyticsStreamFactory } from '../tests/support/analytics-stream';
import { MemoryContactStateStore } from '../tests/support/memory-contact-state-store';
import { MemoryProcessedEvents } from '../tests/support/memory-processed-events';

/**
 * Ingest: message facts through the real analytics stream handler (Powertools batch processing, language
 * and intent reading, embedded sentiment, PII redaction, key phrases, defect words, contact tracking) into
 * the local Parquet sink, from Conversations-stream records shaped as DynamoDB sends them. Shopper messages
 * are the team's held-out sentences in 17 languages (some with planted e-mails and phone numbers), each
 * answered by an assistant reply.
 *
 * What is not the real thing: processed-event claims and contact state live in memory (against DynamoDB
 * Local every record would add two or three round trips, which measures DynamoDB Local rather than the
 * handler), and records come in batches of BENCH_INGEST_BATCH (default 1,000; a mapping's batch size may go
 * to 10,000) because each local sink write is one Parquet file per day.
 */
const MESSAGES = Number(process.env.BENCH_INGEST_MESSAGES ?? 1_000_000);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 1000);
const MESSAGES_PER_SESSION = 6;
const START = Date.parse('2026-11-16T00:00:00Z');

const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-ingest-'));
const createHandler = await loadAnalyticsStreamFactory();
const shopperTimes = new Map<string, string>();
const handler = createHandler({
  sink: new ParquetAnalyticsSink(dataDir, async () => writeFacts),
  sentiment: new EmbeddedSentiment(),
  enrichment: { pii: new PatternPiiRedaction(), keyPhrases: new WordListKeyPhrases() },
  processedEvents: new MemoryProcessedEvents(),
  contacts: new MemoryContactStateStore(),
  answeredMessageAt: async (message) => shopperTimes.get(`${message.sessionId}#${message.replyTo}`) ?? null,
});

const SHOPPER_TEXTS = HELD_OUT.map((example, index) =>
  index % 20 === 0
    ? `${example.text} — write to me at shopper${index}@example.com or +44 7700 900${index % 1000}`
    : example.text,
);
const REPLY = 'Your order C7781 left the Leipzig hub on 20 November with DHL (JD014600006254).';

function record(index: number): DynamoDBRecord {
  const session = Math.floor(index / MESSAGES_PER_SESSION);
  const seq = index % MESSAGES_PER_SESSION;
  const sessionId = `s-bench-${session.toString(36).padStart(8, '0')}`;
  const shopper = seq % 2 === 0;
  const createdAt = new Date(START + index * 500).toISOString();
  const clientMessageId = `m-${session}-${shopper ? seq : seq - 1}`;
  if (shopper) shopperTimes.set(`${sessionId}#${clientMessageId}`, createdAt);
  const item = {
    pk: `SESSION#${sessionId}`,
    sk: `MSG#${String(seq).padStart(10, '0')}`,
    type: 'message',
    sessionId,
    seq,
    role: shopper ? 'shopper' : 'assistant',
    text: shopper ? (SHOPPER_TEXTS[index % SHOPPER_TEXTS.length] as string) : REPLY,
    createdAt,
    ...(shopper ? { clientMessageId } : { replyTo: clientMessageId, language: 'en', intent: 'track_order' }),
  };
  return {
    eventID: `evt-${index}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item) as never,
      SequenceNumber: String(1e20 + index),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

let failed = 0;
const started = performance.now();
for (let first = 0; first < MESSAGES; first += BATCH) {
  const records: DynamoDBRecord[] = [];
  for (let index = first; index < Math.min(MESSAGES, first + BATCH); index++) records.push(record(index));
  const response = await handler({ Records: records });
  failed += response.batchItemFailures.length;
  if (first % (BATCH * 100) === 0 && first > 0) {
    const rate = first / ((performance.now() - started) / 1000);
    process.stderr.write(`  ${first.toLocaleString('en')} records, ${Math.round(rate)} facts/s\n`);
  }
}
const seconds = (performance.now() - started) / 1000;

const db = await (await DuckDBInstance.create(':memory:')).connect();
const counted = await db.runAndReadAll(
  `SELECT count(*) AS facts, count(DISTINCT event_id) AS distinct_ids
   FROM read_parquet('${factDir(dataDir, 'message_facts')}/**/*.parquet')`,
);
const [facts, distinct] = (counted.getRows()[0] ?? []).map(Number);
await rm(dataDir, { recursive: true, force: true });

console.log(
  `# Analytics ingest — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores\n`,
);
console.log(
  '| records in | batch | failed records | facts in Parquet | distinct event ids | seconds | facts/s |',
);
console.log('|---|---|---|---|---|---|---|');
console.log(
  `| ${MESSAGES.toLocaleString('en')} | ${BATCH} | ${failed} | ${facts?.toLocaleString('en')} | ${distinct?.toLocaleString('en')} | ${seconds.toFixed(1)} | ${Math.round((facts ?? 0) / seconds).toLocaleString('en')} |`,
);
if (failed > 0 || facts !== MESSAGES || distinct !== MESSAGES) process.exitCode = 1;
