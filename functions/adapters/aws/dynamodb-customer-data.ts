import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { OPEN_CONTACTS_PREFIX } from '../../config/tables';
import { photoOwnerPrefix } from '../../core/photos/photo-keys';
import type { CustomerDataStore, CustomerFootprint } from '../../ports/privacy';

type Item = Record<string, unknown>;
type Key = { table: string; key: Record<string, unknown>; kind: string };

/**
 * A customer's items in the Store, Conversations and Connections tables. Orders and cases are found through
 * the Store's byCustomer index. Conversations and Connections have no index by customer (DynamoDB Local stops
 * expiring items by TTL in a table with a global index), so their session and connection records are found
 * with a filtered, projected Scan: an erasure is a rare administrative job, not a request path.
 */
export class DynamoDbCustomerData implements CustomerDataStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tables: { store: string; conversations: string; connections: string },
  ) {}

  async ownedOrderIds(customerId: string): Promise<string[]> {
    const indexed = await this.byCustomer(customerId);
    return indexed.filter((item) => item.sk === 'ORDER').map((item) => String(item.pk).slice(6));
  }

  async footprint(customerId: string, principals: readonly string[]): Promise<CustomerFootprint> {
    const indexed: Item[] = [];
    for (const principal of principals) indexed.push(...(await this.byCustomer(principal)));
    const orderIds = indexed.filter((item) => item.sk === 'ORDER').map((item) => String(item.pk).slice(6));
    const claimIds = indexed.filter((item) => item.sk === 'CLAIM').map((item) => String(item.pk).slice(6));
    const returnIds: string[] = [];
    for (const orderId of orderIds)
      for (const item of await this.partition(this.tables.store, `ORDER#${orderId}`))
        if (String(item.sk).startsWith('RETURN#')) returnIds.push(String(item.sk).slice(7));
    const sessions = await this.scanByPrincipal(this.tables.conversations, principals, {
      filter: 'sk = :meta',
      values: { ':meta': 'META' },
      projection: 'pk',
    });
    const sessionIds = sessions.map((item) => String(item.pk).replace(/^SESSION#/, ''));
    return { customerId, principals: [...principals], orderIds, returnIds, claimIds, sessionIds };
  }

  async read(footprint: CustomerFootprint): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = { orders: [], returns: [], cases: [], conversations: [] };
    // A fingerprint is filed under four hash bands: one sighting, four items.
    for (const [kind, items] of Object.entries(await this.beside(footprint)))
      out[EXPORT_NAMES[kind as BesideKind]] = [
        ...new Map(
          items.map(({ item }) => {
            const value = exported(kind as BesideKind, item);
            return [JSON.stringify(value), value] as const;
          }),
        ).values(),
      ];
    for (const orderId of footprint.orderIds)
      for (const item of await this.partition(this.tables.store, `ORDER#${orderId}`))
        (String(item.sk).startsWith('RETURN#') ? out.returns : out.orders)?.push(strip(item));
    for (const claimId of footprint.claimIds)
      out.cases?.push(...(await this.partition(this.tables.store, `CLAIM#${claimId}`)).map(strip));
    for (const sessionId of footprint.sessionIds)
      out.conversations?.push({
        sessionId,
        items: (await this.partition(this.tables.conversations, `SESSION#${sessionId}`)).map(strip),
      });
    return out;
  }

  async erase(footprint: CustomerFootprint): Promise<Record<string, number>> {
    const keys: Key[] = [];
    for (const orderId of footprint.orderIds)
      for (const item of await this.partition(this.tables.store, `ORDER#${orderId}`)) {
        const isReturn = String(item.sk).startsWith('RETURN#');
        keys.push({
          table: this.tables.store,
          key: { pk: item.pk, sk: item.sk },
          kind: isReturn ? 'returns' : 'orders',
        });
        // Each return is mirrored under its product for the returns-by-SKU reads.
        const sku = (item.data as { sku?: unknown } | undefined)?.sku;
        if (isReturn && typeof sku === 'string')
          keys.push({
            table: this.tables.store,
            key: { pk: `PRODUCT#${sku.toUpperCase()}`, sk: item.sk },
            kind: 'return_mirrors',
          });
      }
    for (const claimId of footprint.claimIds)
      for (const item of await this.partition(this.tables.store, `CLAIM#${claimId}`))
        keys.push({ table: this.tables.store, key: { pk: item.pk, sk: item.sk }, kind: 'cases' });
    for (const sessionId of footprint.sessionIds)
      for (const item of await this.partition(this.tables.conversations, `SESSION#${sessionId}`))
        keys.push({
          table: this.tables.conversations,
          key: { pk: item.pk, sk: item.sk },
          kind: String(item.sk).startsWith('MSG#') ? 'messages' : 'conversation_records',
        });
    for (const [kind, items] of Object.entries(await this.beside(footprint)))
      for (const { table, item } of items) keys.push({ table, key: { pk: item.pk, sk: item.sk }, kind });
    const connections = await this.scanByPrincipal(this.tables.connections, footprint.principals, {
      projection: 'connectionId',
    });
    for (const item of connections)
      keys.push({
        table: this.tables.connections,
        key: { connectionId: item.connectionId },
        kind: 'connections',
      });
    await this.deleteAll(keys);
    const counts: Record<string, number> = {};
    for (const key of keys) counts[key.kind] = (counts[key.kind] ?? 0) + 1;
    counts.sessions = footprint.sessionIds.length;
    return counts;
  }

  /**
   * The items beside the footprint's own partitions that hold the customer, a session of theirs or one of
   * their photos: their profile, hand-off queue entries and history, video calls on their sessions, photo
   * outcomes and fingerprints, and open-contact entries. Found by key or index where the key allows it;
   * photo outcomes, fingerprints and open-contact entries are keyed on something else (the photo key, a
   * hash band, a shard), so one filtered Scan per table finds them.
   */
  private async beside(footprint: CustomerFootprint): Promise<Record<BesideKind, Located[]>> {
    const { store, conversations } = this.tables;
    const at = (table: string) => (items: Item[]) => items.map((item) => ({ table, item }));
    const sessions = new Set(footprint.sessionIds);
    const owners = footprint.principals.map((principal) => `PHOTO#${photoOwnerPrefix(principal)}`);
    const found: Record<BesideKind, Located[]> = {
      profiles: [],
      handoffs: [],
      video_sessions: [],
      photo_outcomes: [],
      photo_fingerprints: [],
      open_contacts: [],
    };
    for (const principal of footprint.principals) {
      found.profiles.push(...at(store)(await this.partition(store, `CUSTOMER#${principal}`)));
      found.handoffs.push(
        ...at(conversations)(await this.partition(conversations, `HANDOFFS#CUSTOMER#${principal}`)),
      );
    }
    for (const sessionId of footprint.sessionIds) {
      found.handoffs.push(
        ...at(conversations)(
          await this.queryAll({
            TableName: conversations,
            KeyConditionExpression: 'pk = :pk AND sk = :sk',
            ExpressionAttributeValues: { ':pk': 'HANDOFFS', ':sk': `SESSION#${sessionId}` },
          }),
        ),
      );
      const calls = await this.queryAll({
        TableName: store,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :video)',
        ExpressionAttributeValues: { ':pk': `CASE#${sessionId}`, ':video': 'VIDEO#' },
      });
      // The index may lag: each call is read from the table itself.
      for (const call of calls)
        found.video_sessions.push(...at(store)(await this.itemsOf(store, String(call.pk), String(call.sk))));
    }
    const keyed = await this.scanAll({
      TableName: conversations,
      FilterExpression: 'begins_with(pk, :photo) OR begins_with(pk, :open)',
      ExpressionAttributeValues: { ':photo': 'PHOTO#', ':open': OPEN_CONTACTS_PREFIX },
    });
    for (const item of keyed) {
      const pk = String(item.pk);
      if (pk.startsWith('PHOTO#') && owners.some((owner) => pk.startsWith(owner)))
        found.photo_outcomes.push({ table: conversations, item });
      else if (pk.startsWith(OPEN_CONTACTS_PREFIX) && sessions.has(String(item.sk)))
        found.open_contacts.push({ table: conversations, item });
    }
    const sightings = await this.scanByPrincipal(store, footprint.principals, {
      filter: 'begins_with(pk, :band)',
      values: { ':band': 'PHOTOHASH#' },
      attribute: 'sighting.customerId',
    });
    found.photo_fingerprints.push(...at(store)(sightings));
    return found;
  }

  private itemsOf(table: string, pk: string, sk: string): Promise<Item[]> {
    return this.queryAll({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': pk, ':sk': sk },
    });
  }

  private byCustomer(principal: string): Promise<Item[]> {
    return this.queryAll({
      TableName: this.tables.store,
      IndexName: 'byCustomer',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `CUSTOMER#${principal}` },
    });
  }

  /** Items whose customerId is one of the principals (IN takes at most 100 operands: one Scan per 100). */
  private async scanByPrincipal(
    table: string,
    principals: readonly string[],
    options: { filter?: string; values?: Record<string, unknown>; projection?: string; attribute?: string },
  ): Promise<Item[]> {
    const items: Item[] = [];
    for (let i = 0; i < principals.length; i += 100) {
      const chunk = principals.slice(i, i + 100);
      const names = chunk.map((_, index) => `:p${index}`);
      items.push(
        ...(await this.scanAll({
          TableName: table,
          FilterExpression: `${options.filter ? `${options.filter} AND ` : ''}${options.attribute ?? 'customerId'} IN (${names.join(', ')})`,
          ProjectionExpression: options.projection,
          ExpressionAttributeValues: {
            ...options.values,
            ...Object.fromEntries(chunk.map((principal, index) => [names[index], principal])),
          },
        })),
      );
    }
    return items;
  }

  private partition(table: string, pk: string): Promise<Item[]> {
    return this.queryAll({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
  }

  private async queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...((page.Items ?? []) as Item[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async scanAll(input: ConstructorParameters<typeof ScanCommand>[0]): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new ScanCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...((page.Items ?? []) as Item[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async deleteAll(keys: readonly Key[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 25) {
      const chunk = keys.slice(i, i + 25);
      let requests: Record<string, Array<{ DeleteRequest: { Key: Record<string, unknown> } }>> = {};
      for (const { table, key } of chunk) {
        const list = requests[table] ?? [];
        list.push({ DeleteRequest: { Key: key } });
        requests[table] = list;
      }
      // Unprocessed items are retried until none is left: a partial erasure must not look complete.
      for (let attempt = 0; Object.keys(requests).length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept items unprocessed; run the erasure again');
        const result = await this.db.send(new BatchWriteCommand({ RequestItems: requests }));
        requests = (result.UnprocessedItems ?? {}) as typeof requests;
        if (Object.keys(requests).length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
  }
}

type BesideKind =
  | 'profiles'
  | 'handoffs'
  | 'video_sessions'
  | 'photo_outcomes'
  | 'photo_fingerprints'
  | 'open_contacts';
type Located = { table: string; item: Item };

const EXPORT_NAMES: Record<BesideKind, string> = {
  profiles: 'profiles',
  handoffs: 'handoffs',
  video_sessions: 'videoSessions',
  photo_outcomes: 'photoOutcomes',
  photo_fingerprints: 'photoFingerprints',
  open_contacts: 'openContacts',
};

/** What an export shows of each kind: the record the customer's data is in, not its storage envelope. */
function exported(kind: BesideKind, item: Item): unknown {
  switch (kind) {
    case 'handoffs':
      return item.entry;
    case 'video_sessions':
      return item.data;
    case 'photo_fingerprints':
      return item.sighting;
    case 'photo_outcomes': {
      const { expiresAt: _e, ...rest } = strip(item);
      return { photoKey: String(item.pk).slice('PHOTO#'.length), ...rest };
    }
    case 'open_contacts':
      return { sessionId: item.sessionId, lastMessageAt: item.lastMessageAt };
    default:
      return strip(item);
  }
}

/** Keys and index attributes are storage details, not the customer's data. */
function strip(item: Item): Item {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest;
}
