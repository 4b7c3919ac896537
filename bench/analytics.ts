import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import type {
  ConversationFact,
  FactName,
  MessageFact,
  ReturnFact,
  SentimentLabel,
} from '../functions/core/analytics/facts';
import {
  bindNamedParameters,
  NAMED_QUERIES,
  type QueryParams,
  toSqlTimestamp,
} from '../functions/core/analytics/named-queries';
import { factDir, readNamedQuery, runNamedQuery, writeFacts } from '../local/analytics/duckdb';

/**
 * The analytics path at scale: synthetic message facts (with the conversation and return facts the same
 * conversations would produce) over 90 days, written as `dt=` partitioned Parquet with the project's own
 * writer, then every named query on DuckDB, and what Athena would bill for the same query.
 *
 * BENCH_ANALYTICS_ROWS: comma-separated message-fact counts. The default is `1000000` because the 10M run
 * (`1000000,10000000`) takes about 11 minutes on two shared cores, about 1 GB of temp disk and 2 GB of RSS.
 */
const SIZES = (process.env.BENCH_ANALYTICS_ROWS ?? '1000000')
  .split(',')
  .map((value) => Number(value.trim()))
  .filter((value) => Number.isInteger(value) && value > 0);
const DAYS = 90;
const END = Date.parse('2026-11-23T00:00:00Z');
const START = END - DAYS * 86_400_000;
const RUNS_PER_QUERY = 3;
const ATHENA_USD_PER_TB = 5;
const ATHENA_MIN_BYTES = 10 * 2 ** 20;
const TB = 2 ** 40;

// Deterministic, so runs at the same size write the same data.
let seed = 0x9e3779b9;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (below: number) => Math.floor(random() * below);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const hex = (length: number) => {
  let out = '';
  while (out.length < length) out += (random() * 2 ** 32).toString(16).padStart(8, '0').slice(0, 8);
  return out.slice(0, length);
};
const uuid = () => {
  const h = hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
/** Box-Muller; log-normal durations give the long tails real response times have. */
const logNormal = (median: number, sigma: number) =>
  median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));

function weighted<T extends string>(weights: Record<T, number>): () => T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = random() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries.at(-1) as [T, number])[0];
  };
}

const language = weighted({
  en: 25,
  es: 12,
  fr: 8,
  de: 8,
  zh: 8,
  pt: 6,
  it: 4,
  ru: 4,
  ar: 4,
  ja: 4,
  nl: 3,
  pl: 3,
  tr: 3,
  ko: 3,
  id: 2,
  vi: 2,
  th: 1,
});
const channel = weighted({ web: 60, app: 30, instagram: 6, whatsapp: 4 });
const intent = weighted({
  track_order: 24,
  delivery_problem: 8,
  return_request: 10,
  exchange_request: 4,
  refund_status: 6,
  damaged_item: 6,
  wrong_item: 2,
  size_advice: 6,
  product_question: 8,
  policy_question: 4,
  cancel_order: 3,
  change_order: 2,
  payment_issue: 2,
  complaint: 5,
  human_agent: 2,
  account: 1,
  smalltalk: 5,
  other: 2,
});
const returnReason = weighted({
  too_small: 30,
  too_large: 18,
  damaged: 12,
  faded: 6,
  wrong_item: 8,
  not_as_described: 14,
  changed_mind: 12,
});
const returnState = weighted({
  requested: 8,
  approved: 10,
  rejected: 4,
  received: 8,
  refunded: 62,
  cancelled: 8,
});

/** Per language: order question, return request, complaint around a defect word, thanks. */
const PHRASES: Record<string, { texts: [string, string, string, string]; defects: Record<string, string> }> =
  {
    en: {
      texts: [
        'where is my order {o}',
        'I would like to return {s}, it does not fit',
        'the {s} arrived {d}, not happy',
        'thanks, that helps a lot',
      ],
      defects: { broken: 'broken', faded: 'faded', torn: 'torn', stained: 'stained' },
    },
    es: {
      texts: [
        'dónde está mi pedido {o}',
        'quiero devolver {s}, no me queda bien',
        'el {s} llegó {d}, qué decepción',
        'gracias, muy amable',
      ],
      defects: { broken: 'roto', faded: 'desteñido', torn: 'rasgado', stained: 'manchado' },
    },
    fr: {
      texts: [
        'où est ma commande {o}',
        'je voudrais retourner {s}, la taille ne va pas',
        'le {s} est arrivé {d}, très déçu',
        'merci beaucoup',
      ],
      defects: { broken: 'cassé', faded: 'décoloré', torn: 'déchiré', stained: 'taché' },
    },
    de: {
      texts: [
        'wo ist meine Bestellung {o}',
        'ich möchte {s} zurückschicken, passt nicht',
        '{s} kam {d} an, ärgerlich',
        'danke, sehr hilfreich',
      ],
      defects: { broken: 'kaputt', faded: 'verblasst', torn: 'gerissen', stained: 'fleckig' },
    },
    it: {
      texts: [
        'dov’è il mio ordine {o}',
        'vorrei restituire {s}, non mi sta',
        '{s} è arrivato {d}, che delusione',
        'grazie mille',
      ],
      defects: { broken: 'rotto', faded: 'scolorito', torn: 'strappato', stained: 'macchiato' },
    },
    pt: {
      texts: [
        'onde está o meu pedido {o}',
        'quero devolver {s}, ficou pequeno',
        'o {s} chegou {d}, que pena',
        'obrigado, ajudou muito',
      ],
      defects: { broken: 'quebrado', faded: 'desbotado', torn: 'rasgado', stained: 'manchado' },
    },
    nl: {
      texts: [
        'waar is mijn bestelling {o}',
        'ik wil {s} retourneren, past niet',
        '{s} kwam {d} aan, jammer',
        'bedankt, top',
      ],
      defects: { broken: 'kapot', faded: 'verkleurd', torn: 'gescheurd', stained: 'vlekken' },
    },
    pl: {
      texts: [
        'gdzie jest moje zamówienie {o}',
        'chcę zwrócić {s}, za mały',
        '{s} przyszedł {d}, szkoda',
        'dziękuję bardzo',
      ],
      defects: { broken: 'zepsuty', faded: 'wyblakły', torn: 'rozdarty', stained: 'poplamiony' },
    },
    ru: {
      texts: [
        'где мой заказ {o}',
        'хочу вернуть {s}, не подошёл размер',
        '{s} пришёл {d}, очень обидно',
        'спасибо большое',
      ],
      defects: { broken: 'сломанный', faded: 'выцветший', torn: 'порванный', stained: 'грязный' },
    },
    tr: {
      texts: [
        'siparişim {o} nerede',
        '{s} iade etmek istiyorum, olmadı',
        '{s} {d} geldi, çok üzgünüm',
        'çok teşekkürler',
      ],
      defects: { broken: 'kırık', faded: 'solmuş', torn: 'yırtık', stained: 'lekeli' },
    },
    ar: {
      texts: ['أين طلبي {o}', 'أريد إرجاع {s}، المقاس غير مناسب', 'وصل {s} {d}، أنا مستاء', 'شكرا جزيلا'],
      defects: { broken: 'مكسور', faded: 'باهت', torn: 'ممزق', stained: 'متسخ' },
    },
    zh: {
      texts: ['我的订单{o}在哪里', '我想退货{s}，尺码不合适', '{s}收到时{d}了，很失望', '谢谢，帮了大忙'],
      defects: { broken: '坏', faded: '褪色', torn: '破', stained: '脏' },
    },
    ja: {
      texts: [
        '注文{o}はどこですか',
        '{s}を返品したいです、サイズが合いません',
        '{s}が{d}状態で届きました、残念です',
        'ありがとうございました',
      ],
      defects: { broken: '壊れた', faded: '色落ちした', torn: '破れた', stained: '汚れた' },
    },
    ko: {
      texts: [
        '제 주문 {o} 어디쯤인가요',
        '{s} 반품하고 싶어요, 사이즈가 안 맞아요',
        '{s}가 {d} 상태로 왔어요, 실망이에요',
        '감사합니다',
      ],
      defects: { broken: '파손된', faded: '색이 바랜', torn: '찢어진', stained: '얼룩진' },
    },
    id: {
      texts: [
        'pesanan saya {o} di mana',
        'saya mau retur {s}, kekecilan',
        '{s} datang {d}, kecewa',
        'terima kasih banyak',
      ],
      defects: { broken: 'rusak', faded: 'luntur', torn: 'sobek', stained: 'bernoda' },
    },
    vi: {
      texts: [
        'đơn hàng {o} của tôi đâu rồi',
        'tôi muốn trả lại {s}, không vừa',
        '{s} đến nơi bị {d}, thất vọng',
        'cảm ơn nhiều',
      ],
      defects: { broken: 'vỡ', faded: 'phai màu', torn: 'rách', stained: 'bẩn' },
    },
    th: {
      texts: ['คำสั่งซื้อ {o} ของฉันอยู่ที่ไหน', 'อยากคืน {s} ไซส์ไม่พอดี', '{s} มาถึงแบบ{d} ผิดหวังมาก', 'ขอบคุณมากค่ะ'],
      defects: { broken: 'แตก', faded: 'สีซีด', torn: 'ขาด', stained: 'เปื้อน' },
    },
  };
const DEFECT_IDS = ['broken', 'faded', 'torn', 'stained'] as const;
const REPLIES = [
  'Your order {o} is on its way with DHL, tracking JD0146{n}, expected in 2 days.',
  'I have opened a return for {s}. You will receive a prepaid label at [EMAIL].',
  'I am sorry about the {s}. I have asked our team to send a replacement today.',
  'Your refund for order {o} was issued and should reach you within 5 business days.',
  'The {s} runs true to size; if you are between sizes, take the larger one.',
  'You are welcome! Is there anything else I can help with?',
];

const SKU_FAMILIES = ['TEE', 'RUN', 'JKT', 'DRS', 'BAG', 'CAP', 'SOC', 'JNS', 'SWT', 'WCH'];
const COLOURS = ['BLK', 'WHT', 'RED', 'NVY', 'GRN', 'GRY', 'BEI', 'PNK'];
const SKUS = Array.from(
  { length: 3000 },
  (_, i) => `${SKU_FAMILIES[i % 10]}-${String(100 + Math.floor(i / 10)).padStart(3, '0')}-${COLOURS[i % 8]}`,
);
// Zipf-like popularity: a few best sellers carry most conversations.
const SKU_CUMULATIVE = (() => {
  let sum = 0;
  return SKUS.map((_, i) => {
    sum += 1 / (i + 1) ** 0.9;
    return sum;
  });
})();
function sku(): string {
  const target = random() * (SKU_CUMULATIVE.at(-1) as number);
  let low = 0;
  let high = SKU_CUMULATIVE.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((SKU_CUMULATIVE[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return SKUS[low] as string;
}
/** A bad batch: these SKUs start drawing far more defect complaints in the last 10 days. */
const BAD_BATCH = new Set(SKUS.slice(5, 30).filter((_, i) => i % 5 === 0));
const BAD_BATCH_FROM = END - 10 * 86_400_000;

/** Conversations per hour of the day (UTC), a shape peaking in the European afternoon. */
const HOURLY = [2, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 10, 11, 12, 12, 11, 10, 10, 9, 8, 7, 5, 4, 3];
const hour = weighted(Object.fromEntries(HOURLY.map((weight, h) => [String(h), weight])));

const iso = (millis: number) => new Date(millis).toISOString();
const day = (millis: number) => iso(millis).slice(0, 10);

function sentimentFor(topic: string): SentimentLabel {
  const roll = random();
  if (
    topic === 'complaint' ||
    topic === 'damaged_item' ||
    topic === 'delivery_problem' ||
    topic === 'wrong_item'
  )
    return roll < 0.7 ? 'negative' : roll < 0.85 ? 'mixed' : 'neutral';
  if (topic === 'smalltalk') return roll < 0.7 ? 'positive' : 'neutral';
  return roll < 0.72 ? 'neutral' : roll < 0.84 ? 'negative' : roll < 0.95 ? 'positive' : 'mixed';
}

function scoresFor(label: SentimentLabel) {
  const main = 0.55 + random() * 0.43;
  const rest = 1 - main;
  const a = rest * random();
  const b = rest * random() * (1 - a / Math.max(rest, 1e-9));
  const c = Math.max(0, rest - a - b);
  const others = (['positive', 'negative', 'neutral', 'mixed'] as const).filter((key) => key !== label);
  const scores = { positive: 0, negative: 0, neutral: 0, mixed: 0 };
  scores[label] = main;
  [a, b, c].forEach((value, i) => {
    scores[others[i] as keyof typeof scores] = value;
  });
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return {
    sentiment_positive: round(scores.positive),
    sentiment_negative: round(scores.negative),
    sentiment_neutral: round(scores.neutral),
    sentiment_mixed: round(scores.mixed),
  };
}

const CATEGORY: Record<string, string> = {
  delivery_problem: 'delivery',
  damaged_item: 'quality',
  wrong_item: 'fulfilment',
  payment_issue: 'payment',
};

interface Buckets {
  message_facts: Map<string, MessageFact[]>;
  conversation_facts: Map<string, ConversationFact[]>;
  return_facts: Map<string, ReturnFact[]>;
}

function push<T>(buckets: Map<string, T[]>, dt: string, row: T) {
  const rows = buckets.get(dt) ?? [];
  rows.push(row);
  buckets.set(dt, rows);
}

/** One conversation's facts; returns the number of message facts it made. */
function conversation(openedAt: number, buckets: Buckets): number {
  const conversationId = uuid();
  const lang = language();
  const phrases = PHRASES[lang] ?? (PHRASES.en as (typeof PHRASES)[string]);
  const surface = channel();
  const product = random() < 0.75 ? sku() : null;
  const order = `#A${100000 + int(900000)}`;
  const turns = 1 + (random() < 0.55 ? 0 : random() < 0.6 ? 1 : 2 + int(3));
  let at = openedAt;
  let messages = 0;
  let firstResponse: number | null = null;
  let handoffs = 0;
  let worst: SentimentLabel | null = null;
  let primary: string | null = null;
  let topic = intent();
  const severity: Record<SentimentLabel, number> = { negative: 3, mixed: 2, neutral: 1, positive: 0 };
  for (let turn = 0; turn < turns; turn++) {
    if (turn > 0) topic = random() < 0.6 ? topic : random() < 0.5 ? 'smalltalk' : intent();
    primary ??= topic;
    const label = sentimentFor(topic);
    if (worst === null || severity[label] > severity[worst]) worst = label;
    const defectRate = product && BAD_BATCH.has(product) && at >= BAD_BATCH_FROM ? 0.5 : 0.03;
    const complaining = topic === 'damaged_item' || topic === 'complaint' || random() < defectRate;
    const defect = complaining && random() < 0.7 ? pick(DEFECT_IDS) : null;
    const template =
      topic === 'smalltalk'
        ? phrases.texts[3]
        : defect || complaining
          ? phrases.texts[2]
          : topic === 'return_request' || topic === 'exchange_request'
            ? phrases.texts[1]
            : phrases.texts[0];
    const text = template
      .replace('{o}', order)
      .replace('{s}', product ?? 'item')
      .replace('{d}', phrases.defects[defect ?? 'broken'] as string);
    const words = text.split(/[\s,，、]+/).filter((word) => word.length > 3);
    push(buckets.message_facts, day(at), {
      event_id: uuid(),
      schema_version: 1,
      occurred_at: iso(at),
      dt: day(at),
      conversation_id: conversationId,
      channel: surface,
      language: lang,
      intent: topic,
      complaint_category:
        topic === 'complaint' || topic === 'damaged_item' || defect
          ? (CATEGORY[topic] ?? (defect ? 'quality' : pick(['service', 'price', 'delivery'])))
          : (CATEGORY[topic] ?? null),
      sentiment: label,
      ...scoresFor(label),
      key_phrases: words.slice(0, 1 + int(3)),
      defects: defect ? [defect] : [],
      redacted_text: text,
      role: 'shopper',
      response_time_ms: null,
      sku: product,
    });
    messages++;
    const human = topic === 'human_agent' || (label === 'negative' && random() < 0.25);
    if (human) handoffs++;
    const wait = Math.round(human ? logNormal(180_000, 1) : logNormal(1_400, 0.5));
    at += wait;
    firstResponse ??= wait;
    push(buckets.message_facts, day(at), {
      event_id: uuid(),
      schema_version: 1,
      occurred_at: iso(at),
      dt: day(at),
      conversation_id: conversationId,
      channel: surface,
      language: lang,
      intent: null,
      complaint_category: null,
      sentiment: null,
      sentiment_positive: null,
      sentiment_negative: null,
      sentiment_neutral: null,
      sentiment_mixed: null,
      key_phrases: [],
      defects: [],
      redacted_text: pick(REPLIES)
        .replace('{o}', order)
        .replace('{s}', product ?? 'item')
        .replace('{n}', String(int(1e8)).padStart(8, '0')),
      role: human ? 'agent' : 'assistant',
      response_time_ms: wait,
      sku: product,
    });
    messages++;
    at += Math.round(logNormal(60_000, 1.2));
  }
  const closed = random() < 0.85;
  const closedAt = closed ? at + Math.round(logNormal(600_000, 1)) : null;
  push(buckets.conversation_facts, day(closedAt ?? openedAt), {
    schema_version: 1,
    conversation_id: conversationId,
    channel: surface,
    opened_at: iso(openedAt),
    closed_at: closedAt === null ? null : iso(closedAt),
    first_response_ms: firstResponse,
    resolved_by: closed ? (handoffs > 0 ? 'human' : 'ai') : null,
    handoffs,
    first_contact_resolution: closed && turns <= 2 && random() < 0.8,
    worst_sentiment: worst,
    primary_intent: primary,
    dt: day(closedAt ?? openedAt),
  });
  if (product && (primary === 'return_request' || primary === 'damaged_item') && random() < 0.6) {
    const reason = primary === 'damaged_item' ? 'damaged' : returnReason();
    const state = returnState();
    const days = state === 'refunded' ? 2 + logNormal(6, 0.5) : null;
    push(buckets.return_facts, day(openedAt), {
      schema_version: 1,
      return_id: uuid(),
      order_id: order.slice(1),
      sku: product,
      quantity: random() < 0.9 ? 1 : 2,
      reason,
      size_related: reason === 'too_small' || reason === 'too_large',
      state,
      requested_at: iso(openedAt),
      refunded_at: days === null ? null : iso(openedAt + days * 86_400_000),
      days_to_refund: days === null ? null : Math.round(days * 100) / 100,
      dt: day(openedAt),
    });
  }
  return messages;
}

interface Ingest {
  messages: number;
  conversations: number;
  returns: number;
  generateMs: number;
  writeMs: Record<'message_facts' | 'conversation_facts' | 'return_facts', number>;
}

/**
 * Day by day, so memory stays one day's rows at 10M. A conversation opened late may reach the next day, so
 * a day's partition is written once the following day has been generated.
 */
async function ingest(dataDir: string, targetMessages: number): Promise<Ingest> {
  const buckets: Buckets = {
    message_facts: new Map(),
    conversation_facts: new Map(),
    return_facts: new Map(),
  };
  const result: Ingest = {
    messages: 0,
    conversations: 0,
    returns: 0,
    generateMs: 0,
    writeMs: { message_facts: 0, conversation_facts: 0, return_facts: 0 },
  };
  const facts = ['message_facts', 'conversation_facts', 'return_facts'] as const;
  async function flush(before: string | null) {
    for (const fact of facts) {
      const bucket = buckets[fact] as Map<string, Array<MessageFact | ConversationFact | ReturnFact>>;
      for (const [dt, rows] of [...bucket.entries()]) {
        if (before !== null && dt >= before) continue;
        const started = performance.now();
        await writeFacts(dataDir, fact as FactName, rows as never);
        result.writeMs[fact] += performance.now() - started;
        if (fact === 'message_facts') result.messages += rows.length;
        if (fact === 'conversation_facts') result.conversations += rows.length;
        if (fact === 'return_facts') result.returns += rows.length;
        bucket.delete(dt);
      }
    }
  }
  // A slow rise over the quarter and quieter weekends, as shops see.
  const weights = Array.from({ length: DAYS }, (_, d) => {
    const weekday = new Date(START + d * 86_400_000).getUTCDay();
    return (0.8 + (0.4 * d) / DAYS) * (weekday === 0 || weekday === 6 ? 0.75 : 1);
  });
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  let generated = 0;
  let cumulative = 0;
  for (let d = 0; d < DAYS; d++) {
    const dayStart = START + d * 86_400_000;
    cumulative += weights[d] as number;
    const goal = Math.round((targetMessages * cumulative) / totalWeight);
    const started = performance.now();
    while (generated < goal) {
      const openedAt = dayStart + Number(hour()) * 3_600_000 + int(3_600_000);
      generated += conversation(openedAt, buckets);
    }
    result.generateMs += performance.now() - started;
    await flush(day(dayStart));
  }
  await flush(null);
  return result;
}

interface ColumnBytes {
  /** `fact/dt=…` → column → compressed bytes. */
  byPartition: Map<string, Map<string, number>>;
  totalBytes: number;
  files: number;
}

async function parquetSizes(dataDir: string): Promise<ColumnBytes> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const byPartition = new Map<string, Map<string, number>>();
    let totalBytes = 0;
    let files = 0;
    for (const fact of ['message_facts', 'conversation_facts', 'return_facts'] as const) {
      const glob = join(factDir(dataDir, fact), 'dt=*', '*.parquet');
      const columns = await connection.runAndReadAll(
        `SELECT regexp_extract(file_name, 'dt=([0-9-]+)', 1) AS dt, split_part(path_in_schema, ',', 1) AS col,
           sum(total_compressed_size)::BIGINT AS bytes
         FROM parquet_metadata('${glob}') GROUP BY ALL`,
      );
      for (const row of columns.getRowObjectsJS()) {
        const key = `${fact}/${row.dt}`;
        const entry = byPartition.get(key) ?? new Map<string, number>();
        entry.set(String(row.col).trim(), Number(row.bytes));
        byPartition.set(key, entry);
      }
      const sizes = await connection.runAndReadAll(
        `SELECT count(*)::BIGINT AS files, sum(size)::BIGINT AS bytes FROM read_blob('${glob}')`,
      );
      const [size] = sizes.getRowObjectsJS();
      totalBytes += Number(size?.bytes ?? 0);
      files += Number(size?.files ?? 0);
    }
    return { byPartition, totalBytes, files };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const windows: Array<{ name: string; params: QueryParams }> = [
  { name: 'last 7 days', since: END - 7 * 86_400_000 },
  { name: 'whole 90 days', since: START },
].map(({ name, since }) => ({
  name,
  params: {
    since: toSqlTimestamp(new Date(since)),
    until: toSqlTimestamp(new Date(END)),
    timezone: 'Asia/Shanghai',
  },
}));

const COMPAT_SQL = new URL('../local/analytics/athena-compat.sql', import.meta.url);
const FACTS = ['message_facts', 'conversation_facts', 'return_facts'] as const;

interface PlanNode {
  name: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

interface Scan {
  fact: string;
  columns: string[];
  partitions: string[];
  /** How many times Athena reads it: Trino inlines a CTE at each reference, DuckDB materialises it once. */
  times: number;
  bytes: number;
}

const asList = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/**
 * What Athena would read for one query: DuckDB's plan names each Parquet scan's projected and filtered
 * columns and its partition filter; the bytes are those columns' compressed sizes in the matching `dt=`
 * partitions, summed from parquet_metadata. The plan does not name the file a scan reads, so the fact is the
 * one holding all its projected columns and most of its filtered ones.
 */
async function athenaScans(
  connection: Awaited<ReturnType<DuckDBInstance['connect']>>,
  sizes: ColumnBytes,
  name: string,
  params: QueryParams,
): Promise<Scan[]> {
  const bound = bindNamedParameters(await readNamedQuery(name), 'dollar');
  const values = Object.fromEntries(bound.order.map((key) => [key, params[key as keyof QueryParams]]));
  const explained = await connection.runAndReadAll(`EXPLAIN (FORMAT json) ${bound.sql}`, values);
  const plan = JSON.parse(String(explained.getRowObjectsJS()[0]?.explain_value)) as PlanNode[];
  const columnsOf = new Map<string, Set<string>>();
  for (const [key, columns] of sizes.byPartition) {
    const fact = key.split('/')[0] as string;
    const set = columnsOf.get(fact) ?? new Set<string>();
    for (const column of columns.keys()) if (column !== 'dt') set.add(column);
    columnsOf.set(fact, set);
  }
  const cteReferences = new Map<string, number>();
  const countReferences = (node: PlanNode) => {
    const index = node.extra_info?.['CTE Index'];
    if (node.name === 'CTE_SCAN' && index !== undefined)
      cteReferences.set(String(index), (cteReferences.get(String(index)) ?? 0) + 1);
    for (const child of node.children ?? []) countReferences(child);
  };
  plan.forEach(countReferences);
  const scans: Scan[] = [];
  const visit = async (node: PlanNode, times: number): Promise<void> => {
    const info = node.extra_info ?? {};
    if (node.name === 'CTE') {
      const [definition, ...rest] = node.children ?? [];
      const references = cteReferences.get(String(info['Table Index'])) ?? 1;
      if (definition) await visit(definition, times * references);
      for (const child of rest) await visit(child, times);
      return;
    }
    if (node.name === 'READ_PARQUET') {
      const filters = asList(info.Filters).join(' ');
      const projected = asList(info.Projections);
      const candidates = [...columnsOf.entries()]
        .filter(([, columns]) => projected.every((column) => columns.has(column)))
        .map(([fact, columns]) => ({
          fact,
          named: new Set([
            ...projected,
            ...[...columns].filter((column) => new RegExp(`\\b${column}\\b`).test(filters)),
          ]),
        }))
        .sort((a, b) => b.named.size - a.named.size);
      const [chosen, runnerUp] = candidates;
      if (!chosen || (runnerUp && runnerUp.named.size === chosen.named.size))
        throw new Error(`${name}: cannot tell which fact a scan of ${projected.join(', ')} reads`);
      const { fact, named } = chosen;
      const fileFilter = info['File Filters'] ? String(info['File Filters']) : 'true';
      const days = [...sizes.byPartition.keys()]
        .filter((key) => key.startsWith(`${fact}/`))
        .map((key) => key.slice(fact.length + 1));
      const matched = await connection.runAndReadAll(
        `SELECT dt FROM (SELECT unnest($days::VARCHAR[]) AS dt) WHERE ${fileFilter} ORDER BY dt`,
        { days: `[${days.map((dt) => `'${dt}'`).join(',')}]` },
      );
      const partitions = matched.getRowObjectsJS().map((row) => String(row.dt));
      let bytes = 0;
      for (const dt of partitions) {
        const sizesOfDay = sizes.byPartition.get(`${fact}/${dt}`);
        for (const column of named) bytes += sizesOfDay?.get(column) ?? 0;
      }
      scans.push({ fact, columns: [...named].sort(), partitions, times, bytes: bytes * times });
      return;
    }
    for (const child of node.children ?? []) await visit(child, times);
  };
  for (const node of plan) await visit(node, 1);
  return scans;
}

async function explainConnection(dataDir: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  // Statistics let DuckDB drop a filter every row passes (a window covering all the data); Athena still
  // reads that column, so the plan must keep it.
  await connection.run("SET disabled_optimizers = 'statistics_propagation'");
  await connection.run(await readFile(COMPAT_SQL, 'utf8'));
  for (const fact of FACTS) {
    const glob = join(factDir(dataDir, fact), 'dt=*', '*.parquet');
    await connection.run(`CREATE VIEW ${fact} AS SELECT * FROM read_parquet('${glob}',
      hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true)`);
  }
  // No benchmark query reads tickets; the view exists so every query binds.
  await connection.run('CREATE VIEW ticket_facts AS SELECT CAST(NULL AS VARCHAR) AS dt WHERE false');
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const seconds = (millis: number) => (millis / 1000).toFixed(1);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function benchmark(rows: number): Promise<void> {
  seed = 0x9e3779b9;
  const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-bench-analytics-'));
  try {
    const ingested = await ingest(dataDir, rows);
    const sizes = await parquetSizes(dataDir);
    const writeAll = Object.values(ingested.writeMs).reduce((sum, value) => sum + value, 0);
    const allRows = ingested.messages + ingested.conversations + ingested.returns;
    console.log(`\n## ${thousands(ingested.messages)} message facts over ${DAYS} days\n`);
    console.log(
      '| message facts | conversation facts | return facts | generate s | write message facts s | message facts rows/s | write all facts s | all facts rows/s | Parquet files | Parquet bytes | bytes / message fact |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${thousands(ingested.messages)} | ${thousands(ingested.conversations)} | ${thousands(ingested.returns)} | ${seconds(ingested.generateMs)} | ${seconds(ingested.writeMs.message_facts)} | ${thousands(ingested.messages / (ingested.writeMs.message_facts / 1000))} | ${seconds(writeAll)} | ${thousands(allRows / (writeAll / 1000))} | ${sizes.files} | ${thousands(sizes.totalBytes)} (${mb(sizes.totalBytes)}) | ${(sizes.totalBytes / ingested.messages).toFixed(1)} |`,
    );

    const explain = await explainConnection(dataDir);
    const results: string[] = [];
    let weeklyCost = 0;
    try {
      for (const window of windows) {
        for (const name of NAMED_QUERIES) {
          const timings: number[] = [];
          let answered = 0;
          for (let run = 0; run < RUNS_PER_QUERY; run++) {
            const started = performance.now();
            answered = (await runNamedQuery(dataDir, name, window.params)).length;
            timings.push(performance.now() - started);
          }
          const scans = await athenaScans(explain.connection, sizes, name, window.params);
          const scanned = scans.reduce((sum, scan) => sum + scan.bytes, 0);
          const billed = Math.max(ATHENA_MIN_BYTES, Math.ceil(scanned / 2 ** 20) * 2 ** 20);
          const cost = (billed / TB) * ATHENA_USD_PER_TB;
          if (window === windows[0]) weeklyCost += cost;
          const read = scans
            .map(
              (scan) =>
                `${scan.fact} ${scan.partitions.length} dt × ${scan.columns.length} col${scan.times > 1 ? ` × ${scan.times} (CTE)` : ''}`,
            )
            .join('; ');
          results.push(
            `| ${name} | ${window.name} | ${median(timings).toFixed(0)} | ${Math.min(...timings).toFixed(0)}–${Math.max(...timings).toFixed(0)} | ${answered} | ${read} | ${mb(scanned)} | $${cost.toFixed(6)} |`,
          );
        }
      }
    } finally {
      explain.close();
    }
    console.log(
      `\nDuckDB: runNamedQuery, each call a fresh in-memory DuckDB, ${RUNS_PER_QUERY} runs per query. Athena: bytes the same scans would read, $${ATHENA_USD_PER_TB}/TB, ${mb(ATHENA_MIN_BYTES)} minimum per query.\n`,
    );
    console.log(
      '| query | window | DuckDB median ms | min–max ms | rows | Athena reads (partitions × columns) | Athena bytes scanned | Athena cost |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const line of results) console.log(line);
    console.log(
      `\nAll seven queries over the last 7 days on Athena: $${weeklyCost.toFixed(6)} a run, $${(weeklyCost * 52).toFixed(4)} a year run weekly.`,
    );
    console.log(`Peak RSS so far: ${mb(process.resourceUsage().maxRSS * 1024)}.`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log(`# Analytics at scale — ${new Date().toISOString()} — Node ${process.version}`);
for (const rows of SIZES) await benchmark(rows);
