/** Typed domain events, decoded from storage changes by adapters (see functions/adapters/aws/*-events). */
export type * from './conversation-events';
export type * from './store-events';

/**
 * One decoded change as use cases receive it. `ref` identifies the change to its transport (a stream
 * record's sequence number) so a failed one can be retried alone; `eventId` is its identity for
 * de-duplication; `sessionId` names the conversation whose order it belongs to, if any.
 */
export interface Envelope<E> {
  ref: string;
  eventId: string;
  sessionId?: string;
  /** Absent: a change no use case cares about (a marker, a counter), kept for ordering only. */
  event?: E;
}
