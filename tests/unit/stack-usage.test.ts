import {
  CloudWatchClient,
  GetMetricDataCommand,
  InvalidParameterValueException,
} from '@aws-sdk/client-cloudwatch';
import { ComprehendClient, DetectSentimentCommand } from '@aws-sdk/client-comprehend';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CloudWatchError,
  type GetMetricDataInput,
  type GetMetricDataOutput,
  type MetricDataReader,
  SdkCloudWatchReader,
} from '../../functions/adapters/aws/cloudwatch-metric-data';
import { comprehendUnits, meterComprehendUnits } from '../../functions/adapters/aws/comprehend-units';
import {
  readStackUsage,
  type StackInventory,
  wholeRangePeriod,
} from '../../functions/adapters/aws/stack-usage';

const INVENTORY: StackInventory = {
  functions: [{ name: 'Afterdesk-AssistantFunction-AbC123', label: 'AssistantFunction', memoryMb: 1024 }],
  models: ['us.anthropic.claude-3-5-haiku-20241022-v1:0'],
  tables: ['Afterdesk-Conversations-1', 'Afterdesk-Store-1'],
  webSocketApis: ['a1b2c3d4e5'],
  deliveryStreams: ['Afterdesk-MessageFacts-1'],
};
const start = new Date('2026-11-01T00:00:00Z');
const end = new Date('2026-12-01T00:00:00Z');

/** Answers each query with values by metric name, the way GetMetricData does (one series per query). */
function fakeCloudWatch(values: Record<string, number[]>, pageSize = Number.POSITIVE_INFINITY) {
  const calls: GetMetricDataInput[] = [];
  const reader: MetricDataReader = {
    async getMetricData(input) {
      calls.push(input);
      const offset = Number(input.NextToken ?? 0);
      const page = input.MetricDataQueries.slice(offset, offset + pageSize);
      const output: GetMetricDataOutput = {
        MetricDataResults: page.map((query) => {
          const series = values[query.MetricStat.Metric.MetricName] ?? [];
          return {
            Id: query.Id,
            Label: query.MetricStat.Metric.MetricName,
            StatusCode: 'Complete',
            Timestamps: series.map((_, index) => new Date(start.getTime() + index * 86_400_000)),
            Values: series,
          };
        }),
        Messages: [],
        ...(offset + pageSize < input.MetricDataQueries.length
          ? { NextToken: String(offset + pageSize) }
          : {}),
      };
      return output;
    },
  };
  return { reader, calls };
}

describe('stack usage from CloudWatch', () => {
  it("sums the stack's own metrics over the period, per model, function, table, API and stream", async () => {
    const { reader, calls } = fakeCloudWatch({
      BedrockInputTokens: [1000, 2000],
      BedrockOutputTokens: [300],
      BedrockCacheReadInputTokens: [8000, 4000],
      BedrockCacheWriteInputTokens: [2600],
      Invocations: [10, 5],
      Duration: [15_000],
      ConsumedReadCapacityUnits: [4],
      ConsumedWriteCapacityUnits: [6],
      MessageCount: [120],
      ConnectCount: [7],
      IncomingRecords: [40],
      IncomingBytes: [40_000],
      MessageAccepted: [30],
      ConversationClosed: [9],
      ConversationResolvedByAi: [6],
      ComprehendUnits: [510],
      VideoAttendeeMinutes: [12.5, 3.5],
    });
    const usage = await readStackUsage(reader, INVENTORY, { start, end, minutesPerConnection: 10 });
    expect(usage.bedrock).toEqual([
      {
        model: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
        inputTokens: 3000,
        outputTokens: 300,
        cacheReadInputTokens: 12_000,
        cacheWriteInputTokens: 2600,
      },
    ]);
    expect(usage.lambda).toEqual([
      { fn: 'AssistantFunction', invocations: 15, durationMs: 15_000, memoryMb: 1024 },
    ]);
    // Two tables, each answering 4 and 6.
    expect(usage.dynamodb).toEqual({ readRequestUnits: 8, writeRequestUnits: 12 });
    expect(usage.webSocket).toEqual({ messages: 120, connectionMinutes: 70 });
    expect(usage.firehose).toEqual({ records: 40, bytes: 40_000 });
    expect(usage).toMatchObject({
      messages: 30,
      conversations: 9,
      aiResolvedConversations: 6,
      comprehendUnits: 510,
      videoAttendeeMinutes: 16,
    });
    expect(usage.period).toEqual({ start: start.toISOString(), end: end.toISOString() });

    const [call] = calls;
    expect(call?.StartTime).toEqual(start);
    const tokens = call?.MetricDataQueries.find(
      (query) => query.MetricStat.Metric.MetricName === 'BedrockInputTokens',
    );
    expect(tokens?.MetricStat).toEqual({
      Metric: {
        Namespace: 'Afterdesk',
        MetricName: 'BedrockInputTokens',
        Dimensions: [
          { Name: 'service', Value: 'afterdesk' },
          { Name: 'model', Value: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' },
        ],
      },
      Period: 30 * 86_400,
      Stat: 'Sum',
    });
    const duration = call?.MetricDataQueries.find(
      (query) => query.MetricStat.Metric.MetricName === 'Duration',
    );
    expect(duration?.MetricStat.Metric).toEqual({
      Namespace: 'AWS/Lambda',
      MetricName: 'Duration',
      Dimensions: [{ Name: 'FunctionName', Value: 'Afterdesk-AssistantFunction-AbC123' }],
    });
  });

  it('follows NextToken until every query is answered', async () => {
    const { reader, calls } = fakeCloudWatch({ MessageAccepted: [5], ConversationClosed: [2] }, 3);
    const usage = await readStackUsage(reader, INVENTORY, { start, end, minutesPerConnection: 10 });
    expect(calls.length).toBeGreaterThan(1);
    expect(usage.messages).toBe(5);
    expect(usage.conversations).toBe(2);
  });

  it('fails on a metric CloudWatch would not read, instead of pricing it at zero', async () => {
    const reader: MetricDataReader = {
      getMetricData: async (input) => ({
        MetricDataResults: input.MetricDataQueries.map((query) => ({
          Id: query.Id,
          Label: query.MetricStat.Metric.MetricName,
          StatusCode: 'Forbidden' as const,
          Timestamps: [],
          Values: [],
        })),
      }),
    };
    await expect(readStackUsage(reader, INVENTORY, { start, end, minutesPerConnection: 10 })).rejects.toThrow(
      /Forbidden/,
    );
  });

  it('asks for one period spanning the range, in whole minutes', () => {
    expect(wholeRangePeriod(start, end)).toBe(30 * 86_400);
    expect(wholeRangePeriod(start, new Date(start.getTime() + 61_000))).toBe(120);
    expect(wholeRangePeriod(start, start)).toBe(60);
  });
});

describe('GetMetricData through the SDK client', () => {
  const cloudWatch = mockClient(CloudWatchClient);
  afterEach(() => cloudWatch.reset());
  const reader = new SdkCloudWatchReader(
    new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
  );

  const input: GetMetricDataInput = {
    MetricDataQueries: [
      {
        Id: 'm0',
        MetricStat: {
          Metric: {
            Namespace: 'AWS/Lambda',
            MetricName: 'Invocations',
            Dimensions: [{ Name: 'FunctionName', Value: 'f' }],
          },
          Period: 86_400,
          Stat: 'Sum',
        },
        ReturnData: true,
      },
    ],
    StartTime: start,
    EndTime: end,
  };

  it('sends the queries and period as given and reads the response shape', async () => {
    // GetMetricData's response as the SDK returns it (API reference: MetricDataResults, Messages, $metadata).
    cloudWatch.on(GetMetricDataCommand).resolves({
      $metadata: { httpStatusCode: 200, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 },
      MetricDataResults: [
        {
          Id: 'm0',
          Label: 'Invocations',
          Timestamps: [new Date(1764460800 * 1000), new Date(1764374400 * 1000)],
          Values: [12, 3],
          StatusCode: 'Complete',
          Messages: [],
        },
      ],
      Messages: [],
    });
    const output = await reader.getMetricData(input);
    expect(output.MetricDataResults).toEqual([
      {
        Id: 'm0',
        Label: 'Invocations',
        StatusCode: 'Complete',
        Timestamps: [new Date(1764460800 * 1000), new Date(1764374400 * 1000)],
        Values: [12, 3],
      },
    ]);
    const sent = cloudWatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
    expect(sent).toEqual(input);
  });

  it('turns an error answer into a typed error with its code', async () => {
    cloudWatch.on(GetMetricDataCommand).rejects(
      new InvalidParameterValueException({
        message: 'The parameter Period must be a multiple of 60.',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const failure = await reader.getMetricData(input).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudWatchError);
    expect(failure).toMatchObject({ status: 400, code: 'InvalidParameterValueException' });
  });
});

describe('Comprehend units', () => {
  it('bills 100 characters a unit with 3 units minimum per document', () => {
    expect(comprehendUnits(['hi'])).toBe(3);
    expect(comprehendUnits(['x'.repeat(301)])).toBe(4);
    expect(comprehendUnits(['a', 'x'.repeat(1000)])).toBe(13);
    expect(comprehendUnits([])).toBe(0);
  });

  it('records the units of each successful call the client makes, and none for a failed one', async () => {
    const recorded: number[] = [];
    let status = 200;
    const client = meterComprehendUnits(
      new ComprehendClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
        maxAttempts: 1,
        requestHandler: {
          handle: async () => ({
            response: {
              statusCode: status,
              headers: { 'content-type': 'application/x-amz-json-1.1' },
              body: new TextEncoder().encode(
                status === 200
                  ? JSON.stringify({ Sentiment: 'NEUTRAL', SentimentScore: { Neutral: 1 } })
                  : JSON.stringify({ __type: 'InvalidRequestException', Message: 'bad' }),
              ),
            },
          }),
        } as never,
      }),
      (units) => recorded.push(units),
    );
    await client.send(new DetectSentimentCommand({ Text: 'x'.repeat(450), LanguageCode: 'en' }));
    expect(recorded).toEqual([5]);
    status = 400;
    await expect(
      client.send(new DetectSentimentCommand({ Text: 'hello', LanguageCode: 'en' })),
    ).rejects.toThrow();
    expect(recorded).toEqual([5]);
  });
});
