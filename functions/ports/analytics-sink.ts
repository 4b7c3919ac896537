import type { FactName, FactRowByName } from '../core/analytics/facts';

/**
 * Where analytics facts go: Firehose to S3 Parquet in the cloud, Parquet files under the data folder
 * locally. `write` resolves once the rows are durably stored; it throws if none of them were.
 */
export interface AnalyticsSink {
  write<K extends FactName>(fact: K, rows: ReadonlyArray<FactRowByName[K]>): Promise<void>;
}

/** `claimed`: process it now; `done`: a fact was already written, skip; `busy`: another run holds it. */
export type ClaimOutcome = 'claimed' | 'done' | 'busy';

/**
 * The record of stream events already turned into facts, so a redelivered record never writes a second
 * fact. Claim before building, complete after the sink stored the fact, release on failure.
 */
export interface ProcessedEvents {
  claim(eventId: string): Promise<ClaimOutcome>;
  /** Claims a batch's events at once (one call where the store allows); absent, each is claimed alone. */
  claimAll?(eventIds: readonly string[]): Promise<Map<string, ClaimOutcome>>;
  complete(eventIds: readonly string[]): Promise<void>;
  release(eventIds: readonly string[]): Promise<void>;
}
