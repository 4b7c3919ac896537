import { readFile } from 'node:fs/promises';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keywordSpikeFile } from '../../functions/adapters/local/file-alert-publisher';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';

let test: TestStack;
const clients: ShopperClient[] = [];

beforeAll(async () => {
  // Handlers read thresholds at cold start, which happens inside startTestStack.
  process.env.KEYWORD_SPIKE_MIN_MENTIONS = '3';
  process.env.KEYWORD_SPIKE_RATIO = '3';
  test = await startTestStack();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await test?.stop();
  delete process.env.KEYWORD_SPIKE_MIN_MENTIONS;
  delete process.env.KEYWORD_SPIKE_RATIO;
});

async function alertCounters(): Promise<Array<Record<string, unknown>>> {
  const client = new DynamoDBClient({ endpoint: test.stack.info.dynamodbEndpoint, region: 'us-east-1' });
  try {
    const page = await client.send(
      new ScanCommand({
        TableName: test.stack.info.tables.conversations,
        FilterExpression: 'begins_with(pk, :alerts)',
        ExpressionAttributeValues: { ':alerts': { S: 'ALERTS#' } },
      }),
    );
    return (page.Items ?? []).map((item) => unmarshall(item));
  } finally {
    client.destroy();
  }
}

describe('keyword spike alerts through the local stack', () => {
  it('turns a burst of "broken" messages into exactly one alert line that the analytics API returns', async () => {
    // None names a product: "my lamp" would (rightly) count for the Desk lamp's SKU instead.
    const texts = [
      'My parcel arrived broken',
      'The glass is broken, jane.doe@example.com',
      'It came broken in the box',
      'Second one also broken',
      'Still broken, what now?',
    ];
    for (const [index, text] of texts.entries()) {
      const shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
        token: await test.token(`c-spike-${index}`),
      });
      clients.push(shopper);
      await shopper.ask(text);
    }
    await test.stack.streamsDrained();

    const lines = (await readFile(keywordSpikeFile(test.dataDir), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const alert = JSON.parse(lines[0] ?? '{}');
    expect(alert).toMatchObject({ sku: null, defects: ['broken'], baseline: 0 });
    expect(alert.mentions).toBeGreaterThanOrEqual(3);
    expect(Date.parse(alert.windowEnd) - Date.parse(alert.windowStart)).toBe(3_600_000);
    for (const text of ['parcel', 'glass', 'jane.doe', 'example.com']) expect(lines[0]).not.toContain(text);

    const counters = await alertCounters();
    const hours = counters.filter((item) => String(item.sk).startsWith('HOUR#'));
    expect(hours.every((item) => item.pk === 'ALERTS#DEFECT#broken')).toBe(true);
    expect(hours.reduce((sum, item) => sum + Number(item.mentions), 0)).toBe(texts.length);
    expect(counters.every((item) => Number(item.expiresAt) > Date.now() / 1000)).toBe(true);
    expect(counters.filter((item) => String(item.sk).startsWith('ALERTED#'))).toHaveLength(1);

    const response = await fetch(new URL('/api/analytics/alerts', test.stack.info.webUrl));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ alerts: [alert] });
  });
});
