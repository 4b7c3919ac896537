/**
 * Table definitions shared by the CDK stack (lib/data) and the local DynamoDB launcher (local/dynamodb),
 * so both modes always create the same keys, indexes, streams and TTL attributes.
 * Plain data on purpose: no CDK or SDK imports, so the Lambda bundles stay small.
 */
export type KeyType = 'S' | 'N';

export interface TableDefinition {
  /** Logical id, also the suffix of the physical table name. */
  readonly id: 'Store' | 'Conversations' | 'Connections' | 'Idempotency';
  readonly partitionKey: { readonly name: string; readonly type: KeyType };
  readonly sortKey?: { readonly name: string; readonly type: KeyType };
  readonly globalIndexes: ReadonlyArray<{
    readonly name: string;
    readonly partitionKey: { readonly name: string; readonly type: KeyType };
    readonly sortKey?: { readonly name: string; readonly type: KeyType };
  }>;
  readonly stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
  readonly ttlAttribute?: string;
  /** The environment variable through which handlers learn the physical name. */
  readonly envVar: string;
}

export const STORE_TABLE: TableDefinition = {
  id: 'Store',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalIndexes: [
    {
      name: 'byCustomer',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
  ],
  // Returns and claims live here: their changes feed return and ticket facts.
  stream: 'NEW_AND_OLD_IMAGES',
  envVar: 'STORE_TABLE',
};

/** Leading key of the open-contact entries in Conversations (`OPENCONTACTS#<shard>`): the closer's only reads. */
export const OPEN_CONTACTS_PREFIX = 'OPENCONTACTS#';

export const CONVERSATIONS_TABLE: TableDefinition = {
  id: 'Conversations',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  // No global index: DynamoDB Local stops expiring items by TTL in a table that has one (see the contact
  // state store for how open contacts are found without it).
  globalIndexes: [],
  stream: 'NEW_AND_OLD_IMAGES',
  ttlAttribute: 'expiresAt',
  envVar: 'CONVERSATIONS_TABLE',
};

export const CONNECTIONS_TABLE: TableDefinition = {
  id: 'Connections',
  partitionKey: { name: 'connectionId', type: 'S' },
  globalIndexes: [],
  ttlAttribute: 'expiresAt',
  envVar: 'CONNECTIONS_TABLE',
};

/**
 * Powertools idempotency records of assistant turns (one per session and message): a retried or duplicated
 * turn returns the stored result instead of answering twice. Its own table, so these records stay off the
 * Conversations stream; they expire by TTL.
 */
export const IDEMPOTENCY_TABLE: TableDefinition = {
  id: 'Idempotency',
  partitionKey: { name: 'id', type: 'S' },
  globalIndexes: [],
  ttlAttribute: 'expiration',
  envVar: 'IDEMPOTENCY_TABLE',
};

export const TABLES: readonly TableDefinition[] = [
  STORE_TABLE,
  CONVERSATIONS_TABLE,
  CONNECTIONS_TABLE,
  IDEMPOTENCY_TABLE,
];
