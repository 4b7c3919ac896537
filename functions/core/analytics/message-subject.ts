import type { Claim } from '../after-sales/claims';
import { caseItem } from '../after-sales/one-case';
import { productsBySubject } from '../knowledge/answer';
import { extractEntities } from '../nlu/entities';
import type { Order } from '../orders';

/**
 * What a shopper message is about, for its fact: the order it names (or the open case's) and the product —
 * the one it names, the named order's only item, or the case's item — so `keyword-alerts` counts defect
 * words per SKU from live chats. Orders of another customer are never taken.
 */
export interface MessageSubject {
  orderId: string | null;
  sku: string | null;
}

export interface SubjectSources {
  /** The shopper a conversation belongs to. */
  customerOf(sessionId: string): Promise<string | undefined>;
  getOrder(orderId: string): Promise<Order | undefined>;
  /** The catalogue: sku and name of each product. */
  listProducts(): Promise<ReadonlyArray<{ sku: string; name: string; category?: string }>>;
  /** The shopper's cases, newest first. */
  listClaims(customerId: string): Promise<readonly Claim[]>;
  now(): Date;
}

/** The catalogue changes rarely; a warm function rereads it after this long. */
const CATALOGUE_TTL_MS = 5 * 60_000;
const NOTHING: MessageSubject = { orderId: null, sku: null };

export function createSubjectReader(sources: SubjectSources) {
  let catalogue: { at: number; products: Awaited<ReturnType<SubjectSources['listProducts']>> } | undefined;

  async function products() {
    const now = sources.now().getTime();
    if (!catalogue || now - catalogue.at > CATALOGUE_TTL_MS)
      catalogue = { at: now, products: await sources.listProducts() };
    return catalogue.products;
  }

  async function namedProduct(text: string) {
    const all = await products();
    const folded = text.toLowerCase();
    const byName = all.filter((product) => folded.includes(product.name.toLowerCase()));
    const found = byName.length > 0 ? byName : productsBySubject(text, all);
    return found.length === 1 ? found[0] : undefined;
  }

  function itemOf(order: Order, text: string, named: { sku: string } | undefined): string | undefined {
    const line = named && order.items.find((item) => item.sku.toUpperCase() === named.sku.toUpperCase());
    return line ? line.sku : caseItem(order, text);
  }

  return async function subjectOf(message: {
    sessionId: string;
    text: string;
    customerId?: string;
  }): Promise<MessageSubject> {
    // A shopper message names its session's owner as the route verified it (the session is bound to one
    // customer for good), so only an older item costs a read of the session.
    const customerId = message.customerId ?? (await sources.customerOf(message.sessionId));
    if (!customerId) return NOTHING;
    const named = await namedProduct(message.text);
    for (const { orderId } of extractEntities(message.text).orderIds) {
      const order = await sources.getOrder(orderId);
      if (order?.customerId === customerId)
        return { orderId: order.orderId, sku: itemOf(order, message.text, named) ?? null };
    }
    // A follow-up without an order number is about the case open in this conversation.
    const open = (await sources.listClaims(customerId)).find(
      (claim) => claim.status === 'open' && claim.sessionId === message.sessionId && claim.orderId,
    );
    if (open?.orderId) {
      const order = await sources.getOrder(open.orderId);
      const sku = open.sku ?? (order ? itemOf(order, message.text, named) : undefined);
      return { orderId: open.orderId, sku: sku ?? null };
    }
    return { orderId: null, sku: named?.sku ?? null };
  };
}
