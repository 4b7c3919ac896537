import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { HourCount, KeywordSpikeStore } from '../../ports/keyword-spikes';

/**
 * Keyword spike counters in the Conversations table: `pk ALERTS#<key>`, `sk HOUR#<yyyy-mm-ddThh>` with an
 * atomic `mentions` counter and string sets of defect ids and intents, and `sk ALERTED#<hour>` as the
 * once-per-hour marker. Both expire through the table's TTL (`expiresAt`) once past the baseline. One
 * partition per SKU or defect keeps a baseline read to a single Query.
 */
export class DynamoDbKeywordSpikeStore implements KeywordSpikeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { retentionDays: number },
  ) {}

  private expiresAt(): number {
    return Math.floor(Date.now() / 1000) + this.options.retentionDays * 86400;
  }

  increment(
    key: string,
    hour: string,
    add: { defects: readonly string[]; intent: string | null },
  ): Promise<HourCount> {
    return this.incrementMany(key, hour, {
      mentions: 1,
      defects: add.defects,
      intents: add.intent ? [add.intent] : [],
    });
  }

  async incrementMany(
    key: string,
    hour: string,
    add: { mentions: number; defects: readonly string[]; intents: readonly string[] },
  ): Promise<HourCount> {
    const values: Record<string, unknown> = {
      ':one': add.mentions,
      ':expiresAt': this.expiresAt(),
      ':type': 'keyword_spike',
    };
    const adds = ['mentions :one'];
    // DynamoDB rejects empty sets, so only non-empty ones are added.
    if (add.defects.length > 0) {
      adds.push('defects :defects');
      values[':defects'] = new Set(add.defects);
    }
    if (add.intents.length > 0) {
      adds.push('intents :intents');
      values[':intents'] = new Set(add.intents);
    }
    const result = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `ALERTS#${key}`, sk: `HOUR#${hour}` },
        UpdateExpression: `ADD ${adds.join(', ')} SET expiresAt = :expiresAt, #type = :type`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    const item = result.Attributes ?? {};
    return {
      mentions: Number(item.mentions ?? 0),
      defects: [...((item.defects as Set<string> | undefined) ?? [])].sort(),
      intents: [...((item.intents as Set<string> | undefined) ?? [])].sort(),
    };
  }

  async mentionsBetween(key: string, fromHour: string, toHour: string): Promise<number> {
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': `ALERTS#${key}`,
            ':from': `HOUR#${fromHour}`,
            ':to': `HOUR#${toHour}`,
          },
          ProjectionExpression: 'mentions',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) total += Number(item.mentions ?? 0);
      start = page.LastEvaluatedKey;
    } while (start);
    return total;
  }

  async markAlerted(key: string, hour: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `ALERTS#${key}`,
            sk: `ALERTED#${hour}`,
            type: 'keyword_spike_alerted',
            expiresAt: this.expiresAt(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async clearAlerted(key: string, hour: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: `ALERTS#${key}`, sk: `ALERTED#${hour}` } }),
    );
  }
}
