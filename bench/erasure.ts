import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FACT_SCHEMA_VERSION, type MessageFact } from '../functions/core/analytics/facts';
import { LocalCustomerFacts } from '../local/analytics/customer-facts';
import { readableParts, writeFacts } from '../local/analytics/duckdb';

/**
 * Time to erase one customer from 1M message facts locally: 30 daily partitions written in batches the way
 * the stream handler writes them (one part file per batch and day), one customer's 12 sessions spread over
 * them, then LocalCustomerFacts.erase (find the files holding the rows, rewrite those, rename over).
 */
const TOTAL = Number(process.env.BENCH_FACTS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 20_000);
const DAYS = 30;
const SESSIONS = 12;

function row(i: number, sessionId: string): MessageFact {
  const day = i % DAYS;
  const at = new Date(Date.UTC(2026, 10, 1 + day, 8 + (i % 12), i % 60)).toISOString();
  return {
    event_id: `e${i}`,
    schema_version: FACT_SCHEMA_VERSION,
    occurred_at: at,
    dt: at.slice(0, 10),
    conversation_id: sessionId,
    channel: 'web',
    language: 'en',
    intent: 'track_order',
    complaint_category: null,
    sentiment: 'neutral',
    sentiment_positive: 0.1,
    sentiment_negative: 0.1,
    sentiment_neutral: 0.8,
    sentiment_mixed: 0,
    key_phrases: ['order'],
    defects: [],
    redacted_text: 'Where is my order? [EMAIL]',
    role: i % 2 ? 'assistant' : 'shopper',
    response_time_ms: null,
    sku: null,
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-erasure-'));
try {
  const target = Array.from({ length: SESSIONS }, (_, n) => `s-target-${n}`);
  let planted = 0;
  const writeStart = performance.now();
  for (let start = 0; start < TOTAL; start += BATCH) {
    const rows: MessageFact[] = [];
    for (let i = start; i < Math.min(TOTAL, start + BATCH); i++) {
      // About one row in 5,000 is the customer's (200 of 1M), in every batch and day.
      const mine = i % 5000 === 17;
      if (mine) planted++;
      rows.push(row(i, mine ? (target[i % SESSIONS] as string) : `s-${i % 250_000}`));
    }
    await writeFacts(dataDir, 'message_facts', rows);
  }
  const writeMs = performance.now() - writeStart;
  const files = readableParts(dataDir, 'message_facts').files.length;
  const facts = new LocalCustomerFacts(dataDir);
  const footprint = {
    customerId: 'c-target',
    principals: ['c-target'],
    orderIds: [],
    returnIds: [],
    claimIds: [],
    sessionIds: target,
  };
  const eraseStart = performance.now();
  const counts = await facts.erase(footprint);
  const eraseMs = performance.now() - eraseStart;
  const left = (await facts.read(footprint)).message_facts?.length ?? 0;
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        loadavg: loadavg().map((value) => Number(value.toFixed(2))),
        facts: TOTAL,
        partFiles: files,
        customerRows: planted,
        removed: counts.message_facts,
        leftAfter: left,
        writeSeconds: Number((writeMs / 1000).toFixed(1)),
        eraseSeconds: Number((eraseMs / 1000).toFixed(2)),
      },
      null,
      2,
    ),
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
