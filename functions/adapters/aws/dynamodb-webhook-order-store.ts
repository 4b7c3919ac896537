import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Order } from '../../core/orders';
import type { StoredOrder, WebhookOrderStore } from '../../ports/webhooks';
import { orderItem, orderKey, parseStored } from './dynamodb-order-repository';

/**
 * Webhook writes to the order items the import writes, made conditional on the item being as it was read
 * (its `revision`, or for items the import wrote, its `updatedAt`), so two deliveries for one order at once
 * cannot lose each other's changes.
 */
export class DynamoDbWebhookOrderStore implements WebhookOrderStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async load(orderId: string): Promise<StoredOrder | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: orderKey(orderId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const revision =
      typeof Item.revision === 'string'
        ? `r:${Item.revision}`
        : typeof Item.updatedAt === 'string'
          ? `u:${Item.updatedAt}`
          : undefined;
    return { order: parseStored(Item), revision };
  }

  async save(order: Order, expected: StoredOrder | undefined): Promise<'saved' | 'conflict'> {
    const condition = conditionFor(expected);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...orderItem(order), revision: randomUUID() },
          ...condition,
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
  }
}

function conditionFor(expected: StoredOrder | undefined) {
  if (!expected) return { ConditionExpression: 'attribute_not_exists(pk)' };
  const revision = expected.revision ?? '';
  if (revision.startsWith('r:'))
    return {
      ConditionExpression: 'revision = :expected',
      ExpressionAttributeValues: { ':expected': revision.slice(2) },
    };
  if (revision.startsWith('u:'))
    return {
      ConditionExpression: 'attribute_not_exists(revision) AND updatedAt = :expected',
      ExpressionAttributeValues: { ':expected': revision.slice(2) },
    };
  return {
    ConditionExpression:
      'attribute_exists(pk) AND attribute_not_exists(revision) AND attribute_not_exists(updatedAt)',
  };
}
