import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLES, type TableDefinition } from '../../functions/config/tables';
import { ensureTables } from '../../local/dynamodb/create-tables';
import { type DynamoDbLocalOptions, startDynamoDbLocal } from '../../local/dynamodb/launcher';

export type TableId = TableDefinition['id'];

export interface TestTables {
  readonly prefix: string;
  /** Physical table names by logical id. */
  readonly names: Readonly<Record<TableId, string>>;
  /** The environment variables (STORE_TABLE, ...) through which handlers learn the names. */
  readonly env: Readonly<Record<string, string>>;
}

export interface TestDynamoDb {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  readonly client: DynamoDBClient;
  /** Creates every table of functions/config/tables.ts under a fresh (or the given) prefix. */
  createTables(prefix?: string): Promise<TestTables>;
  stop(): Promise<void>;
}

/**
 * Starts a real DynamoDB Local for a test file: in memory on a free loopback port unless `dataDir` is
 * given. Call it in beforeAll and `stop()` in afterAll.
 */
export async function startTestDynamoDb(
  options: Pick<DynamoDbLocalOptions, 'dataDir' | 'port'> = {},
): Promise<TestDynamoDb> {
  const local = await startDynamoDbLocal({ port: options.port ?? 0, dataDir: options.dataDir });
  const client = localDynamoDbClient(local.endpoint);
  return {
    endpoint: local.endpoint,
    port: local.port,
    pid: local.pid,
    client,
    createTables: (prefix) => createTestTables(client, prefix),
    stop: async () => {
      client.destroy();
      await local.stop();
    },
  };
}

/** A client for DynamoDB Local, which accepts any credentials; the region comes from AWS_REGION. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Tests sharing one DynamoDB Local stay apart by giving each its own table prefix. */
export function uniqueTablePrefix(label = 'test'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

export async function createTestTables(
  client: DynamoDBClient,
  prefix: string = uniqueTablePrefix(),
): Promise<TestTables> {
  const names = await ensureTables(client, prefix);
  const env = Object.fromEntries(TABLES.map((def) => [def.envVar, names[def.id]]));
  return { prefix, names, env };
}
