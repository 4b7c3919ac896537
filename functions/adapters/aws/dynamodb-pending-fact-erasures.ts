import { randomUUID } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { factKeyCount } from '../../core/privacy/fact-keys';
import type {
  CustomerFacts,
  ErasureRequest,
  FactErasureQueue,
  FactKeys,
  QueuedFactErasure,
} from '../../ports/privacy';

export const PENDING_FACT_ERASURES_PK = 'PRIVACY#FACTS';

/**
 * Analytics facts in AWS are Parquet objects written by Firehose: rows cannot be deleted in place, so an
 * erasure is queued here (the footprint's session, order, return and case ids and the request they belong
 * to, under `PRIVACY#FACTS`) for the daily partition rewrite (functions/handlers/erase-queued-facts.ts).
 * The ids are opaque keys, not the customer id or their text, and the rewrite deletes the item once the
 * rows are gone. Reading (an export) goes straight to the facts through `reader` (Athena).
 */
export class DynamoDbPendingFactErasures implements CustomerFacts, FactErasureQueue {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly reader?: Pick<CustomerFacts, 'read'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(keys: FactKeys): Promise<Record<string, unknown[]>> {
    return this.reader ? this.reader.read(keys) : {};
  }

  async erase(keys: FactKeys, request: ErasureRequest): Promise<Record<string, number>> {
    const queued: FactKeys = {
      sessionIds: keys.sessionIds,
      orderIds: keys.orderIds,
      returnIds: keys.returnIds,
      claimIds: keys.claimIds,
    };
    const count = factKeyCount(queued);
    if (count === 0) return { queued_keys: 0 };
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: PENDING_FACT_ERASURES_PK,
          sk: `${this.now().toISOString()}#${randomUUID()}`,
          type: 'pending_fact_erasure',
          requestId: request.requestId,
          requestedBy: request.requestedBy,
          subject: request.subject,
          ...queued,
        },
      }),
    );
    return { queued_keys: count };
  }

  async pending(): Promise<QueuedFactErasure[]> {
    const entries: QueuedFactErasure[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': PENDING_FACT_ERASURES_PK },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const sk = String(item.sk);
        const list = (name: string) => (Array.isArray(item[name]) ? (item[name] as string[]) : []);
        entries.push({
          id: sk,
          queuedAt: sk.split('#')[0] ?? sk,
          // Entries queued before requests were carried along name none: the completion says so.
          requestId: typeof item.requestId === 'string' ? item.requestId : sk,
          requestedBy: typeof item.requestedBy === 'string' ? item.requestedBy : 'unknown',
          subject: typeof item.subject === 'string' ? item.subject : 'unknown',
          keys: {
            sessionIds: list('sessionIds'),
            orderIds: list('orderIds'),
            returnIds: list('returnIds'),
            claimIds: list('claimIds'),
          },
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  }

  async done(id: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.table, Key: { pk: PENDING_FACT_ERASURES_PK, sk: id } }),
    );
  }
}
