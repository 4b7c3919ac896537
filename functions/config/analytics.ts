import * as z from 'zod';
import { DynamoDbKeywordSpikeStore } from '../adapters/aws/dynamodb-keyword-spike-store';
import { DynamoDbProcessedEvents } from '../adapters/aws/dynamodb-processed-events';
import type { TextEnrichment } from '../core/analytics/enrichment';
import { DEFAULT_SPIKE_THRESHOLDS, KeywordSpikeDetector } from '../core/analytics/keyword-spikes';
import type { AnalyticsSink, ProcessedEvents } from '../ports/analytics-sink';
import type { AlertPublisher } from '../ports/keyword-spikes';
import type { Sentiment } from '../ports/sentiment';
import {
  buildAnalyticsSink,
  CONVERSATION_STREAM_FACTS,
  loadAnalyticsSinkEnv,
  SinkEnvSchema,
} from './analytics-sink';
import { createClient } from './clients';
import { documentClient } from './dynamodb';
import { loadConfig } from './load';
import { logger } from './observability';
import { env } from './runtime-env';

/**
 * Analytics configuration, read once at cold start. Local mode writes Parquet under the data folder with
 * the embedded sentiment analyser, pattern PII redaction and word-list key phrases. AWS mode puts facts to
 * Firehose, reads sentiment and key phrases from Comprehend (sentiment falls back to Bedrock, then the
 * embedded analyser, for the languages Comprehend lacks), and redacts PII with the patterns, then with
 * Comprehend for en and es.
 */
const AnalyticsEnvSchema = SinkEnvSchema.extend({
  /** The custom EventBridge bus keyword spike alerts go to (AWS mode). */
  ALERT_EVENT_BUS_NAME: z.string().min(1).optional(),
});

const analyticsEnv = loadConfig(AnalyticsEnvSchema);

// The marker store lives in its own module so stream handlers that need no sentiment can share it.
export { DynamoDbProcessedEvents };

/** Each mode imports only its own adapters, so a Lambda bundle carries no local-only code paths' clients. */
async function build(): Promise<{
  sink: AnalyticsSink;
  sentiment: Sentiment;
  enrichment: TextEnrichment;
  alerts: AlertPublisher;
}> {
  const { EmbeddedSentiment } = await import('../adapters/local/embedded-sentiment');
  const { PatternPiiRedaction } = await import('../adapters/local/pattern-pii-redaction');
  const { WordListKeyPhrases } = await import('../adapters/local/word-list-key-phrases');
  const sink = await buildAnalyticsSink(loadAnalyticsSinkEnv(CONVERSATION_STREAM_FACTS));
  if (analyticsEnv.AFTERDESK_MODE === 'aws') {
    if (!analyticsEnv.ALERT_EVENT_BUS_NAME) throw new Error('Invalid configuration: ALERT_EVENT_BUS_NAME');
    const { ComprehendClient } = await import('@aws-sdk/client-comprehend');
    const { ComprehendSentiment } = await import('../adapters/aws/comprehend-sentiment');
    const { ComprehendKeyPhrases } = await import('../adapters/aws/comprehend-key-phrases');
    const { ComprehendPiiRedaction } = await import('../adapters/aws/comprehend-pii-redaction');
    const { BedrockRuntimeClient } = await import('@aws-sdk/client-bedrock-runtime');
    const { BedrockSentiment } = await import('../adapters/aws/bedrock-sentiment');
    // Records of a batch are processed in parallel, each with its own calls: adaptive retries slow the
    // client down when Comprehend throttles instead of failing records after three quick attempts.
    const { meterComprehendUnits } = await import('../adapters/aws/comprehend-units');
    const { recordComprehendUnits } = await import('./usage-metrics');
    const comprehend = meterComprehendUnits(
      createClient(ComprehendClient, { region: env.AWS_REGION, retryMode: 'adaptive', maxAttempts: 5 }),
      recordComprehendUnits,
    );
    const { EventBridgeClient } = await import('@aws-sdk/client-eventbridge');
    const { EventBridgeAlertPublisher } = await import('../adapters/aws/eventbridge-alert-publisher');
    return {
      sink,
      sentiment: new ComprehendSentiment(
        comprehend,
        new BedrockSentiment({
          // A slow model must not hold the batch: the embedded analyser answers instead.
          client: createClient(BedrockRuntimeClient, {
            region: env.AWS_REGION,
            maxAttempts: 2,
            requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
          }),
          modelId: env.BEDROCK_MODEL_ID,
          fallback: new EmbeddedSentiment(),
          logger,
        }),
      ),
      enrichment: {
        pii: new ComprehendPiiRedaction(comprehend, new PatternPiiRedaction()),
        keyPhrases: new ComprehendKeyPhrases(comprehend, new WordListKeyPhrases()),
      },
      alerts: new EventBridgeAlertPublisher(
        createClient(EventBridgeClient, { region: env.AWS_REGION }),
        analyticsEnv.ALERT_EVENT_BUS_NAME,
      ),
    };
  }
  // loadAnalyticsSinkEnv has checked that local mode names a data folder.
  const dataDir = (analyticsEnv.ANALYTICS_DATA_DIR ?? analyticsEnv.AFTERDESK_DATA_DIR) as string;
  const { FileAlertPublisher } = await import('../adapters/local/file-alert-publisher');
  return {
    sink,
    sentiment: new EmbeddedSentiment(),
    enrichment: { pii: new PatternPiiRedaction(), keyPhrases: new WordListKeyPhrases() },
    alerts: new FileAlertPublisher(dataDir, logger),
  };
}

const built = await build();
export const analyticsSink: AnalyticsSink = built.sink;
export const sentiment: Sentiment = built.sentiment;
export const enrichment: TextEnrichment = built.enrichment;
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
