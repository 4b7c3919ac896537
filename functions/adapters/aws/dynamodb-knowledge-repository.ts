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
/** Catalogues change rarely; a warm Lambda need not read them for every message. */
const CACHE_MS = 60_000;

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

export class DynamoDbKnowledgeRepository implements KnowledgeRepository {
  private cached?: { at: number; items: Promise<Record<string, unknown>[]> };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async listFaq(): Promise<FaqEntry[]> {
    const items = await this.catalogue();
    return items.filter((item) => item.type === 'faq').flatMap((item) => parseFaq(item));
  }

  async listProducts(): Promise<StoreProduct[]> {
    const items = await this.catalogue();
    return items.filter((item) => item.type === 'product').flatMap((item) => parseProduct(item));
  }

  async getProduct(sku: string): Promise<StoreProduct | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: productKey(sku) }));
    return result.Item ? parseProduct(result.Item)[0] : undefined;
  }

  private catalogue(): Promise<Record<string, unknown>[]> {
    if (!this.cached || this.now() - this.cached.at > CACHE_MS) {
      const items = this.queryCatalogue();
      // A failed read must not stay cached for a minute.
      items.catch(() => {
        this.cached = undefined;
      });
      this.cached = { at: this.now(), items };
    }
    return this.cached.items;
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
