import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { RMA_STATES, type Rma } from '../../core/after-sales/rma';
import type { ReturnRecord } from '../../core/sizing/returns';
import type { ReturnRepository } from '../../ports/after-sales';

const returnKey = (orderId: string, rmaId: string) => ({
  pk: `ORDER#${orderId.toUpperCase()}`,
  sk: `RETURN#${rmaId}`,
});
const productReturnKey = (sku: string, rmaId: string) => ({
  pk: `PRODUCT#${sku.toUpperCase()}`,
  sk: `RETURN#${rmaId}`,
});

/** Enough of an RMA to trust a stored row: a malformed one must not reach a shopper's reply. */
const StoredRmaSchema = z.looseObject({
  rmaId: z.string().min(1),
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  kind: z.enum(['refund', 'exchange']),
  state: z.enum(RMA_STATES),
  refund: z.object({ currency: z.string(), minor: z.number().int().nonnegative() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(z.looseObject({})),
});

const parseRma = (item: Record<string, unknown>): Rma => StoredRmaSchema.parse(item.data) as unknown as Rma;

/**
 * RMAs live in the order's partition, so "returns of this order" is a query with no index. A small
 * marker in the product's partition carries the reason, so sizing can read a product's returns the same way.
 * `version` is the history length: a transition is saved only over the version it was made from.
 */
export class DynamoDbReturnRepository implements ReturnRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(rma: Rma): Promise<'created' | 'exists'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: this.item(rma),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...productReturnKey(rma.sku, rma.rmaId),
                  type: 'product_return',
                  orderId: rma.orderId,
                  reason: rma.reason,
                  createdAt: rma.createdAt,
                },
              },
            },
          ],
        }),
      );
      return 'created';
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        return 'exists';
      }
      throw error;
    }
  }

  async get(orderId: string, rmaId: string): Promise<Rma | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: returnKey(orderId, rmaId), ConsistentRead: true }),
    );
    return result.Item ? parseRma(result.Item) : undefined;
  }

  async listForOrder(orderId: string): Promise<Rma[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `ORDER#${orderId.toUpperCase()}`, ':prefix': 'RETURN#' },
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map(parseRma).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async saveTransition(rma: Rma): Promise<'saved' | 'stale'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.item(rma),
          ConditionExpression: '#version = :previous',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':previous': rma.history.length - 1 },
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  }

  async listReturnsForProduct(sku: string, limit: number): Promise<ReturnRecord[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `PRODUCT#${sku.toUpperCase()}`, ':prefix': 'RETURN#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => ({ sku, reason: String(item.reason) }));
  }

  private item(rma: Rma): Record<string, unknown> {
    return {
      ...returnKey(rma.orderId, rma.rmaId),
      type: 'return',
      state: rma.state,
      version: rma.history.length,
      customerId: rma.customerId,
      data: rma,
      updatedAt: rma.updatedAt,
    };
  }
}
