import type { StoredMessage } from './repositories';

/**
 * A durable record of each acknowledged shopper message, written before the ack. Only where the store may
 * lose a write it already acknowledged (DynamoDB Local loses its last transactions when its JVM is killed):
 * at start-up the journal puts back what the store lost, and the stored message starts its turn as usual.
 */
export interface AckJournal {
  record(entry: { message: StoredMessage; replySeq: number }): Promise<void>;
}
