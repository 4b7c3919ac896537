import { createHmac, randomUUID } from 'node:crypto';
import type {
  CustomerDataStore,
  CustomerFacts,
  CustomerFootprint,
  CustomerMediaStore,
  PrivacyAudit,
  PrivacyRequestRecord,
  SessionCopies,
} from '../../ports/privacy';
import { guestPrincipal } from '../auth/guest-principal';

export interface PrivacyDeps {
  data: CustomerDataStore;
  media: CustomerMediaStore;
  facts: CustomerFacts;
  audit: PrivacyAudit;
  /** Copies of messages outside the stores (the local ack journal); none in AWS. */
  copies?: SessionCopies;
  /** Keys the subject hash in the audit record (the store's signing secret). */
  subjectKey: Uint8Array;
  now?: () => Date;
}

export const subjectHash = (key: Uint8Array, customerId: string) =>
  createHmac('sha256', key).update(`afterdesk-subject:${customerId}`).digest('hex');

const CUSTOMER_ID = /^[\p{L}\p{N}._@:+-]{1,100}$/u;

function checkCustomerId(customerId: string): void {
  if (!CUSTOMER_ID.test(customerId))
    throw new RangeError('customer id must be 1-100 letters, digits or ._@:+-');
}

/**
 * The customer's footprint across every principal that acted for them: a guest session opened by proving
 * one of their orders is their data as much as a signed-in one.
 */
async function footprintOf(data: CustomerDataStore, customerId: string): Promise<CustomerFootprint> {
  const owned = await data.ownedOrderIds(customerId);
  return data.footprint(customerId, [...new Set([customerId, ...owned.map(guestPrincipal)])]);
}

/**
 * Erases one customer everywhere: live stores first (orders, returns, cases, conversations, connections),
 * then photos (all versions), then analytics facts, then records the request (counts only). Idempotent: a
 * second run finds nothing and records zeros, so a failed run is simply run again.
 */
export async function eraseCustomer(
  deps: PrivacyDeps,
  input: { customerId: string; requestedBy: string },
): Promise<PrivacyRequestRecord> {
  checkCustomerId(input.customerId);
  const now = deps.now ?? (() => new Date());
  const started = now();
  const requestId = randomUUID();
  const subject = subjectHash(deps.subjectKey, input.customerId);
  const footprint = await footprintOf(deps.data, input.customerId);
  // Facts are keyed on the footprint: read it before the live items that define it are gone.
  const live = await deps.data.erase(footprint);
  const copies: Record<string, number> = deps.copies
    ? { journal_entries: await deps.copies.erase(footprint.sessionIds) }
    : {};
  let photos = 0;
  for (const principal of footprint.principals) photos += await deps.media.erase(principal);
  const facts = await deps.facts.erase(footprint, { requestId, requestedBy: input.requestedBy, subject });
  const record: PrivacyRequestRecord = {
    requestId,
    kind: 'erase',
    requestedBy: input.requestedBy,
    at: started.toISOString(),
    subject,
    counts: { ...live, ...copies, photo_versions: photos, ...prefixed('facts.', facts) },
    durationMs: now().getTime() - started.getTime(),
  };
  await deps.audit.record(record);
  return record;
}

/** Everything held about one customer, as JSON; the request is recorded like an erasure. */
export async function exportCustomer(
  deps: PrivacyDeps,
  input: { customerId: string; requestedBy: string },
): Promise<{ record: PrivacyRequestRecord; data: Record<string, unknown> }> {
  checkCustomerId(input.customerId);
  const now = deps.now ?? (() => new Date());
  const started = now();
  const footprint = await footprintOf(deps.data, input.customerId);
  const live = await deps.data.read(footprint);
  const photos: string[] = [];
  for (const principal of footprint.principals) photos.push(...(await deps.media.list(principal)));
  const facts = await deps.facts.read(footprint);
  const guestOrders = footprint.principals.filter((principal) => principal !== input.customerId);
  const data = {
    customerId: input.customerId,
    exportedAt: started.toISOString(),
    guestPrincipals: guestOrders,
    ...live,
    photos,
    facts,
  };
  const counts: Record<string, number> = { photos: photos.length };
  for (const [kind, items] of Object.entries(live)) counts[kind] = items.length;
  for (const [fact, rows] of Object.entries(facts)) counts[`facts.${fact}`] = rows.length;
  const record: PrivacyRequestRecord = {
    requestId: randomUUID(),
    kind: 'export',
    requestedBy: input.requestedBy,
    at: started.toISOString(),
    subject: subjectHash(deps.subjectKey, input.customerId),
    counts,
    durationMs: now().getTime() - started.getTime(),
  };
  await deps.audit.record(record);
  return { record, data };
}

export const prefixed = (prefix: string, counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).map(([key, value]) => [`${prefix}${key}`, value]));
