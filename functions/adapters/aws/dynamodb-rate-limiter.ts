import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateDecision, RateLimiter } from '../../ports/rate-limiter';

/** Long enough to outlive its minute; TTL removes the counter afterwards. */
const WINDOW_TTL_SECONDS = 180;

/**
 * One counter item per key and minute in the Connections table (no stream, TTL on): one conditional ADD per
 * request, no read. Keys are hashed, so no customer or connection id is stored in them.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async take(key: string, max: number, now: Date = new Date()): Promise<RateDecision> {
    const minute = Math.floor(now.getTime() / 60_000);
    const hashed = createHash('sha256').update(key).digest('hex').slice(0, 32);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { connectionId: `RATE#${hashed}#${minute}` },
          UpdateExpression: 'ADD requests :one SET expiresAt = if_not_exists(expiresAt, :exp)',
          ConditionExpression: 'attribute_not_exists(requests) OR requests < :max',
          ExpressionAttributeValues: {
            ':one': 1,
            ':max': max,
            ':exp': Math.floor(now.getTime() / 1000) + WINDOW_TTL_SECONDS,
          },
        }),
      );
      return { allowed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { allowed: false, retryAfterSeconds: 60 - Math.floor((now.getTime() / 1000) % 60) };
    }
  }
}
