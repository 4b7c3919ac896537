import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
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

/** Sessions whose last saved state one process remembers. */
const MAX_REMEMBERED = 10_000;
/** DynamoDB's limits: keys per BatchGetItem, items per TransactWriteItems (two per contact). */
const BATCH_GET_KEYS = 100;
const CONTACTS_PER_TRANSACTION = 50;
const BATCH_GET_ATTEMPTS = 5;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

const copy = (state: ContactState): ContactState => ({
  ...state,
  handoffRequests: [...state.handoffRequests],
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
 *
 * A stream batch costs at most one read and one write whatever the number of its sessions: `getMany` is a
 * BatchGetItem, answered without a read for sessions whose last save this process made (a stream shard's
 * sessions keep coming back to the same consumer; the version condition catches the closer's change), and
 * `saveMany` one transaction for up to 50 contacts.
 */
export class DynamoDbContactStateStore implements ContactStateStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { retentionDays: number; shards: number },
  ) {}

  private readonly remembered = new Map<string, ContactState>();

  private remember(state: ContactState): void {
    this.remembered.delete(state.sessionId);
    if (this.remembered.size >= MAX_REMEMBERED) {
      const oldest = this.remembered.keys().next().value;
      if (oldest !== undefined) this.remembered.delete(oldest);
    }
    this.remembered.set(state.sessionId, { ...copy(state), version: state.version + 1 });
  }

  async get(sessionId: string): Promise<ContactState | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key(sessionId), ConsistentRead: true }),
    );
    return result.Item ? parseContactState(result.Item) : undefined;
  }

  async getMany(
    sessionIds: readonly string[],
    options: { remembered?: boolean } = {},
  ): Promise<Map<string, ContactState | undefined>> {
    const states = new Map<string, ContactState | undefined>();
    const unread: string[] = [];
    for (const sessionId of new Set(sessionIds)) {
      const known = options.remembered ? this.remembered.get(sessionId) : undefined;
      if (known) states.set(sessionId, copy(known));
      else unread.push(sessionId);
    }
    if (unread.length === 1) {
      const [only] = unread as [string];
      states.set(only, await this.get(only));
      return states;
    }
    for (const chunk of chunks(unread, BATCH_GET_KEYS)) {
      for (const sessionId of chunk) states.set(sessionId, undefined);
      let keys: Record<string, unknown>[] = chunk.map(key);
      for (let attempt = 0; attempt < BATCH_GET_ATTEMPTS && keys.length > 0; attempt++) {
        const result = await this.db.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const state = parseContactState(item);
          states.set(state.sessionId, state);
        }
        keys = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
      if (keys.length > 0) throw new Error(`${keys.length} contact states left unread`);
    }
    return states;
  }

  async save(state: ContactState): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: this.saveItems(state) }));
      this.remember(state);
      return 'saved';
    } catch (error) {
      this.remembered.delete(state.sessionId);
      if (conflicted(error)) return 'conflict';
      throw error;
    }
  }

  /**
   * One transaction per 50 contacts. A cancelled one writes nothing and names, by position, the contacts
   * whose version moved (conflict); the others are sent again without them.
   */
  async saveMany(states: readonly ContactState[]): Promise<Map<string, 'saved' | 'conflict'>> {
    const outcomes = new Map<string, 'saved' | 'conflict'>();
    for (const chunk of chunks(states, CONTACTS_PER_TRANSACTION)) {
      let pending = chunk;
      while (pending.length > 0) {
        if (pending.length === 1) {
          const [only] = pending as [ContactState];
          outcomes.set(only.sessionId, await this.save(only));
          break;
        }
        try {
          await this.db.send(
            new TransactWriteCommand({ TransactItems: pending.flatMap((state) => this.saveItems(state)) }),
          );
          for (const state of pending) {
            this.remember(state);
            outcomes.set(state.sessionId, 'saved');
          }
          pending = [];
        } catch (error) {
          for (const state of pending) this.remembered.delete(state.sessionId);
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const again = pending.filter((state, index) => {
            const codes = [reasons[2 * index]?.Code, reasons[2 * index + 1]?.Code];
            const moved = codes.includes('ConditionalCheckFailed') || codes.includes('TransactionConflict');
            if (moved) outcomes.set(state.sessionId, 'conflict');
            return !moved;
          });
          if (again.length === pending.length) throw error;
          pending = again;
        }
      }
    }
    return outcomes;
  }

  /** The contact and its open-contacts entry, written together so the two never disagree. */
  private saveItems(state: ContactState): NonNullable<TransactWriteCommandInput['TransactItems']> {
    const expiresAt = Math.floor(Date.parse(state.lastMessageAt) / 1000) + this.options.retentionDays * 86400;
    const entry = entryKey(openContactShard(state.sessionId, this.options.shards), state.sessionId);
    return [
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
    ];
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
    this.remembered.delete(contact.sessionId);
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
