import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { consoleEventOf } from '../../functions/adapters/aws/console-stream-events';
import type { Claim } from '../../functions/core/after-sales/claims';
import type { Rma } from '../../functions/core/after-sales/rma';
import { type AgentEvent, forAgents } from '../../functions/core/console/agent-protocol';
import type { StoredQueueEntry } from '../../functions/core/console/queue';
import type { Order } from '../../functions/core/orders';

const CUSTOMER = 'c-internal-4711';

const entry: StoredQueueEntry = {
  sessionId: 'sess-00000001',
  customerId: CUSTOMER,
  status: 'queued',
  reason: 'shopper_request',
  priority: 'high',
  requestedAt: '2026-12-06T06:00:00Z',
  updatedAt: '2026-12-06T06:00:00Z',
  orderId: 'A1001',
  vip: false,
  anger: 0.6,
};

const order = {
  orderId: 'A1001',
  customerId: CUSTOMER,
  email: 'ana@example.com',
  placedAt: '2026-11-20T10:00:00Z',
  country: 'DE',
  currency: 'EUR',
  status: 'shipped',
  items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', quantity: 1, unitPrice: 89.9 }],
  shipment: { carrier: 'DHL', trackingNumber: 'JD014600006254', status: 'in_transit', events: [] },
} as Order;

describe('what the agent console receives', () => {
  it('decodes a stored shopper message without the owner the store wrote on it', () => {
    const record = {
      eventName: 'INSERT',
      dynamodb: {
        NewImage: marshall({
          pk: 'SESSION#sess-00000001',
          sk: 'MSG#000000000001',
          type: 'message',
          sessionId: 'sess-00000001',
          seq: 1,
          role: 'shopper',
          text: 'Where is my parcel?',
          createdAt: '2026-12-06T06:00:00Z',
          clientMessageId: 'm1',
          customerId: CUSTOMER,
        }),
      },
    } as unknown as DynamoDBRecord;
    const event = consoleEventOf(record);
    expect(event).toMatchObject({ kind: 'messageStored', message: { text: 'Where is my parcel?', seq: 1 } });
    expect(JSON.stringify(event)).not.toContain(CUSTOMER);
  });

  it('sends queue entries, the order, returns and cases without the customer id or the order email', () => {
    const events: AgentEvent[] = [
      { type: 'queueEntry', entry, isNew: true },
      {
        type: 'queue',
        me: { agentId: 'a1', firstName: 'Mei', email: 'mei@example.com', groups: ['agent'] } as never,
        entries: [entry],
        responseTargetMinutes: 5,
        presence: [],
      },
      {
        type: 'conversation',
        sessionId: entry.sessionId,
        entry,
        messages: [],
        notes: [],
        order,
        returns: [
          { rmaId: 'R-1', orderId: 'A1001', customerId: CUSTOMER, state: 'requested' } as unknown as Rma,
        ],
        claims: [{ claimId: 'K-1', customerId: CUSTOMER, sessionId: entry.sessionId } as unknown as Claim],
        earlier: [{ ...entry, sessionId: 'sess-00000000', status: 'closed' }],
        viewers: [],
        cannedReplies: [],
        translator: { available: false },
      },
    ];
    for (const event of events) {
      const sent = JSON.stringify(forAgents(event));
      expect(sent).not.toContain(CUSTOMER);
      expect(sent).not.toContain('ana@example.com');
    }
    const conversation = forAgents(events[2] as AgentEvent);
    // What the console shows stays: the conversation, the order's items and shipment, the return and case.
    expect(conversation).toMatchObject({
      entry: { sessionId: entry.sessionId, orderId: 'A1001', priority: 'high' },
      order: {
        orderId: 'A1001',
        items: [{ sku: 'RUN-42-BLK' }],
        shipment: { trackingNumber: 'JD014600006254' },
      },
      returns: [{ rmaId: 'R-1', state: 'requested' }],
      claims: [{ claimId: 'K-1' }],
      earlier: [{ sessionId: 'sess-00000000' }],
    });
  });
});
