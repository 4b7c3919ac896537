import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
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
  TurnSnapshot,
} from '../../ports/repositories';
import { PROPOSAL_SK, proposalOf } from './dynamodb-proposal-store';
import { rateWindowUpdate } from './dynamodb-rate-limiter';

const sessionPk = (sessionId: string) => `SESSION#${sessionId}`;
const SEQ_WIDTH = 12;
const messageSk = (seq: number) => `MSG#${String(seq).padStart(SEQ_WIDTH, '0')}`;
const LAST_MESSAGE_SK = `MSG#${'9'.repeat(SEQ_WIDTH)}`;
/** Sessions whose counter one process remembers (each entry is a few numbers). */
const MAX_KNOWN_COUNTERS = 10_000;
/** Tries of the one-transaction write before falling back to the counter's atomic ADD. */
const KNOWN_COUNTER_ATTEMPTS = 2;

/** A session's counter as this process last wrote it: the sequence and the per-minute message window. */
interface SessionCounter {
  seq: number;
  rateWindow: number;
  rateCount: number;
}

/**
 * What a session's counter is before its first message (the session item exists from `$connect`): the
 * guess for a session this process has not written, right for every new conversation. Only the counter's
 * writes set `seq`, and every one of them moves it past zero, so `seq = 0` proves no window was opened.
 */
const NEW_SESSION_COUNTER: SessionCounter = { seq: 0, rateWindow: -1, rateCount: 0 };

/** The counter a session item holds, if it holds one (an item of a bound session). */
function counterOf(item: Record<string, unknown> | undefined): SessionCounter | undefined {
  if (!item?.customerId || typeof item.seq !== 'number') return undefined;
  return {
    seq: item.seq,
    rateWindow: typeof item.rateWindow === 'number' ? item.rateWindow : -1,
    rateCount: typeof item.rateCount === 'number' ? item.rateCount : 0,
  };
}

/** The one-call path's step of the counter: from what this process last wrote to the next. */
interface CounterStep {
  known: SessionCounter;
  next: SessionCounter;
}

type ShopperMessageInput = Parameters<ConversationRepository['appendShopperMessage']>[0];

/** The customer's own per-minute window, taken in the same write as the message. */
export interface CustomerLimit {
  key: string;
  perMinute: number;
}

const retryAfter = (now: string) => 60 - Math.floor((Date.parse(now) / 1000) % 60);

/** Which items of a cancelled transaction failed their condition (by position), or undefined for other errors. */
function failedConditions(error: unknown): boolean[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  if (!reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return undefined;
  return reasons.map((reason) => reason.Code === 'ConditionalCheckFailed');
}

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
    private readonly options: { rateLimitTable?: string } = {},
  ) {}

  private readonly counters = new Map<string, SessionCounter>();

  private expiresAt(): number {
    return Math.floor(Date.now() / 1000) + this.retentionDays * 86400;
  }

  async getSession(sessionId: string): Promise<SessionRecord | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: sessionPk(sessionId), sk: 'META' } }),
    );
    return result.Item ? sessionOf(sessionId, result.Item) : undefined;
  }

  /**
   * What a turn reads, in one call for most sessions: the partition sorts `META` < `MSG#…` < `PROPOSAL`, so
   * one query backwards over that range returns the proposal, the latest messages and, when the session
   * holds no more messages than the history needs, the session itself. A longer session costs one more
   * read (the session's item). Strongly consistent: the turn starts from a stream record of a write that
   * this read must see, and a proposal's state decides what a "yes" does.
   */
  async readTurn(sessionId: string, historyTurns: number): Promise<TurnSnapshot> {
    const recent: StoredMessage[] = [];
    let session: SessionRecord | undefined;
    let proposal: TurnSnapshot['proposal'];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :meta AND :proposal',
          ExpressionAttributeValues: {
            ':pk': sessionPk(sessionId),
            ':meta': 'META',
            ':proposal': PROPOSAL_SK,
          },
          ScanIndexForward: false,
          ConsistentRead: true,
          // The proposal, the history and the session's item.
          Limit: historyTurns + 2,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sk = String(item.sk);
        if (sk === PROPOSAL_SK) proposal = proposalOf(item);
        else if (sk === 'META') session = sessionOf(sessionId, item);
        else if (sk.startsWith('MSG#') && recent.length < historyTurns) recent.push(fromItem(item));
        // Anything else in the range (an agent's NOTE#) is not the turn's business.
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && !session && recent.length < historyTurns);
    if (!session && startKey) session = await this.getSession(sessionId);
    return { session, recent: recent.reverse(), proposal };
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

  async appendShopperMessage(input: ShopperMessageInput): Promise<AppendShopperResult> {
    const pk = sessionPk(input.sessionId);
    const now = new Date().toISOString();
    // One call when this process wrote the session's previous message, or when the session is new (its
    // counter is guessed at zero); otherwise the failed condition returns the counter and a second call
    // uses it, so no separate read.
    let known: SessionCounter | undefined = this.counters.get(input.sessionId) ?? NEW_SESSION_COUNTER;
    for (let attempt = 0; attempt < KNOWN_COUNTER_ATTEMPTS && known; attempt++) {
      const fast = await this.appendWithKnownCounter(input, known, now);
      if (fast.status !== 'stale') return fast;
      known = fast.found ?? (await this.readCounter(input.sessionId));
    }
    // Contended (several messages of one session at once) or an unusual session item: the counter's
    // atomic ADD cannot conflict, at the price of one more call.
    const allocated = await this.allocateSequence(pk, now, input.sessionId);
    if (allocated.status === 'rate_limited') return allocated;
    const ack = this.ackTransaction(input, allocated.replySeq - 1, now);
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: ack.items }));
    } catch (error) {
      // The sequence numbers stay unused: resume reads "after a cursor", so a gap is harmless.
      const refused = ack.refusal(failedConditions(error));
      if (refused) return refused;
      throw error;
    }
    return { status: 'accepted', message: ack.message, replySeq: allocated.replySeq };
  }

  /**
   * The ack's one transaction, whichever path allocated the sequence: the idempotency key, the message, the
   * customer's window and, on the one-call path, the counter's step. A cancelled transaction's reasons come
   * back by position, so `refusal` reads them in the order the items were built.
   */
  private ackTransaction(input: ShopperMessageInput, seq: number, now: string, counterStep?: CounterStep) {
    const pk = sessionPk(input.sessionId);
    const message = this.shopperMessage(input, seq, now);
    const customer = this.customerWindow(input.customerLimit);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      { Put: this.clientMessageIdPut(pk, input.clientMessageId, message.seq) },
      { Put: { TableName: this.tableName, Item: this.shopperItem(message, input.customerId) } },
      ...(customer ? [{ Update: customer.update }] : []),
    ];
    const counterAt = items.length;
    if (counterStep) items.push({ Update: this.counterUpdate(pk, counterStep, now) });
    return {
      message,
      items,
      /** Whether the counter's condition failed (or the transaction conflicted: no reasons at all). */
      counterChanged: (failed: boolean[] | undefined) => !failed || failed[counterAt] === true,
      /** The counter the failed condition found (DynamoDB returns the item with the cancellation). */
      counterFound: (error: unknown): SessionCounter | undefined => {
        if (!(error instanceof TransactionCanceledException)) return undefined;
        const item = error.CancellationReasons?.[counterAt]?.Item;
        return item ? counterOf(unmarshall(item)) : undefined;
      },
      refusal: (failed: boolean[] | undefined): AppendShopperResult | undefined => {
        if (failed?.[0]) return { status: 'duplicate', seq: message.seq };
        if (customer && failed?.[2])
          return { status: 'rate_limited', retryAfterSeconds: customer.retryAfterSeconds };
        return undefined;
      },
    };
  }

  /** The one-call path's counter step, conditioned on the counter this process last wrote. */
  private counterUpdate(pk: string, { known, next }: CounterStep, now: string) {
    return {
      TableName: this.tableName,
      Key: { pk, sk: 'META' },
      UpdateExpression:
        'SET seq = :next, rateWindow = :window, rateCount = :count, updatedAt = :now, lastShopperMessageAt = :now',
      ConditionExpression: 'attribute_exists(customerId) AND seq = :expected',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      ExpressionAttributeValues: {
        ':next': next.seq,
        ':window': next.rateWindow,
        ':count': next.rateCount,
        ':now': now,
        ':expected': known.seq,
      },
    };
  }

  /**
   * The one-call path: when this process knows the session's counter (it stored the session's previous
   * message), the counter, the idempotency key, the message and the customer's window are written in one
   * transaction, conditioned on the counter being unchanged. Only the counter's writes change `seq`,
   * `rateWindow` and `rateCount`, so an unchanged `seq` proves the whole known state current; anything
   * else (another process, a reply split over more sequences, an agent's message) fails the condition, and
   * the cancelled transaction returns the counter it found, which the caller's second try starts from.
   */
  private async appendWithKnownCounter(
    input: ShopperMessageInput,
    known: SessionCounter,
    now: string,
  ): Promise<AppendShopperResult | { status: 'stale'; found?: SessionCounter }> {
    const minute = Math.floor(Date.parse(now) / 60_000);
    const sameWindow = known.rateWindow === minute;
    // Within one minute the count only grows, so a limit reached in the known state is reached now too.
    if (sameWindow && known.rateCount >= this.maxMessagesPerMinute)
      return { status: 'rate_limited', retryAfterSeconds: retryAfter(now) };
    const next: SessionCounter = {
      seq: known.seq + 2,
      rateWindow: minute,
      rateCount: sameWindow ? known.rateCount + 1 : 1,
    };
    const ack = this.ackTransaction(input, next.seq - 1, now, { known, next });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: ack.items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = failedConditions(error);
      if (ack.counterChanged(failed)) {
        // A changed counter or a concurrent transaction on the session: try again from what was found.
        this.counters.delete(input.sessionId);
        return { status: 'stale', found: ack.counterFound(error) };
      }
      const refused = ack.refusal(failed);
      if (refused) return refused;
      throw error;
    }
    this.remember(input.sessionId, next);
    return { status: 'accepted', message: ack.message, replySeq: next.seq };
  }

  /**
   * Puts back an acknowledged shopper message the store lost (local mode, from the ack journal): the message
   * and its idempotency key if the key is missing, and the counter past its reply. Returns whether anything
   * was missing; a message already stored, or one of a session that is gone, is left as it is.
   */
  async restoreShopperMessage(message: StoredMessage, replySeq: number): Promise<'restored' | 'present'> {
    const pk = sessionPk(message.sessionId);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: this.clientMessageIdPut(pk, message.clientMessageId ?? '', message.seq) },
            {
              Put: {
                TableName: this.tableName,
                Item: this.toItem(message),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            // An erased (or expired) session stays gone: nothing is put back into it.
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: { pk, sk: 'META' },
                ConditionExpression: 'attribute_exists(customerId)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)) return 'present';
      throw error;
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk: 'META' },
          UpdateExpression: 'SET seq = :reply',
          ConditionExpression: 'attribute_exists(customerId) AND seq < :reply',
          ExpressionAttributeValues: { ':reply': replySeq },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    this.counters.delete(message.sessionId);
    return 'restored';
  }

  /** The session's counter as stored; undefined if the session does not exist or has no counter yet. */
  private async readCounter(sessionId: string): Promise<SessionCounter | undefined> {
    const result = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: sessionPk(sessionId), sk: 'META' },
        ProjectionExpression: 'customerId, seq, rateWindow, rateCount',
        ConsistentRead: true,
      }),
    );
    return counterOf(result.Item);
  }

  private shopperMessage(
    input: {
      sessionId: string;
      clientMessageId: string;
      text: string;
      attachments?: Attachment[];
      locale?: string;
    },
    seq: number,
    now: string,
  ): StoredMessage {
    return {
      sessionId: input.sessionId,
      seq,
      role: 'shopper',
      text: input.text,
      createdAt: now,
      clientMessageId: input.clientMessageId,
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    };
  }

  /**
   * The stored message's item. It also names the session's owner as the route verified it, so the turn
   * its stream record starts can fetch that customer's data while it reads the session (a hint only: the
   * turn acts for the owner its session read returns).
   */
  private shopperItem(message: StoredMessage, customerId: string | undefined): Record<string, unknown> {
    return { ...this.toItem(message), ...(customerId ? { customerId } : {}) };
  }

  private clientMessageIdPut(pk: string, clientMessageId: string, seq: number) {
    return {
      TableName: this.tableName,
      Item: { pk, sk: `CMID#${clientMessageId}`, seq, expiresAt: this.expiresAt() },
      ConditionExpression: 'attribute_not_exists(pk)',
    };
  }

  private customerWindow(limit: CustomerLimit | undefined) {
    if (!limit) return undefined;
    if (!this.options.rateLimitTable) throw new Error('Invalid configuration: no table for customer limits');
    return rateWindowUpdate(this.options.rateLimitTable, limit.key, limit.perMinute);
  }

  private remember(sessionId: string, counter: SessionCounter): void {
    this.counters.delete(sessionId);
    // Bounded: the oldest session falls out first; forgetting one only costs it one read.
    if (this.counters.size >= MAX_KNOWN_COUNTERS) {
      const oldest = this.counters.keys().next().value;
      if (oldest !== undefined) this.counters.delete(oldest);
    }
    this.counters.set(sessionId, counter);
  }

  /**
   * Two sequence numbers at once, the message's and its reply's, so the reply always sorts right after it.
   * The same write stamps the shopper's activity and counts the message in a per-minute window, so rate
   * limiting costs no extra call except on a session's first message of each minute.
   */
  private async allocateSequence(
    pk: string,
    now: string,
    sessionId: string,
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
          const replySeq = Number(result.Attributes?.seq);
          this.remember(sessionId, {
            seq: replySeq,
            rateWindow: minute,
            rateCount: Number(result.Attributes?.rateCount),
          });
          return { status: 'allocated', replySeq };
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          const old = error.Item ? unmarshall(error.Item) : undefined;
          if (!old?.customerId) throw new Error('session does not exist');
          if (sameWindow && old.rateWindow === minute) {
            return { status: 'rate_limited', retryAfterSeconds: retryAfter(now) };
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

function sessionOf(sessionId: string, item: Record<string, unknown>): SessionRecord {
  return {
    sessionId,
    customerId: item.customerId as string,
    connectionId: item.connectionId as string | undefined,
    createdAt: item.createdAt as string,
    language: item.language as string | undefined,
    handoffStatus: item.handoffStatus as SessionRecord['handoffStatus'],
    ...(item.handoffAgent
      ? {
          handoffAgent: item.handoffAgent as string,
          handoffAgentName: item.handoffAgentName as string | undefined,
        }
      : {}),
  };
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
    ...(typeof item.locale === 'string' ? { locale: item.locale } : {}),
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
