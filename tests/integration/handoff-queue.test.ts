import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { startTestStack, type TestStack } from '../support/local-stack';

let test: TestStack;
let repository: DynamoDbConversationRepository;
let db: ReturnType<typeof createDocumentClient>;

beforeAll(async () => {
  test = await startTestStack({ seed: false });
  db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  repository = new DynamoDbConversationRepository(db, test.stack.info.tables.conversations, 30, 30);
});

afterAll(async () => {
  await test?.stop();
});

async function session(id: string, handoff?: { status: string; priority: string }) {
  await db.send(
    new UpdateCommand({
      TableName: test.stack.info.tables.conversations,
      Key: { pk: `SESSION#${id}`, sk: 'META' },
      UpdateExpression: handoff
        ? 'SET customerId = :c, handoffStatus = :s, handoffPriority = :p'
        : 'SET customerId = :c',
      ExpressionAttributeValues: handoff
        ? { ':c': 'c-ana', ':s': handoff.status, ':p': handoff.priority }
        : { ':c': 'c-ana' },
    }),
  );
}

const priorityOf = async (id: string) =>
  (
    await db.send(
      new GetCommand({
        TableName: test.stack.info.tables.conversations,
        Key: { pk: `SESSION#${id}`, sk: 'META' },
      }),
    )
  ).Item?.handoffPriority;

describe('raising a waiting hand-off in DynamoDB', () => {
  it('raises a queued hand-off, never lowers one, and leaves sessions nobody waits on alone', async () => {
    await session('s-queued', { status: 'queued', priority: 'normal' });
    expect(await repository.raiseHandoffPriority('s-queued', 'high')).toBe('raised');
    expect(await priorityOf('s-queued')).toBe('high');
    expect(await repository.raiseHandoffPriority('s-queued', 'high')).toBe('unchanged');

    await session('s-urgent', { status: 'queued', priority: 'urgent' });
    expect(await repository.raiseHandoffPriority('s-urgent', 'high')).toBe('unchanged');
    expect(await priorityOf('s-urgent')).toBe('urgent');

    await session('s-closed', { status: 'closed', priority: 'low' });
    expect(await repository.raiseHandoffPriority('s-closed', 'urgent')).toBe('unchanged');
    await session('s-none');
    expect(await repository.raiseHandoffPriority('s-none', 'urgent')).toBe('unchanged');
    expect(await priorityOf('s-none')).toBeUndefined();
  });
});
