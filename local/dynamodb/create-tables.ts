import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type KeySchemaElement,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type TableDefinition } from '../../functions/config/tables';

type KeyPair = Pick<TableDefinition, 'partitionKey' | 'sortKey'>;

export function tableName(prefix: string, def: Pick<TableDefinition, 'id'>): string {
  return `${prefix}-${def.id}`;
}

/**
 * Creates every table of functions/config/tables.ts under `prefix`, the way the CDK stack does. A table
 * that already exists is left as it is, so data in a persistent DynamoDB Local survives restarts.
 */
export async function ensureTables(
  client: DynamoDBClient,
  prefix: string,
  definitions: readonly TableDefinition[] = TABLES,
): Promise<Record<TableDefinition['id'], string>> {
  const names = {} as Record<TableDefinition['id'], string>;
  for (const def of definitions) {
    const name = tableName(prefix, def);
    await createUnlessExists(client, createTableInput(name, def));
    await waitUntilActive(client, name);
    if (def.stream) await enableStream(client, name, def.stream);
    if (def.ttlAttribute) await enableTimeToLive(client, name, def.ttlAttribute);
    names[def.id] = name;
  }
  return names;
}

export function createTableInput(name: string, def: TableDefinition): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions(def),
    KeySchema: keySchema(def),
    GlobalSecondaryIndexes:
      def.globalIndexes.length > 0
        ? def.globalIndexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index),
            // CDK's default projection for a GSI.
            Projection: { ProjectionType: 'ALL' },
          }))
        : undefined,
    StreamSpecification: def.stream ? { StreamEnabled: true, StreamViewType: def.stream } : undefined,
  };
}

function keySchema(keys: KeyPair): KeySchemaElement[] {
  const schema: KeySchemaElement[] = [{ AttributeName: keys.partitionKey.name, KeyType: 'HASH' }];
  if (keys.sortKey) schema.push({ AttributeName: keys.sortKey.name, KeyType: 'RANGE' });
  return schema;
}

function attributeDefinitions(def: TableDefinition): AttributeDefinition[] {
  const types = new Map<string, string>();
  for (const keys of [def, ...def.globalIndexes]) {
    for (const key of [keys.partitionKey, keys.sortKey]) {
      if (!key) continue;
      const known = types.get(key.name);
      if (known && known !== key.type) {
        throw new Error(`${def.id}: attribute ${key.name} is declared as both ${known} and ${key.type}`);
      }
      types.set(key.name, key.type);
    }
  }
  return [...types].map(([AttributeName, AttributeType]) => ({
    AttributeName,
    AttributeType: AttributeType as AttributeDefinition['AttributeType'],
  }));
}

async function createUnlessExists(client: DynamoDBClient, input: CreateTableCommandInput) {
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

async function waitUntilActive(client: DynamoDBClient, name: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`${name} is still ${Table?.TableStatus} after 30 s`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/**
 * DynamoDB refuses to enable TTL twice, so the current setting is read first; a TTL that is already on is
 * left alone, like the rest of an existing table.
 */
async function enableTimeToLive(client: DynamoDBClient, name: string, attribute: string) {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
    }),
  );
}

/**
 * A persistent data folder may hold a table made before its definition had a stream (the Store table
 * gained one for return and ticket facts): turn the stream on rather than leave the poller nothing to read.
 */
async function enableStream(
  client: DynamoDBClient,
  name: string,
  view: NonNullable<TableDefinition['stream']>,
) {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
  if (Table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({
      TableName: name,
      StreamSpecification: { StreamEnabled: true, StreamViewType: view },
    }),
  );
  await waitUntilActive(client, name);
}
