import { DynamoDbProcessedEvents } from '../adapters/aws/dynamodb-processed-events';
import type { AnalyticsSink, ProcessedEvents } from '../ports/analytics-sink';
import { buildAnalyticsSink, loadAnalyticsSinkEnv, STORE_FACTS } from './analytics-sink';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

const settings = loadAnalyticsSinkEnv(STORE_FACTS);

export const storeAnalyticsSink: AnalyticsSink = await buildAnalyticsSink(settings);

/**
 * Markers go to the Conversations table, which has the TTL that expires them; the Store table has none,
 * and markers written there would come back as records on the very stream they track.
 */
export const storeProcessedEvents: ProcessedEvents = new DynamoDbProcessedEvents(
  documentClient,
  env.CONVERSATIONS_TABLE,
  {
    claimSeconds: settings.ANALYTICS_CLAIM_SECONDS,
    markerDays: settings.ANALYTICS_MARKER_DAYS,
    prefix: 'STORE_ANALYTICS#',
  },
);
