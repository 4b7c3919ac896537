import { randomBytes } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { StoredQueueEntry } from '../../core/console/queue';
import type {
  AgentConnection,
  AgentConnectionStore,
  AgentPresence,
  AuditEntry,
  AuditLog,
  HandoffQueueStore,
  InternalNote,
  NoteStore,
  PresenceStore,
} from '../../ports/console';

const OPEN_QUEUE = 'HANDOFFS';
const historyPk = (customerId: string) => `HANDOFFS#CUSTOMER#${customerId}`;
const AGENT_CONNECTIONS = 'AGENTCONNS';
const PRESENCE = 'AGENTPRESENCE';
/** The partitions that say who is online and where to reach them: video reads these and nothing else. */
export const AGENT_AVAILABILITY_PARTITIONS = [PRESENCE, AGENT_CONNECTIONS] as const;
const auditPk = (at: string) => `AUDIT#${at.slice(0, 7)}`;
/** API Gateway ends a connection after 2 hours; a record outliving its socket by an hour is harmless. */
const CONNECTION_TTL_SECONDS = 3 * 3600;

/**
 * The console's state in the Conversations table, each kind under its own partition: the open queue
 * (one small partition a seller's desk reads in one query), closed hand-offs per customer, agent
 * connections, presence, the monthly audit trail, and notes beside the session's transcript
 * (`NOTE#…` never matches the transcript's `MSG#` range, so a note is never replayed to the shopper).
 */
export class DynamoDbConsoleStore
  implements HandoffQueueStore, AgentConnectionStore, PresenceStore, AuditLog, NoteStore
{
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
  ) {}

  private expiresAt(seconds = this.retentionDays * 86400): number {
    return Math.floor(Date.now() / 1000) + seconds;
  }

  async putEntry(entry: StoredQueueEntry): Promise<void> {
    if (entry.status !== 'closed') {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: OPEN_QUEUE, sk: `SESSION#${entry.sessionId}`, type: 'handoff_entry', entry },
        }),
      );
      return;
    }
    // Closing moves the entry to the customer's history in one transaction: never in both, never lost.
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                pk: historyPk(entry.customerId),
                sk: `${entry.closedAt ?? entry.updatedAt}#${entry.sessionId}`,
                type: 'handoff_history',
                entry,
                expiresAt: this.expiresAt(),
              },
            },
          },
          {
            Delete: { TableName: this.tableName, Key: { pk: OPEN_QUEUE, sk: `SESSION#${entry.sessionId}` } },
          },
        ],
      }),
    );
  }

  async getEntry(sessionId: string): Promise<StoredQueueEntry | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: OPEN_QUEUE, sk: `SESSION#${sessionId}` } }),
    );
    return result.Item?.entry as StoredQueueEntry | undefined;
  }

  async listEntries(): Promise<StoredQueueEntry[]> {
    return (await this.queryAll(OPEN_QUEUE)).map((item) => item.entry as StoredQueueEntry);
  }

  async removeEntry(sessionId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: OPEN_QUEUE, sk: `SESSION#${sessionId}` } }),
    );
  }

  async listClosedForCustomer(customerId: string, limit: number): Promise<StoredQueueEntry[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': historyPk(customerId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item.entry as StoredQueueEntry);
  }

  async addConnection(connection: AgentConnection): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: AGENT_CONNECTIONS,
          sk: connection.connectionId,
          type: 'agent_connection',
          ...connection,
          expiresAt: this.expiresAt(CONNECTION_TTL_SECONDS),
        },
      }),
    );
  }

  async removeConnection(connectionId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: AGENT_CONNECTIONS, sk: connectionId } }),
    );
  }

  async getConnection(connectionId: string): Promise<AgentConnection | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: AGENT_CONNECTIONS, sk: connectionId } }),
    );
    return result.Item ? toConnection(result.Item) : undefined;
  }

  async listConnections(): Promise<AgentConnection[]> {
    const now = Math.floor(Date.now() / 1000);
    // TTL deletes lag by up to days in DynamoDB: an expired record is treated as gone already.
    return (await this.queryAll(AGENT_CONNECTIONS))
      .filter((item) => typeof item.expiresAt !== 'number' || item.expiresAt > now)
      .map(toConnection);
  }

  async setViewing(connectionId: string, sessionId: string | undefined, language?: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: AGENT_CONNECTIONS, sk: connectionId },
          UpdateExpression: sessionId ? 'SET viewing = :session, #language = :language' : 'REMOVE viewing',
          ConditionExpression: 'attribute_exists(pk)',
          ...(sessionId
            ? {
                ExpressionAttributeNames: { '#language': 'language' },
                ExpressionAttributeValues: { ':session': sessionId, ':language': language ?? null },
              }
            : {}),
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async setPresence(presence: AgentPresence): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: PRESENCE, sk: presence.agentId, type: 'agent_presence', ...presence },
      }),
    );
  }

  async listPresence(): Promise<AgentPresence[]> {
    return (await this.queryAll(PRESENCE)).map((item) => ({
      agentId: String(item.agentId),
      firstName: String(item.firstName),
      status: item.status === 'online' ? 'online' : 'away',
      updatedAt: String(item.updatedAt),
    }));
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: auditPk(entry.at),
          sk: `${entry.at}#${randomBytes(4).toString('hex')}`,
          type: 'audit',
          ...entry,
        },
      }),
    );
  }

  async list(limit: number): Promise<AuditEntry[]> {
    const now = new Date();
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString();
    const entries: AuditEntry[] = [];
    for (const pk of [auditPk(now.toISOString()), auditPk(previous)]) {
      if (entries.length >= limit) break;
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: limit - entries.length,
        }),
      );
      for (const item of result.Items ?? [])
        entries.push({
          at: String(item.at),
          agentId: String(item.agentId),
          agentEmail: String(item.agentEmail),
          action: String(item.action),
          ...(typeof item.sessionId === 'string' ? { sessionId: item.sessionId } : {}),
          ...(item.detail ? { detail: item.detail as AuditEntry['detail'] } : {}),
        });
    }
    return entries;
  }

  async addNote(note: InternalNote): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `SESSION#${note.sessionId}`,
          sk: `NOTE#${note.at}#${randomBytes(4).toString('hex')}`,
          type: 'note',
          ...note,
          expiresAt: this.expiresAt(),
        },
      }),
    );
  }

  async listNotes(sessionId: string): Promise<InternalNote[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':prefix': 'NOTE#' },
      }),
    );
    return (result.Items ?? []).map((item) => ({
      sessionId,
      at: String(item.at),
      agentId: String(item.agentId),
      firstName: String(item.firstName),
      text: String(item.text),
    }));
  }

  private async queryAll(pk: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(result.Items ?? []));
      start = result.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

function toConnection(item: Record<string, unknown>): AgentConnection {
  return {
    connectionId: String(item.connectionId),
    agentId: String(item.agentId),
    firstName: String(item.firstName),
    role: item.role === 'supervisor' ? 'supervisor' : 'agent',
    connectedAt: String(item.connectedAt),
    ...(typeof item.viewing === 'string' ? { viewing: item.viewing } : {}),
    ...(typeof item.language === 'string' ? { language: item.language } : {}),
  };
}
