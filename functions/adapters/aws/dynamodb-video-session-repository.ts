import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { VideoSession } from '../../core/video/session';
import type { VideoSessionRepository } from '../../ports/video-meetings';

/**
 * A call is one Store item (`pk VIDEO#<callId>`, `sk VIDEO`, type 'video'), listed under its case through
 * the generic index (`gsi1pk CASE#<caseId>`). Its status and outcome are top-level so the Store stream's
 * analytics consumer sees changes without reading the session. Versions guard every write.
 */
export class DynamoDbVideoSessionRepository implements VideoSessionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(session: VideoSession): Promise<'created' | 'exists'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(session),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  async getById(callId: string): Promise<VideoSession | undefined> {
    const result = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: `VIDEO#${callId}`, sk: 'VIDEO' },
        ConsistentRead: true,
      }),
    );
    return result.Item ? (result.Item.data as VideoSession) : undefined;
  }

  async latestForCase(caseId: string): Promise<VideoSession | undefined> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':prefix': 'VIDEO#' },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = result.Items?.[0];
    // The index is eventually consistent: read the item itself for its current state.
    return item ? this.getById(String(item.callId)) : undefined;
  }

  async save(session: VideoSession): Promise<'saved' | 'stale'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(session),
          ConditionExpression: 'version = :previous',
          ExpressionAttributeValues: { ':previous': session.version - 1 },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  }
}

function toItem(session: VideoSession): Record<string, unknown> {
  return {
    pk: `VIDEO#${session.callId}`,
    sk: 'VIDEO',
    gsi1pk: `CASE#${session.caseId}`,
    gsi1sk: `VIDEO#${session.invitedAt}#${session.callId}`,
    type: 'video',
    callId: session.callId,
    status: session.status,
    outcome: session.outcome ?? null,
    version: session.version,
    // The latest thing that happened: an outcome may be chosen before or after the call ends.
    updatedAt: [session.invitedAt, session.joinedAt, session.endedAt, session.outcomeAt]
      .filter((at): at is string => Boolean(at))
      .sort()
      .at(-1),
    data: session,
  };
}
