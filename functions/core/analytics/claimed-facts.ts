/**
 * Exactly-once fact rows from at-least-once events: an event is claimed by its id before its row is built,
 * the rows of one batch go to the sink in one write per fact, and only then are the claims completed.
 */
import type { AnalyticsSink, ClaimOutcome, ProcessedEvents } from '../../ports/analytics-sink';
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
  processedEvents: Pick<ProcessedEvents, 'claim'>,
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

/**
 * The claims of one batch, taken together on the first ask (one call where the store allows), so a batch
 * of N events costs one claim call, not N. An event not known up front is claimed alone. A failed batch
 * claim fails every event that asks (the transport retries them); nothing was claimed then.
 */
export function batchClaims(
  processedEvents: ProcessedEvents,
  eventIds: readonly string[],
): Pick<ProcessedEvents, 'claim'> {
  let all: Promise<Map<string, ClaimOutcome>> | undefined;
  const known = new Set(eventIds);
  return {
    async claim(eventId) {
      if (!known.has(eventId) || !processedEvents.claimAll) return processedEvents.claim(eventId);
      all ??= processedEvents.claimAll([...known]);
      return (await all).get(eventId) ?? processedEvents.claim(eventId);
    },
  };
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
  const { written, failed } = await writeRows(deps, fact, rows);
  await completeWritten(deps, [{ fact, written }]);
  return failed;
}

/**
 * Completes the claims of rows the sink stored, of one or several facts in one call: from here a
 * redelivery must be skipped. If completing fails the claims lapse after the claim time and a retry could
 * write the row again; event_id (message facts) and the latest-row-per-id reading (the others) keep such a
 * copy out of every answer.
 */
export async function completeWritten(
  deps: ClaimedRowsDeps,
  written: ReadonlyArray<{ fact: FactName; written: readonly string[] }>,
): Promise<void> {
  const ids = written.flatMap((entry) => entry.written);
  if (ids.length === 0) return;
  await deps.processedEvents.complete(ids);
  for (const entry of written) for (const _ of entry.written) deps.count?.(WRITTEN_METRIC[entry.fact]);
}

/**
 * The sink half of writeClaimedRows: the rows written (claims still to complete) and the eventIds that
 * were not (their claims released).
 */
export async function writeRows<K extends FactName>(
  deps: ClaimedRowsDeps,
  fact: K,
  rows: ReadonlyArray<{ eventId: string; row: FactRowByName[K] }>,
): Promise<{ written: string[]; failed: string[] }> {
  if (rows.length === 0) return { written: [], failed: [] };
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
  return { written, failed };
}

/** A sink error's name only: its message may quote the row (shopper text) or a local path. */
const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');
