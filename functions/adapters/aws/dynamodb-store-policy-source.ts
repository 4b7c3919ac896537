import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { parseComplaintRouting } from '../../core/after-sales/complaints';
import { parseStorePolicy } from '../../core/after-sales/policy';
import type { StorePolicySource, StoreRules } from '../../ports/after-sales';

export const POLICY_KEY = { pk: 'CONFIG#policy', sk: 'CONFIG' };
const CACHE_MS = 5 * 60_000;

/**
 * The seller's rules from the Store table item CONFIG#policy, else the defaults given. A present but
 * invalid item throws: silently falling back would apply rules the seller did not choose.
 */
export class DynamoDbStorePolicySource implements StorePolicySource {
  /** The read as a promise, so callers that ask while it is in flight (a turn's prefetch, then its tool) share it. */
  private cached?: { at: number; rules: Promise<StoreRules> };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly defaults: StoreRules,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<StoreRules> {
    if (this.cached && this.now() - this.cached.at <= CACHE_MS) return this.cached.rules;
    const entry = { at: this.now(), rules: this.read() };
    this.cached = entry;
    // A failed read is not kept: the next caller reads again.
    entry.rules.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return entry.rules;
  }

  private async read(): Promise<StoreRules> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: POLICY_KEY }));
    return {
      policy: result.Item?.policy ? parseStorePolicy(result.Item.policy) : this.defaults.policy,
      routing: result.Item?.routing ? parseComplaintRouting(result.Item.routing) : this.defaults.routing,
    };
  }
}
