import { DynamoDbConsoleStore } from '../adapters/aws/dynamodb-console-store';
import { waitingReply } from '../core/console/waiting-notice';
import type { SessionRecord } from '../ports/repositories';
import { storeRules } from './after-sales';
import { documentClient } from './dynamodb';
import { env } from './runtime-env';

const store = new DynamoDbConsoleStore(documentClient, env.CONVERSATIONS_TABLE, env.RETENTION_DAYS);

/** Who of the team is online: a hand-off outside hours tells the shopper when a person will reply. */
export const deskPresence: Pick<DynamoDbConsoleStore, 'listPresence'> = store;

/** The assistant's answer to a shopper waiting for a person: their place in the queue, or when people are in. */
export const whileQueued = (session: SessionRecord): Promise<string> =>
  waitingReply(
    { queue: store, presence: store, rules: storeRules, now: () => new Date() },
    session.sessionId,
    session.language,
  );
