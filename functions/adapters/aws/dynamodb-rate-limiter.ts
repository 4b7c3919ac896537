import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateDecision, RateLimiter } from '../../ports/rate-limiter';

/** The conditional ADD that takes one request from a window; also used inside a transaction (a message's). */
export function rateWindowUpdate(
  tableName: string,
  key: string,
  max: number,
  now: Date = new Date(),
  windowSeconds = 60,
) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const window = Math.floor(nowSeconds / windowSeconds);
  const hashed = createHash('sha256').update(key).digest('hex').slice(0, 32);
  const id = windowSeconds === 60 ? `${hashed}#${window}` : `${hashed}#w${windowSeconds}#${window}`;
  return {
    update: {
      TableName: tableName,
      Key: { connectionId: `RATE#${id}` },
      UpdateExpression: 'ADD requests :one SET expiresAt = if_not_exists(expiresAt, :exp)',
      ConditionExpression: 'attribute_not_exists(requests) OR requests < :max',
      ExpressionAttributeValues: { ':one': 1, ':max': max, ':exp': (window + 1) * windowSeconds + 120 },
    },
    retryAfterSeconds: windowSeconds - (nowSeconds % windowSeconds),
  };
}

/**
 * One counter item per key and window in the Connections table (no stream, TTL on): one conditional ADD per
 * request, no read. Keys are hashed, so no customer, connection id or address is stored in them. Each
 * item outlives its window, then TTL removes it.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async take(key: string, max: number, now: Date = new Date(), windowSeconds = 60): Promise<RateDecision> {
    const { update, retryAfterSeconds } = rateWindowUpdate(this.tableName, key, max, now, windowSeconds);
    try {
      await this.db.send(new UpdateCommand(update));
      return { allowed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { allowed: false, retryAfterSeconds };
    }
  }
}
