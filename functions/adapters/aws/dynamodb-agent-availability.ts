import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DailyHours, nextOpening } from '../../core/video/hours';
import type { AgentAvailability } from '../../ports/video-meetings';

/** An agent who has not refreshed presence for this long has closed the console without saying so. */
export const PRESENCE_STALE_MS = 2 * 60_000;

/**
 * Agents' presence items (`pk AGENT#<id>`, `sk PRESENCE`, listed under `gsi1pk PRESENCE`): online when
 * their status is online and recently refreshed. One small query; the team is tens of people, not more.
 */
export class DynamoDbAgentAvailability implements AgentAvailability {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly hours: DailyHours,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async onlineCount(): Promise<number> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: '#status = :online AND seenAt > :fresh',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': 'PRESENCE',
          ':online': 'online',
          ':fresh': new Date(this.now().getTime() - PRESENCE_STALE_MS).toISOString(),
        },
        Limit: 200,
      }),
    );
    return result.Items?.length ?? 0;
  }

  async nextAvailableAt(now: Date): Promise<{ at: string; label: string } | undefined> {
    return nextOpening(now, this.hours);
  }
}
