import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  decideCancellation,
  decideChange,
  decideRefund,
  decideReturn,
  orderTotal,
  parseStorePolicy,
  type StorePolicy,
  type StorePolicyInput,
  toMinorUnits,
} from '../../functions/core/after-sales';
import { DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import type { Order } from '../../functions/core/orders';
import { demoOrders } from '../../local/seed/demo-store';

const basePolicy: StorePolicyInput = {
  timeZone: 'UTC',
  returnWindowDays: 30,
  finalSaleSkus: ['SALE-1'],
  acceptedConditions: ['unopened', 'new_with_tags'],
  autoRefundLimits: { EUR: 100, JPY: 15_000 },
};
const policy = (overrides: Partial<StorePolicyInput> = {}): StorePolicy =>
  parseStorePolicy({ ...basePolicy, ...overrides });

const delivered = (deliveredAtIso: string, overrides: Partial<Order> = {}): Order => ({
  orderId: 'A2001',
  customerId: 'c-ana',
  email: 'ana@example.com',
  placedAt: '2026-10-20T09:00:00Z',
  country: 'FR',
  currency: 'EUR',
  status: 'delivered',
  items: [
    { sku: 'DRS-S-RED', name: 'Linen dress', size: 'S', color: 'red', quantity: 2, unitPrice: 59.9 },
    { sku: 'SALE-1', name: 'Outlet scarf', quantity: 1, unitPrice: 9.99 },
  ],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600006254',
    status: 'delivered',
    events: [
      { at: new Date(Date.parse(deliveredAtIso) - 86_400_000).toISOString(), description: 'Departed hub' },
      { at: deliveredAtIso, description: 'Delivered' },
    ],
  },
  ...overrides,
});

const unshipped = (status: Order['status'], overrides: Partial<Order> = {}): Order => ({
  orderId: 'A2002',
  customerId: 'c-sam',
  email: 'sam@example.com',
  placedAt: '2026-11-24T10:00:00Z',
  country: 'US',
  currency: 'EUR',
  status,
  items: [{ sku: 'TEE-L-WHT', name: 'Organic tee', size: 'L', color: 'white', quantity: 3, unitPrice: 19 }],
  ...overrides,
});

const at = (iso: string) => new Date(iso);

describe('store policy configuration', () => {
  it('fills defaults for cancellation, change and exchange rules', () => {
    const parsed = policy();
    expect(parsed.cancellableStatuses).toEqual(['pending', 'paid', 'processing']);
    expect(parsed.changeableStatuses).toEqual(['pending', 'paid']);
    expect(parsed.allowedChanges).toEqual(['address', 'size', 'colour']);
    expect(parsed.exchangeAllowed).toBe(true);
  });

  it('rejects an unknown time zone', () => {
    expect(() => policy({ timeZone: 'Mars/Olympus_Mons' })).toThrow(ZodError);
  });

  it('rejects a shipped status as cancellable', () => {
    expect(() => policy({ cancellableStatuses: ['paid', 'shipped' as 'paid'] })).toThrow(ZodError);
  });

  it('rejects a lower-case currency in refund limits and unknown fields', () => {
    expect(() => policy({ autoRefundLimits: { eur: 100 } })).toThrow(ZodError);
    expect(() => parseStorePolicy({ ...basePolicy, refundEverything: true })).toThrow(ZodError);
  });

  it('the demo policy puts the demo rain jacket above the automatic refund line', () => {
    const jacket = demoOrders().find((order) => order.orderId === 'A1002');
    expect(jacket).toBeDefined();
    const total = orderTotal(jacket as Order);
    expect(decideRefund(total.minor, total.currency, DEMO_STORE_POLICY).outcome).toBe('needs_human');
  });

  it('the demo policy lets the unshipped demo order A1007 be cancelled automatically', () => {
    const tees = demoOrders().find((order) => order.orderId === 'A1007') as Order;
    expect(decideCancellation(tees, new Date(), DEMO_STORE_POLICY)).toEqual({
      outcome: 'allowed',
      refund: { currency: 'USD', minor: 5700 },
    });
  });
});

describe('money in minor units', () => {
  it('turns floating-point prices into exact cents', () => {
    expect(toMinorUnits(89.9, 'EUR')).toBe(8990);
    expect(toMinorUnits(0.1 + 0.2, 'EUR')).toBe(30);
    expect(
      orderTotal({ currency: 'EUR', items: [{ sku: 'A', name: 'a', quantity: 3, unitPrice: 0.1 }] }),
    ).toEqual({ currency: 'EUR', minor: 30 });
  });

  it('uses whole units for currencies without decimals and thousandths for three-decimal ones', () => {
    expect(toMinorUnits(35_000, 'KRW')).toBe(35_000);
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234);
  });
});

describe('refund decisions', () => {
  it('a refund exactly at the limit is paid automatically', () => {
    expect(decideRefund(10_000, 'EUR', policy())).toEqual({
      outcome: 'auto',
      amount: { currency: 'EUR', minor: 10_000 },
    });
  });

  it('one cent above the limit goes to a human', () => {
    expect(decideRefund(10_001, 'EUR', policy())).toMatchObject({
      outcome: 'needs_human',
      reason: 'over_auto_limit',
    });
  });

  it('a currency without a configured limit always goes to a human', () => {
    expect(decideRefund(1, 'USD', policy())).toMatchObject({
      outcome: 'needs_human',
      reason: 'no_limit_for_currency',
    });
  });

  it('limits of zero-decimal currencies compare in whole yen', () => {
    expect(decideRefund(15_000, 'JPY', policy()).outcome).toBe('auto');
    expect(decideRefund(15_001, 'JPY', policy()).outcome).toBe('needs_human');
  });

  it('refuses a fractional amount, which would mean major units were passed', () => {
    expect(() => decideRefund(89.9, 'EUR', policy())).toThrow(RangeError);
    expect(() => decideRefund(-1, 'EUR', policy())).toThrow(RangeError);
  });
});

describe('return decisions', () => {
  const order = delivered('2026-11-01T10:00:00Z');

  it('an item delivered within the window is eligible, with its deadline and refund', () => {
    const decision = decideReturn(order, { sku: 'DRS-S-RED' }, at('2026-11-15T00:00:00Z'), policy());
    expect(decision).toEqual({
      outcome: 'eligible',
      sku: 'DRS-S-RED',
      quantity: 1,
      deadline: { lastDay: '2026-12-01', closesAt: '2026-12-02T00:00:00.000Z', from: 'delivery' },
      refund: { outcome: 'auto', amount: { currency: 'EUR', minor: 5990 } },
      requiredConditions: ['unopened', 'new_with_tags'],
      exchangeAllowed: true,
    });
  });

  it('the last second of the last day is inside the window', () => {
    const decision = decideReturn(order, { sku: 'DRS-S-RED' }, at('2026-12-01T23:59:59.999Z'), policy());
    expect(decision.outcome).toBe('eligible');
  });

  it('the first instant after the last day is outside the window and still reports the deadline', () => {
    const decision = decideReturn(order, { sku: 'DRS-S-RED' }, at('2026-12-02T00:00:00Z'), policy());
    expect(decision).toEqual({
      outcome: 'not_eligible',
      reason: 'outside_window',
      deadline: { lastDay: '2026-12-01', closesAt: '2026-12-02T00:00:00.000Z', from: 'delivery' },
    });
  });

  it('counts days on the store calendar: a late-evening UTC delivery is already the next day in Shanghai', () => {
    const lateOrder = delivered('2026-11-01T23:30:00Z');
    const shanghai = policy({ timeZone: 'Asia/Shanghai' });
    const decision = decideReturn(lateOrder, { sku: 'DRS-S-RED' }, at('2026-12-02T15:59:59Z'), shanghai);
    expect(decision).toMatchObject({
      outcome: 'eligible',
      deadline: { lastDay: '2026-12-02', closesAt: '2026-12-02T16:00:00.000Z' },
    });
    expect(decideReturn(lateOrder, { sku: 'DRS-S-RED' }, at('2026-12-02T16:00:00Z'), shanghai)).toMatchObject(
      {
        outcome: 'not_eligible',
        reason: 'outside_window',
      },
    );
  });

  it('counts days on the store calendar west of UTC too: an early UTC delivery is the previous day in Los Angeles', () => {
    const earlyOrder = delivered('2026-11-02T03:00:00Z');
    const decision = decideReturn(
      earlyOrder,
      { sku: 'DRS-S-RED' },
      at('2026-11-10T00:00:00Z'),
      policy({ timeZone: 'America/Los_Angeles' }),
    );
    // 03:00 UTC on 2 November is 19:00 on 1 November in Los Angeles (PST, UTC-8).
    expect(decision).toMatchObject({
      deadline: { lastDay: '2026-12-01', closesAt: '2026-12-02T08:00:00.000Z' },
    });
  });

  it('a window that spans the end of summer time closes at local midnight in winter time', () => {
    const autumn = delivered('2026-10-01T10:00:00Z', { placedAt: '2026-09-25T09:00:00Z' });
    const paris = policy({ timeZone: 'Europe/Paris' });
    // Paris leaves summer time on 25 October 2026; 1 November 00:00 CET is 31 October 23:00 UTC.
    expect(decideReturn(autumn, { sku: 'DRS-S-RED' }, at('2026-10-31T22:59:59.999Z'), paris)).toMatchObject({
      outcome: 'eligible',
      deadline: { lastDay: '2026-10-31', closesAt: '2026-10-31T23:00:00.000Z' },
    });
    expect(decideReturn(autumn, { sku: 'DRS-S-RED' }, at('2026-10-31T23:00:00Z'), paris).outcome).toBe(
      'not_eligible',
    );
  });

  it('a delivery recorded with an offset is read as the same instant', () => {
    const offsetOrder = delivered('2026-11-02T01:30:00+02:00');
    const decision = decideReturn(offsetOrder, { sku: 'DRS-S-RED' }, at('2026-11-05T00:00:00Z'), policy());
    expect(decision).toMatchObject({ deadline: { lastDay: '2026-12-01' } });
  });

  it('a delivered order without a delivery scan counts the window from when it was placed', () => {
    const noScan = delivered('2026-11-01T10:00:00Z', {
      shipment: { carrier: 'DHL', trackingNumber: 'X1', status: 'delivered', events: [] },
    });
    const decision = decideReturn(noScan, { sku: 'DRS-S-RED' }, at('2026-11-02T00:00:00Z'), policy());
    expect(decision).toMatchObject({
      outcome: 'eligible',
      deadline: { lastDay: '2026-11-19', from: 'placed' },
    });
  });

  it('an explicit deliveredAt on the shipment wins over tracking events', () => {
    const explicit = delivered('2026-11-01T10:00:00Z');
    const shipment = {
      ...(explicit.shipment as NonNullable<Order['shipment']>),
      deliveredAt: '2026-11-03T10:00:00Z',
    };
    const decision = decideReturn(
      { ...explicit, shipment },
      { sku: 'DRS-S-RED' },
      at('2026-11-04T00:00:00Z'),
      policy(),
    );
    expect(decision).toMatchObject({ deadline: { lastDay: '2026-12-03', from: 'delivery' } });
  });

  it('a return window of zero days allows returns on the delivery day only', () => {
    const zero = policy({ returnWindowDays: 0 });
    expect(decideReturn(order, { sku: 'DRS-S-RED' }, at('2026-11-01T23:00:00Z'), zero).outcome).toBe(
      'eligible',
    );
    expect(decideReturn(order, { sku: 'DRS-S-RED' }, at('2026-11-02T00:00:00Z'), zero).outcome).toBe(
      'not_eligible',
    );
  });

  it('a final-sale item cannot be returned', () => {
    expect(decideReturn(order, { sku: 'SALE-1' }, at('2026-11-02T00:00:00Z'), policy())).toEqual({
      outcome: 'not_eligible',
      reason: 'final_sale',
    });
  });

  it('an item flagged final sale on the order cannot be returned even when the policy does not list it', () => {
    const flagged = delivered('2026-11-01T10:00:00Z', {
      items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', quantity: 1, unitPrice: 89.9, finalSale: true }],
    });
    expect(decideReturn(flagged, { sku: 'RUN-42-BLK' }, at('2026-11-02T00:00:00Z'), policy())).toMatchObject({
      reason: 'final_sale',
    });
  });

  it('a damaged final-sale item can still be returned, without condition rules', () => {
    const decision = decideReturn(
      order,
      { sku: 'SALE-1', reason: 'damaged', condition: 'used' },
      at('2026-11-02T00:00:00Z'),
      policy(),
    );
    expect(decision).toMatchObject({ outcome: 'eligible', requiredConditions: [] });
  });

  it('a faulty item has the longer faulty-item window', () => {
    const longer = policy({ faultyItemWindowDays: 365 });
    const later = at('2027-03-01T00:00:00Z');
    expect(decideReturn(order, { sku: 'DRS-S-RED', reason: 'too_small' }, later, longer)).toMatchObject({
      reason: 'outside_window',
    });
    expect(
      decideReturn(order, { sku: 'DRS-S-RED', reason: 'not_as_described' }, later, longer),
    ).toMatchObject({
      outcome: 'eligible',
      deadline: { lastDay: '2027-11-01' },
    });
  });

  it('an item in a condition the store does not accept cannot be returned', () => {
    expect(
      decideReturn(order, { sku: 'DRS-S-RED', condition: 'worn' }, at('2026-11-02T00:00:00Z'), policy()),
    ).toMatchObject({ outcome: 'not_eligible', reason: 'condition_not_accepted' });
  });

  it('an item in an accepted condition can be returned', () => {
    expect(
      decideReturn(
        order,
        { sku: 'DRS-S-RED', condition: 'new_with_tags' },
        at('2026-11-02T00:00:00Z'),
        policy(),
      ).outcome,
    ).toBe('eligible');
  });

  it('an order still on its way cannot be returned yet', () => {
    const inTransit = delivered('2026-11-01T10:00:00Z', {
      status: 'shipped',
      shipment: { carrier: 'DHL', trackingNumber: 'X1', status: 'in_transit', events: [] },
    });
    expect(decideReturn(inTransit, { sku: 'DRS-S-RED' }, at('2026-11-02T00:00:00Z'), policy())).toEqual({
      outcome: 'not_eligible',
      reason: 'not_delivered_yet',
    });
  });

  it('a SKU that is not in the order is reported as such, whatever its case', () => {
    expect(decideReturn(order, { sku: 'LAMP-DSK-BLK' }, at('2026-11-02T00:00:00Z'), policy())).toMatchObject({
      reason: 'item_not_in_order',
    });
    expect(decideReturn(order, { sku: ' drs-s-red ' }, at('2026-11-02T00:00:00Z'), policy()).outcome).toBe(
      'eligible',
    );
  });

  it('a returned order cannot be returned again', () => {
    const returned = delivered('2026-11-01T10:00:00Z', { status: 'returned' });
    expect(decideReturn(returned, { sku: 'DRS-S-RED' }, at('2026-11-02T00:00:00Z'), policy())).toMatchObject({
      reason: 'already_returned',
    });
  });

  it('units already in a return are not returnable twice', () => {
    const now = at('2026-11-02T00:00:00Z');
    expect(
      decideReturn(order, { sku: 'DRS-S-RED', alreadyReturnedQuantity: 2 }, now, policy()),
    ).toMatchObject({ reason: 'already_returned' });
    expect(
      decideReturn(order, { sku: 'DRS-S-RED', quantity: 2, alreadyReturnedQuantity: 1 }, now, policy()),
    ).toMatchObject({ reason: 'quantity_exceeds_order' });
    expect(
      decideReturn(order, { sku: 'DRS-S-RED', quantity: 3, alreadyReturnedQuantity: -5 }, now, policy()),
    ).toMatchObject({ reason: 'quantity_exceeds_order' });
  });

  it('refunds the units returned, and sends a refund above the limit to a human', () => {
    const decision = decideReturn(
      order,
      { sku: 'DRS-S-RED', quantity: 2 },
      at('2026-11-02T00:00:00Z'),
      policy({ autoRefundLimits: { EUR: 100 } }),
    );
    expect(decision).toMatchObject({
      outcome: 'eligible',
      quantity: 2,
      refund: {
        outcome: 'needs_human',
        reason: 'over_auto_limit',
        amount: { currency: 'EUR', minor: 11_980 },
      },
    });
  });

  it('a cancelled order has nothing to return', () => {
    const cancelled = delivered('2026-11-01T10:00:00Z', { status: 'cancelled' });
    expect(decideReturn(cancelled, { sku: 'DRS-S-RED' }, at('2026-11-02T00:00:00Z'), policy())).toMatchObject(
      {
        reason: 'order_cancelled',
      },
    );
  });

  it('refuses a quantity that is not a positive whole number', () => {
    expect(() =>
      decideReturn(order, { sku: 'DRS-S-RED', quantity: 0 }, at('2026-11-02T00:00:00Z'), policy()),
    ).toThrow(RangeError);
  });

  it('reports that exchanges are not offered when the store turns them off', () => {
    const decision = decideReturn(
      order,
      { sku: 'DRS-S-RED' },
      at('2026-11-02T00:00:00Z'),
      policy({ exchangeAllowed: false }),
    );
    expect(decision).toMatchObject({ outcome: 'eligible', exchangeAllowed: false });
  });
});

describe('cancellation decisions', () => {
  const now = at('2026-11-24T12:00:00Z');

  for (const status of ['paid', 'processing'] as const) {
    it(`a ${status} order under the limit is cancelled with a full refund`, () => {
      expect(decideCancellation(unshipped(status), now, policy())).toEqual({
        outcome: 'allowed',
        refund: { currency: 'EUR', minor: 5700 },
      });
    });
  }

  it('an unpaid order is cancelled with nothing to refund', () => {
    expect(decideCancellation(unshipped('pending'), now, policy())).toEqual({
      outcome: 'allowed',
      refund: { currency: 'EUR', minor: 0 },
    });
  });

  it('a paid order above the refund limit needs a human', () => {
    const expensive = unshipped('paid', {
      items: [{ sku: 'JKT-M-NVY', name: 'Rain jacket', quantity: 1, unitPrice: 129 }],
    });
    expect(decideCancellation(expensive, now, policy())).toEqual({
      outcome: 'needs_human',
      reason: 'over_auto_limit',
      refund: { currency: 'EUR', minor: 12_900 },
    });
  });

  it('a shipped order cannot be cancelled; the shopper may refuse delivery or return it', () => {
    const shipped = unshipped('shipped', {
      shipment: { carrier: 'DHL', trackingNumber: 'X1', status: 'in_transit', events: [] },
    });
    expect(decideCancellation(shipped, now, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'already_shipped',
      alternatives: ['refuse_delivery', 'return_after_delivery'],
    });
  });

  it('an order marked processing whose parcel already moves counts as shipped', () => {
    const moving = unshipped('processing', {
      shipment: { carrier: 'DHL', trackingNumber: 'X1', status: 'in_transit', events: [] },
    });
    expect(decideCancellation(moving, now, policy())).toMatchObject({ reason: 'already_shipped' });
  });

  it('an order with only a shipping label can still be cancelled', () => {
    const labelled = unshipped('processing', {
      shipment: { carrier: 'DHL', trackingNumber: 'X1', status: 'label_created', events: [] },
    });
    expect(decideCancellation(labelled, now, policy()).outcome).toBe('allowed');
  });

  it('a delivered order cannot be cancelled and points to a return', () => {
    expect(decideCancellation(delivered('2026-11-01T10:00:00Z'), now, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'already_delivered',
      alternatives: ['start_return'],
    });
  });

  it('a cancelled or returned order cannot be cancelled again', () => {
    expect(decideCancellation(unshipped('cancelled'), now, policy())).toMatchObject({
      reason: 'already_cancelled',
    });
    expect(decideCancellation(unshipped('returned'), now, policy())).toMatchObject({
      reason: 'already_returned',
    });
  });

  it('a processing order is not cancellable when the store allows cancelling only before processing', () => {
    const strict = policy({ cancellableStatuses: ['pending', 'paid'] });
    expect(decideCancellation(unshipped('processing'), now, strict)).toEqual({
      outcome: 'not_allowed',
      reason: 'status_not_cancellable',
      alternatives: ['return_after_delivery', 'contact_agent'],
    });
  });

  it('the cancellation window closes exactly after the configured hours', () => {
    const windowed = policy({ cancellationWindowHours: 2 });
    const order = unshipped('paid');
    expect(decideCancellation(order, at('2026-11-24T12:00:00Z'), windowed).outcome).toBe('allowed');
    expect(decideCancellation(order, at('2026-11-24T12:00:00.001Z'), windowed)).toEqual({
      outcome: 'not_allowed',
      reason: 'window_closed',
      alternatives: ['return_after_delivery', 'contact_agent'],
    });
  });
});

describe('change decisions', () => {
  it('an address change on a paid order is allowed', () => {
    expect(decideChange(unshipped('paid'), { kind: 'address' }, policy())).toEqual({
      outcome: 'allowed',
      kind: 'address',
    });
  });

  it('a size change on an item of a pending order is allowed', () => {
    expect(decideChange(unshipped('pending'), { kind: 'size', sku: 'TEE-L-WHT', to: 'M' }, policy())).toEqual(
      {
        outcome: 'allowed',
        kind: 'size',
      },
    );
  });

  it('a colour change to the colour already ordered is refused', () => {
    expect(
      decideChange(unshipped('paid'), { kind: 'colour', sku: 'TEE-L-WHT', to: ' White ' }, policy()),
    ).toMatchObject({ outcome: 'not_allowed', reason: 'same_as_current' });
  });

  it('a change for an item that is not in the order is refused', () => {
    expect(decideChange(unshipped('paid'), { kind: 'size', sku: 'NOPE', to: 'M' }, policy())).toMatchObject({
      reason: 'item_not_in_order',
    });
  });

  it('a processing order cannot be changed but can still be cancelled and reordered', () => {
    expect(decideChange(unshipped('processing'), { kind: 'address' }, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'status_not_changeable',
      alternatives: ['cancel_and_reorder'],
    });
  });

  it('a shipped order cannot change size; an exchange after delivery is offered', () => {
    const shipped = unshipped('shipped', {
      shipment: { carrier: 'DHL', trackingNumber: 'X1', status: 'in_transit', events: [] },
    });
    expect(decideChange(shipped, { kind: 'size', sku: 'TEE-L-WHT', to: 'XL' }, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'already_shipped',
      alternatives: ['exchange_after_delivery'],
    });
    expect(decideChange(shipped, { kind: 'address' }, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'already_shipped',
      alternatives: ['contact_carrier'],
    });
  });

  it('no exchange is suggested after shipping when the store offers none', () => {
    const shipped = unshipped('shipped');
    expect(
      decideChange(
        shipped,
        { kind: 'colour', sku: 'TEE-L-WHT', to: 'black' },
        policy({ exchangeAllowed: false }),
      ),
    ).toMatchObject({ reason: 'already_shipped', alternatives: [] });
  });

  it('a delivered order cannot change an item; an exchange is offered now rather than after delivery', () => {
    const order = delivered('2026-11-20T10:00:00Z');
    expect(decideChange(order, { kind: 'size', sku: 'DRS-S-RED', to: 'M' }, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'already_delivered',
      alternatives: ['exchange'],
    });
    expect(
      decideChange(
        order,
        { kind: 'colour', sku: 'DRS-S-RED', to: 'blue' },
        policy({ exchangeAllowed: false }),
      ),
    ).toEqual({ outcome: 'not_allowed', reason: 'already_delivered', alternatives: [] });
  });

  it('a delivered order cannot change its address and points to a person', () => {
    expect(decideChange(delivered('2026-11-20T10:00:00Z'), { kind: 'address' }, policy())).toEqual({
      outcome: 'not_allowed',
      reason: 'already_delivered',
      alternatives: ['contact_agent'],
    });
  });

  it('a change kind the store does not offer is refused before anything else', () => {
    expect(
      decideChange(
        unshipped('paid'),
        { kind: 'colour', sku: 'TEE-L-WHT', to: 'black' },
        policy({ allowedChanges: ['address'] }),
      ),
    ).toEqual({ outcome: 'not_allowed', reason: 'change_not_offered', alternatives: ['contact_agent'] });
  });

  it('a cancelled order cannot be changed', () => {
    expect(decideChange(unshipped('cancelled'), { kind: 'address' }, policy())).toMatchObject({
      reason: 'order_closed',
    });
  });
});
