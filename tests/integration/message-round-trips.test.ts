import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbConversationRepository } from '../../functions/adapters/aws/dynamodb-conversation-repository';
import { DynamoDbProposalStore } from '../../functions/adapters/aws/dynamodb-proposal-store';
import { startTestDynamoDb, type TestDynamoDb, type TestTables } from '../support/dynamodb';

// Round trips per message on real DynamoDB Local: the call counts are the point (fewer round trips on the
// path a shopper waits on), and each shortcut must keep what the longer path guaranteed.

let dynamo: TestDynamoDb;
let tables: TestTables;
let db: DynamoDBDocumentClient;
const calls: string[] = [];

/** A repository as one process (one Lambda container) holds it; its client counts what it sends. */
function processRepository(): DynamoDbConversationRepository {
  const client = createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
  const send = client.send.bind(client);
  client.send = ((command: { constructor: { name: string } }) => {
    calls.push(command.constructor.name.replace(/Command$/, ''));
    return send(command as never);
  }) as typeof client.send;
  return new DynamoDbConversationRepository(client, tables.names.Conversations, 30, 30, {
    rateLimitTable: tables.names.Connections,
  });
}

async function newSession(repository: DynamoDbConversationRepository, customerId = `c-${randomUUID()}`) {
  const sessionId = `s-${randomUUID()}`;
  await repository.bindSession(sessionId, customerId, `conn-${randomUUID()}`);
  return { sessionId, customerId };
}

const say = (repository: DynamoDbConversationRepository, sessionId: string, extra = {}) =>
  repository.appendShopperMessage({
    sessionId,
    clientMessageId: randomUUID(),
    text: 'Where is my order?',
    ...extra,
  });

beforeAll(async () => {
  dynamo = await startTestDynamoDb();
  tables = await dynamo.createTables();
  db = createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
});

afterAll(async () => {
  db?.destroy();
  await dynamo?.stop();
});

beforeEach(() => {
  calls.length = 0;
});

describe('storing a shopper message', () => {
  it('takes one write for a new session’s first message and once this process stored the previous one', async () => {
    const repository = processRepository();
    const { sessionId } = await newSession(repository);
    calls.length = 0;
    const first = await say(repository, sessionId);
    expect(calls).toEqual(['TransactWrite']);
    calls.length = 0;
    const second = await say(repository, sessionId);
    expect(calls).toEqual(['TransactWrite']);
    expect(first).toMatchObject({ status: 'accepted', replySeq: 2, message: { seq: 1 } });
    expect(second).toMatchObject({ status: 'accepted', replySeq: 4, message: { seq: 3 } });
  });

  it('learns the counter of a session another process wrote from the refused write, without a read', async () => {
    const elsewhere = processRepository();
    const { sessionId } = await newSession(elsewhere);
    await say(elsewhere, sessionId);
    await say(elsewhere, sessionId);
    const here = processRepository();
    calls.length = 0;
    const mine = await say(here, sessionId);
    expect(calls).toEqual(['TransactWrite', 'TransactWrite']);
    expect(mine).toMatchObject({ status: 'accepted', message: { seq: 5 }, replySeq: 6 });
    calls.length = 0;
    expect(await say(here, sessionId)).toMatchObject({ status: 'accepted', message: { seq: 7 } });
    expect(calls).toEqual(['TransactWrite']);
  });

  it('never reuses a sequence when another process moved the counter meanwhile', async () => {
    const here = processRepository();
    const elsewhere = processRepository();
    const { sessionId } = await newSession(here);
    await say(here, sessionId);
    // An agent's message and another container's shopper message, written behind this process's back.
    const agentSeq = await elsewhere.reserveSequences(sessionId, 1);
    await elsewhere.putMessage({
      sessionId,
      seq: agentSeq,
      role: 'agent',
      text: 'Hi, Lea here',
      createdAt: 'now',
    });
    const other = await say(elsewhere, sessionId);
    const mine = await say(here, sessionId);
    expect(agentSeq).toBe(3);
    expect(other).toMatchObject({ status: 'accepted', message: { seq: 4 } });
    expect(mine).toMatchObject({ status: 'accepted', message: { seq: 6 }, replySeq: 7 });
    const stored = await here.listMessagesAfter(sessionId, 0, 100);
    expect(stored.map((message) => message.seq)).toEqual([1, 3, 4, 6]);
  });

  it('stores every message of a burst from one session under its own sequence', async () => {
    const repositories = [processRepository(), processRepository()];
    const { sessionId } = await newSession(repositories[0] as DynamoDbConversationRepository);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        say(repositories[index % 2] as DynamoDbConversationRepository, sessionId),
      ),
    );
    const seqs = results.map((result) => (result.status === 'accepted' ? result.message.seq : -1));
    expect(new Set(seqs).size).toBe(12);
    expect(seqs.every((seq) => seq > 0)).toBe(true);
    const stored = await repositories[0]?.listMessagesAfter(sessionId, 0, 100);
    expect(stored?.map((message) => message.seq).sort((a, b) => a - b)).toEqual(
      [...seqs].sort((a, b) => a - b),
    );
  });

  it('refuses a repeated clientMessageId on the one-write path without moving the counter', async () => {
    const repository = processRepository();
    const { sessionId } = await newSession(repository);
    await say(repository, sessionId);
    const clientMessageId = randomUUID();
    expect(await say(repository, sessionId, { clientMessageId })).toMatchObject({ status: 'accepted' });
    expect(await say(repository, sessionId, { clientMessageId })).toMatchObject({ status: 'duplicate' });
    expect(await say(repository, sessionId)).toMatchObject({ status: 'accepted', message: { seq: 5 } });
  });

  it('takes the customer’s window in the same write, and a refused message leaves nothing behind', async () => {
    const repository = processRepository();
    const customerId = `c-${randomUUID()}`;
    const limit = { customerLimit: { key: `customer:${customerId}`, perMinute: 2 } };
    const tabs = [await newSession(repository, customerId), await newSession(repository, customerId)];
    const outcomes = [];
    for (const { sessionId } of [...tabs, ...tabs, ...tabs])
      outcomes.push(await say(repository, sessionId, limit));
    const statuses = outcomes.map((outcome) => outcome.status);
    // Six at two per minute: whatever minute boundary falls inside them, one window overflows.
    expect(statuses.filter((status) => status === 'accepted').length).toBeLessThanOrEqual(4);
    expect(statuses).toContain('rate_limited');
    const refused = outcomes.findIndex((outcome) => outcome.status === 'rate_limited');
    expect(outcomes[refused]).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    const stored = (
      await Promise.all(tabs.map(({ sessionId }) => repository.listMessagesAfter(sessionId, 0, 100)))
    ).flat();
    expect(stored).toHaveLength(statuses.filter((status) => status === 'accepted').length);
  });
});

describe('what a turn reads', () => {
  it('gets the session, its latest messages and the pending proposal in one query', async () => {
    const repository = processRepository();
    const { sessionId, customerId } = await newSession(repository);
    for (let n = 0; n < 3; n++) await say(repository, sessionId);
    await new DynamoDbProposalStore(db, tables.names.Conversations).put({
      proposalId: 'p-1',
      sessionId,
      customerId,
      tool: 'cancel_order',
      input: { orderId: 'A1001' },
      summary: { action: 'cancel', orderId: 'A1001', items: [{ sku: 'RUN-42-BLK', name: 'Trail runner' }] },
      language: 'en',
      status: 'pending',
      createdAt: new Date().toISOString(),
      validUntil: new Date(Date.now() + 600_000).toISOString(),
    });
    calls.length = 0;
    const turn = await repository.readTurn(sessionId, 12);
    expect(calls).toEqual(['Query']);
    expect(turn.session).toMatchObject({ sessionId, customerId });
    expect(turn.recent.map((message) => message.seq)).toEqual([1, 3, 5]);
    expect(turn.proposal).toMatchObject({ proposalId: 'p-1', status: 'pending' });
  });

  it('reads a long session’s item separately and still returns only its latest messages, skipping notes', async () => {
    const repository = processRepository();
    const { sessionId, customerId } = await newSession(repository);
    for (let n = 0; n < 8; n++) await say(repository, sessionId);
    await db.send(
      new PutCommand({
        TableName: tables.names.Conversations,
        Item: { pk: `SESSION#${sessionId}`, sk: 'NOTE#0001', type: 'note', text: 'VIP' },
      }),
    );
    calls.length = 0;
    const turn = await repository.readTurn(sessionId, 4);
    expect(calls.filter((call) => call === 'Get').length).toBe(1);
    expect(turn.session).toMatchObject({ sessionId, customerId });
    expect(turn.recent.map((message) => message.seq)).toEqual([9, 11, 13, 15]);
    expect(turn.proposal).toBeUndefined();
  });

  it('finds no session once it is gone', async () => {
    const turn = await processRepository().readTurn(`s-${randomUUID()}`, 12);
    expect(turn).toEqual({ session: undefined, recent: [], proposal: undefined });
  });
});
