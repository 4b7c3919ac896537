import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { promptCachingOf } from '../../functions/config/bedrock-models';
import {
  formatUsd,
  modelPrice,
  type PriceTable,
  PriceTableSchema,
  priceUsage,
  type Usage,
} from '../../functions/core/cost/cost-model';
import { cachedPrefixTokens, estimateUsage, WorkloadSchema } from '../../functions/core/cost/local-estimate';

const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../functions/core/cost/${name}`, import.meta.url), 'utf8'));

const prices: PriceTable = PriceTableSchema.parse(readJson('aws-prices.json'));

const EMPTY: Usage = {
  period: { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' },
  bedrock: [],
  lambda: [],
  dynamodb: { readRequestUnits: 0, writeRequestUnits: 0 },
  webSocket: { messages: 0, connectionMinutes: 0 },
  comprehendUnits: 0,
  videoAttendeeMinutes: 0,
  firehose: { records: 0, bytes: 0 },
  s3: { putRequests: 0, gbMonths: 0 },
  messages: 0,
  conversations: 0,
  aiResolvedConversations: 0,
};

/** A table with round prices, so every expected figure below is checkable by hand. */
const ROUND: PriceTable = {
  region: 'test-1',
  currency: 'USD',
  checked: '2026-12-05',
  bedrock: {
    source: 'test',
    perThousandTokens: {
      'anthropic.model-v1:0': { input: 0.001, output: 0.005 },
      'anthropic.cached-v1:0': { input: 0.001, output: 0.005, cacheWrite: 0.00125, cacheRead: 0.0001 },
    },
  },
  lambda: { source: 'test', perGbSecondArm: 0.00001, perMillionRequests: 0.2 },
  dynamodb: { source: 'test', perMillionWriteRequestUnits: 1, perMillionReadRequestUnits: 0.2 },
  apiGatewayWebSocket: { source: 'test', perMillionMessages: 1, perMillionConnectionMinutes: 0.25 },
  comprehend: { source: 'test', perUnit: 0.0001 },
  chimeSdk: { source: 'test', perAttendeeMinute: 0.002 },
  firehose: { source: 'test', perGbIngested: 0.03, perGbFormatConversion: 0.02 },
  s3: { source: 'test', perGbMonth: 0.025, perThousandPutRequests: 0.005 },
};

const line = (report: ReturnType<typeof priceUsage>, item: string) =>
  report.lines.find((candidate) => candidate.item === item);

describe('cost model', () => {
  it('prices Bedrock tokens per thousand, input and output apart, and finds a profile id by its model', () => {
    const report = priceUsage(
      { ...EMPTY, bedrock: [{ model: 'eu.anthropic.model-v1:0', inputTokens: 10_000, outputTokens: 2_000 }] },
      ROUND,
    );
    expect(line(report, 'eu.anthropic.model-v1:0 input')?.cost).toBeCloseTo(0.01, 10);
    expect(line(report, 'eu.anthropic.model-v1:0 output')?.cost).toBeCloseTo(0.01, 10);
    expect(report.total).toBeCloseTo(0.02, 10);
    expect(report.unpricedModels).toEqual([]);
  });

  it('names a model missing from the table instead of pricing it at zero silently', () => {
    const report = priceUsage(
      { ...EMPTY, bedrock: [{ model: 'vendor.unknown-v9:0', inputTokens: 5, outputTokens: 5 }] },
      ROUND,
    );
    expect(report.unpricedModels).toEqual(['vendor.unknown-v9:0']);
    expect(report.total).toBe(0);
  });

  it('prices prompt-cache reads and writes at their own prices, next to the uncached input', () => {
    const report = priceUsage(
      {
        ...EMPTY,
        bedrock: [
          {
            model: 'us.anthropic.cached-v1:0',
            inputTokens: 1_000,
            outputTokens: 0,
            cacheReadInputTokens: 20_000,
            cacheWriteInputTokens: 4_000,
          },
        ],
      },
      ROUND,
    );
    expect(line(report, 'us.anthropic.cached-v1:0 input')?.cost).toBeCloseTo(0.001, 10);
    expect(line(report, 'us.anthropic.cached-v1:0 cache read')?.cost).toBeCloseTo(0.002, 10);
    expect(line(report, 'us.anthropic.cached-v1:0 cache write')?.cost).toBeCloseTo(0.005, 10);
    expect(report.total).toBeCloseTo(0.008, 10);
    expect(report.unpricedModels).toEqual([]);
  });

  it('names cache tokens of a model with no cache price instead of pricing them at zero', () => {
    const report = priceUsage(
      {
        ...EMPTY,
        bedrock: [
          { model: 'anthropic.model-v1:0', inputTokens: 1_000, outputTokens: 0, cacheReadInputTokens: 500 },
        ],
      },
      ROUND,
    );
    expect(report.unpricedModels).toEqual(['anthropic.model-v1:0 prompt cache']);
    expect(line(report, 'anthropic.model-v1:0 input')?.cost).toBeCloseTo(0.001, 10);
    expect(line(report, 'anthropic.model-v1:0 cache read')).toBeUndefined();
  });

  it('prices Lambda in GB-seconds from duration and memory, plus requests', () => {
    const report = priceUsage(
      {
        ...EMPTY,
        lambda: [{ fn: 'assistant', invocations: 1_000_000, durationMs: 2_000_000, memoryMb: 512 }],
      },
      ROUND,
    );
    // 2,000 s at 0.5 GB = 1,000 GB-s.
    expect(line(report, 'assistant compute')?.quantity).toBe(1000);
    expect(line(report, 'assistant compute')?.cost).toBeCloseTo(0.01, 10);
    expect(line(report, 'assistant requests')?.cost).toBeCloseTo(0.2, 10);
  });

  it('prices DynamoDB units, WebSocket messages and minutes, Comprehend units, Firehose at 5 KB a record and S3', () => {
    const report = priceUsage(
      {
        ...EMPTY,
        dynamodb: { readRequestUnits: 1_000_000, writeRequestUnits: 2_000_000 },
        webSocket: { messages: 3_000_000, connectionMinutes: 4_000_000 },
        comprehendUnits: 100,
        // 1,024 tiny records are billed as 1,024 × 5 KB = 5 MB, not as their 1 KB.
        firehose: { records: 1024 * 1024, bytes: 1024 },
        s3: { putRequests: 2000, gbMonths: 4 },
      },
      ROUND,
    );
    expect(line(report, 'reads')?.cost).toBeCloseTo(0.2, 10);
    expect(line(report, 'writes')?.cost).toBeCloseTo(2, 10);
    expect(line(report, 'WebSocket messages')?.cost).toBeCloseTo(3, 10);
    expect(line(report, 'WebSocket connection minutes')?.cost).toBeCloseTo(1, 10);
    expect(line(report, 'text analysis')?.cost).toBeCloseTo(0.01, 10);
    expect(line(report, 'ingestion')?.quantity).toBeCloseTo(5, 10);
    expect(line(report, 'ingestion')?.cost).toBeCloseTo(0.15, 10);
    expect(line(report, 'Parquet conversion')?.cost).toBeCloseTo(0.1, 10);
    expect(line(report, 'PUT requests')?.cost).toBeCloseTo(0.01, 10);
    expect(line(report, 'storage')?.cost).toBeCloseTo(0.1, 10);
  });

  it('divides by conversations, and leaves video (people only) out of the cost per AI-resolved conversation', () => {
    const report = priceUsage(
      {
        ...EMPTY,
        comprehendUnits: 1000,
        videoAttendeeMinutes: 50,
        messages: 40,
        conversations: 10,
        aiResolvedConversations: 4,
      },
      ROUND,
    );
    // $0.10 of Comprehend and $0.10 of video.
    expect(report.total).toBeCloseTo(0.2, 10);
    expect(report.videoCost).toBeCloseTo(0.1, 10);
    expect(report.perMessage).toBeCloseTo(0.005, 10);
    expect(report.perConversation).toBeCloseTo(0.02, 10);
    expect(report.perAiResolvedConversation).toBeCloseTo(0.025, 10);
  });

  it('has no per-conversation figure for a period without conversations, and lists nothing unused', () => {
    const report = priceUsage(EMPTY, ROUND);
    expect(report.lines).toEqual([]);
    expect(report.perConversation).toBeNull();
    expect(report.perAiResolvedConversation).toBeNull();
  });

  it('reads the shipped price table: dated, sourced, and pricing every model the stack may default to', () => {
    expect(prices.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const service of [
      prices.bedrock,
      prices.lambda,
      prices.dynamodb,
      prices.comprehend,
      prices.chimeSdk,
    ])
      expect(service.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
    for (const model of [
      'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      'eu.anthropic.claude-3-haiku-20240307-v1:0',
      'apac.anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
    ])
      expect(modelPrice(prices, model)).toBeDefined();
  });

  it('has cache prices for exactly the priced models with prompt caching, below their input price', () => {
    for (const [model, price] of Object.entries(prices.bedrock.perThousandTokens)) {
      const caches = promptCachingOf(model) !== undefined;
      expect(price.cacheRead !== undefined, model).toBe(caches);
      expect(price.cacheWrite !== undefined, model).toBe(caches);
      if (caches) {
        expect(price.cacheRead).toBeLessThan(price.input);
        expect(price.cacheWrite).toBeGreaterThan(price.input);
      }
    }
    expect(promptCachingOf('us.anthropic.claude-3-5-haiku-20241022-v1:0')?.minTokensPerCheckpoint).toBe(2048);
    expect(promptCachingOf('eu.anthropic.claude-3-haiku-20240307-v1:0')).toBeUndefined();
  });

  it('rejects a price table with a negative price', () => {
    const bad = structuredClone(readJson('aws-prices.json')) as { lambda: { perGbSecondArm: number } };
    bad.lambda.perGbSecondArm = -1;
    expect(() => PriceTableSchema.parse(bad)).toThrow(/perGbSecondArm/);
  });

  it('formats small amounts with two significant digits', () => {
    expect(formatUsd(0.000412)).toBe('$0.00041');
    expect(formatUsd(12.345)).toBe('$12.35');
    expect(formatUsd(0)).toBe('$0');
  });
});

describe('local estimate', () => {
  const workload = WorkloadSchema.parse(readJson('local-workload.json'));

  it('re-sends the system prompt, the tools and the growing history on every Bedrock call', () => {
    const flat = {
      ...workload,
      shopperMessagesPerConversation: 2,
      shopperMessageChars: 10,
      replyChars: 20,
      charsPerToken: 1,
      bedrockTurnShare: 1,
      bedrockCallsPerTurn: 1,
    };
    const usage = estimateUsage(
      flat,
      { systemChars: 100, toolSpecChars: 50 },
      { conversations: 1, model: 'm' },
    );
    // Turn 1: 100 + 50 + 10; turn 2 adds the first exchange (10 + 20) as history.
    expect(usage.bedrock).toEqual([
      {
        model: 'm',
        inputTokens: 160 + 190,
        outputTokens: 40,
        cacheReadInputTokens: 0,
        cacheWriteInputTokens: 0,
      },
    ]);
    expect(usage.messages).toBe(2);
    expect(usage.aiResolvedConversations).toBe(1);
    expect(usage.videoAttendeeMinutes).toBe(0);
  });

  it('moves the cached prefix of every call from plain input to cache reads and writes by the hit share', () => {
    const flat = {
      ...workload,
      shopperMessagesPerConversation: 2,
      shopperMessageChars: 10,
      replyChars: 20,
      charsPerToken: 1,
      bedrockTurnShare: 1,
      bedrockCallsPerTurn: 1,
      promptCacheHitShare: 0.75,
    };
    const prompt = { systemChars: 100, toolSpecChars: 3000 };
    const plain = estimateUsage(flat, prompt, { conversations: 2, model: 'm' });
    const cached = estimateUsage(flat, prompt, {
      conversations: 2,
      model: 'm',
      promptCaching: { minTokensPerCheckpoint: 2048, tools: true },
    });
    // 4 calls; the tools (3,000 tokens) are cached, the system prompt adds too few tokens for a checkpoint.
    expect(cached.bedrock[0]).toEqual({
      model: 'm',
      inputTokens: (plain.bedrock[0]?.inputTokens ?? 0) - 4 * 3000,
      outputTokens: plain.bedrock[0]?.outputTokens,
      cacheReadInputTokens: 3 * 3000,
      cacheWriteInputTokens: 3000,
    });
  });

  it('counts a cache checkpoint only once it adds the model minimum since the last one that counted', () => {
    const rules = { minTokensPerCheckpoint: 2048, tools: true };
    expect(cachedPrefixTokens({ toolTokens: 2639, systemTokens: 456 }, rules)).toBe(2639);
    expect(cachedPrefixTokens({ toolTokens: 1979, systemTokens: 342 }, rules)).toBe(2321);
    expect(cachedPrefixTokens({ toolTokens: 2100, systemTokens: 2100 }, rules)).toBe(4200);
    expect(cachedPrefixTokens({ toolTokens: 900, systemTokens: 300 }, rules)).toBe(0);
    expect(cachedPrefixTokens({ toolTokens: 2639, systemTokens: 456 }, { ...rules, tools: false })).toBe(
      3095,
    );
  });

  it('scales every per-message figure with the number of messages', () => {
    const one = estimateUsage(
      workload,
      { systemChars: 1000, toolSpecChars: 1000 },
      { conversations: 1, model: 'm' },
    );
    const ten = estimateUsage(
      workload,
      { systemChars: 1000, toolSpecChars: 1000 },
      { conversations: 10, model: 'm' },
    );
    expect(ten.dynamodb.writeRequestUnits).toBeCloseTo(10 * one.dynamodb.writeRequestUnits, 6);
    expect(ten.comprehendUnits).toBeCloseTo(10 * one.comprehendUnits, 6);
    expect(ten.bedrock[0]?.inputTokens).toBeCloseTo(10 * (one.bedrock[0]?.inputTokens ?? 0), -1);
    const priced = priceUsage(ten, prices);
    expect(priced.perAiResolvedConversation).toBeCloseTo(
      priceUsage(one, prices).perAiResolvedConversation ?? 0,
      6,
    );
  });
});
