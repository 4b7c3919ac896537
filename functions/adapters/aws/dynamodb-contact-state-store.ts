import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { OPEN_CONTACTS_PREFIX } from '../../config/tables';
import {
  type ContactState,
  openContactShard,
  SENTIMENT_RANK,
} from '../../core/analytics/conversation-contacts';
import type { SentimentLabel } from '../../core/analytics/facts';
import type { ContactStateStore, IdleContact } from '../../ports/contact-states';

const SESSION_PREFIX = 'SESSION#';
const key = (sessionId: string) => ({ pk: `${SESSION_PREFIX}${sessionId}`, sk: 'CONTACT' });
const entryKey = (shard: number, sessionId: string) => ({
  pk: `${OPEN_CONTACTS_PREFIX}${shard}`,
  sk: sessionId,
});

const conflicted = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

/**
 * Contact state in the Conversations table: `pk SESSION#<id>`, `sk CONTACT`, `type contact`, next to the
 * session's META and messages. While a contact is open, an entry `pk OPENCONTACTS#<shard>`, `sk <session>`
 * carries its last message time; the closer reads the entries of one shard. Each save writes the contact
 * and its entry in one transaction, so the two never disagree.
 *
 * The entries are items rather than a sparse global index because DynamoDB Local stops expiring items by
 * TTL in a table that has a global secondary index, and the embedded default relies on TTL for retention.
 */
export class DynamoDbContactStateStore implements ContactStateStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { retentionDays: number; shards: number },
  ) {}

  async get(sessionId: string): Promise<ContactState | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key(sessionId), ConsistentRead: true }),
    );
    return result.Item ? parseContactState(result.Item) : undefined;
  }

  async save(state: ContactState): Promise<'saved' | 'conflict'> {
    const expiresAt = Math.floor(Date.parse(state.lastMessageAt) / 1000) + this.options.retentionDays * 86400;
    const entry = entryKey(openContactShard(state.sessionId, this.options.shards), state.sessionId);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...key(state.sessionId),
                  type: 'contact',
                  ...state,
                  version: state.version + 1,
                  expiresAt,
                },
                ConditionExpression: state.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
                ExpressionAttributeValues: state.version === 0 ? undefined : { ':version': state.version },
              },
            },
            state.status === 'open'
              ? {
                  Put: {
                    TableName: this.tableName,
                    Item: {
                      ...entry,
                      type: 'open_contact',
                      sessionId: state.sessionId,
                      lastMessageAt: state.lastMessageAt,
                      expiresAt,
                    },
                  },
                }
              : { Delete: { TableName: this.tableName, Key: entry } },
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (conflicted(error)) return 'conflict';
      throw error;
    }
  }

  async listIdle(shard: number, before: string, limit: number): Promise<IdleContact[]> {
    // Every open contact of the shard is read (they are few: chats of the last idle period), then the idle
    // ones oldest first, as the port promises.
    const found: IdleContact[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'lastMessageAt < :before',
          ExpressionAttributeValues: { ':pk': `${OPEN_CONTACTS_PREFIX}${shard}`, ':before': before },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const sessionId = text(item.sessionId);
        const lastMessageAt = text(item.lastMessageAt);
        if (sessionId && lastMessageAt) found.push({ sessionId, lastMessageAt });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return found.sort((a, b) => a.lastMessageAt.localeCompare(b.lastMessageAt)).slice(0, limit);
  }

  async close(contact: IdleContact): Promise<'closed' | 'changed'> {
    const entry = entryKey(openContactShard(contact.sessionId, this.options.shards), contact.sessionId);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: key(contact.sessionId),
                UpdateExpression: 'SET #status = :closed, closedAt = :last, version = version + :one',
                ConditionExpression: '#status = :open AND lastMessageAt = :last',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':closed': 'closed',
                  ':open': 'open',
                  ':last': contact.lastMessageAt,
                  ':one': 1,
                },
              },
            },
            { Delete: { TableName: this.tableName, Key: entry } },
          ],
        }),
      );
      return 'closed';
    } catch (error) {
      if (conflicted(error)) return 'changed';
      throw error;
    }
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const SENTIMENTS: ReadonlySet<string> = new Set(Object.keys(SENTIMENT_RANK));

/** A stored contact item (or a stream image of one) as state; throws when its identity or times are missing. */
export function parseContactState(item: Record<string, unknown>): ContactState {
  const sessionId = text(item.sessionId);
  const openedAt = text(item.openedAt);
  const lastMessageAt = text(item.lastMessageAt);
  if (!sessionId || !openedAt || !lastMessageAt)
    throw new TypeError('contact item: session or times missing');
  const worst = text(item.worstSentiment);
  return {
    sessionId,
    channel: text(item.channel) ?? 'chat',
    status: item.status === 'closed' ? 'closed' : 'open',
    contactNo: Number(item.contactNo ?? 1),
    openedAt,
    lastMessageAt,
    closedAt: text(item.closedAt),
    previousClosedAt: text(item.previousClosedAt),
    firstReplyAt: text(item.firstReplyAt),
    assistantReplied: item.assistantReplied === true,
    agentJoined: item.agentJoined === true,
    handoffRequests: Array.isArray(item.handoffRequests) ? item.handoffRequests.map(String) : [],
    worstSentiment: worst && SENTIMENTS.has(worst) ? (worst as SentimentLabel) : null,
    primaryIntent: text(item.primaryIntent),
    reopens: Number(item.reopens ?? 0),
    version: Number(item.version ?? 0),
  };
}
