import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { FaqEntry } from '../../core/knowledge/answer';
import { parseSizeChart } from '../../core/sizing/chart';
import type { KnowledgeRepository, StoreProduct } from '../../ports/after-sales';

/** FAQ and product items share one partition of the customer index, so the catalogue is one query. */
export const CATALOGUE_PARTITION = 'CATALOGUE';
/** Written by config apply and imports whenever products or FAQ change (store-config/writer.ts). */
export const CATALOGUE_VERSION_KEY = { pk: 'CONFIG#catalogue', sk: 'CONFIG' };
export const productKey = (sku: string) => ({ pk: `PRODUCT#${sku.toUpperCase()}`, sk: 'PRODUCT' });
/** Without a catalogue version (an older table), a warm Lambda re-reads the catalogue this often. */
const CACHE_MS = 60_000;
/** How stale a warm Lambda's catalogue may be after config apply or an import. */
const VERSION_CHECK_MS = 5_000;

const FaqSchema = z.object({
  id: z.string().min(1),
  answer: z.string().min(1),
  question: z.string().optional(),
  title: z.string().optional(),
  topic: z.string().optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().optional(),
});

const ProductSchema = z.looseObject({
  sku: z.string().min(1),
  name: z.string().min(1),
  category: z.string().optional(),
  description: z.string().optional(),
  care: z.string().optional(),
  materials: z.string().optional(),
  warranty: z.string().optional(),
  warrantyMonths: z.number().optional(),
  shipping: z.string().optional(),
  fees: z.string().optional(),
  stock: z.number().int().nonnegative().optional(),
  sizeChart: z.unknown().optional(),
});

interface Catalogue {
  faq: FaqEntry[];
  products: StoreProduct[];
  version?: string;
}

export class DynamoDbKnowledgeRepository implements KnowledgeRepository {
  private cached?: { checkedAt: number; version?: string; catalogue: Promise<Catalogue> };
  private checking?: Promise<Catalogue>;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async listFaq(): Promise<FaqEntry[]> {
    return (await this.catalogue()).faq;
  }

  async listProducts(): Promise<StoreProduct[]> {
    return (await this.catalogue()).products;
  }

  /** The version the FAQ and products were read at; the knowledge index is built once per version. */
  async catalogueVersion(): Promise<string | undefined> {
    return (await this.catalogue()).version;
  }

  async getProduct(sku: string): Promise<StoreProduct | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: productKey(sku) }));
    return result.Item ? parseProduct(result.Item)[0] : undefined;
  }

  /**
   * The whole catalogue is read again only when its version changed (one small read every few seconds),
   * so a warm Lambda returns the same arrays, and the same index, until config apply or an import
   * changes something. Tables written before versions existed fall back to a time-based cache.
   */
  private catalogue(): Promise<Catalogue> {
    const cached = this.cached;
    if (cached && this.now() - cached.checkedAt <= (cached.version ? VERSION_CHECK_MS : CACHE_MS))
      return cached.catalogue;
    // One check at a time: the FAQ, products and version asked for together come from one read.
    this.checking ??= this.refresh().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async refresh(): Promise<Catalogue> {
    const now = this.now();
    const version = await this.readVersion();
    const cached = this.cached;
    if (cached && version !== undefined && version === cached.version) {
      cached.checkedAt = now;
      return cached.catalogue;
    }
    const items = await this.queryCatalogue();
    const catalogue: Catalogue = {
      faq: items.filter((item) => item.type === 'faq').flatMap((item) => parseFaq(item)),
      products: items.filter((item) => item.type === 'product').flatMap((item) => parseProduct(item)),
      ...(version !== undefined ? { version } : {}),
    };
    // Only a successful read is cached; a failure is retried by the next message.
    this.cached = {
      checkedAt: now,
      ...(version !== undefined ? { version } : {}),
      catalogue: Promise.resolve(catalogue),
    };
    return catalogue;
  }

  private async readVersion(): Promise<string | undefined> {
    const result = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: CATALOGUE_VERSION_KEY,
        ProjectionExpression: 'version',
      }),
    );
    return typeof result.Item?.version === 'string' ? result.Item.version : undefined;
  }

  private async queryCatalogue(): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byCustomer',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': CATALOGUE_PARTITION },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

function parseFaq(item: Record<string, unknown>): FaqEntry[] {
  const parsed = FaqSchema.safeParse(item);
  return parsed.success ? [parsed.data] : [];
}

function parseProduct(item: Record<string, unknown>): StoreProduct[] {
  const parsed = ProductSchema.safeParse(item);
  if (!parsed.success) return [];
  const { sizeChart, ...facts } = parsed.data;
  const chart = parseSizeChart(sizeChart);
  return [{ ...facts, ...(chart ? { sizeChart: chart } : {}) } as StoreProduct];
}
