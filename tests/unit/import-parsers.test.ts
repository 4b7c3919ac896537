import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFaqRows } from '../../store-config/imports/faq';
import { parseOrderRows } from '../../store-config/imports/orders';
import { parseProductRows } from '../../store-config/imports/products';
import { detectFormat } from '../../store-config/imports/rows';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');
const errors = (rows: Array<{ line: number; error?: string }>) =>
  rows.filter((row) => row.error).map((row) => `${row.line}: ${row.error}`);

describe('order imports', () => {
  it("reads Shopify's order export: one row per line item, grouped into one order", () => {
    const rows = parseOrderRows(fixture('shopify-orders.csv'), 'csv');
    const first = rows[0]?.order;
    expect(first).toMatchObject({
      orderId: '1001',
      customerId: 'ana@example.com',
      placedAt: '2026-11-01T10:00:00+01:00',
      country: 'FR',
      currency: 'EUR',
      status: 'shipped',
    });
    expect(first?.items.map((item) => [item.sku, item.quantity, item.unitPrice])).toEqual([
      ['RUN-42-BLK', 1, 89.9],
      ['DRS-S-RED', 1, 59],
    ]);
    // A quoted note spanning two lines does not shift the line numbers of the rows after it.
    expect(rows[1]).toMatchObject({ line: 4, order: { orderId: '1002', status: 'pending' } });
  });

  it('reports each bad Shopify order on its own line and keeps the good ones', () => {
    const rows = parseOrderRows(fixture('shopify-orders.csv'), 'csv');
    expect(rows.filter((row) => row.order)).toHaveLength(2);
    expect(errors(rows)).toEqual([
      '6: Lineitem sku is empty for "Linen dress - S / Red"',
      '7: placedAt: Invalid ISO datetime',
      '8: Lineitem quantity is not a number: "two"',
    ]);
  });

  it('reads the generic CSV with its shipment, and rejects an unknown status and an unclosed quote', () => {
    const rows = parseOrderRows(fixture('generic-orders.csv'), 'csv');
    expect(rows[0]?.order).toMatchObject({
      orderId: 'B2001',
      items: [
        { sku: 'RUN-42-BLK', size: 'EU 42' },
        { sku: 'TEE-L-WHT', quantity: 2 },
      ],
      shipment: { carrier: 'DHL', status: 'in_transit', estimatedDelivery: '2026-11-28' },
    });
    expect(errors(rows)).toEqual([
      expect.stringMatching(/^4: status: Invalid option/),
      '5: a quoted field is not closed',
    ]);
  });

  it('says which columns it expected when a CSV is neither Shopify nor generic', () => {
    expect(errors(parseOrderRows('id,mail\n1,a@b.c\n', 'csv'))).toEqual([
      '1: the header has neither Shopify\'s "Name" and "Lineitem sku" nor "order_id"',
    ]);
  });

  it('reads JSON arrays and NDJSON, with a repeated order id as an error on its line', () => {
    const order = {
      orderId: 'C3001',
      customerId: 'c-1',
      email: 'a@example.com',
      placedAt: '2026-11-01T10:00:00Z',
      country: 'FR',
      currency: 'EUR',
      status: 'paid',
      items: [{ sku: 'X-1', name: 'X', quantity: 1, unitPrice: 1 }],
    };
    const array = `[\n${JSON.stringify(order)},\n${JSON.stringify({ ...order, orderId: 'c3001' })}\n]`;
    expect(errors(parseOrderRows(array, 'json'))).toEqual(['3: order c3001 already appears on line 2']);
    const ndjson = `${JSON.stringify(order)}\n{"orderId":\n`;
    expect(errors(parseOrderRows(ndjson, 'ndjson'))).toEqual(['2: not valid JSON']);
  });
});

describe('product imports', () => {
  it("makes one product per variant of Shopify's product export, with options and plain text", () => {
    const rows = parseProductRows(fixture('shopify-products.csv'), 'csv');
    expect(rows.filter((row) => row.product).map((row) => row.product)).toEqual([
      {
        sku: 'JKT-S-NVY',
        name: 'Rain jacket',
        category: 'Jackets',
        description: 'Waterproof shell & taped seams.',
        stock: 3,
        price: 129,
        options: { Size: 'S', Color: 'Navy' },
      },
      expect.objectContaining({ sku: 'JKT-M-NVY', stock: 0, options: { Size: 'M', Color: 'Navy' } }),
      {
        sku: 'LAMP-DSK-BLK',
        name: 'Desk lamp',
        category: 'Lighting',
        description: 'LED lamp.',
        stock: 7,
        price: 45,
      },
    ]);
    // The image-only row is not a variant; the variant without a SKU is an error.
    expect(errors(rows)).toEqual(['4: Variant SKU is empty (handle rain-jacket)']);
  });

  it('reads the generic CSV with a size chart, and rejects negative stock and a broken chart', () => {
    const rows = parseProductRows(fixture('generic-products.csv'), 'csv');
    expect(rows[0]?.product).toMatchObject({
      sku: 'TEE-L-WHT',
      shippingDays: [5, 12],
      sizeChart: { system: 'alpha', rows: [{ size: 'L', chestCm: [100, 106] }] },
    });
    expect(errors(rows)).toEqual([
      expect.stringMatching(/^3: stock: Too small/),
      '4: size_chart is not JSON',
    ]);
  });

  it('rejects an unknown field in JSON rather than storing it', () => {
    expect(errors(parseProductRows('{"sku":"A-1","name":"A","colour":"red"}\n', 'ndjson'))).toEqual([
      expect.stringMatching(/^1: .*Unrecognized key: "colour"/),
    ]);
  });
});

describe('FAQ imports', () => {
  it('reads CSV with tags, storing the store language without a language', () => {
    const rows = parseFaqRows(fixture('faq.csv'), 'csv', 'en');
    expect(rows[0]?.entry).toEqual({
      id: 'customs-duties',
      topic: 'customs',
      title: 'Customs duties',
      question: 'Do I pay customs duties?',
      answer: 'Duties for the EU and UK are included in the price.',
      tags: ['duties', 'customs', 'VAT'],
    });
    expect(rows[1]?.entry?.language).toBe('fr');
    expect(errors(rows)).toEqual([
      '4: id: id must be lower-case letters, digits or dashes',
      expect.stringMatching(/^5: answer: /),
    ]);
  });

  it('reads NDJSON and reports the bad lines', () => {
    const rows = parseFaqRows(fixture('faq.ndjson'), 'ndjson', 'en');
    expect(rows.filter((row) => row.entry)).toHaveLength(2);
    expect(errors(rows)).toEqual(['3: not valid JSON', expect.stringMatching(/^4: answer: /)]);
  });
});

describe('import formats', () => {
  it('are told by extension, then by the first character', () => {
    expect(detectFormat('orders.csv', '[')).toBe('csv');
    expect(detectFormat('orders.jsonl', '{')).toBe('ndjson');
    expect(detectFormat('orders.json', ' [')).toBe('json');
    expect(detectFormat('orders.json', '{"a":1}\n{"a":2}')).toBe('ndjson');
    expect(detectFormat('orders.txt', 'Name,Email')).toBe('csv');
  });
});
