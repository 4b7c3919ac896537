import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  paginateScan,
} from '@aws-sdk/client-dynamodb';

/**
 * At start-up nothing of this runtime is running yet, so an assistant turn still marked INPROGRESS in the
 * idempotency table belongs to a process that was killed. Powertools would keep refusing it until its
 * in-progress expiry (the turn's Lambda timeout); releasing it lets the redelivered stream record answer the
 * message at once. In Lambda that expiry is the right wait, since a timed-out turn is a dead one; here a
 * restart is faster than the timeout. A scan, not a query: it runs once per start on a table whose records
 * expire within the hour, and the records are keyed by hash only.
 */
export async function releaseAbandonedTurns(client: DynamoDBClient, tableName: string): Promise<number> {
  let released = 0;
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      FilterExpression: '#status = :inProgress',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':inProgress': { S: 'INPROGRESS' } },
      ProjectionExpression: 'id',
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: { id: item.id as { S: string } },
            ConditionExpression: '#status = :inProgress',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':inProgress': { S: 'INPROGRESS' } },
          }),
        );
        released += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  }
  return released;
}
