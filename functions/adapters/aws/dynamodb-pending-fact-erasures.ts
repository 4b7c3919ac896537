import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CustomerFacts, CustomerFootprint } from '../../ports/privacy';

/**
 * Analytics facts in AWS are Parquet objects written by Firehose: rows cannot be deleted in place, so an
 * erasure is queued here (the footprint's session, order, return and case ids under `PRIVACY#FACTS`) for
 * the daily partition rewrite described in docs/privacy.md. The ids are opaque keys, not the customer id
 * or their text, and the rewrite deletes the item once the rows are gone.
 */
export class DynamoDbPendingFactErasures implements CustomerFacts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Facts hold redacted text only; an export from AWS leaves them out (docs/privacy.md says how to query them). */
  async read(_footprint: CustomerFootprint): Promise<Record<string, unknown[]>> {
    return {};
  }

  async erase(footprint: CustomerFootprint): Promise<Record<string, number>> {
    const keys = {
      sessionIds: footprint.sessionIds,
      orderIds: footprint.orderIds,
      returnIds: footprint.returnIds,
      claimIds: footprint.claimIds,
    };
    const count = Object.values(keys).reduce((sum, ids) => sum + ids.length, 0);
    if (count === 0) return { queued_keys: 0 };
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: 'PRIVACY#FACTS',
          sk: `${this.now().toISOString()}#${randomUUID()}`,
          type: 'pending_fact_erasure',
          ...keys,
        },
      }),
    );
    return { queued_keys: count };
  }
}
