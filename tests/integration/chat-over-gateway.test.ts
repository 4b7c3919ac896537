import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
const clients: ShopperClient[] = [];

async function shopper(customerId: string, extra: Record<string, string> = {}): Promise<ShopperClient> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token(customerId),
    ...extra,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  test = await startTestStack();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await test?.stop();
});

describe('"where is my order?" over the local gateway', () => {
  const cases = [
    {
      lang: 'en',
      customer: 'c-sam-single',
      text: 'Where is my order A1006?',
      expect: ['UPS', '1Z999AA10123456784'],
    },
    {
      lang: 'fr',
      customer: 'c-ana',
      text: 'Bonjour, où est ma commande ?',
      expect: ['DHL', 'JD014600006254', 'Leipzig'],
    },
    { lang: 'de', customer: 'c-jonas', text: 'Wo ist meine Bestellung?', expect: ['DPD', '01234567890123'] },
    {
      lang: 'es',
      customer: 'c-sofia',
      text: '¿Dónde está mi pedido?',
      expect: ['Correos', 'PQ4BC10000123450X'],
    },
    { lang: 'zh', customer: 'c-mei', text: '我的订单在哪里？', expect: ['SF Express', 'SF1234567890123'] },
    {
      lang: 'ko',
      customer: 'c-minjun',
      text: '제 주문 어디쯤 왔어요?',
      expect: ['CJ Logistics', '630012345678'],
    },
  ];

  for (const example of cases) {
    it(`answers in ${example.lang} with the carrier, tracking number and live status`, async () => {
      const customer = example.customer === 'c-sam-single' ? 'c-sam' : example.customer;
      const client = await shopper(customer);
      const reply = await client.ask(example.text);
      for (const fragment of example.expect) expect(reply.text).toContain(fragment);
      expect(reply.language).toBe(example.lang);
      expect(reply.intent).toBe('track_order');
    });
  }

  it('asks which order when the shopper has several, then answers about the one named', async () => {
    const client = await shopper('c-sam');
    const question = await client.ask('where is my order?');
    expect(question.text).toContain('A1006');
    expect(question.text).toContain('A1007');
    const answer = await client.ask('A1006');
    expect(answer.text).toContain('1Z999AA10123456784');
  });

  it("refuses another customer's order number without revealing anything about it", async () => {
    const client = await shopper('c-ana');
    const reply = await client.ask('Where is order A1002?');
    expect(reply.intent).toBe('track_order');
    expect(reply.text.length).toBeGreaterThan(10);
    for (const secret of ['DPD', '01234567890123', 'Berlin', 'Jonas', 'Rain jacket'])
      expect(reply.text).not.toContain(secret);
  });
});

describe('bad input on an open connection', () => {
  it('gets a typed error for each bad frame and the connection keeps working', async () => {
    const client = await shopper('c-ana');
    const errorAfter = (send: () => void) => {
      const pending = client.next((event) => event.type === 'error');
      send();
      return pending;
    };
    expect(await errorAfter(() => client.sendRaw('{"action": "sendMessage", oops'))).toMatchObject({
      code: 'invalid_json',
    });
    expect(await errorAfter(() => client.sendRaw('{"action":"dropTables"}'))).toMatchObject({
      code: 'unknown_action',
    });
    expect(
      await errorAfter(() =>
        client.sendRaw(JSON.stringify({ action: 'sendMessage', clientMessageId: 'cmid-missing-text' })),
      ),
    ).toMatchObject({ code: 'invalid_message', clientMessageId: 'cmid-missing-text' });
    expect(await errorAfter(() => client.say('x'.repeat(40 * 1024)))).toMatchObject({
      code: 'payload_too_large',
    });

    const id = client.say('hello there', 'cmid-repeat-0001');
    await client.replyTo(id);
    expect(await errorAfter(() => client.say('hello there', 'cmid-repeat-0001'))).toMatchObject({
      code: 'duplicate_message',
      clientMessageId: 'cmid-repeat-0001',
    });
    const acks = client.events.filter(
      (event) => event.type === 'ack' && event.clientMessageId === 'cmid-repeat-0001',
    );
    expect(acks).toHaveLength(1);

    const reply = await client.ask('Où est ma commande ?');
    expect(reply.text).toContain('JD014600006254');
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('closes a connection whose message exceeds 128 KB, as API Gateway does', async () => {
    const client = await shopper('c-ana');
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.sendRaw('x'.repeat(129 * 1024));
    expect(await closed).toBe(1009);
  });

  it('refuses missing, forged and expired tokens at $connect', async () => {
    const url = test.stack.info.websocketUrl;
    await expect(ShopperClient.connect(url, {})).rejects.toMatchObject({ statusCode: 401 });
    await expect(
      ShopperClient.connect(url, { token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' }),
    ).rejects.toMatchObject({
      statusCode: 401,
    });
    const expired = await test.token('c-ana', 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(ShopperClient.connect(url, { token: expired })).rejects.toMatchObject({ statusCode: 401 });
  });

  it("refuses to join another shopper's session", async () => {
    const owner = await shopper('c-ana');
    const first = owner.say('hello');
    const acked = await owner.waitFor((event) => event.type === 'ack' && event.clientMessageId === first);
    const sessionId = (acked as { sessionId: string }).sessionId;
    await expect(
      ShopperClient.connect(test.stack.info.websocketUrl, {
        token: await test.token('c-jonas'),
        session: sessionId,
      }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('reconnecting', () => {
  it('replays what was missed after the cursor, with nothing lost or duplicated', async () => {
    const first = await shopper('c-jonas');
    const sent: string[] = [];
    for (const text of ['Hallo', 'Wo ist meine Bestellung?']) {
      const id = first.say(text);
      sent.push(id);
      await first.replyTo(id);
    }
    const sessionId = (first.events.find((event) => event.type === 'ack') as { sessionId: string }).sessionId;
    const firstReply = first.events.find(
      (event) => event.type === 'message' && event.replyTo === sent[0],
    ) as {
      cursor: number;
    };
    // The shopper drops after the first answer: a third message is sent by a second device meanwhile.
    await first.close();

    const second = await shopper('c-jonas', { session: sessionId });
    const missedId = second.say('Danke!');
    await second.replyTo(missedId);
    await second.close();

    const third = await shopper('c-jonas', { session: sessionId });
    third.sendRaw(JSON.stringify({ action: 'resume', cursor: firstReply.cursor }));
    const resumed = await third.waitFor((event) => event.type === 'resumed');
    const replayed = third.events.filter((event) => event.type === 'message') as Array<{
      cursor: number;
      text: string;
    }>;
    const cursors = replayed.map((event) => event.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(cursors.every((cursor) => cursor > firstReply.cursor)).toBe(true);
    // second question + its answer + "Danke!" + its answer
    expect(replayed).toHaveLength(4);
    expect(replayed.map((event) => event.text)).toContain('Danke!');
    expect(resumed).toMatchObject({ type: 'resumed', sessionId, replayed: 4, cursor: cursors.at(-1) });
  });
});

describe('the @connections endpoint', () => {
  it('accepts the real management client and answers GoneException for a closed connection', async () => {
    const client = new ApiGatewayManagementApiClient({
      endpoint: test.stack.info.connectionsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await expect(
      client.send(
        new PostToConnectionCommand({
          ConnectionId: 'AAAAAAAAAAAAAAA=',
          Data: new TextEncoder().encode('{}'),
        }),
      ),
    ).rejects.toBeInstanceOf(GoneException);
    client.destroy();
  });
});

describe('the conversation stream', () => {
  it('moves the session summary forward through the DynamoDB Local stream poller', async () => {
    const client = await shopper('c-mei');
    const reply = await client.ask('我的订单在哪里？');
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient, GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
    );
    let meta: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 100; attempt++) {
      await test.stack.streamsDrained();
      meta = (
        await db.send(
          new GetCommand({
            TableName: test.stack.info.tables.conversations,
            Key: { pk: `SESSION#${reply.sessionId}`, sk: 'META' },
          }),
        )
      ).Item;
      if (meta?.lastMessageSeq === reply.cursor) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(meta).toMatchObject({
      lastMessageSeq: reply.cursor,
      lastRole: 'assistant',
      lastIntent: 'track_order',
    });
    db.destroy();
  });
});

describe('hand-off to a person', () => {
  it('queues the session with reason and priority before telling the shopper a person will reply', async () => {
    const client = await shopper('c-sofia');
    const reply = await client.ask('Mi vestido llegó roto, está rasgado por la costura');
    expect(reply.language).toBe('es');
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient, GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' }),
    );
    const meta = (
      await db.send(
        new GetCommand({
          TableName: test.stack.info.tables.conversations,
          Key: { pk: `SESSION#${reply.sessionId}`, sk: 'META' },
        }),
      )
    ).Item;
    db.destroy();
    expect(meta).toMatchObject({ handoffStatus: 'queued', handoffReason: expect.any(String) });
    expect(['high', 'normal', 'low']).toContain(meta?.handoffPriority);
    expect(reply.text.length).toBeGreaterThan(0);
  });
});
