import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BedrockChatModel } from '../../functions/adapters/aws/bedrock-chat-model';
import { runAssistantTurn } from '../../functions/core/assistant/run-turn';
import { AssistantTools } from '../../functions/core/assistant/tools';
import type { Order } from '../../functions/core/orders';
import type { OrderRepository } from '../../functions/ports/repositories';
import { streamOf, textReply, toolUseReply } from '../fixtures/bedrock/converse-stream-events';

const bedrock = mockClient(BedrockRuntimeClient);
const client = new BedrockRuntimeClient({ region: 'eu-west-1' });

const ORDER: Order = {
  orderId: 'A1001',
  customerId: 'cust-ana',
  email: 'ana@example.com',
  placedAt: '2025-05-02T09:14:00Z',
  country: 'MX',
  currency: 'USD',
  status: 'shipped',
  items: [{ sku: 'TSHIRT-BLU-M', name: 'Linen shirt', size: 'M', quantity: 1, unitPrice: 39 }],
  shipment: {
    carrier: 'DHL Express',
    trackingNumber: 'JD014600006283746152',
    status: 'in_transit',
    estimatedDelivery: '2025-05-09',
    events: [
      { at: '2025-05-03T18:02:00Z', location: 'Shenzhen, CN', description: 'Shipment picked up' },
      { at: '2025-05-05T07:40:00Z', location: 'Leipzig, DE', description: 'Arrived at hub' },
    ],
  },
};

class InMemoryOrders implements OrderRepository {
  private readonly orders = new Map<string, Order>();
  constructor(orders: Order[]) {
    for (const order of orders) this.orders.set(order.orderId, order);
  }
  async getOrder(orderId: string) {
    return this.orders.get(orderId);
  }
  async listOrdersForCustomer(customerId: string, limit: number) {
    return [...this.orders.values()]
      .filter((order) => order.customerId === customerId)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt))
      .slice(0, limit);
  }
  async putOrder(order: Order) {
    this.orders.set(order.orderId, order);
  }
}

function queue(...turns: ConverseStreamOutput[][]) {
  let behaviour = bedrock.on(ConverseStreamCommand);
  for (const events of turns) {
    behaviour = behaviour.resolvesOnce({ stream: streamOf(events), $metadata: { httpStatusCode: 200 } });
  }
}

function sentMessages(call: number) {
  return bedrock.commandCalls(ConverseStreamCommand)[call]?.args[0].input.messages;
}

const deps = () => ({
  model: new BedrockChatModel({ client, modelId: 'eu.amazon.nova-pro-v1:0', logger: { warn: vi.fn() } }),
  tools: new AssistantTools(new InMemoryOrders([ORDER]), { requestHandoff: async () => 'queued' }),
});

beforeEach(() => {
  bedrock.reset();
});

afterAll(() => {
  bedrock.restore();
});

describe('Bedrock tool loop', () => {
  it('looks up an order through get_order_status and answers with the live status', async () => {
    queue(
      toolUseReply(
        ['Déjame revisar ', 'tu pedido.'],
        { toolUseId: 'tooluse_Vh4b1kq9Tq2C0y8nq3JX5w', name: 'get_order_status' },
        ['{"orde', 'rId": "a1', '001"}'],
      ),
      textReply(['Tu pedido A1001 ', 'va en camino con DHL Express ', 'y llegará el 9 de mayo.'], [1620, 41]),
    );
    const deltas: string[] = [];

    const result = await runAssistantTurn(deps(), {
      history: [{ role: 'user', content: [{ type: 'text', text: '¿Dónde está mi pedido a1001?' }] }],
      context: { customerId: 'cust-ana', sessionId: 's-test-0001' },
      languageHint: 'es-MX',
      onDelta: (text) => deltas.push(text),
    });

    expect(result.text).toBe('Tu pedido A1001 va en camino con DHL Express y llegará el 9 de mayo.');
    expect(result.toolCalls).toEqual([{ name: 'get_order_status', status: 'success' }]);
    expect(result.rounds).toBe(2);
    expect(deltas.join('')).toContain('va en camino con DHL Express');
    expect(bedrock.commandCalls(ConverseStreamCommand)).toHaveLength(2);

    const second = sentMessages(1);
    expect(second).toHaveLength(3);
    expect(second?.[1]).toEqual({
      role: 'assistant',
      content: [
        { text: 'Déjame revisar tu pedido.' },
        {
          toolUse: {
            toolUseId: 'tooluse_Vh4b1kq9Tq2C0y8nq3JX5w',
            name: 'get_order_status',
            input: { orderId: 'a1001' },
          },
        },
      ],
    });
    expect(second?.[2]).toMatchObject({
      role: 'user',
      content: [
        {
          toolResult: {
            toolUseId: 'tooluse_Vh4b1kq9Tq2C0y8nq3JX5w',
            status: 'success',
            content: [
              {
                json: {
                  order: {
                    orderId: 'A1001',
                    status: 'shipped',
                    shipment: {
                      carrier: 'DHL Express',
                      status: 'in_transit',
                      estimatedDelivery: '2025-05-09',
                      lastEvent: { description: 'Arrived at hub' },
                    },
                  },
                },
              },
            ],
          },
        },
      ],
    });
    // The shopper's email never reaches the model.
    expect(JSON.stringify(second)).not.toContain('ana@example.com');
  });

  it("reports another shopper's order as not found in an error tool result", async () => {
    queue(
      toolUseReply(
        ['Un momento.'],
        { toolUseId: 'tooluse_Xm2n8pL0Rz6W1c4Hk7Yt9q', name: 'get_order_status' },
        ['{"orderId":', ' "A1001"}'],
      ),
      textReply(['No encuentro el pedido A1001 en tu cuenta.']),
    );

    const result = await runAssistantTurn(deps(), {
      history: [{ role: 'user', content: [{ type: 'text', text: '¿Dónde está el pedido A1001?' }] }],
      context: { customerId: 'cust-someone-else', sessionId: 's-test-0002' },
    });

    expect(result.toolCalls).toEqual([{ name: 'get_order_status', status: 'error' }]);
    expect(sentMessages(1)?.[2]).toEqual({
      role: 'user',
      content: [
        {
          toolResult: {
            toolUseId: 'tooluse_Xm2n8pL0Rz6W1c4Hk7Yt9q',
            status: 'error',
            content: [
              { json: { error: 'order_not_found', message: 'No order A1001 was found for this shopper.' } },
            ],
          },
        },
      ],
    });
    expect(JSON.stringify(sentMessages(1))).not.toContain('DHL');
  });
});
