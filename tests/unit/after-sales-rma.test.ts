import { describe, expect, it } from 'vitest';
import {
  createRma,
  daysToRefund,
  nextState,
  offerExchange,
  RMA_EVENTS,
  RMA_STATES,
  type Rma,
  type RmaEvent,
  type RmaEventType,
  type RmaRequest,
  type RmaResult,
  type RmaState,
  TERMINAL_STATES,
  transition,
} from '../../functions/core/after-sales';

const request = (overrides: Partial<RmaRequest> = {}): RmaRequest => ({
  rmaId: 'RMA-0001',
  orderId: 'A1006',
  customerId: 'c-sam',
  sku: 'LAMP-DSK-BLK',
  quantity: 1,
  kind: 'refund',
  reason: 'damaged',
  photoRefs: ['uploads/c-sam/lamp-crack.jpg'],
  refund: { currency: 'USD', minor: 4500 },
  ...overrides,
});

const T0 = '2026-11-01T10:00:00Z';

function ok(result: RmaResult): Rma {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.rma;
}

const EVENTS: Record<RmaEventType, RmaEvent> = {
  approve: { type: 'approve' },
  issue_label: { type: 'issue_label', labelRef: 'labels/RMA-0001.pdf' },
  ship: { type: 'ship', trackingNumber: '1Z999AA10123456784' },
  receive: { type: 'receive' },
  refund: { type: 'refund' },
  exchange: { type: 'exchange', replacementSku: 'LAMP-DSK-WHT' },
  reject: { type: 'reject', reason: 'inspection_failed' },
};

/** The events that lead from `requested` to each state, one hour apart. */
const PATHS: Record<RmaState, RmaEventType[]> = {
  requested: [],
  approved: ['approve'],
  label_issued: ['approve', 'issue_label'],
  in_transit: ['approve', 'issue_label', 'ship'],
  received: ['approve', 'issue_label', 'ship', 'receive'],
  refunded: ['approve', 'issue_label', 'ship', 'receive', 'refund'],
  exchanged: ['approve', 'issue_label', 'ship', 'receive', 'exchange'],
  rejected: ['reject'],
};

const hour = (n: number) => new Date(Date.parse(T0) + n * 3_600_000).toISOString();

function rmaIn(state: RmaState, kind: 'refund' | 'exchange' = 'exchange'): Rma {
  let rma = ok(
    createRma(request({ kind, replacementSku: kind === 'exchange' ? 'LAMP-DSK-WHT' : undefined }), T0),
  );
  PATHS[state].forEach((event, index) => {
    rma = ok(transition(rma, EVENTS[event], hour(index + 1)));
  });
  return rma;
}

const LEGAL: ReadonlyArray<[RmaState, RmaEventType, RmaState]> = [
  ['requested', 'approve', 'approved'],
  ['requested', 'reject', 'rejected'],
  ['approved', 'issue_label', 'label_issued'],
  ['approved', 'reject', 'rejected'],
  ['label_issued', 'ship', 'in_transit'],
  ['in_transit', 'receive', 'received'],
  ['received', 'refund', 'refunded'],
  ['received', 'exchange', 'exchanged'],
  ['received', 'reject', 'rejected'],
];

describe('creating an RMA', () => {
  it('starts in requested with an empty history and the request details', () => {
    const rma = ok(createRma(request(), T0));
    expect(rma).toMatchObject({
      rmaId: 'RMA-0001',
      state: 'requested',
      kind: 'refund',
      reason: 'damaged',
      sku: 'LAMP-DSK-BLK',
      quantity: 1,
      photoRefs: ['uploads/c-sam/lamp-crack.jpg'],
      refund: { currency: 'USD', minor: 4500 },
      createdAt: T0,
      updatedAt: T0,
      history: [],
    });
  });

  it('defaults to no photos', () => {
    const { photoRefs: _omitted, ...withoutPhotos } = request();
    expect(ok(createRma(withoutPhotos, T0)).photoRefs).toEqual([]);
  });

  it('refuses an exchange without a replacement SKU', () => {
    const result = createRma(request({ kind: 'exchange' }), T0);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(result.ok ? [] : 'issues' in result.error ? result.error.issues : []).toEqual([
      'replacementSku: an exchange needs a replacementSku',
    ]);
  });

  it('refuses a fractional refund, a zero quantity, an unknown reason and a photo URL', () => {
    for (const bad of [
      request({ refund: { currency: 'USD', minor: 45.5 } }),
      request({ quantity: 0 }),
      request({ reason: 'bored' as 'other' }),
      request({ photoRefs: ['https://evil.example/x.jpg'] }),
    ]) {
      expect(createRma(bad, T0)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('refuses a creation time that is not an ISO instant', () => {
    expect(createRma(request(), 'yesterday')).toEqual({ ok: false, error: { code: 'invalid_time' } });
  });

  it('is frozen, history included', () => {
    const rma = ok(createRma(request(), T0));
    expect(Object.isFrozen(rma)).toBe(true);
    expect(Object.isFrozen(rma.history)).toBe(true);
    expect(Object.isFrozen(rma.photoRefs)).toBe(true);
    expect(Object.isFrozen(rma.refund)).toBe(true);
  });
});

describe('RMA transitions', () => {
  for (const [from, event, to] of LEGAL) {
    it(`${event} moves an RMA from ${from} to ${to} and records it`, () => {
      const before = rmaIn(from);
      const after = ok(transition(before, EVENTS[event], '2026-11-05T00:00:00Z'));
      expect(after.state).toBe(to);
      expect(after.updatedAt).toBe('2026-11-05T00:00:00Z');
      expect(after.history.at(-1)).toEqual({ from, to, at: '2026-11-05T00:00:00Z', event });
      expect(after.history).toHaveLength(before.history.length + 1);
      expect(before.state).toBe(from);
    });
  }

  const legal = new Set(LEGAL.map(([from, event]) => `${from}:${event}`));
  for (const from of RMA_STATES) {
    for (const event of RMA_EVENTS) {
      if (legal.has(`${from}:${event}`)) continue;
      it(`${event} is illegal from ${from}`, () => {
        const before = rmaIn(from);
        expect(transition(before, EVENTS[event], '2026-11-05T00:00:00Z')).toEqual({
          ok: false,
          error: { code: 'illegal_transition', from, event },
        });
        expect(nextState(from, event)).toBeUndefined();
      });
    }
  }

  it('nothing leaves a terminal state', () => {
    for (const state of TERMINAL_STATES) {
      for (const event of RMA_EVENTS) expect(nextState(state, event)).toBeUndefined();
    }
    expect([...TERMINAL_STATES].sort()).toEqual(['exchanged', 'refunded', 'rejected']);
  });

  it('a refund-kind RMA cannot end in an exchange', () => {
    const received = rmaIn('received', 'refund');
    expect(transition(received, EVENTS.exchange, '2026-11-05T00:00:00Z')).toEqual({
      ok: false,
      error: { code: 'wrong_kind', kind: 'refund', event: 'exchange' },
    });
  });

  it('an exchange-kind RMA can fall back to a refund when the replacement sold out', () => {
    expect(ok(transition(rmaIn('received', 'exchange'), EVENTS.refund, '2026-11-05T00:00:00Z')).state).toBe(
      'refunded',
    );
  });

  it('keeps the label, the return tracking number, the replacement and the rejection reason', () => {
    const shipped = rmaIn('in_transit');
    expect(shipped.labelRef).toBe('labels/RMA-0001.pdf');
    expect(shipped.returnTrackingNumber).toBe('1Z999AA10123456784');
    expect(rmaIn('exchanged').replacementSku).toBe('LAMP-DSK-WHT');
    expect(rmaIn('rejected').rejectionReason).toBe('inspection_failed');
  });

  it('records the whole path in order', () => {
    expect(rmaIn('refunded').history.map((entry) => `${entry.from}>${entry.to}`)).toEqual([
      'requested>approved',
      'approved>label_issued',
      'label_issued>in_transit',
      'in_transit>received',
      'received>refunded',
    ]);
  });

  it('refuses a transition dated before the last one', () => {
    const approved = rmaIn('approved');
    expect(transition(approved, EVENTS.issue_label, '2026-11-01T10:59:59Z')).toEqual({
      ok: false,
      error: { code: 'invalid_time' },
    });
  });

  it('returns a new RMA and leaves the old one untouched', () => {
    const requested = rmaIn('requested');
    const approved = ok(transition(requested, EVENTS.approve, hour(1)));
    expect(approved).not.toBe(requested);
    expect(requested.state).toBe('requested');
    expect(requested.history).toEqual([]);
    expect(Object.isFrozen(approved)).toBe(true);
    expect(Object.isFrozen(approved.history[0])).toBe(true);
  });
});

describe('days to refund', () => {
  it('is measured from the request to the refund', () => {
    let rma = ok(createRma(request(), '2026-11-01T00:00:00Z'));
    const steps: Array<[RmaEventType, string]> = [
      ['approve', '2026-11-01T06:00:00Z'],
      ['issue_label', '2026-11-01T06:05:00Z'],
      ['ship', '2026-11-02T09:00:00Z'],
      ['receive', '2026-11-05T14:00:00Z'],
      ['refund', '2026-11-06T12:00:00Z'],
    ];
    for (const [event, at] of steps) rma = ok(transition(rma, EVENTS[event], at));
    expect(daysToRefund(rma)).toBe(5.5);
  });

  it('is undefined until the refund', () => {
    expect(daysToRefund(rmaIn('received'))).toBeUndefined();
    expect(daysToRefund(rmaIn('exchanged'))).toBeUndefined();
  });
});

describe('exchange before refund', () => {
  const allowed = { exchangeAllowed: true };

  it('offers the next size when it is in stock', () => {
    expect(
      offerExchange(
        { sku: 'RUN-42-BLK', quantity: 1, reason: 'too_small', replacementSku: 'RUN-43-BLK' },
        { 'RUN-43-BLK': 4 },
        allowed,
      ),
    ).toEqual({ offer: 'exchange', replacementSku: 'RUN-43-BLK', quantity: 1 });
  });

  it('offers a refund only when the replacement is out of stock', () => {
    expect(
      offerExchange(
        { sku: 'RUN-42-BLK', quantity: 2, reason: 'too_small', replacementSku: 'RUN-43-BLK' },
        { 'RUN-43-BLK': 1 },
        allowed,
      ),
    ).toEqual({ offer: 'refund_only', reason: 'out_of_stock' });
  });

  it('replaces a damaged item with the same SKU', () => {
    expect(
      offerExchange({ sku: 'LAMP-DSK-BLK', quantity: 1, reason: 'damaged' }, { 'LAMP-DSK-BLK': 1 }, allowed),
    ).toEqual({ offer: 'exchange', replacementSku: 'LAMP-DSK-BLK', quantity: 1 });
  });

  it('does not offer the same size back for a fit problem', () => {
    expect(
      offerExchange(
        { sku: 'RUN-42-BLK', quantity: 1, reason: 'too_large', replacementSku: 'RUN-42-BLK' },
        { 'RUN-42-BLK': 9 },
        allowed,
      ),
    ).toEqual({ offer: 'refund_only', reason: 'no_replacement_chosen' });
    expect(
      offerExchange({ sku: 'RUN-42-BLK', quantity: 1, reason: 'too_large' }, { 'RUN-41-BLK': 9 }, allowed),
    ).toEqual({ offer: 'refund_only', reason: 'no_replacement_chosen' });
  });

  it('offers nothing but a refund when the store does not exchange', () => {
    expect(
      offerExchange(
        { sku: 'RUN-42-BLK', quantity: 1, reason: 'too_small', replacementSku: 'RUN-43-BLK' },
        { 'RUN-43-BLK': 4 },
        { exchangeAllowed: false },
      ),
    ).toEqual({ offer: 'refund_only', reason: 'exchange_not_offered' });
  });

  it('treats unknown SKUs, including names of object members, as out of stock', () => {
    expect(
      offerExchange(
        { sku: 'X-1', quantity: 1, reason: 'changed_mind', replacementSku: 'constructor' },
        {},
        allowed,
      ),
    ).toEqual({ offer: 'refund_only', reason: 'out_of_stock' });
  });
});
