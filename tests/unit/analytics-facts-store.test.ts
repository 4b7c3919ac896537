import { describe, expect, it } from 'vitest';
import { decodeStoreChange, decodeStoreRemoval } from '../../functions/adapters/aws/store-stream-events';
import {
  createRma,
  RMA_STATES,
  type Rma,
  type RmaEvent,
  type RmaEventType,
  type RmaRequest,
  type RmaState,
  transition,
} from '../../functions/core/after-sales';
import { reasonId, toReturnFact } from '../../functions/core/analytics/return-facts';
import {
  MalformedStoreItemError,
  storeEventFact,
  storeFactOf,
} from '../../functions/core/analytics/store-facts';
import { ticketState, toTicketFact } from '../../functions/core/analytics/ticket-facts';
import { claimItem, openClaim, returnItem } from '../support/store-facts';

const T0 = '2026-11-01T10:00:00.000Z';
const HOUR = 3_600_000;

const request = (overrides: Partial<RmaRequest> = {}): RmaRequest => ({
  rmaId: 'RMA-0001',
  orderId: 'A1006',
  customerId: 'c-sam',
  sku: 'TEE-M-RED',
  quantity: 2,
  kind: 'exchange',
  reason: 'too_small',
  refund: { currency: 'USD', minor: 4500 },
  replacementSku: 'TEE-L-RED',
  ...overrides,
});

const EVENTS: Record<RmaEventType, RmaEvent> = {
  approve: { type: 'approve' },
  issue_label: { type: 'issue_label', labelRef: 'labels/RMA-0001.pdf' },
  ship: { type: 'ship', trackingNumber: '1Z999AA10123456784' },
  receive: { type: 'receive' },
  refund: { type: 'refund' },
  exchange: { type: 'exchange', replacementSku: 'TEE-L-RED' },
  reject: { type: 'reject', reason: 'inspection_failed' },
};

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

/** The RMA after `events`, the nth one `stepHours * n` after the request. */
function rmaAfter(events: RmaEventType[], stepHours = 1, overrides: Partial<RmaRequest> = {}): Rma {
  const created = createRma(request(overrides), T0);
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  let rma = created.rma;
  events.forEach((event, index) => {
    const next = transition(
      rma,
      EVENTS[event],
      new Date(Date.parse(T0) + (index + 1) * stepHours * HOUR).toISOString(),
    );
    if (!next.ok) throw new Error(JSON.stringify(next.error));
    rma = next.rma;
  });
  return rma;
}

describe('return facts from RMA items', () => {
  it.each(RMA_STATES)('an RMA in state %s becomes a row in that state', (state) => {
    const rma = rmaAfter(PATHS[state]);
    const fact = toReturnFact(returnItem(rma));
    expect(fact).toMatchObject({
      return_id: 'RMA-0001',
      order_id: 'A1006',
      sku: 'TEE-M-RED',
      quantity: 2,
      reason: 'too_small',
      size_related: true,
      state,
      requested_at: T0,
      updated_at: rma.updatedAt,
      dt: rma.updatedAt.slice(0, 10),
    });
    if (state !== 'refunded') {
      expect(fact.refunded_at).toBeNull();
      expect(fact.days_to_refund).toBeNull();
    }
  });

  it('measures days to refund from the request to the refund transition', () => {
    // Five steps twelve hours apart: the refund comes 60 hours after the request.
    const rma = rmaAfter(PATHS.refunded, 12, {
      kind: 'refund',
      replacementSku: undefined,
      reason: 'damaged',
    });
    const fact = toReturnFact(returnItem(rma));
    expect(fact.refunded_at).toBe('2026-11-03T22:00:00.000Z');
    expect(fact.days_to_refund).toBe(2.5);
    expect(fact.dt).toBe('2026-11-03');
  });

  it('marks fit reasons as size related and defects as not', () => {
    const reasonOf = (reason: RmaRequest['reason']) =>
      toReturnFact(returnItem(rmaAfter([], 1, { reason, kind: 'refund', replacementSku: undefined })));
    expect(reasonOf('too_large')).toMatchObject({ reason: 'too_large', size_related: true });
    expect(reasonOf('damaged')).toMatchObject({ reason: 'damaged', size_related: false });
    expect(reasonOf('changed_mind')).toMatchObject({ reason: 'changed_mind', size_related: false });
  });

  it('keeps reason ids stable however a reason is spelled', () => {
    expect(reasonId('Too Small')).toBe('too_small');
    expect(reasonId(' size-chart-wrong ')).toBe('size_chart_wrong');
    expect(() => reasonId(' - ')).toThrow(MalformedStoreItemError);
  });

  it.each([
    ['no data', (item: Record<string, unknown>) => ({ ...item, data: undefined })],
    [
      'an unknown state',
      (item: Record<string, unknown>) => ({ ...item, data: { ...(item.data as object), state: 'lost' } }),
    ],
    [
      'a fractional quantity',
      (item: Record<string, unknown>) => ({ ...item, data: { ...(item.data as object), quantity: 1.5 } }),
    ],
    ['no SKU', (item: Record<string, unknown>) => ({ ...item, data: { ...(item.data as object), sku: '' } })],
    [
      'a request time that is no time',
      (item: Record<string, unknown>) => ({
        ...item,
        data: { ...(item.data as object), createdAt: 'yesterday' },
      }),
    ],
  ])('refuses an RMA item with %s', (_what, spoil) => {
    expect(() => toReturnFact(spoil(returnItem(rmaAfter(['approve']))))).toThrow(MalformedStoreItemError);
  });
});

describe('ticket facts from claim items', () => {
  it('an opened claim is an open ticket with its category, owner and conversation', () => {
    expect(toTicketFact(claimItem(openClaim()))).toEqual({
      schema_version: 1,
      ticket_id: 'C-0001',
      conversation_id: 's-1',
      category: 'quality',
      owner: 'supply-chain',
      state: 'open',
      opened_at: '2026-11-20T10:00:00.000Z',
      closed_at: null,
      time_to_close_hours: null,
      updated_at: '2026-11-20T10:00:00.000Z',
      dt: '2026-11-20',
    });
  });

  it('a closed claim has its close time and the hours it took', () => {
    const item = claimItem(
      openClaim({ owner: { type: 'person', id: 'ana.payments' }, category: 'payment' }),
      {
        status: 'closed',
        closedAt: '2026-11-21T16:30:00.000Z',
        updatedAt: '2026-11-21T16:30:00.000Z',
      },
    );
    expect(toTicketFact(item)).toMatchObject({
      owner: 'ana.payments',
      category: 'payment',
      state: 'closed',
      closed_at: '2026-11-21T16:30:00.000Z',
      time_to_close_hours: 30.5,
      dt: '2026-11-21',
    });
  });

  it('a resolved claim without a close time closed when it was last updated', () => {
    const item = claimItem(openClaim(), { status: 'resolved', updatedAt: '2026-11-20T13:00:00.000Z' });
    expect(toTicketFact(item)).toMatchObject({ state: 'closed', time_to_close_hours: 3 });
  });

  it('groups the desk statuses into open, pending and closed', () => {
    expect(['new', 'open'].map(ticketState)).toEqual(['open', 'open']);
    expect(['pending', 'in_progress', 'waiting_on_customer', 'escalated'].map(ticketState)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(['resolved', 'closed', 'rejected'].map(ticketState)).toEqual(['closed', 'closed', 'closed']);
    for (const status of ['archived', 'constructor', 7, undefined])
      expect(() => ticketState(status)).toThrow(MalformedStoreItemError);
  });

  it('reads the owner from the claim itself when the item has no owner attributes', () => {
    const { ownerId: _ownerId, ...item } = claimItem(
      openClaim({ owner: { type: 'queue', id: 'logistics' } }),
    );
    expect(toTicketFact(item).owner).toBe('logistics');
  });

  it.each([
    ['no claim id', { data: { ...openClaim(), claimId: undefined } }],
    ['no category', { category: undefined, data: { ...openClaim(), category: undefined } }],
    ['an empty owner', { ownerId: '' }],
    ['an unknown status', { status: 'archived' }],
  ])('refuses a claim item with %s', (_what, spoil) => {
    expect(() => toTicketFact({ ...claimItem(openClaim()), ...spoil })).toThrow(MalformedStoreItemError);
  });
});

describe('which Store item changes make a row', () => {
  const approved = returnItem(rmaAfter(['approve']));
  const labelled = returnItem(rmaAfter(['approve', 'issue_label']));

  it('store events decoded from the changes carry no storage key and make the same rows', () => {
    const changes = [
      { eventName: 'INSERT' as const, newImage: approved },
      { eventName: 'MODIFY' as const, oldImage: approved, newImage: labelled },
      { eventName: 'MODIFY' as const, oldImage: approved, newImage: { ...approved, note: 'x' } },
      { eventName: 'INSERT' as const, newImage: claimItem(openClaim()) },
    ];
    for (const change of changes) {
      const event = decodeStoreChange(change);
      expect(JSON.stringify(event)).not.toMatch(/ORDER#|RETURN#|CLAIM#/);
      expect(event && storeEventFact(event)).toEqual(storeFactOf(change));
    }
    expect(
      decodeStoreChange({ eventName: 'INSERT', newImage: { type: 'order', pk: 'ORDER#A1' } }),
    ).toBeUndefined();
    expect(decodeStoreRemoval({ cause: 'expired', oldImage: claimItem(openClaim()) })).toEqual({
      kind: 'store_record_removed',
      record: 'claim',
      cause: 'expired',
    });
  });

  it('a created return or claim makes a row', () => {
    expect(storeFactOf({ eventName: 'INSERT', newImage: approved })?.fact).toBe('return_facts');
    expect(storeFactOf({ eventName: 'INSERT', newImage: claimItem(openClaim()) })?.fact).toBe('ticket_facts');
  });

  it('a state change makes a row; another modification does not', () => {
    expect(storeFactOf({ eventName: 'MODIFY', oldImage: approved, newImage: labelled })?.row).toMatchObject({
      state: 'label_issued',
    });
    const retagged = { ...approved, customerId: 'c-sam-2' };
    expect(storeFactOf({ eventName: 'MODIFY', oldImage: approved, newImage: retagged })).toBeUndefined();
    const open = claimItem(openClaim());
    expect(
      storeFactOf({ eventName: 'MODIFY', oldImage: open, newImage: { ...open, photoKeys: ['x'] } }),
    ).toBeUndefined();
    expect(
      storeFactOf({ eventName: 'MODIFY', oldImage: open, newImage: { ...open, status: 'in_progress' } })?.row,
    ).toMatchObject({ state: 'pending' });
  });

  it('orders, products and the product return markers make no row', () => {
    for (const newImage of [
      { pk: 'ORDER#A1006', sk: 'ORDER', type: 'order' },
      { pk: 'PRODUCT#TEE-M-RED', sk: 'PRODUCT', type: 'product' },
      { pk: 'PRODUCT#TEE-M-RED', sk: 'RETURN#RMA-0001', type: 'product_return', reason: 'too_small' },
    ])
      expect(storeFactOf({ eventName: 'INSERT', newImage })).toBeUndefined();
  });
});
