import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import { POLICY_KEY } from '../../functions/adapters/aws/dynamodb-store-policy-source';
import { DEMO_CUSTOMER_ID } from '../../local/seed/demo-store';
import { SupervisedTestStack } from '../support/dynamodb-local-kill';
import { ShopperClient } from '../support/shopper-client';

// A file of its own: the handlers run in this process and keep module-level state (the signing secret
// they read once), so a second local stack in the same file would be checked against the first's secret.
describe('the demo after an in-memory restart of DynamoDB Local', () => {
  let supervised: SupervisedTestStack;

  beforeAll(async () => {
    supervised = await SupervisedTestStack.start();
  });

  afterAll(async () => {
    await supervised?.stop();
  });

  it('brings the demo store back and the assistant answers again from the new stream', async () => {
    await supervised.killDynamoDbLocal();
    const { test } = supervised;

    // Reported back only once the seed is in: the demo order and the store's configuration are there.
    const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
    const order = await new DynamoDbOrderRepository(db, test.stack.info.tables.store).getOrder('A1001');
    expect(order).toMatchObject({ orderId: 'A1001', customerId: DEMO_CUSTOMER_ID });
    const policy = await db.send(
      new GetCommand({ TableName: test.stack.info.tables.store, Key: POLICY_KEY }),
    );
    expect(policy.Item).toBeDefined();
    const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token(DEMO_CUSTOMER_ID),
    });
    try {
      const id = client.say('Where is my order A1001?');
      await expect(
        client.waitFor((event) => event.type === 'ack' && event.clientMessageId === id),
      ).resolves.toBeTruthy();
      // The tables came back with new streams: the assistant, fed by the Conversations stream, answers again.
      const reply = await client.replyTo(id);
      expect(reply.text).toContain('A1001');
    } finally {
      await client.close();
    }
  });
});
