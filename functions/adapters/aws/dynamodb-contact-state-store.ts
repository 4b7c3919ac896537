import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { OPEN_CONTACTS_INDEX } from '../../config/tables';
import {
  type ContactState,
  openContactShard,
  parseContactState,
} from '../../core/analytics/conversation-contacts';
import type { ContactStateStore, IdleContact } from '../../ports/contact-states';

const SESSION_PREFIX = 'SESSION#';
const key = (sessionId: string) => ({ pk: `${SESSION_PREFIX}${sessionId}`, sk: 'CONTACT' });
const shardKey = (shard: number) => `OPEN#${shard}`;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Contact state in the Conversations table: `pk SESSION#<id>`, `sk CONTACT`, `type contact`, next to the
 * session's META and messages. While open the item carries `openShard` and `openLastMessageAt`, the keys of
 * the sparse open-contacts index the closer queries; closing removes them. Expires with the session.
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
    const open = state.status === 'open';
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key(state.sessionId),
            type: 'contact',
            ...state,
            version: state.version + 1,
            ...(open
              ? {
                  openShard: shardKey(openContactShard(state.sessionId, this.options.shards)),
                  openLastMessageAt: state.lastMessageAt,
                }
              : {}),
            expiresAt:
              Math.floor(Date.parse(state.lastMessageAt) / 1000) + this.options.retentionDays * 86400,
          },
          ConditionExpression: state.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
          ExpressionAttributeValues: state.version === 0 ? undefined : { ':version': state.version },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
  }

  async listIdle(shard: number, before: string, limit: number): Promise<IdleContact[]> {
    const found: IdleContact[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: OPEN_CONTACTS_INDEX.name,
          KeyConditionExpression: 'openShard = :shard AND openLastMessageAt < :before',
          ExpressionAttributeValues: { ':shard': shardKey(shard), ':before': before },
          Limit: limit - found.length,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const sessionId = text(item.sessionId);
        const lastMessageAt = text(item.lastMessageAt);
        if (sessionId && lastMessageAt) found.push({ sessionId, lastMessageAt });
      }
      start = page.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found;
  }

  async close(contact: IdleContact): Promise<'closed' | 'changed'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key(contact.sessionId),
          UpdateExpression:
            'SET #status = :closed, closedAt = :last, version = version + :one REMOVE openShard, openLastMessageAt',
          ConditionExpression: '#status = :open AND lastMessageAt = :last',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':closed': 'closed',
            ':open': 'open',
            ':last': contact.lastMessageAt,
            ':one': 1,
          },
        }),
      );
      return 'closed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'changed';
      throw error;
    }
  }
}
