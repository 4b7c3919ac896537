import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
let repository: DynamoDbConversationRepository;
let db: ReturnType<typeof createDocumentClient>;

beforeAll(async () => {
  test = await startTestStack({ seed: false });
  db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  repository = new DynamoDbConversationRepository(db, test.stack.info.tables.conversations, 30, 30);
});

const clients: ShopperClient[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
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

describe('a person owns the conversation', () => {
  it('keeps the assistant silent while an agent is assigned, storing the messages, and answers again after', async () => {
    const shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-ana'),
    });
    clients.push(shopper);
    const first = await shopper.ask('Hello');
    const sessionId = first.sessionId;
    expect(
      await repository.requestHandoff({
        sessionId,
        customerId: 'c-ana',
        reason: 'shopper_request',
        priority: 'normal',
        requestedAt: new Date().toISOString(),
      }),
    ).toBe('queued');
    expect(await repository.assignHandoff(sessionId, 'agent-7')).toBe('assigned');
    expect(await repository.assignHandoff(sessionId, 'agent-8')).toBe('not_waiting');

    const whileOwned = shopper.say('Are you there?');
    const ack = await shopper.waitFor(
      (event) => event.type === 'ack' && event.clientMessageId === whileOwned,
    );
    // The turn starts from the stored message on the stream: once drained, it has run (and stayed silent).
    await test.stack.streamsDrained();
    const replied = shopper.events.some(
      (event) => event.type === 'message' && event.role === 'assistant' && event.replyTo === whileOwned,
    );
    expect(replied).toBe(false);
    expect(shopper.events.some((event) => event.type === 'typing' && event.replyTo === whileOwned)).toBe(
      false,
    );
    const stored = await repository.listMessagesAfter(sessionId, 0, 50);
    // Only answers count: the console may add its own notice (e.g. when nobody is online at this hour).
    const answers = stored.filter((message) => message.role === 'shopper' || message.replyTo);
    expect(answers.map((message) => [message.role, message.text])).toEqual([
      ['shopper', 'Hello'],
      ['assistant', first.text],
      ['shopper', 'Are you there?'],
    ]);
    expect(ack.type === 'ack' && ack.cursor).toBe(answers[2]?.seq);

    await repository.closeHandoff(sessionId);
    const after = await shopper.ask('Hello again');
    expect(after.role).toBe('assistant');
  });
});
