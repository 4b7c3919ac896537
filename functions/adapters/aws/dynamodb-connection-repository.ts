import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ConnectionRecord, ConnectionRepository } from '../../ports/repositories';

/** API Gateway ends every connection after 2 hours; a little slack lets $disconnect run first. */
const CONNECTION_TTL_SECONDS = 3 * 3600;

export class DynamoDbConnectionRepository implements ConnectionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(record: ConnectionRecord): Promise<void> {
    const expiresAt = Math.floor(Date.now() / 1000) + CONNECTION_TTL_SECONDS;
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...record, expiresAt } }));
  }

  async get(connectionId: string): Promise<ConnectionRecord | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { connectionId } }));
    if (!result.Item) return undefined;
    const { customerId, sessionId, connectedAt } = result.Item as ConnectionRecord;
    return { connectionId, customerId, sessionId, connectedAt };
  }

  async delete(connectionId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { connectionId } }));
  }
}
