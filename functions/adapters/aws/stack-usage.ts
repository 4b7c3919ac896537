import type { Usage } from '../../core/cost/cost-model';
import type { MetricDataQuery, MetricDataReader } from './cloudwatch-metric-data';

/** The stack's own resources whose metrics make up its cost (physical names, from CloudFormation). */
export interface StackInventory {
  readonly functions: readonly { name: string; label: string; memoryMb: number }[];
  /** Bedrock model or inference-profile ids the functions are configured with. */
  readonly models: readonly string[];
  readonly tables: readonly string[];
  readonly webSocketApis: readonly string[];
  readonly deliveryStreams: readonly string[];
}

/** Where the handlers' Powertools metrics go (functions/config/observability.ts, lib/shared-function.ts). */
export const AFTERDESK_NAMESPACE = 'Afterdesk';
const SERVICE = { Name: 'service', Value: 'afterdesk' };

/** The Powertools metric names `afterdesk cost` reads; each is emitted by the handler named beside it. */
export const COST_METRICS = {
  /** functions/config/usage-metrics.ts, on every Bedrock call (assistant, photo reading), per model. */
  inputTokens: 'BedrockInputTokens',
  outputTokens: 'BedrockOutputTokens',
  /** The same, for models with prompt caching: input tokens read from and written to the cache. */
  cacheReadInputTokens: 'BedrockCacheReadInputTokens',
  cacheWriteInputTokens: 'BedrockCacheWriteInputTokens',
  /** functions/handlers/send-message.ts: a shopper message stored and acknowledged. */
  messages: 'MessageAccepted',
  /** functions/handlers/analytics-stream.ts: a closed conversation's fact written, and whether the AI resolved it. */
  conversations: 'ConversationClosed',
  aiResolved: 'ConversationResolvedByAi',
  /** functions/config/analytics.ts: Comprehend units billed (100 characters, 3 minimum, per document). */
  comprehendUnits: 'ComprehendUnits',
  /** functions/handlers/store-analytics-stream.ts: attendee-minutes of a call, once its end is stored. */
  videoAttendeeMinutes: 'VideoAttendeeMinutes',
} as const;

export interface StackUsageOptions {
  readonly start: Date;
  readonly end: Date;
  /**
   * API Gateway publishes connection counts, not connection minutes: each connection is priced as this
   * many minutes (docs/cost.md).
   */
  readonly minutesPerConnection: number;
}

/** GetMetricData takes up to 500 queries per call. */
const QUERIES_PER_CALL = 500;

/** One period covering the whole range: CloudWatch needs a multiple of 60 seconds. */
export function wholeRangePeriod(start: Date, end: Date): number {
  const seconds = Math.max(60, Math.ceil((end.getTime() - start.getTime()) / 1000));
  return Math.ceil(seconds / 60) * 60;
}

/**
 * Reads the stack's usage for a period: its own Powertools metrics (tokens per model, messages,
 * conversations, AI-resolved conversations, Comprehend units, video attendee-minutes) and the AWS metrics of its own functions,
 * tables, WebSocket APIs and Firehose streams, each summed over the period.
 */
export async function readStackUsage(
  reader: MetricDataReader,
  inventory: StackInventory,
  options: StackUsageOptions,
): Promise<Usage> {
  const period = wholeRangePeriod(options.start, options.end);
  const queries: MetricDataQuery[] = [];
  const query = (namespace: string, name: string, dimensions: Array<{ Name: string; Value: string }>) => {
    const id = `m${queries.length}`;
    queries.push({
      Id: id,
      MetricStat: {
        Metric: { Namespace: namespace, MetricName: name, Dimensions: dimensions },
        Period: period,
        Stat: 'Sum',
      },
      ReturnData: true,
    });
    return id;
  };
  const own = (name: string, extra: Array<{ Name: string; Value: string }> = []) =>
    query(AFTERDESK_NAMESPACE, name, [SERVICE, ...extra]);

  const models = inventory.models.map((model) => ({
    model,
    input: own(COST_METRICS.inputTokens, [{ Name: 'model', Value: model }]),
    output: own(COST_METRICS.outputTokens, [{ Name: 'model', Value: model }]),
    cacheRead: own(COST_METRICS.cacheReadInputTokens, [{ Name: 'model', Value: model }]),
    cacheWrite: own(COST_METRICS.cacheWriteInputTokens, [{ Name: 'model', Value: model }]),
  }));
  const functions = inventory.functions.map((fn) => ({
    fn,
    invocations: query('AWS/Lambda', 'Invocations', [{ Name: 'FunctionName', Value: fn.name }]),
    duration: query('AWS/Lambda', 'Duration', [{ Name: 'FunctionName', Value: fn.name }]),
  }));
  const tables = inventory.tables.map((table) => ({
    reads: query('AWS/DynamoDB', 'ConsumedReadCapacityUnits', [{ Name: 'TableName', Value: table }]),
    writes: query('AWS/DynamoDB', 'ConsumedWriteCapacityUnits', [{ Name: 'TableName', Value: table }]),
  }));
  const apis = inventory.webSocketApis.map((api) => ({
    messages: query('AWS/ApiGateway', 'MessageCount', [{ Name: 'ApiId', Value: api }]),
    connects: query('AWS/ApiGateway', 'ConnectCount', [{ Name: 'ApiId', Value: api }]),
  }));
  const streams = inventory.deliveryStreams.map((stream) => ({
    records: query('AWS/Firehose', 'IncomingRecords', [{ Name: 'DeliveryStreamName', Value: stream }]),
    bytes: query('AWS/Firehose', 'IncomingBytes', [{ Name: 'DeliveryStreamName', Value: stream }]),
  }));
  const messages = own(COST_METRICS.messages);
  const conversations = own(COST_METRICS.conversations);
  const aiResolved = own(COST_METRICS.aiResolved);
  const comprehend = own(COST_METRICS.comprehendUnits);
  const video = own(COST_METRICS.videoAttendeeMinutes);

  const sums = await sumAll(reader, queries, options);
  const sum = (id: string) => sums.get(id) ?? 0;
  const total = (ids: readonly string[]) => ids.reduce((acc, id) => acc + sum(id), 0);

  return {
    period: { start: options.start.toISOString(), end: options.end.toISOString() },
    bedrock: models.map(({ model, input, output, cacheRead, cacheWrite }) => ({
      model,
      inputTokens: sum(input),
      outputTokens: sum(output),
      cacheReadInputTokens: sum(cacheRead),
      cacheWriteInputTokens: sum(cacheWrite),
    })),
    lambda: functions.map(({ fn, invocations, duration }) => ({
      fn: fn.label,
      invocations: sum(invocations),
      durationMs: sum(duration),
      memoryMb: fn.memoryMb,
    })),
    dynamodb: {
      readRequestUnits: total(tables.map((table) => table.reads)),
      writeRequestUnits: total(tables.map((table) => table.writes)),
    },
    webSocket: {
      messages: total(apis.map((api) => api.messages)),
      connectionMinutes: total(apis.map((api) => api.connects)) * options.minutesPerConnection,
    },
    comprehendUnits: sum(comprehend),
    videoAttendeeMinutes: sum(video),
    firehose: {
      records: total(streams.map((stream) => stream.records)),
      bytes: total(streams.map((stream) => stream.bytes)),
    },
    s3: { putRequests: 0, gbMonths: 0 },
    messages: sum(messages),
    conversations: sum(conversations),
    aiResolvedConversations: sum(aiResolved),
  };
}

/** Every query's values summed over the period, following NextToken and failing on partial answers. */
async function sumAll(
  reader: MetricDataReader,
  queries: readonly MetricDataQuery[],
  options: StackUsageOptions,
): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (let offset = 0; offset < queries.length; offset += QUERIES_PER_CALL) {
    const batch = queries.slice(offset, offset + QUERIES_PER_CALL);
    let nextToken: string | undefined;
    do {
      const page = await reader.getMetricData({
        MetricDataQueries: batch,
        StartTime: options.start,
        EndTime: options.end,
        ...(nextToken ? { NextToken: nextToken } : {}),
      });
      for (const result of page.MetricDataResults ?? []) {
        if (!result.Id) continue;
        if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError')
          throw new Error(
            `CloudWatch could not read metric ${result.Id} (${result.Label ?? ''}): ${result.StatusCode}`,
          );
        const values = result.Values ?? [];
        sums.set(result.Id, (sums.get(result.Id) ?? 0) + values.reduce((acc, value) => acc + value, 0));
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return sums;
}
