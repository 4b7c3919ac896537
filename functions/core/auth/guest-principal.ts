/**
 * A guest proved one order (its number and email) instead of signing in: their principal names that order
 * and nothing else. Sessions, cases and returns a guest opens are theirs under this id, so a guest never
 * continues the signed-in customer's conversations nor sees their other orders.
 */
const GUEST_PREFIX = 'guest:';

export const guestPrincipal = (orderId: string): string => `${GUEST_PREFIX}${orderId.toUpperCase()}`;

/** The one order a guest principal may see, or undefined for a signed-in customer. */
export function guestOrderOf(customerId: string): string | undefined {
  return customerId.startsWith(GUEST_PREFIX) ? customerId.slice(GUEST_PREFIX.length) : undefined;
}

export const isGuestPrincipal = (customerId: string): boolean => customerId.startsWith(GUEST_PREFIX);

/** Whether this principal may see and act on the order: its customer, or the guest who proved it. */
export function ownsOrder(customerId: string, order: { orderId: string; customerId: string }): boolean {
  const guestOrder = guestOrderOf(customerId);
  if (guestOrder !== undefined) return guestOrder === order.orderId.toUpperCase();
  return order.customerId === customerId;
}

/**
 * The order, read by its number, when this principal owns it; undefined for an absent order and for
 * someone else's alike, so callers answer both the same way and order numbers cannot be probed.
 */
export async function ownedOrder<O extends { orderId: string; customerId: string }>(
  orders: { getOrder(orderId: string): Promise<O | undefined> },
  customerId: string,
  orderId: string,
): Promise<O | undefined> {
  const order = await orders.getOrder(orderId);
  return order && ownsOrder(customerId, order) ? order : undefined;
}
