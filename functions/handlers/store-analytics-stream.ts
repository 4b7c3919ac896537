import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { decodeStoreChange, decodeStoreRemoval } from '../adapters/aws/store-stream-events';
import { logger, metrics } from '../config/observability';
import { storeAnalyticsSink, storeProcessedEvents } from '../config/store-analytics';
import { recordVideoAttendeeMinutes } from '../config/usage-metrics';
import { type StoreFact, storeEventFact } from '../core/analytics/store-facts';
import { endedCallAttendeeMinutes } from '../core/cost/video-minutes';
import { createFactStreamHandler, type ItemRemoval } from './shared/fact-stream';
import { withObservability } from './shared/middleware';

const count = (name: string) => metrics.addMetric(name, 'Count', 1);

/**
 * A removed return or claim makes no fact (its rows stay, as history), but expiry and deletion are told
 * apart: a TTL expiry is retention at work, a delete is someone's decision (e.g. an erasure request).
 * Only the item kind is logged; its keys carry order and customer ids.
 */
export function reportRemoval(removal: ItemRemoval, countMetric: (name: string) => void = count): void {
  const event = decodeStoreRemoval(removal);
  if (event?.kind !== 'store_record_removed') return;
  if (event.cause === 'expired') countMetric('StoreItemExpired');
  else {
    countMetric('StoreItemDeleted');
    logger.info('store item deleted', { kind: event.record });
  }
}

const callMinutes = new WeakMap<StoreFact, number>();
const processEvent = createFactStreamHandler({
  sink: storeAnalyticsSink,
  processedEvents: storeProcessedEvents,
  // Store stream records → store events (adapter) → the fact each makes (core).
  factOf: (change) => {
    const event = decodeStoreChange(change);
    const fact = event && storeEventFact(event);
    const minutes = fact ? endedCallAttendeeMinutes(fact, change.oldImage?.status) : 0;
    if (fact && minutes > 0) callMinutes.set(fact, minutes);
    return fact;
  },
  onRemove: (removal) => reportRemoval(removal),
  count,
  // Video minutes for `afterdesk cost`, once the call's end is stored (a retried record is not counted twice).
  onStored: (fact) => {
    const minutes = callMinutes.get(fact as StoreFact);
    if (minutes) recordVideoAttendeeMinutes(minutes);
  },
});

/** Store stream → return and ticket facts; failed records are reported one by one for retry and the DLQ. */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  metrics.addMetric('StoreStreamRecords', 'Count', event.Records.length);
  return processEvent(event, context);
});
