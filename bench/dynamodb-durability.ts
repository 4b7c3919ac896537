import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../local/dynamodb/launcher';

/**
 * Is a write DynamoDB Local acknowledged still there after its JVM is killed with SIGKILL? Writers send
 * two-item transactions without pause; at a random moment the JVM is killed, restarted on the same folder,
 * and every acknowledged transaction is looked up.   DURABILITY_TRIALS=20 npx tsx bench/dynamodb-durability.ts
 */
const TRIALS = Number(process.env.DURABILITY_TRIALS ?? 20);
const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-durability-'));
const client = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    maxAttempts: 1,
  });
let lostTotal = 0;
let ackedTotal = 0;
try {
  let local = await startDynamoDbLocal({ dataDir });
  await client(local.endpoint).send(
    new CreateTableCommand({
      TableName: 'durability',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  for (let trial = 1; trial <= TRIALS; trial++) {
    const db = client(local.endpoint);
    const acked: string[] = [];
    let killed = false;
    const writers = Array.from({ length: 3 }, async () => {
      while (!killed) {
        const id = randomUUID();
        try {
          await db.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: 'durability',
                    Item: { pk: { S: `a-${id}` } },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Put: {
                    TableName: 'durability',
                    Item: { pk: { S: `b-${id}` }, text: { S: 'x'.repeat(200) } },
                  },
                },
              ],
            }),
          );
          if (!killed) acked.push(id);
        } catch {
          return;
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1500));
    killed = true;
    process.kill(local.pid, 'SIGKILL');
    await local.exited;
    await Promise.all(writers);
    db.destroy();
    local = await startDynamoDbLocal({ dataDir });
    const check = client(local.endpoint);
    let lost = 0;
    for (const id of acked) {
      for (const key of [`a-${id}`, `b-${id}`]) {
        const found = await check.send(
          new GetItemCommand({ TableName: 'durability', Key: { pk: { S: key } }, ConsistentRead: true }),
        );
        if (!found.Item) lost += 1;
      }
    }
    check.destroy();
    lostTotal += lost;
    ackedTotal += acked.length;
    console.log(`trial ${trial}: ${acked.length} acknowledged, ${lost} items missing`);
  }
  await local.stop();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`${ackedTotal} acknowledged transactions, ${lostTotal} items missing after SIGKILL`);
