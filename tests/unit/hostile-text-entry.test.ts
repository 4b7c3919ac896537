import { describe, expect, it } from 'vitest';
import { handleAgentCommand } from '../../functions/core/console/agent-commands';
import type { ConsoleDeps } from '../../functions/core/console/deps';
import type { Order } from '../../functions/core/orders';
import type { ServerEvent } from '../../functions/core/protocol';
import { readVideoFrame } from '../../functions/core/video/protocol';
import { receiveShopifyWebhook, type WebhookDeps } from '../../functions/core/webhooks/receive';
import { signShopifyBody } from '../../functions/core/webhooks/signatures';
import type { StoredMessage } from '../../functions/ports/repositories';
import { shopifyOrderPayload } from '../support/shopify-payloads';

/**
 * Malformed Unicode (a lone surrogate: valid JSON, not valid UTF-8) through the entry points other than the
 * shopper's chat frame, which already normalises it: an agent's reply, a video frame, a seller's webhook.
 * Downstream, Parquet, DuckDB, Comprehend and Firehose fail on it, taking other shoppers' facts along.
 */
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();
const LONE = '\ud800';

describe('a lone surrogate entering outside the shopper chat', () => {
  it("is made well-formed in an agent's reply before it is stored or sent to the shopper", async () => {
    const stored: StoredMessage[] = [];
    const pushed: ServerEvent[] = [];
    const deps = {
      conversations: {
        getSession: async (sessionId: string) => ({
          sessionId,
          customerId: 'c-ana',
          connectionId: 'conn-shopper',
          handoffStatus: 'assigned',
          handoffAgent: 'agent-mei',
          handoffAgentName: 'Mei',
          language: 'en',
        }),
        reserveSequences: async () => 7,
        putMessage: async (message: StoredMessage) => {
          stored.push(message);
        },
      },
      queue: { getEntry: async () => undefined },
      translator: { available: false },
      shopperPush: {
        send: async (_connection: string, event: ServerEvent) => {
          pushed.push(event);
          return 'delivered';
        },
      },
      audit: { record: async () => undefined },
      now: () => new Date('2026-12-06T07:00:00Z'),
    } as unknown as ConsoleDeps;

    const answer = await handleAgentCommand(deps, {
      connectionId: 'conn-agent',
      agent: { agentId: 'agent-mei', email: 'mei@example.com', firstName: 'Mei', role: 'agent' },
      // As the socket delivers it: the JSON escape of a lone surrogate inside otherwise valid text.
      body: `{"action":"reply","sessionId":"sess-00000001","text":"Hello ${'\\ud800'} there","translate":false}`,
    });

    expect(answer).toMatchObject({ type: 'done', action: 'reply' });
    expect(stored.map((message) => message.text)).toEqual(['Hello \ufffd there']);
    const sent = pushed.map((event) => (event as { text?: string }).text ?? '');
    expect(sent).toEqual(['Hello \ufffd there']);
    expect(stored.every((message) => isWellFormed(message.text))).toBe(true);
  });

  it('is made well-formed in a video frame (the SKU of an outcome reaches the video facts)', () => {
    const read = readVideoFrame(
      `{"action":"videoOutcome","callId":"call-0001","outcome":"return","sku":"TEE-${'\\ud800'}-M"}`,
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.frame).toMatchObject({ action: 'videoOutcome', sku: 'TEE-\ufffd-M' });
  });

  it("is made well-formed in a seller's order webhook (item names reach replies and facts)", async () => {
    const saved: Order[] = [];
    const deps: WebhookDeps = {
      secrets: { shopify: async () => 'shpss_0123456789abcdef0123456789abcdef', carrier: async () => 'c' },
      orders: {
        load: async () => undefined,
        save: async (order: Order) => {
          saved.push(order);
          return 'saved';
        },
      },
      deliveries: {
        claim: async () => 'claimed',
        complete: async () => undefined,
        release: async () => undefined,
      },
      now: () => Date.parse('2026-12-02T09:05:00Z'),
      replayWindow: { shopifySeconds: 6 * 3600, carrierSeconds: 300 },
    };
    const payload = shopifyOrderPayload();
    const items = payload.line_items as Array<Record<string, unknown>>;
    (items[0] as Record<string, unknown>).name = `Linen tee ${LONE} M`;
    // JSON.stringify writes the lone surrogate as the escape `\ud800`: valid UTF-8 on the wire.
    const rawBody = Buffer.from(JSON.stringify(payload));
    const result = await receiveShopifyWebhook(deps, {
      topic: 'orders/create',
      webhookId: 'wh-lone-surrogate',
      hmac: signShopifyBody('shpss_0123456789abcdef0123456789abcdef', rawBody),
      triggeredAt: '2026-12-02T09:00:00Z',
      rawBody,
    });

    expect(result).toMatchObject({ status: 200, outcome: 'applied' });
    const names = saved.flatMap((order) => order.items.map((item) => item.name));
    expect(names).toEqual(['Linen tee \ufffd M']);
    expect(names.every(isWellFormed)).toBe(true);
  });
});
