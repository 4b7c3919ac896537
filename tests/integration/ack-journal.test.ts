import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { readAckJournal } from '../../functions/adapters/local/file-ack-journal';
import { replayAckJournal } from '../../local/dynamodb/replay-ack-journal';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

// kill -9 after an ack lost messages (issue 15): DynamoDB Local acknowledged a transaction that its killed JVM
// did not keep (message, idempotency key and counter step all gone). Here the loss is made by hand, exactly
// as the crash bench found it, and the journal written before each ack must put the message back.

let test: TestStack;
let db: DynamoDBDocumentClient;
let repository: DynamoDbConversationRepository;
const journalFile = () => join(test.dataDir, 'acked-messages.ndjson');

async function loseLastTransaction(sessionId: string, clientMessageId: string, seq: number) {
  const table = test.stack.info.tables.conversations;
  const pk = `SESSION#${sessionId}`;
  await db.send(new DeleteCommand({ TableName: table, Key: { pk, sk: `CMID#${clientMessageId}` } }));
  await db.send(
    new DeleteCommand({ TableName: table, Key: { pk, sk: `MSG#${String(seq).padStart(12, '0')}` } }),
  );
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: { pk, sk: 'META' },
      UpdateExpression: 'SET seq = :before',
      ExpressionAttributeValues: { ':before': seq - 1 },
    }),
  );
}

beforeAll(async () => {
  test = await startTestStack();
  db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  repository = new DynamoDbConversationRepository(db, test.stack.info.tables.conversations, 30, 1000);
});

afterAll(async () => {
  db?.destroy();
  await test?.stop();
});

describe('an acknowledged message the database lost', () => {
  it('is journaled before its ack, put back at start-up and answered once', async () => {
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-jo'),
    });
    const clientMessageId = client.say('Where is my order?');
    const ack = await client.waitFor(
      (event) => event.type === 'ack' && event.clientMessageId === clientMessageId,
    );
    if (ack.type !== 'ack') throw new Error('no ack');
    expect((await readAckJournal(journalFile())).map((entry) => entry.message.clientMessageId)).toContain(
      clientMessageId,
    );
    await client.replyTo(clientMessageId);
    await test.stack.streamsDrained();

    await loseLastTransaction(ack.sessionId, clientMessageId, ack.cursor);
    const atCursor = async () =>
      (await repository.listMessagesAfter(ack.sessionId, ack.cursor - 1, 1)).filter(
        (message) => message.seq === ack.cursor,
      );
    expect(await atCursor()).toEqual([]);

    expect(await replayAckJournal(db, test.stack.info.tables.conversations, journalFile())).toBe(1);
    expect(await atCursor()).toEqual([
      expect.objectContaining({ clientMessageId, role: 'shopper', text: 'Where is my order?' }),
    ]);
    // The counter is past the message's reply again, so the next message cannot take its sequence.
    const next = await repository.appendShopperMessage({
      sessionId: ack.sessionId,
      clientMessageId: 'after-restore-0001',
      text: 'thanks',
    });
    expect(next).toMatchObject({ status: 'accepted', message: { seq: ack.cursor + 2 } });
    await test.stack.streamsDrained();
    const replies = (await repository.listMessagesAfter(ack.sessionId, 0, 100)).filter(
      (message) => message.role === 'assistant' && message.replyTo === clientMessageId,
    );
    expect(replies).toHaveLength(1);
    // A second start finds it present and puts nothing back.
    expect(await replayAckJournal(db, test.stack.info.tables.conversations, journalFile())).toBe(0);
    await client.close();
  });

  it('stays gone with its session once the session is erased, and a torn last line is skipped', async () => {
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token('c-gone'),
    });
    const clientMessageId = client.say('hello');
    const ack = await client.waitFor(
      (event) => event.type === 'ack' && event.clientMessageId === clientMessageId,
    );
    if (ack.type !== 'ack') throw new Error('no ack');
    await client.replyTo(clientMessageId);
    await test.stack.streamsDrained();
    await loseLastTransaction(ack.sessionId, clientMessageId, ack.cursor);
    await db.send(
      new DeleteCommand({
        TableName: test.stack.info.tables.conversations,
        Key: { pk: `SESSION#${ack.sessionId}`, sk: 'META' },
      }),
    );
    await appendFile(journalFile(), '{"message":{"sessionId":"s-torn"');
    expect(await replayAckJournal(db, test.stack.info.tables.conversations, journalFile())).toBe(0);
    expect(await repository.listMessagesAfter(ack.sessionId, 0, 100)).not.toContainEqual(
      expect.objectContaining({ clientMessageId }),
    );
    await client.close();
  });
});
