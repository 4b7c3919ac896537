import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PrivacyAudit, PrivacyRequestRecord } from '../../ports/privacy';

/**
 * One item per request in the Store table, under `PRIVACY#<yyyy-mm>` so a month's requests are one Query.
 * The item is the record as it is: counts and a keyed subject hash, never the customer id or their data.
 */
export class DynamoDbPrivacyAudit implements PrivacyAudit {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async record(entry: PrivacyRequestRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: `PRIVACY#${entry.at.slice(0, 7)}`,
          sk: `${entry.at}#${entry.requestId}`,
          type: 'privacy_request',
          ...entry,
        },
        // A request id is random: an existing item would mean a bug, never something to overwrite.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}
