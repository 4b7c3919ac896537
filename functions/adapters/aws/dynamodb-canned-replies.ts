import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { CannedReply } from '../../core/console/agent-protocol';
import type { CannedReplySource } from '../../core/console/deps';

const CannedRepliesSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(100),
      language: z.string().min(2).max(10),
      title: z.string().min(1).max(100),
      text: z.string().min(1).max(4000),
    }),
  )
  .max(1000);

/** The seller's canned replies (`CONFIG#cannedReplies` in the Store table), else the demo store's. */
export class DynamoDbCannedReplies implements CannedReplySource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly fallback: readonly CannedReply[],
  ) {}

  async list(): Promise<CannedReply[]> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: 'CONFIG#cannedReplies', sk: 'CONFIG' } }),
    );
    const parsed = CannedRepliesSchema.safeParse(result.Item?.replies);
    return parsed.success ? parsed.data : [...this.fallback];
  }
}
