import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimOutcome, ProcessedEvents } from '../../ports/analytics-sink';

/**
 * Processed-event markers in the Conversations table: `pk ANALYTICS#<eventID>`, `sk EVENT`. A record is
 * claimed (conditional put) before its fact is built, marked completed once the sink has stored the fact,
 * and released if anything fails, so a redelivered record is skipped once completed and retried otherwise.
 * A claim left behind by a crashed invocation can be taken over after `claimSeconds`. Markers expire
 * through the table's TTL (`expiresAt`). Each marker key is its own partition, so no hot key.
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

  async claim(eventId: string): Promise<ClaimOutcome> {
    const now = Date.now();
    try {
      await this.db.send(
        new PutCommand({
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
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return error.Item?.status?.S === 'completed' ? 'done' : 'busy';
    }
  }

  private async setStatus(eventIds: readonly string[], status: 'completed' | 'released'): Promise<void> {
    await Promise.all(
      eventIds.map((eventId) =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: this.key(eventId),
            UpdateExpression: 'SET #status = :status',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status },
          }),
        ),
      ),
    );
  }

  complete(eventIds: readonly string[]): Promise<void> {
    return this.setStatus(eventIds, 'completed');
  }

  release(eventIds: readonly string[]): Promise<void> {
    return this.setStatus(eventIds, 'released');
  }
}
