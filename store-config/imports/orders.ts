import { type Order, OrderSchema } from '../../functions/core/orders';
import { describeIssues } from '../../functions/core/protocol';
import { orderIdFromShopifyName, UnmappableOrderError } from '../../functions/core/webhooks/shopify';
import { csvRows, firstValue, type ImportFormat, jsonRows, type RawRow } from './rows';

export interface OrderRow {
  line: number;
  order?: Order;
  error?: string;
}

/** Every order is checked on its own, so one bad order costs that order only; a repeated id is an error. */
export function parseOrderRows(text: string, format: ImportFormat): OrderRow[] {
  const rows = format === 'csv' ? csvOrders(text) : jsonRows(text, format);
  const seen = new Map<string, number>();
  return rows.map(({ line, raw, error }) => {
    if (error) return { line, error };
    const parsed = OrderSchema.safeParse(raw);
    if (!parsed.success) return { line, error: describeIssues(parsed.error) };
    const id = parsed.data.orderId.toUpperCase();
    const first = seen.get(id);
    if (first !== undefined)
      return { line, error: `order ${parsed.data.orderId} already appears on line ${first}` };
    seen.set(id, line);
    return { line, order: parsed.data };
  });
}

/** Shopify's order export when its columns are there, else the generic CSV (docs/data-import.md). */
function csvOrders(text: string): RawRow[] {
  const { columns, rows } = csvRows(text);
  const shopify = columns.includes('Name') && columns.includes('Lineitem sku');
  if (!shopify && !columns.includes('order_id'))
    return [{ line: 1, error: 'the header has neither Shopify\'s "Name" and "Lineitem sku" nor "order_id"' }];
  const idColumn = shopify ? 'Name' : 'order_id';
  // One row per line item: rows of one order are grouped by its id, wherever they are in the file, and
  // the order takes the place of its first row so the output keeps the file's order.
  const groups = new Map<string, Group>();
  const out: Array<RawRow | Group> = [];
  for (const row of rows) {
    if (!row.raw) {
      out.push(row);
      continue;
    }
    const id = row.raw[idColumn]?.trim();
    if (!id) {
      out.push({ line: row.line, error: `${idColumn} is empty` });
      continue;
    }
    const group = groups.get(id);
    if (group) group.push({ line: row.line, record: row.raw });
    else {
      const created: Group = [{ line: row.line, record: row.raw }];
      groups.set(id, created);
      out.push(created);
    }
  }
  return out.map((entry) => {
    if (!Array.isArray(entry)) return entry;
    const line = entry[0]?.line ?? 1;
    try {
      return { line, raw: shopify ? shopifyOrder(entry) : genericOrder(entry) };
    } catch (error) {
      if (error instanceof RowError) return { line: error.line, error: error.message };
      throw error;
    }
  });
}

class RowError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

type Group = Array<{ line: number; record: Record<string, string> }>;

function number(value: string | undefined, line: number, column: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  if (!Number.isFinite(parsed)) throw new RowError(line, `${column} is not a number: "${value}"`);
  return parsed;
}

/** "2024-01-15 10:23:45 +0100" (Shopify) or any ISO 8601 date-time, as ISO 8601 with offset. */
export function shopifyTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*([+-])(\d{2}):?(\d{2})$/.exec(
    value.trim(),
  );
  if (match) {
    const [, day, time, sign, hours, minutes] = match;
    return `${day}T${time?.length === 5 ? `${time}:00` : time}${sign}${hours}:${minutes}`;
  }
  return value.trim();
}

/**
 * Shopify's order export (Orders → Export → CSV for Excel or plain CSV): one row per line item, order
 * columns on the first row of an order and sometimes repeated. Shopify's export has no customer id column,
 * so unless one was added the email (lower-case) stands for the customer.
 */
function shopifyOrder(group: Group): Record<string, unknown> {
  const records = group.map((row) => row.record);
  const first = group[0] as Group[number];
  const value = (column: string) => firstValue(records, column);
  const email = value('Email');
  const cancelled = value('Cancelled at');
  const financial = value('Financial Status')?.toLowerCase();
  const fulfillment = value('Fulfillment Status')?.toLowerCase();
  const status = cancelled
    ? 'cancelled'
    : financial === 'refunded'
      ? fulfillment === 'fulfilled'
        ? 'returned'
        : 'cancelled'
      : fulfillment === 'fulfilled'
        ? 'shipped'
        : fulfillment === 'partial'
          ? 'processing'
          : financial === 'pending' || financial === 'authorized'
            ? 'pending'
            : 'paid';
  const items = group
    .filter(({ record }) => record['Lineitem name']?.trim() || record['Lineitem sku']?.trim())
    .map(({ line, record }) => {
      const sku = record['Lineitem sku']?.trim();
      if (!sku) throw new RowError(line, `Lineitem sku is empty for "${record['Lineitem name'] ?? ''}"`);
      return {
        sku,
        name: record['Lineitem name']?.trim() || sku,
        quantity: number(record['Lineitem quantity'], line, 'Lineitem quantity'),
        unitPrice: number(record['Lineitem price'], line, 'Lineitem price'),
      };
    });
  let orderId: string;
  try {
    // The webhooks' own mapping, so "#1042" imported and "#1042" delivered by Shopify are one order.
    orderId = orderIdFromShopifyName(value('Name') ?? '');
  } catch (error) {
    if (error instanceof UnmappableOrderError)
      throw new RowError(first.line, `Name "${value('Name') ?? ''}": ${error.message}`);
    throw error;
  }
  return {
    orderId,
    // The webhooks key orders on Shopify's customer id; the export only has it when an app added the column.
    customerId: value('Customer ID') ?? value('Customer Id') ?? email?.toLowerCase(),
    email,
    placedAt: shopifyTime(value('Created at')),
    country: (value('Shipping Country') ?? value('Billing Country'))?.toUpperCase(),
    currency: value('Currency')?.toUpperCase(),
    status,
    items: items.length > 0 ? items : undefined,
    // The name the webhooks give Shopify's order id too.
    ...(value('Id') ? { shopifyOrderId: value('Id') } : {}),
    ...(first.record['Shipping Method']?.trim()
      ? { shippingMethod: first.record['Shipping Method'].trim() }
      : {}),
  };
}

/** The generic CSV: one row per line item, snake_case columns (docs/data-import.md). */
function genericOrder(group: Group): Record<string, unknown> {
  const records = group.map((row) => row.record);
  const value = (column: string) => firstValue(records, column);
  const line = (group[0] as Group[number]).line;
  const carrier = value('carrier');
  const trackingNumber = value('tracking_number');
  const events = value('tracking_events');
  let parsedEvents: unknown;
  if (events) {
    try {
      parsedEvents = JSON.parse(events);
    } catch {
      throw new RowError(line, 'tracking_events is not a JSON array');
    }
  }
  return {
    orderId: value('order_id'),
    customerId: value('customer_id') ?? value('email')?.toLowerCase(),
    email: value('email'),
    placedAt: shopifyTime(value('placed_at')),
    country: value('country')?.toUpperCase(),
    currency: value('currency')?.toUpperCase(),
    status: value('status')?.toLowerCase(),
    items: group.map(({ line: itemLine, record }) => ({
      sku: record.sku?.trim(),
      name: record.name?.trim() || record.sku?.trim(),
      ...(record.size?.trim() ? { size: record.size.trim() } : {}),
      ...(record.color?.trim() ? { color: record.color.trim() } : {}),
      quantity: number(record.quantity, itemLine, 'quantity'),
      unitPrice: number(record.unit_price, itemLine, 'unit_price'),
    })),
    ...(carrier || trackingNumber
      ? {
          shipment: {
            carrier,
            trackingNumber,
            status: value('shipment_status')?.toLowerCase(),
            ...(value('estimated_delivery') ? { estimatedDelivery: value('estimated_delivery') } : {}),
            ...(value('tracking_url') ? { trackingUrl: value('tracking_url') } : {}),
            events: parsedEvents ?? [],
          },
        }
      : {}),
  };
}
