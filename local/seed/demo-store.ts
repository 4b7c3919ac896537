import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { CATALOGUE_PARTITION } from '../../functions/adapters/aws/dynamodb-knowledge-repository';
import { DynamoDbOrderRepository } from '../../functions/adapters/aws/dynamodb-order-repository';
import type { Order } from '../../functions/core/orders';

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

export const DEMO_PRODUCTS = [
  {
    sku: 'RUN-42-BLK',
    name: 'Trail runner',
    category: 'shoes',
    sizeChart: {
      system: 'EU',
      rows: [
        { size: 'EU 41', footCm: 26 },
        { size: 'EU 42', footCm: 26.7 },
        { size: 'EU 43', footCm: 27.3 },
      ],
    },
    care: 'Wipe clean; do not machine wash.',
    stock: 12,
  },
  {
    sku: 'JKT-M-NVY',
    name: 'Rain jacket',
    category: 'clothing',
    sizeChart: {
      system: 'alpha',
      rows: [
        { size: 'S', heightCm: [160, 170], weightKg: [50, 65] },
        { size: 'M', heightCm: [170, 180], weightKg: [65, 80] },
        { size: 'L', heightCm: [180, 190], weightKg: [80, 95] },
      ],
    },
    care: 'Machine wash cold; hang dry.',
    stock: 4,
  },
  { sku: 'EARB-WHT', name: 'Wireless earbuds', category: 'electronics', warrantyMonths: 12, stock: 30 },
  { sku: 'LAMP-DSK-BLK', name: 'Desk lamp', category: 'home', stock: 7 },
];

export const DEMO_FAQ = [
  {
    id: 'shipping-times',
    topic: 'shipping',
    answer: 'Orders ship within 2 business days; delivery takes 5-12 days.',
  },
  {
    id: 'returns-window',
    topic: 'returns',
    answer: 'Unworn items can be returned within 30 days of delivery.',
  },
  { id: 'warranty', topic: 'warranty', answer: 'Electronics carry a 12-month warranty against defects.' },
  // The seller's own translations: same id, one entry per language. Shoppers in other languages get the
  // English entry with a note.
  {
    id: 'shipping-times',
    language: 'fr',
    topic: 'shipping',
    title: 'Livraison',
    answer: 'Les commandes partent sous 2 jours ouvrés ; la livraison prend 5-12 jours.',
  },
  {
    id: 'shipping-times',
    language: 'es',
    topic: 'shipping',
    title: 'Envíos',
    answer: 'Los pedidos salen en 2 días hábiles; la entrega tarda 5-12 días.',
  },
  {
    id: 'shipping-times',
    language: 'de',
    topic: 'shipping',
    title: 'Versand',
    answer: 'Bestellungen verlassen unser Lager innerhalb von 2 Werktagen; die Lieferung dauert 5-12 Tage.',
  },
  {
    id: 'returns-window',
    language: 'fr',
    topic: 'returns',
    title: 'Retours',
    answer: 'Les articles non portés peuvent être retournés sous 30 jours après la livraison.',
  },
  {
    id: 'returns-window',
    language: 'es',
    topic: 'returns',
    title: 'Devoluciones',
    answer: 'Los artículos sin usar se pueden devolver en los 30 días siguientes a la entrega.',
  },
  {
    id: 'returns-window',
    language: 'de',
    topic: 'returns',
    title: 'Rückgabe',
    answer: 'Ungetragene Artikel können innerhalb von 30 Tagen nach der Lieferung zurückgegeben werden.',
  },
  {
    id: 'warranty',
    language: 'fr',
    topic: 'warranty',
    title: 'Garantie',
    answer: 'Les appareils électroniques ont une garantie de 12 mois contre les défauts.',
  },
  {
    id: 'warranty',
    language: 'es',
    topic: 'warranty',
    title: 'Garantía',
    answer: 'Los productos electrónicos tienen una garantía de 12 meses contra defectos.',
  },
  {
    id: 'warranty',
    language: 'de',
    topic: 'warranty',
    title: 'Garantie',
    answer: 'Auf Elektronik gibt es 12 Monate Garantie gegen Mängel.',
  },
];

/** Idempotent: every item is keyed, so re-seeding overwrites rather than duplicates. */
export async function seedDemoStore(db: DynamoDBDocumentClient, storeTable: string): Promise<void> {
  const orders = new DynamoDbOrderRepository(db, storeTable);
  await Promise.all(demoOrders().map((order) => orders.putOrder(order)));
  const items = [
    ...DEMO_CUSTOMERS.map((customer) => ({
      pk: `CUSTOMER#${customer.customerId}`,
      sk: 'PROFILE',
      type: 'customer',
      ...customer,
    })),
    ...DEMO_PRODUCTS.map((product) => ({
      pk: `PRODUCT#${product.sku}`,
      sk: 'PRODUCT',
      type: 'product',
      // The catalogue partition of the customer index lists products and FAQ with one query.
      gsi1pk: CATALOGUE_PARTITION,
      gsi1sk: `PRODUCT#${product.sku}`,
      ...product,
    })),
    ...DEMO_FAQ.map((entry) => {
      // Translations share the entry's id, so the language tells their keys apart.
      const key = 'language' in entry ? `FAQ#${entry.id}#${entry.language}` : `FAQ#${entry.id}`;
      return { pk: key, sk: 'FAQ', type: 'faq', gsi1pk: CATALOGUE_PARTITION, gsi1sk: key, ...entry };
    }),
  ];
  for (let start = 0; start < items.length; start += 25) {
    let pending: BatchWriteCommandInput['RequestItems'] = {
      [storeTable]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (pending && Object.keys(pending).length > 0) {
      pending = (await db.send(new BatchWriteCommand({ RequestItems: pending }))).UnprocessedItems;
    }
  }
}
