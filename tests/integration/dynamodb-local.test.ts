import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../functions/config/tables';
import { ensureTables, tableName } from '../../local/dynamodb/create-tables';
import { ensureDynamoDbLocalJar } from '../../local/dynamodb/jar';
import { parseJavaMajorVersion } from '../../local/dynamodb/java';
import { startDynamoDbLocal } from '../../local/dynamodb/launcher';
import {
  localDynamoDbClient,
  startTestDynamoDb,
  type TestDynamoDb,
  uniqueTablePrefix,
} from '../support/dynamodb';

const PINNED_JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';

describe('DynamoDB Local', () => {
  let db: TestDynamoDb;

  beforeAll(async () => {
    db = await startTestDynamoDb();
  });

  afterAll(async () => {
    await db?.stop();
  });

  it('DynamoDB Local starts from the verified jar and creates the CDK table definitions with streams and TTL', async () => {
    const emulatorDir = await ensureDynamoDbLocalJar();
    const jar = await readFile(join(emulatorDir, 'DynamoDBLocal.jar'));
    expect(createHash('sha256').update(jar).digest('hex')).toBe(PINNED_JAR_SHA256);
    expect(db.endpoint).toBe(`http://127.0.0.1:${db.port}`);
    // 127.0.0.2 is loopback too: refused there means the socket is bound to 127.0.0.1, not to every interface.
    await expect(canConnect('127.0.0.2', db.port)).resolves.toBe(false);
    await expect(canConnect('127.0.0.1', db.port)).resolves.toBe(true);

    const prefix = uniqueTablePrefix('cdk');
    const names = await ensureTables(db.client, prefix);
    // A second run finds every table and leaves it alone.
    await expect(ensureTables(db.client, prefix)).resolves.toEqual(names);

    for (const def of TABLES) {
      expect(names[def.id]).toBe(tableName(prefix, def));
      const { Table } = await db.client.send(new DescribeTableCommand({ TableName: names[def.id] }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.KeySchema).toEqual(
        [
          { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
          def.sortKey && { AttributeName: def.sortKey.name, KeyType: 'RANGE' },
        ].filter(Boolean),
      );
      expect((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName)).toEqual(
        def.globalIndexes.map((index) => index.name),
      );
      for (const index of def.globalIndexes) {
        const described = Table?.GlobalSecondaryIndexes?.find(
          (candidate) => candidate.IndexName === index.name,
        );
        expect(described?.KeySchema?.[0]).toEqual({
          AttributeName: index.partitionKey.name,
          KeyType: 'HASH',
        });
        expect(described?.Projection?.ProjectionType).toBe('ALL');
      }
      if (def.stream) {
        expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: def.stream });
        expect(Table?.LatestStreamArn).toContain(names[def.id]);
      } else {
        expect(Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
      }
      const { TimeToLiveDescription } = await db.client.send(
        new DescribeTimeToLiveCommand({ TableName: names[def.id] }),
      );
      if (def.ttlAttribute) {
        expect(TimeToLiveDescription).toEqual({
          TimeToLiveStatus: 'ENABLED',
          AttributeName: def.ttlAttribute,
        });
      } else {
        expect(TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
      }
    }
  });

  it('data persists across restarts in the data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-ddb-'));
    try {
      const prefix = uniqueTablePrefix('persist');
      const item = { pk: { S: 'ORDER#1001' }, sk: { S: 'META' }, status: { S: 'shipped' } };
      const first = await startDynamoDbLocal({ dataDir });
      const firstClient = localDynamoDbClient(first.endpoint);
      try {
        const names = await ensureTables(firstClient, prefix);
        await firstClient.send(new PutItemCommand({ TableName: names.Store, Item: item }));
      } finally {
        firstClient.destroy();
        await first.stop();
      }

      const second = await startDynamoDbLocal({ dataDir });
      const secondClient = localDynamoDbClient(second.endpoint);
      try {
        const names = await ensureTables(secondClient, prefix);
        const { Item } = await secondClient.send(
          new GetItemCommand({ TableName: names.Store, Key: { pk: item.pk, sk: item.sk } }),
        );
        expect(Item).toEqual(item);
      } finally {
        secondClient.destroy();
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a missing java and a Java older than 17 with a clear message', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'afterdesk-java-'));
    try {
      await expect(startDynamoDbLocal({ java: join(folder, 'no-such-java') })).rejects.toThrow(
        /needs Java 17 or newer, and `.*no-such-java` was not found/,
      );
      const oldJava = join(folder, 'java11');
      await writeFile(oldJava, `#!/bin/sh\necho 'openjdk version "11.0.22" 2024-01-16' >&2\n`, {
        mode: 0o755,
      });
      await expect(startDynamoDbLocal({ java: oldJava })).rejects.toThrow(
        /needs Java 17 or newer; .* says: openjdk version "11.0.22"/,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reads the major version from java -version output', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajorVersion('java version "1.8.0_422"')).toBe(8);
    expect(parseJavaMajorVersion('no java here')).toBeUndefined();
  });
});

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
