import { FileAckJournal } from '../adapters/local/file-ack-journal';
import type { AckJournal } from '../ports/ack-journal';
import { env } from './runtime-env';

/** Local mode only: DynamoDB is durable once it acknowledges a write; DynamoDB Local is not (see the port). */
export const ackJournal: AckJournal | undefined =
  env.AFTERDESK_MODE === 'local' && env.ACK_JOURNAL_FILE
    ? new FileAckJournal(env.ACK_JOURNAL_FILE)
    : undefined;
