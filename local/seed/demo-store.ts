import { fileURLToPath } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import type { FaqEntry } from '../../functions/core/knowledge/answer';
import type { Order } from '../../functions/core/orders';
import type { StoreProduct } from '../../functions/ports/after-sales';
import { applyStoreConfig } from '../../store-config/apply';
import { loadStoreConfig, type StoreConfig } from '../../store-config/load';
import { upsertItems } from '../../store-config/writer';

/** A small but realistic store: shoppers in six countries, orders at every stage, charts and FAQ. */
export const DEMO_CUSTOMERS = [
  { customerId: 'c-ana', name: 'Ana Dubois', email: 'ana@example.com', country: 'FR', language: 'fr' },
  { customerId: 'c-jonas', name: 'Jonas Weber', email: 'jonas@example.com', country: 'DE', language: 'de' },
  { customerId: 'c-sofia', name: 'Sofía García', email: 'sofia@example.com', country: 'ES', language: 'es' },
  { customerId: 'c-mei', name: 'Wang Mei', email: 'mei@example.com', country: 'CN', language: 'zh' },
  { customerId: 'c-minjun', name: 'Kim Min-jun', email: 'minjun@example.com', country: 'KR', language: 'ko' },
  { customerId: 'c-sam', name: 'Sam Taylor', email: 'sam@example.com', country: 'US', language: 'en' },
] as const;

export const DEMO_CUSTOMER_ID = 'c-ana';

const days = (n: number) => new Date(Date.now() + n * 86400_000);
const iso = (n: number) => days(n).toISOString();
const date = (n: number) => days(n).toISOString().slice(0, 10);

export function demoOrders(): Order[] {
  return [
    {
      orderId: 'A1001',
      customerId: 'c-ana',
      email: 'ana@example.com',
      placedAt: iso(-6),
      country: 'FR',
      currency: 'EUR',
      status: 'shipped',
      items: [
        {
          sku: 'RUN-42-BLK',
          name: 'Trail runner',
          size: 'EU 42',
          color: 'black',
          quantity: 1,
          unitPrice: 89.9,
        },
      ],
      shipment: {
        carrier: 'DHL',
        trackingNumber: 'JD014600006254',
        status: 'in_transit',
        estimatedDelivery: date(3),
        events: [
          { at: iso(-4), location: 'Shenzhen, CN', description: 'Picked up' },
          { at: iso(-1), location: 'Leipzig, DE', description: 'Departed hub' },
        ],
      },
    },
    {
      orderId: 'A1002',
      customerId: 'c-jonas',
      email: 'jonas@example.com',
      placedAt: iso(-9),
      country: 'DE',
      currency: 'EUR',
      status: 'shipped',
      items: [
        { sku: 'JKT-M-NVY', name: 'Rain jacket', size: 'M', color: 'navy', quantity: 1, unitPrice: 129 },
      ],
      shipment: {
        carrier: 'DPD',
        trackingNumber: '01234567890123',
        status: 'out_for_delivery',
        estimatedDelivery: date(0),
        events: [
          { at: iso(-5), location: 'Hamburg, DE', description: 'Arrived at sorting centre' },
          { at: iso(0), location: 'Berlin, DE', description: 'Out for delivery' },
        ],
      },
    },
    {
      orderId: 'A1003',
      customerId: 'c-sofia',
      email: 'sofia@example.com',
      placedAt: iso(-12),
      country: 'ES',
      currency: 'EUR',
      status: 'shipped',
      items: [{ sku: 'DRS-S-RED', name: 'Linen dress', size: 'S', color: 'red', quantity: 1, unitPrice: 59 }],
      shipment: {
        carrier: 'Correos',
        trackingNumber: 'PQ4BC10000123450X',
        status: 'customs_hold',
        estimatedDelivery: date(5),
        events: [{ at: iso(-2), location: 'Madrid, ES', description: 'Held at customs' }],
      },
    },
    {
      orderId: 'A1004',
      customerId: 'c-mei',
      email: 'mei@example.com',
      placedAt: iso(-4),
      country: 'CN',
      currency: 'CNY',
      status: 'shipped',
      items: [{ sku: 'EARB-WHT', name: 'Wireless earbuds', color: 'white', quantity: 1, unitPrice: 499 }],
      shipment: {
        carrier: 'SF Express',
        trackingNumber: 'SF1234567890123',
        status: 'in_transit',
        estimatedDelivery: date(2),
        events: [{ at: iso(-1), location: 'Shanghai, CN', description: 'In transit' }],
      },
    },
    {
      orderId: 'A1005',
      customerId: 'c-minjun',
      email: 'minjun@example.com',
      placedAt: iso(-3),
      country: 'KR',
      currency: 'KRW',
      status: 'shipped',
      items: [{ sku: 'BAG-TOTE-BEI', name: 'Canvas tote', color: 'beige', quantity: 2, unitPrice: 35000 }],
      shipment: {
        carrier: 'CJ Logistics',
        trackingNumber: '630012345678',
        status: 'in_transit',
        estimatedDelivery: date(1),
        events: [{ at: iso(-1), location: 'Incheon, KR', description: 'Customs cleared' }],
      },
    },
    {
      orderId: 'A1006',
      customerId: 'c-sam',
      email: 'sam@example.com',
      placedAt: iso(-15),
      country: 'US',
      currency: 'USD',
      status: 'delivered',
      items: [{ sku: 'LAMP-DSK-BLK', name: 'Desk lamp', color: 'black', quantity: 1, unitPrice: 45 }],
      shipment: {
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        status: 'delivered',
        estimatedDelivery: date(-8),
        events: [{ at: iso(-8), location: 'Austin, TX', description: 'Delivered, front door' }],
      },
    },
    {
      orderId: 'A1007',
      customerId: 'c-sam',
      email: 'sam@example.com',
      placedAt: iso(-1),
      country: 'US',
      currency: 'USD',
      status: 'paid',
      items: [
        { sku: 'TEE-L-WHT', name: 'Organic tee', size: 'L', color: 'white', quantity: 3, unitPrice: 19 },
      ],
    },
  ];
}

/** The demo store's policy, products, size charts and FAQ: the configuration folder store/ (docs/store-config.md). */
export const DEMO_STORE_DIR = fileURLToPath(new URL('../../store', import.meta.url));

function demoConfig(): StoreConfig {
  const loaded = loadStoreConfig(DEMO_STORE_DIR);
  if (!loaded.ok) throw new Error(`the demo store configuration is invalid:\n${loaded.errors.join('\n')}`);
  return loaded.config;
}
export const DEMO_STORE_CONFIG: StoreConfig = demoConfig();
export const DEMO_PRODUCTS: StoreProduct[] = DEMO_STORE_CONFIG.products;
export const DEMO_FAQ: FaqEntry[] = DEMO_STORE_CONFIG.faq;

/** Idempotent: every item is keyed, so re-seeding overwrites rather than duplicates. */
export async function seedDemoStore(db: DynamoDBDocumentClient, storeTable: string): Promise<void> {
  const orders = new DynamoDbOrderRepository(db, storeTable);
  await Promise.all(demoOrders().map((order) => orders.putOrder(order)));
  const customers = DEMO_CUSTOMERS.map((customer) => ({
    pk: `CUSTOMER#${customer.customerId}`,
    sk: 'PROFILE',
    type: 'customer',
    ...customer,
  }));
  await upsertItems(db, storeTable, customers);
  await applyStoreConfig(db, storeTable, DEMO_STORE_CONFIG);
}
