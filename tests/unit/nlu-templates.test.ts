import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../functions/core/nlu/languages';
import {
  chooseOrderReply,
  type FixedReply,
  fixedReply,
  formatDate,
  orderStatusReply,
} from '../../functions/core/nlu/templates';
import type { OrderStatusView } from '../../functions/core/orders';

const SHIPPED: OrderStatusView = {
  orderId: 'A1001',
  status: 'shipped',
  placedAt: '2025-04-28T09:00:00Z',
  items: [{ name: 'Trail Running Shoes', size: '42', quantity: 1 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600006281',
    status: 'in_transit',
    estimatedDelivery: '2025-05-06',
    lastEvent: {
      at: '2025-05-03T23:30:00-05:00',
      location: 'Leipzig, DE',
      description: 'Departed facility.',
    },
  },
};

const FIXED: FixedReply[] = [
  'noOrders',
  'orderNotFound',
  'askOrderNumber',
  'greeting',
  'thanks',
  'outOfScope',
  'handoff',
  'videoCall',
  'teamWillHelp',
  'unsure',
];

describe('reply templates', () => {
  it('has every fixed reply translated in all 17 languages', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      for (const kind of FIXED) {
        const text = fixedReply(lang, kind);
        expect(text.length).toBeGreaterThan(10);
        if (lang !== 'en')
          expect({ lang, kind, same: text === fixedReply('en', kind) }).toMatchObject({ same: false });
      }
    }
  });

  it('formats dates per language, on the calendar day of the event', () => {
    expect(formatDate('en', '2025-05-03T23:30:00-05:00')).toBe('May 3, 2025');
    expect(formatDate('de', '2025-05-06')).toBe('6. Mai 2025');
    expect(formatDate('zh', '2025-05-06')).toBe('2025年5月6日');
    expect(formatDate('ko', '2025-05-06')).toBe('2025년 5월 6일');
  });

  it('reports carrier, tracking number, last event and estimated delivery', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      const text = orderStatusReply(lang, SHIPPED);
      for (const fact of [
        'A1001',
        'Trail Running Shoes',
        'DHL',
        'JD014600006281',
        'Leipzig, DE',
        'Departed facility',
      ]) {
        expect({ lang, fact, found: text.includes(fact) }).toMatchObject({ found: true });
      }
      expect(text).toContain(formatDate(lang, '2025-05-06'));
    }
    expect(orderStatusReply('es', SHIPPED)).toContain('en camino');
    expect(orderStatusReply('fr', SHIPPED)).toContain('Livraison estimée : 6 mai 2025');
  });

  it('gives the order status when nothing has shipped yet', () => {
    const processing: OrderStatusView = { ...SHIPPED, status: 'processing', shipment: undefined };
    expect(orderStatusReply('en', processing)).toBe(
      'Your order A1001 (Trail Running Shoes – size 42) is being prepared. It has not shipped yet.',
    );
    expect(orderStatusReply('de', processing)).toContain('noch nicht versandt');
  });

  it('lists the orders to choose from with their items', () => {
    const second: OrderStatusView = {
      ...SHIPPED,
      orderId: 'A1002',
      items: [
        { name: 'Linen Shirt', quantity: 2 },
        { name: 'Belt', quantity: 1 },
      ],
    };
    const text = chooseOrderReply('en', [SHIPPED, second]);
    expect(text).toContain('Which one do you mean?');
    expect(text).toContain('• A1002 (April 28, 2025): 2 × Linen Shirt, Belt');
  });

  it('isolates left-to-right values inside Arabic sentences', () => {
    expect(orderStatusReply('ar', SHIPPED)).toContain('\u2068A1001\u2069');
  });
});
