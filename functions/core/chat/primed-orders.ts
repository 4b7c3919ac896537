import type { OrderStatusWriter } from '../../ports/after-sales';
import type { OrderRepository } from '../../ports/repositories';

/**
 * A turn's view of the order store whose first listing of the customer's orders is answered by a read
 * started with the turn's session read (one round trip instead of two in a row). Only that customer's
 * listing, only once, and only until the turn changes an order: any later read goes to the store. A
 * prefetch that failed is not an error of the turn: the listing then reads the store itself.
 */
export function primedOrders(
  store: OrderRepository,
  customerId: string | undefined,
  limit: number,
): { orders: OrderRepository; updates(writer: OrderStatusWriter): OrderStatusWriter } {
  let primed:
    | { customerId: string; orders: Promise<Awaited<ReturnType<OrderRepository['listOrdersForCustomer']>>> }
    | undefined;
  if (customerId) {
    primed = { customerId, orders: store.listOrdersForCustomer(customerId, limit) };
    // Awaited only if a tool lists the orders; a failure then falls back to the store.
    primed.orders.catch(() => undefined);
  }
  const forget = () => {
    primed = undefined;
  };
  return {
    orders: {
      getOrder: (orderId) => store.getOrder(orderId),
      putOrder: (order) => {
        forget();
        return store.putOrder(order);
      },
      async listOrdersForCustomer(customer, wanted) {
        const known = primed?.customerId === customer && wanted <= limit ? primed : undefined;
        forget();
        if (known) {
          const orders = await known.orders.catch(() => undefined);
          if (orders) return orders.slice(0, wanted);
        }
        return store.listOrdersForCustomer(customer, wanted);
      },
    },
    updates: (writer) => ({
      cancelOrder: (...args) => {
        forget();
        return writer.cancelOrder(...args);
      },
    }),
  };
}
