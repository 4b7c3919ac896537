import type { Claim } from '../../functions/core/after-sales/claims';
import type { Rma } from '../../functions/core/after-sales/rma';
import type { FactName } from '../../functions/core/analytics/facts';
import type { AnalyticsSink } from '../../functions/ports/analytics-sink';

/** An RMA as the DynamoDB return repository stores it (its `item()`), for stream images. */
export const returnItem = (rma: Rma): Record<string, unknown> => ({
  pk: `ORDER#${rma.orderId.toUpperCase()}`,
  sk: `RETURN#${rma.rmaId}`,
  type: 'return',
  state: rma.state,
  version: rma.history.length,
  customerId: rma.customerId,
  data: rma,
  updatedAt: rma.updatedAt,
});

export const openClaim = (overrides: Partial<Claim> = {}): Claim => ({
  claimId: 'C-0001',
  kind: 'complaint',
  customerId: 'c-sam',
  sessionId: 's-1',
  orderId: 'A1006',
  category: 'quality',
  owner: { type: 'queue', id: 'supply-chain' },
  status: 'open',
  photoKeys: [],
  terms: ['faded'],
  createdAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

/** A claim as the DynamoDB claim repository stores it, with the desk's later status fields on top. */
export const claimItem = (claim: Claim, desk: Record<string, unknown> = {}): Record<string, unknown> => ({
  pk: `CLAIM#${claim.claimId}`,
  sk: 'CLAIM',
  gsi1pk: `CUSTOMER#${claim.customerId}`,
  gsi1sk: `CLAIM#${claim.createdAt}#${claim.claimId}`,
  type: 'claim',
  kind: claim.kind,
  category: claim.category,
  ownerType: claim.owner.type,
  ownerId: claim.owner.id,
  status: claim.status,
  data: claim,
  updatedAt: claim.createdAt,
  ...desk,
});

/** A sink that keeps rows per fact and can be told which fact's writes fail. */
export class FactRowsSink implements AnalyticsSink {
  readonly rows: Partial<Record<FactName, Array<Record<string, unknown>>>> = {};
  readonly failing = new Set<FactName>();
  async write<K extends FactName>(fact: K, rows: readonly unknown[]) {
    if (this.failing.has(fact)) throw new Error(`${fact} sink down`);
    this.rows[fact] = [...(this.rows[fact] ?? []), ...(rows as Array<Record<string, unknown>>)];
  }
}
