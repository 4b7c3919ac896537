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
  video_facts: 'VideoFactWritten',
  photo_facts: 'PhotoFactWritten',
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
 * Writes one fact's rows of claimed events in one sink write, then completes their claims. If the batch
 * write fails, each row is written on its own, so one row the sink cannot take (a poison record) fails
 * alone and never holds back other shoppers' rows. Failed rows' claims are released so they are retried.
 * Returns the eventIds that were not written (empty when all were).
 */
export async function writeClaimedRows<K extends FactName>(
  deps: ClaimedRowsDeps,
  fact: K,
  rows: ReadonlyArray<{ eventId: string; row: FactRowByName[K] }>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const written: string[] = [];
  const failed: string[] = [];
  try {
    await deps.sink.write(
      fact,
      rows.map((entry) => entry.row),
    );
    written.push(...rows.map((entry) => entry.eventId));
  } catch (error) {
    deps.logger.error('analytics sink write failed', { fact, records: rows.length, error: errorName(error) });
    if (rows.length === 1) failed.push(...rows.map((entry) => entry.eventId));
    else
      for (const entry of rows) {
        try {
          await deps.sink.write(fact, [entry.row]);
          written.push(entry.eventId);
        } catch {
          failed.push(entry.eventId);
        }
      }
    if (failed.length > 0) {
      deps.count?.('FactWriteFailed');
      await deps.processedEvents.release(failed);
    }
  }
  if (written.length === 0) return failed;
  // Written: from here a redelivery must be skipped. If completing fails the claims lapse after the claim
  // time and a retry could write the row again; event_id (message facts) and the latest-row-per-id reading
  // (the others) keep such a copy out of every answer.
  await deps.processedEvents.complete(written);
  for (let i = 0; i < written.length; i++) deps.count?.(WRITTEN_METRIC[fact]);
  return failed;
}

/** A sink error's name only: its message may quote the row (shopper text) or a local path. */
const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');
