import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DynamoDbKeywordSpikeStore } from '../adapters/aws/dynamodb-keyword-spike-store';
import { DEFAULT_SPIKE_THRESHOLDS, KeywordSpikeDetector } from '../core/analytics/keyword-spikes';
import type { AnalyticsSink, ClaimOutcome, ProcessedEvents } from '../ports/analytics-sink';
import type { AlertPublisher } from '../ports/keyword-spikes';
import type { Sentiment } from '../ports/sentiment';
import { documentClient } from './dynamodb';
import { logger } from './observability';
import { env } from './runtime-env';

/**
 * Analytics configuration, read once at cold start. Local mode writes Parquet under the data folder with
 * the embedded sentiment analyser. AWS mode puts facts to Firehose and reads sentiment from Comprehend, with
 * the embedded analyser for the languages Comprehend lacks.
 */
const AnalyticsEnvSchema = z.object({
  AFTERDESK_MODE: z.enum(['aws', 'local']).default('aws'),
  ANALYTICS_DATA_DIR: z.string().min(1).optional(),
  /** The Firehose stream that turns message facts into Parquet in S3 (AWS mode). */
  ANALYTICS_DELIVERY_STREAM: z.string().min(1).optional(),
  AFTERDESK_DATA_DIR: z.string().min(1).optional(),
  /** Minutes a claimed stream record stays reserved for the invocation processing it. */
  ANALYTICS_CLAIM_SECONDS: z.coerce.number().int().positive().max(3600).default(300),
  /** Days a processed-event marker is kept: longer than a stream's 24 h retention. */
  ANALYTICS_MARKER_DAYS: z.coerce.number().int().positive().max(365).default(7),
  /** The custom EventBridge bus keyword spike alerts go to (AWS mode). */
  ALERT_EVENT_BUS_NAME: z.string().min(1).optional(),
});

export type AnalyticsEnv = z.infer<typeof AnalyticsEnvSchema>;

export function loadAnalyticsEnv(source: NodeJS.ProcessEnv = process.env): AnalyticsEnv {
  const parsed = AnalyticsEnvSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  return parsed.data;
}

/**
 * Processed-event markers in the Conversations table: `pk ANALYTICS#<eventID>`, `sk EVENT`. A record is
 * claimed (conditional put) before its fact is built, marked completed once the sink has stored the fact,
 * and released if anything fails, so a redelivered record is skipped once completed and retried otherwise.
 * A claim left behind by a crashed invocation can be taken over after `claimSeconds`. Markers expire
 * through the table's TTL (`expiresAt`). Each marker key is its own partition, so no hot key.
 */
export class DynamoDbProcessedEvents implements ProcessedEvents {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { claimSeconds: number; markerDays: number; prefix?: string },
  ) {}

  private key(eventId: string) {
    return { pk: `${this.options.prefix ?? 'ANALYTICS#'}${eventId}`, sk: 'EVENT' };
  }

  async claim(eventId: string): Promise<ClaimOutcome> {
    const now = Date.now();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...this.key(eventId),
            type: 'analytics_event',
            status: 'in_progress',
            claimedUntil: now + this.options.claimSeconds * 1000,
            expiresAt: Math.floor(now / 1000) + this.options.markerDays * 86400,
          },
          ConditionExpression:
            'attribute_not_exists(pk) OR (#status <> :done AND (#status = :released OR claimedUntil < :now))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':done': 'completed', ':released': 'released', ':now': now },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item?.status?.S === 'completed' ? 'done' : 'busy';
    }
  }

  private async setStatus(eventIds: readonly string[], status: 'completed' | 'released'): Promise<void> {
    await Promise.all(
      eventIds.map((eventId) =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: this.key(eventId),
            UpdateExpression: 'SET #status = :status',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status },
          }),
        ),
      ),
    );
  }

  complete(eventIds: readonly string[]): Promise<void> {
    return this.setStatus(eventIds, 'completed');
  }

  release(eventIds: readonly string[]): Promise<void> {
    return this.setStatus(eventIds, 'released');
  }
}

export const analyticsEnv = loadAnalyticsEnv();

/** Each mode imports only its own adapters, so a Lambda bundle carries no local-only code paths' clients. */
async function build(): Promise<{ sink: AnalyticsSink; sentiment: Sentiment; alerts: AlertPublisher }> {
  const { EmbeddedSentiment } = await import('../adapters/local/embedded-sentiment');
  if (analyticsEnv.AFTERDESK_MODE === 'aws') {
    if (!analyticsEnv.ANALYTICS_DELIVERY_STREAM)
      throw new Error('Invalid configuration: ANALYTICS_DELIVERY_STREAM');
    if (!analyticsEnv.ALERT_EVENT_BUS_NAME) throw new Error('Invalid configuration: ALERT_EVENT_BUS_NAME');
    const { FirehoseClient } = await import('@aws-sdk/client-firehose');
    const { ComprehendClient } = await import('@aws-sdk/client-comprehend');
    const { FirehoseAnalyticsSink } = await import('../adapters/aws/firehose-analytics-sink');
    const { ComprehendSentiment } = await import('../adapters/aws/comprehend-sentiment');
    const { EventBridgeClient } = await import('@aws-sdk/client-eventbridge');
    const { EventBridgeAlertPublisher } = await import('../adapters/aws/eventbridge-alert-publisher');
    return {
      sink: new FirehoseAnalyticsSink(new FirehoseClient({ region: env.AWS_REGION }), {
        message_facts: analyticsEnv.ANALYTICS_DELIVERY_STREAM,
      }),
      sentiment: new ComprehendSentiment(
        new ComprehendClient({ region: env.AWS_REGION }),
        new EmbeddedSentiment(),
      ),
      alerts: new EventBridgeAlertPublisher(
        new EventBridgeClient({ region: env.AWS_REGION }),
        analyticsEnv.ALERT_EVENT_BUS_NAME,
      ),
    };
  }
  const dataDir = analyticsEnv.ANALYTICS_DATA_DIR ?? analyticsEnv.AFTERDESK_DATA_DIR;
  if (!dataDir) throw new Error('Invalid configuration: ANALYTICS_DATA_DIR (or AFTERDESK_DATA_DIR)');
  // The Parquet writer itself (DuckDB) is registered by the local runtime, never imported from here.
  const { ParquetAnalyticsSink } = await import('../adapters/local/parquet-analytics-sink');
  const { FileAlertPublisher } = await import('../adapters/local/file-alert-publisher');
  return {
    sink: new ParquetAnalyticsSink(dataDir),
    sentiment: new EmbeddedSentiment(),
    alerts: new FileAlertPublisher(dataDir, logger),
  };
}

const built = await build();
export const analyticsSink: AnalyticsSink = built.sink;
export const sentiment: Sentiment = built.sentiment;
export const processedEvents: ProcessedEvents = new DynamoDbProcessedEvents(
  documentClient,
  env.CONVERSATIONS_TABLE,
  { claimSeconds: analyticsEnv.ANALYTICS_CLAIM_SECONDS, markerDays: analyticsEnv.ANALYTICS_MARKER_DAYS },
);
/** Counters outlive the 7-day baseline by a day, so the oldest baseline hour is still there when read. */
export const keywordSpikes = new KeywordSpikeDetector(
  new DynamoDbKeywordSpikeStore(documentClient, env.CONVERSATIONS_TABLE, {
    retentionDays: DEFAULT_SPIKE_THRESHOLDS.baselineHours / 24 + 1,
  }),
  built.alerts,
  {
    minMentions: env.KEYWORD_SPIKE_MIN_MENTIONS,
    ratio: env.KEYWORD_SPIKE_RATIO,
    baselineHours: DEFAULT_SPIKE_THRESHOLDS.baselineHours,
  },
);
