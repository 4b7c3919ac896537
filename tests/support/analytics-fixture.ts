import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConversationFact,
  FACT_SCHEMA_VERSION,
  type MessageFact,
  type PhotoFact,
  type ReturnFact,
} from '../../functions/core/analytics/facts';
import { writeFacts } from '../../local/analytics/duckdb';
import { startWebServer } from '../../local/web/server';

/** Shopper-derived text that must come out escaped wherever it is shown. */
export const HOSTILE = '<img src="http://127.0.0.1:9/x.png" onerror="alert(1)">';

const INTENTS = ['track_order', 'return_request', 'damaged_item', 'size_advice', 'payment_issue'];
const CATEGORIES = ['delivery', 'quality', 'service'];
const SKUS = ['RUN-42-BLK', 'TEE-M-RED', 'JKT-L-GRN'];

/** A small deterministic generator, so the fixture is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const iso = (millis: number) => new Date(millis).toISOString();

/**
 * Two ISO weeks of facts, 2026-W46 (Nov 9–15) and 2026-W47 (Nov 16–22), plus a quiet baseline in October,
 * with a defect spike on TEE-M-RED in W47 (a keyword alert) and one hostile SKU and message text.
 */
export function weeklyFacts() {
  const next = random(47);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const messages: MessageFact[] = [];
  const conversations: ConversationFact[] = [];
  const returns: ReturnFact[] = [];
  let id = 0;
  const addMessage = (at: number, fields: Partial<MessageFact>) => {
    id += 1;
    messages.push({
      event_id: `e${id}`,
      schema_version: FACT_SCHEMA_VERSION,
      occurred_at: iso(at),
      dt: iso(at).slice(0, 10),
      conversation_id: `c${id}`,
      channel: 'web',
      language: 'en',
      intent: null,
      complaint_category: null,
      sentiment: 'neutral',
      sentiment_positive: 0.1,
      sentiment_negative: 0.1,
      sentiment_neutral: 0.8,
      sentiment_mixed: 0,
      key_phrases: [],
      defects: [],
      redacted_text: 'hello',
      role: 'shopper',
      response_time_ms: null,
      sku: null,
      ...fields,
    });
  };
  // Baseline for keyword alerts: TEE-M-RED rarely mentions defects in October.
  for (let day = 0; day < 10; day++) {
    addMessage(Date.UTC(2026, 9, 20 + day, 10), { sku: 'TEE-M-RED', intent: 'size_advice' });
  }
  const weeks = [
    { monday: Date.UTC(2026, 10, 9), perDay: 6, spike: false },
    { monday: Date.UTC(2026, 10, 16), perDay: 9, spike: true },
  ];
  for (const week of weeks) {
    for (let day = 0; day < 7; day++) {
      for (let n = 0; n < week.perDay; n++) {
        const at = week.monday + day * 86_400_000 + (8 + Math.floor(next() * 12)) * 3_600_000;
        const intent = pick(INTENTS);
        const sku = pick(SKUS);
        const defective = week.spike && sku === 'TEE-M-RED' && next() < 0.7;
        const angry = next() < 0.2;
        addMessage(at, {
          intent,
          complaint_category: intent === 'damaged_item' ? pick(CATEGORIES) : null,
          sku,
          defects: defective ? ['faded'] : [],
          channel: next() < 0.7 ? 'web' : 'app',
          ...(angry
            ? {
                sentiment: 'negative',
                sentiment_negative: 0.6 + next() * 0.39,
                redacted_text: 'This is broken!',
              }
            : {}),
        });
        const conversationId = `c${id}`;
        const resolvedBy = next() < 0.75 ? 'ai' : 'human';
        if (!angry) {
          const closed: ConversationFact = {
            schema_version: FACT_SCHEMA_VERSION,
            conversation_id: conversationId,
            contact_no: 1,
            reopens: 0,
            channel: 'web',
            opened_at: iso(at),
            closed_at: iso(at + 20 * 60_000),
            first_response_ms: Math.round(800 + next() * (week.spike ? 3000 : 5000)),
            resolved_by: resolvedBy,
            handoffs: resolvedBy === 'human' ? 1 : 0,
            first_contact_resolution: next() < (week.spike ? 0.8 : 0.6),
            worst_sentiment: 'neutral',
            primary_intent: intent,
            dt: iso(at + 20 * 60_000).slice(0, 10),
          };
          conversations.push(closed);
          // Every tenth one is reopened: a later row for the same contact, which the queries count instead.
          if (id % 10 === 0)
            conversations.push({
              ...closed,
              reopens: 1,
              closed_at: iso(at + 140 * 60_000),
              first_contact_resolution: false,
              dt: iso(at + 140 * 60_000).slice(0, 10),
            });
        }
      }
      if (day % 2 === 0) {
        const at = week.monday + day * 86_400_000 + 15 * 3_600_000;
        returns.push({
          schema_version: FACT_SCHEMA_VERSION,
          return_id: `r${returns.length + 1}`,
          order_id: `o${returns.length + 1}`,
          sku: pick(SKUS),
          quantity: 1 + Math.floor(next() * 2),
          reason: pick(['too_small', 'faded', 'damaged']),
          size_related: next() < 0.5,
          state: 'refunded',
          requested_at: iso(at),
          refunded_at: iso(at + 3 * 86_400_000),
          days_to_refund: 3,
          dt: iso(at).slice(0, 10),
        });
      }
    }
  }
  // The hostile row: an open, very negative conversation about a SKU whose name is markup.
  const hostileAt = Date.UTC(2026, 10, 20, 12);
  addMessage(hostileAt, {
    intent: 'damaged_item',
    complaint_category: 'quality',
    sku: HOSTILE,
    sentiment: 'negative',
    sentiment_negative: 0.999,
    redacted_text: `${HOSTILE} <script>alert("x")</script>`,
  });
  returns.push({
    schema_version: FACT_SCHEMA_VERSION,
    return_id: 'r-hostile',
    order_id: 'o-hostile',
    sku: HOSTILE,
    quantity: 1,
    reason: 'damaged',
    size_related: false,
    state: 'requested',
    requested_at: iso(hostileAt),
    refunded_at: null,
    days_to_refund: null,
    dt: iso(hostileAt).slice(0, 10),
  });
  return { messages, conversations, returns, photos: photoFacts() };
}

/** Photos read in both weeks: wrong sizes on the shoe, damage on the tee, one as ordered. */
function photoFacts(): PhotoFact[] {
  const readings: Array<[number, string, string, string]> = [
    [Date.UTC(2026, 10, 10, 9), 'RUN-42-BLK', 'wrong_size', 'exchange'],
    [Date.UTC(2026, 10, 17, 9), 'RUN-42-BLK', 'wrong_size', 'exchange'],
    [Date.UTC(2026, 10, 18, 15), 'TEE-M-RED', 'damage', 'damage_claim'],
    [Date.UTC(2026, 10, 19, 11), 'TEE-M-RED', 'faded_or_stained', 'damage_claim'],
    [Date.UTC(2026, 10, 21, 16), 'JKT-L-GRN', 'as_ordered', 'person_review'],
  ];
  return readings.map(([at, sku, shows, flow], n) => ({
    event_id: `photo-${n}`,
    schema_version: FACT_SCHEMA_VERSION,
    occurred_at: iso(at),
    conversation_id: `s-photo-${n}`,
    photo_no: 0,
    reader: 'bedrock-vision',
    shows,
    flow,
    severity: shows === 'damage' ? 'major' : 'minor',
    confidence: 0.9,
    order_id: `o-photo-${n}`,
    sku,
    language: 'en',
    read_size: shows === 'wrong_size' ? 'EU 44' : null,
    ordered_size: shows === 'wrong_size' ? 'EU 41' : null,
    colour: null,
    retake: null,
    damage_judged: true,
    reused: false,
    dt: iso(at).slice(0, 10),
  }));
}

export async function plantWeeklyFacts(dataDir: string) {
  const facts = weeklyFacts();
  await writeFacts(dataDir, 'message_facts', facts.messages);
  await writeFacts(dataDir, 'conversation_facts', facts.conversations);
  await writeFacts(dataDir, 'return_facts', facts.returns);
  await writeFacts(dataDir, 'photo_facts', facts.photos);
  return facts;
}

/** The local web server over a throwaway data folder holding the planted weeks of facts. */
export async function startAnalyticsWebServer(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await plantWeeklyFacts(dir);
  const web = await startWebServer({
    port: 0,
    dataDir: dir,
    // Nothing here opens a chat: the gateway address only has to be well formed.
    websocketUrl: 'ws://127.0.0.1:9',
    secretFile: join(dir, 'store-secret'),
    photoDir: join(dir, 'photos'),
    // Nothing here uploads a photo either.
    photoOutcomes: {
      recordReady: async () => {},
      recordRefused: async () => {},
    },
  });
  return {
    dir,
    web,
    stop: async () => {
      await web.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
