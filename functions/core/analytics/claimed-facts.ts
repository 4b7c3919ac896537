/**
 * Exactly-once fact rows from at-least-once events: an event is claimed by its id before its row is built,
 * the rows of one batch go to the sink in one write per fact, and only then are the claims completed.
 */
import type { AnalyticsSink, ProcessedEvents } from '../../ports/analytics-sink';
import type { UseCaseLogger } from '../../ports/logger';
import type { FactName, FactRowByName } from './facts';

/** The per-row metric, named as the message facts handler has always named its own. */
const WRITTEN_METRIC: Readonly<Record<FactName, string>> = {
  message_facts: 'MessageFactWritten',
  conversation_facts: 'ConversationFactWritten',
  return_facts: 'ReturnFactWritten',
  ticket_facts: 'TicketFactWritten',
};

/**
 * Claims an event by its id before its fact is built. False: it was processed before (a redelivery),
 * skip it. Throws while another invocation holds it, so the transport retries it later.
 */
export async function claimEvent(
  processedEvents: ProcessedEvents,
  eventId: string,
  onDuplicate: () => void,
): Promise<boolean> {
  const claim = await processedEvents.claim(eventId);
  if (claim === 'done') {
    onDuplicate();
    return false;
  }
  if (claim === 'busy') throw new Error(`stream record ${eventId} is being processed elsewhere`);
  return true;
}

export interface ClaimedRowsDeps {
  sink: AnalyticsSink;
  processedEvents: ProcessedEvents;
  logger: UseCaseLogger;
  count?(name: string): void;
}

/**
 * Writes one fact's rows of claimed events in one sink write, then completes their claims; on a failed
 * write releases the claims so the retried events are processed again. True when written.
 */
export async function writeClaimedRows<K extends FactName>(
  deps: ClaimedRowsDeps,
  fact: K,
  rows: ReadonlyArray<{ eventId: string; row: FactRowByName[K] }>,
): Promise<boolean> {
  if (rows.length === 0) return true;
  const eventIds = rows.map((entry) => entry.eventId);
  try {
    await deps.sink.write(
      fact,
      rows.map((entry) => entry.row),
    );
  } catch (error) {
    deps.logger.error('analytics sink write failed', { fact, records: rows.length, error: String(error) });
    await deps.processedEvents.release(eventIds);
    return false;
  }
  // Written: from here a redelivery must be skipped. If completing fails the claims lapse after the claim
  // time and a retry could write the row again; event_id (message facts) and the latest-row-per-id reading
  // (the others) keep such a copy out of every answer.
  await deps.processedEvents.complete(eventIds);
  for (let i = 0; i < rows.length; i++) deps.count?.(WRITTEN_METRIC[fact]);
  return true;
}
