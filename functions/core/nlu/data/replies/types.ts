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
  afterSales: AfterSalesTexts;
}

/** Returns, cancellations, changes, sizing, knowledge and cases. Amounts arrive formatted by code. */
export interface AfterSalesTexts {
  /** {item} {orderId} {rmaId} {lastDay} {amount} */
  returnOpened: string;
  /** {item} {orderId} {rmaId} {lastDay} */
  exchangeOpened: string;
  /** {item} {rmaId} {amount} */
  returnNeedsPerson: string;
  /** {item} {rmaId} {state} */
  returnAlreadyOpen: string;
  /** {item} {orderId} {why} */
  returnRefused: string;
  returnWhy: Record<
    'not_delivered_yet' | 'final_sale' | 'outside_window' | 'already_returned' | 'other',
    string
  >;
  /** {items} */
  askWhichItem: string;
  /** {rmaId} {item} {state} */
  returnStatus: string;
  returnState: Record<
    'awaiting_approval' | 'approved' | 'in_transit' | 'received' | 'refunded' | 'exchanged' | 'rejected',
    string
  >;
  /** {orderId} */
  noReturns: string;
  /** {orderId} {amount} */
  cancelled: string;
  /** {orderId} {amount} */
  cancelNeedsPerson: string;
  /** {orderId} */
  cancelShipped: string;
  /** {orderId} */
  cancelNotPossible: string;
  /** {orderId} {ticketId} */
  changeRequested: string;
  changeAskValue: string;
  /** {orderId} */
  changeShipped: string;
  /** {orderId} */
  changeNotPossible: string;
  /** {product} {size} */
  sizeAdvice: string;
  sizeReturnsNote: string;
  /** Why the size: the shopper's measurements ({measured}) fall in the chart's {size} row. */
  sizeReasonChart: string;
  /** Why the size: the measurements sit between two rows ({lower}, {upper}); {size} was chosen. */
  sizeReasonBetween: string;
  /** {product} */
  sizeAskBody: string;
  /** {product} */
  sizeAskFoot: string;
  /** {products} */
  sizeAskProduct: string;
  /** {product} */
  sizeCannot: string;
  /** {source} */
  knowledgeSource: string;
  /** {language}: the store's language, by its own name; said when no answer exists in the shopper's. */
  /** A second request of the same message, offered in the shopper's words once the first is answered. */
  offerFollowUp: string;
  knowledgeOtherLanguage: string;
  noAnswer: string;
  /** {claimId} */
  claimOpened: string;
  askPhoto: string;
  paymentNote: string;
}
