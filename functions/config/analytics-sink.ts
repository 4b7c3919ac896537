import * as z from 'zod';
import type { FactName } from '../core/analytics/facts';
import type { AnalyticsSink } from '../ports/analytics-sink';
import { createClient } from './clients';
import { DEFAULTS } from './defaults';
import { ConfigurationError, loadConfig } from './load';

/**
 * The analytics sink and processed-event settings on their own, for stream handlers that write facts
 * without the sentiment and keyword-spike machinery of config/analytics (and so keep small bundles).
 */

/** The facts the Conversations stream makes: one per message, one per closed conversation, one per photo read. */
export const CONVERSATION_STREAM_FACTS = [
  'message_facts',
  'conversation_facts',
  'photo_facts',
] as const satisfies readonly FactName[];
/** The facts the Store stream makes: returns, tickets and video calls, a row per change of state. */
export const STORE_FACTS = [
  'return_facts',
  'ticket_facts',
  'video_facts',
] as const satisfies readonly FactName[];

/**
 * The environment variable that names a fact's Firehose stream: `ANALYTICS_DELIVERY_STREAM` for message
 * facts (its original name), `ANALYTICS_DELIVERY_STREAM_<FACT>` for the others.
 */
export function deliveryStreamEnvVar(fact: FactName): string {
  return fact === 'message_facts'
    ? 'ANALYTICS_DELIVERY_STREAM'
    : `ANALYTICS_DELIVERY_STREAM_${fact.toUpperCase()}`;
}

/** Shared with config/analytics, which reads the same variables. */
export const SinkEnvSchema = z.object({
  AFTERDESK_MODE: z.enum(['aws', 'local']).default('aws'),
  AWS_REGION: z.string().min(1).default(DEFAULTS.region),
  ANALYTICS_DATA_DIR: z.string().min(1).optional(),
  AFTERDESK_DATA_DIR: z.string().min(1).optional(),
  /** Seconds a claimed stream record stays reserved for the invocation processing it. */
  ANALYTICS_CLAIM_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .max(3600)
    .default(DEFAULTS.analyticsClaimSeconds),
  /** Days a processed-event marker is kept: longer than a stream's 24 h retention. */
  ANALYTICS_MARKER_DAYS: z.coerce.number().int().positive().max(365).default(DEFAULTS.analyticsMarkerDays),
});

export interface AnalyticsSinkEnv extends z.infer<typeof SinkEnvSchema> {
  /** Firehose stream per fact (AWS mode), from the deliveryStreamEnvVar variables that are set. */
  deliveryStreams: Partial<Record<FactName, string>>;
}

/** Reads and checks the sink settings; in AWS mode every fact in `facts` needs its delivery stream. */
export function loadAnalyticsSinkEnv(
  facts: readonly FactName[],
  source: NodeJS.ProcessEnv = process.env,
): AnalyticsSinkEnv {
  const settings = loadConfig(SinkEnvSchema, source);
  const deliveryStreams: Partial<Record<FactName, string>> = {};
  const missing: string[] = [];
  for (const fact of facts) {
    const name = source[deliveryStreamEnvVar(fact)];
    if (name) deliveryStreams[fact] = name;
    else missing.push(deliveryStreamEnvVar(fact));
  }
  if (settings.AFTERDESK_MODE === 'aws' && missing.length > 0) throw new ConfigurationError(missing);
  if (settings.AFTERDESK_MODE === 'local' && !(settings.ANALYTICS_DATA_DIR ?? settings.AFTERDESK_DATA_DIR))
    throw new ConfigurationError(['ANALYTICS_DATA_DIR (or AFTERDESK_DATA_DIR)']);
  return { ...settings, deliveryStreams };
}

/** Each mode imports only its own adapter: no Firehose client in local runs, no Parquet code in Lambda. */
export async function buildAnalyticsSink(settings: AnalyticsSinkEnv): Promise<AnalyticsSink> {
  if (settings.AFTERDESK_MODE === 'aws') {
    const { FirehoseClient } = await import('@aws-sdk/client-firehose');
    const { FirehoseAnalyticsSink } = await import('../adapters/aws/firehose-analytics-sink');
    return new FirehoseAnalyticsSink(
      createClient(FirehoseClient, { region: settings.AWS_REGION }),
      settings.deliveryStreams,
    );
  }
  // The Parquet writer itself (DuckDB) is registered by the local runtime, never imported from here.
  const { ParquetAnalyticsSink } = await import('../adapters/local/parquet-analytics-sink');
  return new ParquetAnalyticsSink((settings.ANALYTICS_DATA_DIR ?? settings.AFTERDESK_DATA_DIR) as string);
}
