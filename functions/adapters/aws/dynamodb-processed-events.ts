import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimOutcome, ProcessedEvents } from '../../ports/analytics-sink';

/** DynamoDB's limit of items per TransactWriteItems call. */
const TRANSACTION_ITEMS = 100;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

/**
 * Processed-event markers in the Conversations table: `pk ANALYTICS#<eventID>`, `sk EVENT`. A record is
 * claimed (conditional put) before its fact is built, marked completed once the sink has stored the fact,
 * and released if anything fails, so a redelivered record is skipped once completed and retried otherwise.
 * A claim left behind by a crashed invocation can be taken over after `claimSeconds`. Markers expire
 * through the table's TTL (`expiresAt`). Each marker key is its own partition, so no hot key.
 *
 * A stream batch costs one call to claim (a transaction of conditional puts: each claim keeps its own
 * condition and its outcome comes back by position) and one to complete (a transaction of the same
 * conditional updates as before), up to 100 records, instead of two calls per record. Transactional writes
 * cost twice the write units of plain ones: the price of the calls saved.
 */
export class DynamoDbProcessedEvents implements ProcessedEvents {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { claimSeconds: number; markerDays: number; prefix?: string },
  ) {}

  private key(eventId: string) {
    return { pk: `${this.options.prefix ?? 'ANALYTICS#'}${eventId}`, sk: 'EVENT' };
  }

  private claimPut(eventId: string, now: number) {
    return {
      TableName: this.tableName,
      Item: {
        ...this.key(eventId),
        type: 'analytics_event',
        status: 'in_progress',
        claimedUntil: now + this.options.claimSeconds * 1000,
        expiresAt: Math.floor(now / 1000) + this.options.markerDays * 86400,
      },
      ConditionExpression:
        'attribute_not_exists(pk) OR (#status <> :done AND (#status = :released OR claimedUntil < :now))',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':done': 'completed', ':released': 'released', ':now': now },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
  }

  async claim(eventId: string): Promise<ClaimOutcome> {
    try {
      await this.db.send(new PutCommand(this.claimPut(eventId, Date.now())));
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item?.status?.S === 'completed' ? 'done' : 'busy';
    }
  }

  /**
   * Claims many events in one transaction per 100. A cancelled transaction writes nothing but names, by
   * position, the claims whose condition failed (with the marker found, so done and busy are told apart);
   * the others are sent again without them. A claim caught in a concurrent transaction counts as busy.
   */
  async claimAll(eventIds: readonly string[]): Promise<Map<string, ClaimOutcome>> {
    const outcomes = new Map<string, ClaimOutcome>();
    const unique = [...new Set(eventIds)];
    if (unique.length === 1) {
      const [only] = unique as [string];
      outcomes.set(only, await this.claim(only));
      return outcomes;
    }
    for (const chunk of chunks(unique, TRANSACTION_ITEMS)) {
      let pending = chunk;
      while (pending.length > 0) {
        const now = Date.now();
        try {
          await this.db.send(
            new TransactWriteCommand({
              TransactItems: pending.map((id) => ({ Put: this.claimPut(id, now) })),
            }),
          );
          for (const id of pending) outcomes.set(id, 'claimed');
          pending = [];
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const again: string[] = [];
          pending.forEach((id, index) => {
            const reason = reasons[index];
            if (reason?.Code === 'ConditionalCheckFailed')
              outcomes.set(id, reason.Item?.status?.S === 'completed' ? 'done' : 'busy');
            else if (reason?.Code === 'TransactionConflict') outcomes.set(id, 'busy');
            else again.push(id);
          });
          // Nothing the conditions explain (a throttled or invalid request): the caller retries the batch.
          if (again.length === pending.length) throw error;
          pending = again;
        }
      }
    }
    return outcomes;
  }

  /**
   * Sets markers' status, each still conditional on its marker existing, in one transaction per 100 (a
   * lone marker: one update). As before, one missing marker fails the call and the batch is retried.
   */
  private async setStatus(eventIds: readonly string[], status: 'completed' | 'released'): Promise<void> {
    const update = (eventId: string) => ({
      TableName: this.tableName,
      Key: this.key(eventId),
      UpdateExpression: 'SET #status = :status',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status },
    });
    await Promise.all(
      chunks([...new Set(eventIds)], TRANSACTION_ITEMS).map(async (chunk) => {
        if (chunk.length === 1) await this.db.send(new UpdateCommand(update(chunk[0] as string)));
        else
          await this.db.send(
            new TransactWriteCommand({
              TransactItems: chunk.map((eventId) => ({ Update: update(eventId) })),
            }),
          );
      }),
    );
  }

  complete(eventIds: readonly string[]): Promise<void> {
    return this.setStatus(eventIds, 'completed');
  }

  release(eventIds: readonly string[]): Promise<void> {
    return this.setStatus(eventIds, 'released');
  }
}
