import type { OrderStatusView } from '../orders';
import { REPLY_TEXTS, type ReplyTexts } from './data/replies';
import type { AfterSalesTexts } from './data/replies/types';
import type { SupportedLanguage } from './languages';

export type FixedReply =
  | 'noOrders'
  | 'orderNotFound'
  | 'askOrderNumber'
  | 'greeting'
  | 'thanks'
  | 'outOfScope'
  | 'handoff'
  | 'videoCall'
  | 'teamWillHelp'
  | 'unsure';

/** Items beyond this many are counted, not named: the reply is read on a phone. */
const MAX_NAMED_ITEMS = 3;
const NOT_YET_SHIPPED = new Set<OrderStatusView['status']>(['pending', 'paid', 'processing']);

const dateFormats = new Map<SupportedLanguage, Intl.DateTimeFormat>();

export function fixedReply(lang: SupportedLanguage, kind: FixedReply): string {
  return REPLY_TEXTS[lang][kind];
}

/**
 * Formats the calendar date an ISO timestamp or date names in its own offset, so "2025-05-03T23:30:00-05:00"
 * stays 3 May wherever the server runs.
 */
export function formatDate(lang: SupportedLanguage, iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  const date = new Date(day ? `${day}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

export function orderStatusReply(lang: SupportedLanguage, order: OrderStatusView): string {
  const texts = REPLY_TEXTS[lang];
  const fill = filler(lang);
  const shipment = order.shipment;
  const status = shipment ? texts.shipmentStatus[shipment.status] : texts.orderStatus[order.status];
  let summary = fill(texts.orderSummary, { orderId: order.orderId, items: itemList(texts, order), status });
  if (!shipment && NOT_YET_SHIPPED.has(order.status)) summary += ` ${texts.notShippedYet}`;
  const lines = [summary];
  if (shipment) {
    lines.push(fill(texts.carrier, { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber }));
    const event = shipment.lastEvent;
    if (event) {
      const values = {
        date: formatDate(lang, event.at),
        location: event.location ?? '',
        description: event.description.trim().replace(/[.。]+$/u, ''),
      };
      lines.push(fill(event.location ? texts.lastEvent : texts.lastEventNoLocation, values));
    }
    if (shipment.estimatedDelivery && shipment.status !== 'delivered') {
      lines.push(fill(texts.estimatedDelivery, { date: formatDate(lang, shipment.estimatedDelivery) }));
    }
  }
  return lines.join('\n');
}

export function chooseOrderReply(lang: SupportedLanguage, orders: readonly OrderStatusView[]): string {
  const texts = REPLY_TEXTS[lang];
  const fill = filler(lang);
  const lines = [fill(texts.chooseOrder, { count: String(orders.length) })];
  for (const order of orders) {
    lines.push(
      fill(texts.orderLine, {
        orderId: order.orderId,
        date: formatDate(lang, order.placedAt),
        items: itemList(texts, order),
      }),
    );
  }
  return lines.join('\n');
}

function itemList(texts: ReplyTexts, order: OrderStatusView): string {
  const named = order.items.slice(0, MAX_NAMED_ITEMS).map((item) => {
    const quantity = item.quantity > 1 ? `${item.quantity} × ` : '';
    const size = item.size ? ` – ${texts.itemSize.replace('{size}', item.size)}` : '';
    return `${quantity}${item.name}${size}`;
  });
  const rest = order.items.length - named.length;
  return rest > 0 ? `${named.join(texts.listSeparator)} +${rest}` : named.join(texts.listSeparator);
}

type Fill = (template: string, values: Record<string, string>) => string;

/**
 * One pass over the template, so braces inside data values are never expanded. In Arabic, values
 * (order ids, tracking numbers, English item names) are wrapped in Unicode isolates so the
 * right-to-left sentence around them keeps its order.
 */
function filler(lang: SupportedLanguage): Fill {
  const isolate = lang === 'ar' ? (value: string) => `\u2068${value}\u2069` : (value: string) => value;
  return (template, values) =>
    template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
      const value = values[key];
      return value === undefined ? placeholder : isolate(value);
    });
}

/** Fills a sentence kept outside the reply tables the same way (Arabic isolates its data values). */
export function fillTemplate(
  lang: SupportedLanguage,
  template: string,
  values: Record<string, string>,
): string {
  return filler(lang)(template, values);
}

export type AfterSalesReply = Exclude<keyof AfterSalesTexts, 'returnWhy' | 'returnState'>;
export type ReturnWhy = keyof AfterSalesTexts['returnWhy'];
export type ReturnStateText = keyof AfterSalesTexts['returnState'];

/** An after-sales sentence with its placeholders filled; data values stay untranslated. */
export function afterSalesReply(
  lang: SupportedLanguage,
  kind: AfterSalesReply,
  values: Record<string, string> = {},
): string {
  return filler(lang)(REPLY_TEXTS[lang].afterSales[kind], values);
}

export function returnWhyText(
  lang: SupportedLanguage,
  why: ReturnWhy,
  values: Record<string, string> = {},
): string {
  return filler(lang)(REPLY_TEXTS[lang].afterSales.returnWhy[why], values);
}

export function returnStateText(lang: SupportedLanguage, state: ReturnStateText): string {
  return REPLY_TEXTS[lang].afterSales.returnState[state];
}

/** Amounts come from policy code in minor units; this only writes them the shopper's way. */
export function formatMoney(lang: SupportedLanguage, money: { currency: string; minor: number }): string {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency });
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.minor / 10 ** exponent);
}

export function itemNames(
  lang: SupportedLanguage,
  items: ReadonlyArray<{ name: string; size?: string }>,
): string {
  const texts = REPLY_TEXTS[lang];
  return items
    .map((item) => (item.size ? `${item.name} (${texts.itemSize.replace('{size}', item.size)})` : item.name))
    .join(texts.listSeparator);
}
