import { describe, expect, it } from 'vitest';
import { HybridChatModel, type Route } from '../../functions/core/assistant/hybrid-chat-model';
import { runAssistantTurn } from '../../functions/core/assistant/run-turn';
import { AssistantTools } from '../../functions/core/assistant/tools';
import { EmbeddedChatModel } from '../../functions/core/embedded-model/embedded-chat-model';
import type { Order } from '../../functions/core/orders';
import type { ChatModel, ConverseRequest } from '../../functions/ports/chat-model';

const order: Order = {
  orderId: 'A1001',
  customerId: 'c-ana',
  email: 'ana@example.com',
  placedAt: '2026-11-01T10:00:00Z',
  country: 'FR',
  currency: 'EUR',
  status: 'shipped',
  items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', quantity: 1, unitPrice: 89.9 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600006254',
    status: 'in_transit',
    estimatedDelivery: '2026-11-28',
    events: [{ at: '2026-11-20T08:00:00Z', location: 'Leipzig, DE', description: 'Departed hub' }],
  },
};

const tools = new AssistantTools(
  {
    getOrder: async (id) => (id === order.orderId ? order : undefined),
    listOrdersForCustomer: async (customerId) => (customerId === order.customerId ? [order] : []),
    putOrder: async () => undefined,
  },
  { requestHandoff: async () => 'queued' },
);

function recordingLlm(): ChatModel & { calls: ConverseRequest[] } {
  const calls: ConverseRequest[] = [];
  return {
    name: 'llm',
    calls,
    converse: async (request) => {
      calls.push(request);
      return { stopReason: 'end_turn', content: [{ type: 'text', text: 'LLM answer' }] };
    },
  };
}

async function turn(text: string, intents?: string[]) {
  const llm = recordingLlm();
  const routes: Route[] = [];
  const elapsed: number[] = [];
  const model = new HybridChatModel(new EmbeddedChatModel(), llm, {
    intents,
    onRoute: (route, call) => {
      routes.push(route);
      elapsed.push(call.elapsedMs);
    },
  });
  const result = await runAssistantTurn(
    { model, tools },
    {
      history: [{ role: 'user', content: [{ type: 'text', text }] }],
      context: { customerId: 'c-ana', sessionId: 's-test-0001' },
    },
  );
  return { result, llm, routes, elapsed };
}

describe('hybrid routing', () => {
  it('answers a clear-cut tracking question with the embedded model and never calls the LLM', async () => {
    const { result, llm, routes } = await turn('Where is my order A1001?');
    expect(llm.calls).toHaveLength(0);
    expect(routes).toEqual(['embedded', 'embedded']);
    expect(result.text).toContain('JD014600006254');
    expect(result.toolCalls).toEqual([{ name: 'get_order_status', status: 'success' }]);
  });

  it('sends anything that is not clear-cut to the LLM', async () => {
    const { result, llm, routes } = await turn(
      'The sole of my shoe came off after two days and I want to know what my options are',
    );
    expect(routes).toEqual(['fallback']);
    expect(llm.calls).toHaveLength(1);
    expect(result.text).toBe('LLM answer');
  });

  it('reports how long each model call took, per route, for the latency metrics', async () => {
    const { routes, elapsed } = await turn('Where is my order A1001?');
    expect(routes).toHaveLength(elapsed.length);
    for (const ms of elapsed) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('routes nothing to the embedded model when the stack lists no intents for it', async () => {
    const { llm, routes } = await turn('Where is my order A1001?', []);
    expect(routes).toEqual(['fallback']);
    expect(llm.calls).toHaveLength(1);
  });

  it('keeps tracking with the LLM when the stack lets the embedded model answer other intents only', async () => {
    const { llm, routes } = await turn('Where is my order A1001?', ['refund_status']);
    expect(routes).toEqual(['fallback']);
    expect(llm.calls).toHaveLength(1);
  });
});
