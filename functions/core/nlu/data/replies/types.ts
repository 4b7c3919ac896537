import type { Order, Shipment } from '../../../orders';

/**
 * The assistant's sentences in one language. Placeholders in braces are filled by templates.ts;
 * values that come from data (ids, names, carrier text) are never translated.
 */
export interface ReplyTexts {
  orderStatus: Record<Order['status'], string>;
  shipmentStatus: Record<Shipment['status'], string>;
  /** {orderId} {items} {status} */
  orderSummary: string;
  notShippedYet: string;
  /** {carrier} {trackingNumber} */
  carrier: string;
  /** {date} {location} {description} */
  lastEvent: string;
  /** {date} {description} */
  lastEventNoLocation: string;
  /** {date} */
  estimatedDelivery: string;
  /** {count} */
  chooseOrder: string;
  /** {orderId} {date} {items} */
  orderLine: string;
  noOrders: string;
  orderNotFound: string;
  askOrderNumber: string;
  greeting: string;
  thanks: string;
  outOfScope: string;
  handoff: string;
  videoCall: string;
  teamWillHelp: string;
  unsure: string;
  /** {size}: how an item's size follows its name. */
  itemSize: string;
  listSeparator: string;
}
