import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { prioritiesBelow } from '../../core/analytics/escalation';
import type { ConversationActivity } from '../../core/chat/conversation-activity';
import type { PhotoEvidence } from '../../core/photos/evidence';
import type { Attachment } from '../../core/protocol';
import type { VideoCallCard } from '../../core/video/proposal';
import type {
  AppendShopperResult,
  ConversationRepository,
  HandoffPriority,
  HandoffRequest,
  SessionRecord,
  StoredMessage,
} from '../../ports/repositories';

const sessionPk = (sessionId: string) => `SESSION#${sessionId}`;
const SEQ_WIDTH = 12;
const messageSk = (seq: number) => `MSG#${String(seq).padStart(SEQ_WIDTH, '0')}`;
const LAST_MESSAGE_SK = `MSG#${'9'.repeat(SEQ_WIDTH)}`;

/**
 * One partition per session: META holds owner, live connection and the sequence counter; MSG#<seq> items
 * are the transcript; CMID#<clientMessageId> items make shopper messages idempotent.
 */
export class DynamoDbConversationRepository implements ConversationRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly retentionDays: number,
    private readonly maxMessagesPerMinute = 30,
  ) {}

  private expiresAt(): number {
    return Math.floor(Date.now() / 1000) + this.retentionDays * 86400;
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: sessionPk(sessionId), sk: 'META' } }),
    );
    if (!result.Item) return undefined;
    const item = result.Item;
    return {
      sessionId,
      customerId: item.customerId,
      connectionId: item.connectionId,
      createdAt: item.createdAt,
      language: item.language,
      handoffStatus: item.handoffStatus,
      ...(item.handoffAgent
        ? { handoffAgent: item.handoffAgent, handoffAgentName: item.handoffAgentName }
        : {}),
    };
  }

  async bindSession(
    sessionId: string,
    customerId: string,
    connectionId: string,
  ): Promise<'bound' | 'forbidden'> {
    const now = new Date().toISOString();
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sessionPk(sessionId), sk: 'META' },
          UpdateExpression:
            'SET customerId = if_not_exists(customerId, :cid), createdAt = if_not_exists(createdAt, :now), seq = if_not_exists(seq, :zero), connectionId = :conn, updatedAt = :now, expiresAt = :exp, #type = :type',
          ConditionExpression: 'attribute_not_exists(customerId) OR customerId = :cid',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':cid': customerId,
            ':now': now,
            ':zero': 0,
            ':conn': connectionId,
            ':exp': this.expiresAt(),
            ':type': 'session',
          },
        }),
      );
      return 'bound';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'forbidden';
      throw error;
    }
  }

  async appendShopperMessage(input: {
    sessionId: string;
    clientMessageId: string;
    text: string;
    attachments?: Attachment[];
  }): Promise<AppendShopperResult> {
    const pk = sessionPk(input.sessionId);
    const now = new Date().toISOString();
    const allocated = await this.allocateSequence(pk, now);
    if (allocated.status === 'rate_limited') return allocated;
    const replySeq = allocated.replySeq;
    const message: StoredMessage = {
      sessionId: input.sessionId,
      seq: replySeq - 1,
      role: 'shopper',
      text: input.text,
      createdAt: now,
      clientMessageId: input.clientMessageId,
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  pk,
                  sk: `CMID#${input.clientMessageId}`,
                  seq: message.seq,
                  expiresAt: this.expiresAt(),
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.tableName, Item: this.toItem(message) } },
          ],
        }),
      );
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        return { status: 'duplicate', seq: message.seq };
      }
      throw error;
    }
    return { status: 'accepted', message, replySeq };
  }

  /**
   * Two sequence numbers at once, the message's and its reply's, so the reply always sorts right after it.
   * The same write stamps the shopper's activity and counts the message in a per-minute window, so rate
   * limiting costs no extra call except on a session's first message of each minute.
   */
  private async allocateSequence(
    pk: string,
    now: string,
  ): Promise<
    { status: 'allocated'; replySeq: number } | { status: 'rate_limited'; retryAfterSeconds: number }
  > {
    const minute = Math.floor(Date.parse(now) / 60_000);
    const values = { ':two': 2, ':one': 1, ':now': now, ':minute': minute };
    const send = (sameWindow: boolean) =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk: 'META' },
          UpdateExpression: sameWindow
            ? 'ADD seq :two, rateCount :one SET updatedAt = :now, lastShopperMessageAt = :now'
            : 'ADD seq :two SET rateWindow = :minute, rateCount = :one, updatedAt = :now, lastShopperMessageAt = :now',
          ConditionExpression: sameWindow
            ? 'attribute_exists(customerId) AND rateWindow = :minute AND rateCount < :max'
            : 'attribute_exists(customerId) AND (attribute_not_exists(rateWindow) OR rateWindow <> :minute)',
          ExpressionAttributeValues: sameWindow ? { ...values, ':max': this.maxMessagesPerMinute } : values,
          ReturnValues: 'UPDATED_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    // Two rounds at most: a window can be opened by a concurrent message between our two attempts.
    for (let round = 0; round < 2; round++) {
      for (const sameWindow of [true, false]) {
        try {
          const result = await send(sameWindow);
          return { status: 'allocated', replySeq: Number(result.Attributes?.seq) };
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          const old = error.Item ? unmarshall(error.Item) : undefined;
          if (!old?.customerId) throw new Error('session does not exist');
          if (sameWindow && old.rateWindow === minute) {
            return {
              status: 'rate_limited',
              retryAfterSeconds: 60 - Math.floor((Date.parse(now) / 1000) % 60),
            };
          }
        }
      }
    }
    throw new Error('could not allocate a sequence number');
  }

  async putMessage(message: StoredMessage): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.toItem(message) }));
  }

  async putMessageOnce(
    message: StoredMessage,
  ): Promise<{ status: 'stored' } | { status: 'exists'; message: StoredMessage }> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.toItem(message),
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { status: 'stored' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException) || !error.Item) throw error;
      return { status: 'exists', message: fromItem(unmarshall(error.Item)) };
    }
  }

  async listMessagesAfter(sessionId: string, afterSeq: number, limit: number): Promise<StoredMessage[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': sessionPk(sessionId),
          ':from': messageSk(afterSeq + 1),
          ':to': LAST_MESSAGE_SK,
        },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(fromItem);
  }

  async listRecentMessages(sessionId: string, limit: number): Promise<StoredMessage[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': sessionPk(sessionId), ':prefix': 'MSG#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(fromItem).reverse();
  }

  async requestHandoff(request: HandoffRequest): Promise<'queued' | 'already_queued'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sessionPk(request.sessionId), sk: 'META' },
          UpdateExpression:
            'SET handoffStatus = :queued, handoffReason = :reason, handoffPriority = :priority, handoffIntent = :intent, handoffRequestedAt = :at',
          ConditionExpression:
            'customerId = :customer AND (attribute_not_exists(handoffStatus) OR handoffStatus = :closed)',
          ExpressionAttributeValues: {
            ':queued': 'queued',
            ':closed': 'closed',
            ':reason': request.reason,
            ':priority': request.priority,
            ':intent': request.intent ?? null,
            ':at': request.requestedAt,
            ':customer': request.customerId,
          },
        }),
      );
      return 'queued';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'already_queued';
      throw error;
    }
  }

  async reserveSequences(sessionId: string, count: number): Promise<number> {
    const result = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: sessionPk(sessionId), sk: 'META' },
        UpdateExpression: 'ADD seq :count',
        ConditionExpression: 'attribute_exists(customerId)',
        ExpressionAttributeValues: { ':count': count },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.seq) - count + 1;
  }

  async raiseHandoffPriority(sessionId: string, priority: HandoffPriority): Promise<'raised' | 'unchanged'> {
    const lower = prioritiesBelow(priority);
    if (!lower.length) return 'unchanged';
    const names = lower.map((_, index) => `:lower${index}`);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sessionPk(sessionId), sk: 'META' },
          UpdateExpression: 'SET handoffPriority = :priority, handoffRaisedBy = :why',
          ConditionExpression: `handoffStatus = :queued AND handoffPriority IN (${names.join(', ')})`,
          ExpressionAttributeValues: {
            ':priority': priority,
            ':why': 'negative_sentiment',
            ':queued': 'queued',
            ...Object.fromEntries(names.map((name, index) => [name, lower[index]])),
          },
        }),
      );
      return 'raised';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'unchanged';
      throw error;
    }
  }

  async assignHandoff(
    sessionId: string,
    agentId: string,
    agentName?: string,
  ): Promise<'assigned' | 'not_waiting'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sessionPk(sessionId), sk: 'META' },
          UpdateExpression:
            'SET handoffStatus = :assigned, handoffAgent = :agent, handoffAgentName = :name, handoffAssignedAt = :at',
          ConditionExpression: 'handoffStatus = :queued',
          ExpressionAttributeValues: {
            ':assigned': 'assigned',
            ':queued': 'queued',
            ':agent': agentId,
            ':name': agentName ?? null,
            ':at': new Date().toISOString(),
          },
        }),
      );
      return 'assigned';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not_waiting';
      throw error;
    }
  }

  async reassignHandoff(
    sessionId: string,
    agentId: string,
    agentName: string,
  ): Promise<'reassigned' | 'not_assigned'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sessionPk(sessionId), sk: 'META' },
          UpdateExpression: 'SET handoffAgent = :agent, handoffAgentName = :name, handoffAssignedAt = :at',
          ConditionExpression: 'handoffStatus = :assigned',
          ExpressionAttributeValues: {
            ':assigned': 'assigned',
            ':agent': agentId,
            ':name': agentName,
            ':at': new Date().toISOString(),
          },
        }),
      );
      return 'reassigned';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not_assigned';
      throw error;
    }
  }

  async closeHandoff(sessionId: string, resolution?: { category: string; by: string }): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: sessionPk(sessionId), sk: 'META' },
        UpdateExpression: resolution
          ? 'SET handoffStatus = :closed, handoffClosedAt = :at, handoffResolution = :category, handoffResolvedBy = :by REMOVE handoffAgent, handoffAgentName'
          : 'SET handoffStatus = :closed, handoffClosedAt = :at REMOVE handoffAgent, handoffAgentName, handoffResolution',
        ConditionExpression: 'attribute_exists(customerId)',
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':at': new Date().toISOString(),
          ...(resolution ? { ':category': resolution.category, ':by': resolution.by } : {}),
        },
      }),
    );
  }

  async recordActivity(activity: ConversationActivity): Promise<'recorded' | 'stale'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sessionPk(activity.sessionId), sk: 'META' },
          UpdateExpression:
            'SET lastMessageSeq = :seq, lastMessageAt = :at, lastRole = :role, #lang = if_not_exists(#lang, :lang), lastIntent = :intent',
          ConditionExpression:
            'attribute_exists(customerId) AND (attribute_not_exists(lastMessageSeq) OR lastMessageSeq < :seq)',
          ExpressionAttributeNames: { '#lang': 'language' },
          ExpressionAttributeValues: {
            ':seq': activity.lastMessageSeq,
            ':at': activity.lastMessageAt,
            ':role': activity.lastRole,
            ':lang': activity.language ?? null,
            ':intent': activity.lastIntent ?? null,
          },
        }),
      );
      return 'recorded';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  }

  private toItem(message: StoredMessage): Record<string, unknown> {
    return {
      pk: sessionPk(message.sessionId),
      sk: messageSk(message.seq),
      type: 'message',
      ...message,
      expiresAt: this.expiresAt(),
    };
  }
}

function fromItem(item: Record<string, unknown>): StoredMessage {
  return {
    sessionId: String(item.sessionId),
    seq: Number(item.seq),
    role: item.role as StoredMessage['role'],
    text: String(item.text),
    createdAt: String(item.createdAt),
    clientMessageId: item.clientMessageId as string | undefined,
    replyTo: item.replyTo as string | undefined,
    language: item.language as string | undefined,
    intent: item.intent as string | undefined,
    ...(Array.isArray(item.attachments) ? { attachments: item.attachments as Attachment[] } : {}),
    ...(typeof item.agentId === 'string' ? { agentId: item.agentId } : {}),
    ...(typeof item.agentName === 'string' ? { agentName: item.agentName } : {}),
    ...(item.original && typeof item.original === 'object'
      ? { original: item.original as StoredMessage['original'] }
      : {}),
    ...(typeof item.event === 'string' ? { event: item.event } : {}),
    ...(Array.isArray(item.photoReadings) ? { photoReadings: item.photoReadings as PhotoEvidence[] } : {}),
    ...(item.card && typeof item.card === 'object' ? { card: item.card as VideoCallCard } : {}),
  };
}
