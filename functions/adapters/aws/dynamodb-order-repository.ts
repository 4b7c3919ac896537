import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { guestOrderOf } from '../../core/auth/guest-principal';
import { type Order, OrderSchema } from '../../core/orders';
import type { OrderStatusWriter } from '../../ports/after-sales';
import type { OrderRepository } from '../../ports/repositories';

export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId.toUpperCase()}`, sk: 'ORDER' });

/** The one order item shape, written by the import, the webhooks and the demo seed alike. */
export function orderItem(order: Order): Record<string, unknown> {
  const normalised = { ...order, orderId: order.orderId.toUpperCase() };
  return {
    ...orderKey(normalised.orderId),
    gsi1pk: `CUSTOMER#${order.customerId}`,
    gsi1sk: `ORDER#${order.placedAt}#${normalised.orderId}`,
    type: 'order',
    data: normalised,
    updatedAt: new Date().toISOString(),
  };
}

export class DynamoDbOrderRepository implements OrderRepository, OrderStatusWriter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getOrder(orderId: string): Promise<Order | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: orderKey(orderId) }));
    return result.Item ? parseStored(result.Item) : undefined;
  }

  async listOrdersForCustomer(customerId: string, limit: number): Promise<Order[]> {
    // A guest's "orders" are the one they proved, whoever the customer behind it is.
    const guestOrder = guestOrderOf(customerId);
    if (guestOrder !== undefined) {
      const order = limit > 0 ? await this.getOrder(guestOrder) : undefined;
      return order ? [order] : [];
    }
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CUSTOMER#${customerId}`, ':prefix': 'ORDER#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(parseStored);
  }

  async putOrder(order: Order): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: orderItem(order) }));
  }

  async cancelOrder(orderId: string, expectedStatus: string, at: string): Promise<'cancelled' | 'stale'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: orderKey(orderId),
          UpdateExpression: 'SET #data.#status = :cancelled, updatedAt = :at',
          ConditionExpression: '#data.#status = :expected',
          ExpressionAttributeNames: { '#data': 'data', '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':expected': expectedStatus, ':at': at },
        }),
      );
      return 'cancelled';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'stale';
      throw error;
    }
  }
}

export function parseStored(item: Record<string, unknown>): Order {
  // Rows may have been written by an older importer: validate on read rather than trust the table.
  return OrderSchema.parse(item.data);
}
