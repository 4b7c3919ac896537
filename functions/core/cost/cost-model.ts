import { z } from 'zod';

/** What the stack used in a period: read from its CloudWatch metrics, or estimated from the local benchmark. */
export interface Usage {
  readonly period: { readonly start: string; readonly end: string };
  /**
   * Tokens by Bedrock model or inference-profile id (as the stack calls it). inputTokens are the uncached
   * ones; tokens read from or written to the prompt cache are counted apart (absent: none).
   */
  readonly bedrock: readonly {
    model: string;
    inputTokens: number;
    outputTokens: number;
    cacheReadInputTokens?: number;
    cacheWriteInputTokens?: number;
  }[];
  readonly lambda: readonly { fn: string; invocations: number; durationMs: number; memoryMb: number }[];
  readonly dynamodb: { readonly readRequestUnits: number; readonly writeRequestUnits: number };
  readonly webSocket: { readonly messages: number; readonly connectionMinutes: number };
  readonly comprehendUnits: number;
  readonly videoAttendeeMinutes: number;
  /** Analytics facts delivered to Firehose (records are billed rounded up to 5 KB each). */
  readonly firehose: { readonly records: number; readonly bytes: number };
  readonly s3: { readonly putRequests: number; readonly gbMonths: number };
  /** Shopper messages stored, conversations closed, and of those the ones the AI resolved alone. */
  readonly messages: number;
  readonly conversations: number;
  readonly aiResolvedConversations: number;
}

const price = z.number().nonnegative();
const priced = { source: z.string().min(1) };

/** The price table (functions/core/cost/aws-prices.json), checked once when it is read. */
export const PriceTableSchema = z.object({
  region: z.string().min(1),
  currency: z.literal('USD'),
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().optional(),
  bedrock: z.object({
    ...priced,
    perThousandTokens: z.record(
      z.string(),
      // Cache prices only for models with prompt caching on Bedrock (functions/config/bedrock-models.ts).
      z.object({ input: price, output: price, cacheWrite: price.optional(), cacheRead: price.optional() }),
    ),
  }),
  lambda: z.object({ ...priced, perGbSecondArm: price, perMillionRequests: price }),
  dynamodb: z.object({ ...priced, perMillionWriteRequestUnits: price, perMillionReadRequestUnits: price }),
  apiGatewayWebSocket: z.object({ ...priced, perMillionMessages: price, perMillionConnectionMinutes: price }),
  comprehend: z.object({ ...priced, perUnit: price }),
  chimeSdk: z.object({ ...priced, perAttendeeMinute: price }),
  firehose: z.object({ ...priced, perGbIngested: price, perGbFormatConversion: price }),
  s3: z.object({ ...priced, perGbMonth: price, perThousandPutRequests: price }),
});
export type PriceTable = z.infer<typeof PriceTableSchema>;

export interface CostLine {
  readonly service: string;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly cost: number;
}

export interface CostReport {
  readonly lines: readonly CostLine[];
  readonly total: number;
  readonly videoCost: number;
  readonly perMessage: number | null;
  readonly perConversation: number | null;
  /**
   * Everything but video calls (which only people take) divided by the conversations the AI resolved
   * alone: an upper bound for what an AI resolution costs, comparable with a per-resolution price.
   */
  readonly perAiResolvedConversation: number | null;
  /** Models with tokens but no price in the table: their cost is missing from the total. */
  readonly unpricedModels: readonly string[];
}

const FIREHOSE_RECORD_BYTES = 5 * 1024;
const GB = 1024 ** 3;

/**
 * The price of a Bedrock model id: inference profiles (`us.`, `eu.`, `apac.`, `global.`…) are billed at the
 * foundation model's price in the calling Region, so the profile prefix is dropped to find it.
 */
export function modelPrice(table: PriceTable, model: string): ModelPrice | undefined {
  const prices = table.bedrock.perThousandTokens;
  return prices[model] ?? prices[model.replace(/^(?:us|us-gov|eu|apac|jp|au|ca|global)\./, '')];
}

type ModelPrice = PriceTable['bedrock']['perThousandTokens'][string];

const perDivisor = (cost: number, count: number) => (count > 0 ? cost / count : null);

/** Prices a period's usage line by line: the whole cost model, pure arithmetic. */
export function priceUsage(usage: Usage, table: PriceTable): CostReport {
  const lines: CostLine[] = [];
  const add = (service: string, item: string, quantity: number, unit: string, cost: number) => {
    if (quantity > 0) lines.push({ service, item, quantity, unit, cost });
  };
  const unpricedModels: string[] = [];
  for (const tokens of usage.bedrock) {
    const { model, inputTokens, outputTokens } = tokens;
    const cacheRead = tokens.cacheReadInputTokens ?? 0;
    const cacheWrite = tokens.cacheWriteInputTokens ?? 0;
    const prices = modelPrice(table, model);
    if (!prices) {
      if (inputTokens + outputTokens + cacheRead + cacheWrite > 0) unpricedModels.push(model);
      continue;
    }
    add('Bedrock', `${model} input`, inputTokens, 'tokens', (inputTokens / 1000) * prices.input);
    add('Bedrock', `${model} output`, outputTokens, 'tokens', (outputTokens / 1000) * prices.output);
    // Cache tokens without a cache price are named, never counted as free.
    if (cacheRead + cacheWrite > 0 && (prices.cacheRead === undefined || prices.cacheWrite === undefined)) {
      unpricedModels.push(`${model} prompt cache`);
      continue;
    }
    add('Bedrock', `${model} cache read`, cacheRead, 'tokens', (cacheRead / 1000) * (prices.cacheRead ?? 0));
    add(
      'Bedrock',
      `${model} cache write`,
      cacheWrite,
      'tokens',
      (cacheWrite / 1000) * (prices.cacheWrite ?? 0),
    );
  }
  for (const { fn, invocations, durationMs, memoryMb } of usage.lambda) {
    const gbSeconds = (durationMs / 1000) * (memoryMb / 1024);
    add('Lambda', `${fn} compute`, gbSeconds, 'GB-s', gbSeconds * table.lambda.perGbSecondArm);
    add(
      'Lambda',
      `${fn} requests`,
      invocations,
      'requests',
      (invocations / 1e6) * table.lambda.perMillionRequests,
    );
  }
  const { readRequestUnits, writeRequestUnits } = usage.dynamodb;
  add(
    'DynamoDB',
    'reads',
    readRequestUnits,
    'RRU',
    (readRequestUnits / 1e6) * table.dynamodb.perMillionReadRequestUnits,
  );
  add(
    'DynamoDB',
    'writes',
    writeRequestUnits,
    'WRU',
    (writeRequestUnits / 1e6) * table.dynamodb.perMillionWriteRequestUnits,
  );
  const ws = table.apiGatewayWebSocket;
  add(
    'API Gateway',
    'WebSocket messages',
    usage.webSocket.messages,
    'messages',
    (usage.webSocket.messages / 1e6) * ws.perMillionMessages,
  );
  add(
    'API Gateway',
    'WebSocket connection minutes',
    usage.webSocket.connectionMinutes,
    'minutes',
    (usage.webSocket.connectionMinutes / 1e6) * ws.perMillionConnectionMinutes,
  );
  add(
    'Comprehend',
    'text analysis',
    usage.comprehendUnits,
    'units',
    usage.comprehendUnits * table.comprehend.perUnit,
  );
  const videoCost = usage.videoAttendeeMinutes * table.chimeSdk.perAttendeeMinute;
  add('Chime SDK', 'video calls', usage.videoAttendeeMinutes, 'attendee-minutes', videoCost);
  // Firehose bills each record rounded up to 5 KB; Parquet conversion is billed on the same volume.
  const billedGb = (Math.max(usage.firehose.bytes, usage.firehose.records * FIREHOSE_RECORD_BYTES) || 0) / GB;
  add('Firehose', 'ingestion', billedGb, 'GB', billedGb * table.firehose.perGbIngested);
  add('Firehose', 'Parquet conversion', billedGb, 'GB', billedGb * table.firehose.perGbFormatConversion);
  add(
    'S3',
    'PUT requests',
    usage.s3.putRequests,
    'requests',
    (usage.s3.putRequests / 1000) * table.s3.perThousandPutRequests,
  );
  add('S3', 'storage', usage.s3.gbMonths, 'GB-months', usage.s3.gbMonths * table.s3.perGbMonth);

  const total = lines.reduce((sum, line) => sum + line.cost, 0);
  return {
    lines,
    total,
    videoCost,
    perMessage: perDivisor(total, usage.messages),
    perConversation: perDivisor(total, usage.conversations),
    perAiResolvedConversation: perDivisor(total - videoCost, usage.aiResolvedConversations),
    unpricedModels,
  };
}

/** Dollars with enough digits to tell $0.0004 from $0.004. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (Math.abs(amount) >= 1) return `$${amount.toFixed(2)}`;
  return `$${amount.toPrecision(2)}`;
}
