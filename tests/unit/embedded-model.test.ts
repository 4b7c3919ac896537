import { describe, expect, it } from 'vitest';
import { TOOL_SPECS } from '../../functions/core/assistant/tools';
import { analyse, EmbeddedChatModel } from '../../functions/core/embedded-model/embedded-chat-model';
import type { OrderStatusView } from '../../functions/core/orders';
import type { ChatMessage, ContentBlock, ConverseResponse } from '../../functions/ports/chat-model';

const SHOES: OrderStatusView = {
  orderId: 'A1001',
  status: 'shipped',
  placedAt: '2025-04-28T09:00:00Z',
  items: [{ name: 'Trail Running Shoes', size: '42', quantity: 1 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'JD014600006281',
    status: 'in_transit',
    estimatedDelivery: '2025-05-06',
    lastEvent: { at: '2025-05-03T08:15:00+02:00', location: 'Leipzig, DE', description: 'Departed facility' },
  },
};

const SHIRT: OrderStatusView = {
  orderId: 'A1002',
  status: 'processing',
  placedAt: '2025-04-30T09:00:00Z',
  items: [{ name: 'Linen Shirt', size: 'M', quantity: 1 }],
};

const OTHER_CUSTOMERS_ORDER = 'B7777';

type ToolResult = Extract<ContentBlock, { type: 'toolResult' }>;

/** Plays the shared tool-use loop (run-turn.ts) against a fixed set of the shopper's orders. */
function executeTool(name: string, input: Record<string, unknown>, orders: OrderStatusView[]) {
  if (name === 'list_my_orders') return { status: 'success' as const, content: { orders } };
  const order = orders.find((candidate) => candidate.orderId === input.orderId);
  return order
    ? { status: 'success' as const, content: { order } }
    : {
        status: 'error' as const,
        content: {
          error: 'order_not_found',
          message: `No order ${String(input.orderId)} was found for this shopper.`,
        },
      };
}

interface Turn {
  reply: string;
  response: ConverseResponse;
  toolCalls: Array<{ name: string; input: Record<string, unknown>; toolUseId: string }>;
}

async function chat(
  texts: string[],
  orders: OrderStatusView[],
  options: { languageHint?: string; tools?: typeof TOOL_SPECS } = {},
): Promise<Turn[]> {
  const model = new EmbeddedChatModel();
  const messages: ChatMessage[] = [];
  const turns: Turn[] = [];
  for (const text of texts) {
    messages.push({ role: 'user', content: [{ type: 'text', text }] });
    const toolCalls: Turn['toolCalls'] = [];
    const request = () => ({
      system: 'You are the shop assistant.',
      messages,
      tools: options.tools ?? TOOL_SPECS,
      languageHint: options.languageHint,
    });
    let response = await model.converse(request());
    for (let round = 0; round < 4 && response.stopReason === 'tool_use'; round++) {
      const uses = response.content.filter((block) => block.type === 'toolUse');
      messages.push({ role: 'assistant', content: uses });
      const results: ToolResult[] = uses.map((use) => {
        toolCalls.push({ name: use.name, input: use.input, toolUseId: use.toolUseId });
        return { type: 'toolResult', toolUseId: use.toolUseId, ...executeTool(use.name, use.input, orders) };
      });
      messages.push({ role: 'user', content: results });
      response = await model.converse(request());
    }
    const reply = response.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    messages.push({ role: 'assistant', content: [{ type: 'text', text: reply }] });
    turns.push({ reply, response, toolCalls });
  }
  return turns;
}

async function only(texts: string[], orders: OrderStatusView[], options = {}): Promise<Turn> {
  const turns = await chat(texts, orders, options);
  const last = turns.at(-1);
  if (!last) throw new Error('no turn');
  return last;
}

describe('EmbeddedChatModel', () => {
  it('looks up the order the shopper names and reports carrier, tracking, last event and delivery date', async () => {
    const turn = await only(['where is order A1001?'], [SHOES, SHIRT]);
    expect(turn.toolCalls).toMatchObject([{ name: 'get_order_status', input: { orderId: 'A1001' } }]);
    expect(turn.reply).toBe(
      [
        'Your order A1001 (Trail Running Shoes – size 42) is on its way.',
        'Carrier: DHL, tracking number JD014600006281.',
        'Latest update, May 3, 2025 in Leipzig, DE: Departed facility.',
        'Estimated delivery: May 6, 2025.',
      ].join('\n'),
    );
    expect(turn.response).toMatchObject({ stopReason: 'end_turn', language: 'en', intent: 'track_order' });
  });

  it('answers in the language of the question', async () => {
    const cases: Array<[string, string, string]> = [
      ['¿dónde está mi pedido A1001?', 'es', 'Tu pedido A1001'],
      ['où est ma commande A1001 ?', 'fr', 'Votre commande A1001'],
      ['wo ist meine Bestellung A1001?', 'de', 'Voraussichtliche Zustellung: 6. Mai 2025'],
      ['我的订单A1001在哪里', 'zh', '运单号 JD014600006281'],
      ['주문 A1001 어디 있어요?', 'ko', '운송장 번호 JD014600006281'],
    ];
    for (const [question, lang, expected] of cases) {
      const turn = await only([question], [SHOES]);
      expect(turn.response.language).toBe(lang);
      expect(turn.reply).toContain(expected);
    }
  });

  it('lists the orders when no order number is given and answers directly when there is one', async () => {
    const turn = await only(['where is my order?'], [SHIRT]);
    expect(turn.toolCalls).toMatchObject([{ name: 'list_my_orders', input: {} }]);
    expect(turn.reply).toBe(
      'Your order A1002 (Linen Shirt – size M) is being prepared. It has not shipped yet.',
    );
  });

  it('asks which order when a shopper has several', async () => {
    const turn = await only(['where is my order?'], [SHOES, SHIRT]);
    expect(turn.reply).toContain('Which one do you mean?');
    expect(turn.reply).toContain('A1001 (April 28, 2025): Trail Running Shoes – size 42');
    expect(turn.reply).toContain('A1002 (April 30, 2025): Linen Shirt – size M');
    expect((await only(['¿dónde está mi pedido?'], [SHOES, SHIRT])).reply).toContain('¿A cuál te refieres?');
  });

  it('answers the order the shopper then picks, by number or by position', async () => {
    const byPosition = await chat(['where is my order?', 'the second one'], [SHOES, SHIRT]);
    expect(byPosition[1]?.reply).toContain('Your order A1002');
    const byNumber = await chat(['wo ist meine Bestellung?', 'A1001'], [SHOES, SHIRT]);
    expect(byNumber[1]?.toolCalls).toMatchObject([{ name: 'get_order_status', input: { orderId: 'A1001' } }]);
    expect(byNumber[1]?.reply).toContain('Ihre Bestellung A1001');
    const korean = await chat(['제 주문 어디 있어요?', '두 번째요'], [SHOES, SHIRT]);
    expect(korean[1]?.reply).toContain('주문 A1002');
    const chinese = await chat(['我的订单在哪里', '第一个'], [SHOES, SHIRT]);
    expect(chinese[1]?.reply).toContain('您的订单 A1001');
  });

  it('takes a bare number as the order number when it answers an order question', async () => {
    const turns = await chat(['where is my order?', '12345'], [SHOES, SHIRT]);
    expect(turns[1]?.toolCalls).toMatchObject([{ name: 'get_order_status', input: { orderId: '12345' } }]);
  });

  it('picks the order whose item the shopper mentions', async () => {
    const turn = await only(['where are my running shoes?'], [SHIRT, SHOES]);
    expect(turn.reply).toContain('Your order A1001 (Trail Running Shoes');
  });

  it('refuses politely when the tool reports the order is not the shopper’s', async () => {
    const foreign = await only([`where is order ${OTHER_CUSTOMERS_ORDER}?`], [SHOES]);
    const unknown = await only(['where is order Z0000?'], [SHOES]);
    expect(foreign.reply).toBe(
      "I couldn't find that order on your account. Please check the order number, or I can ask a person from our team to help.",
    );
    expect(unknown.reply).toBe(foreign.reply);
    expect(foreign.reply).not.toContain(OTHER_CUSTOMERS_ORDER);
  });

  it('says so when the shopper has no orders', async () => {
    const turn = await only(['où est ma commande ?'], []);
    expect(turn.reply).toContain("Je n'ai trouvé aucune commande");
  });

  it('greets, thanks, hands over to a person and steers back in the shopper’s language', async () => {
    const cases: Array<[string, string, string]> = [
      ['hello', 'smalltalk', "Hello! I'm the shop's assistant."],
      ['vielen Dank', 'smalltalk', 'Gern geschehen!'],
      ['quiero hablar con una persona', 'human_agent', 'Le pido a una persona de nuestro equipo'],
      ['转人工', 'human_agent', '我正在请我们的工作人员加入对话'],
      ['상담원 연결해 주세요', 'human_agent', '저희 팀 직원에게'],
      ['what is the weather today', 'other', 'I can help with your orders here'],
    ];
    const promisesAPerson = new Set(['human_agent']);
    for (const [text, intent, expected] of cases) {
      const turn = await only([text], [SHOES]);
      expect({ text, intent: turn.response.intent }).toEqual({ text, intent });
      expect(turn.reply).toContain(expected);
      // A reply that promises a person is only given after the conversation was queued for one.
      expect(turn.toolCalls.map((call) => call.name)).toEqual(
        promisesAPerson.has(intent) ? ['request_human'] : [],
      );
    }
  });

  it('queues for a person with a reason and the intent read, before promising one', async () => {
    // Without a way to look the order up, a damage report goes to a person rather than waiting for a number.
    const noLookup = TOOL_SPECS.filter(
      (tool) => tool.name !== 'list_my_orders' && tool.name !== 'open_claim',
    );
    const turn = await only(['my shirt faded after one wash'], [SHOES], { tools: noLookup });
    expect(turn.toolCalls).toMatchObject([
      { name: 'request_human', input: { reason: 'needs_agent', intent: 'damaged_item' } },
    ]);
    const unsure = await only(['blorp'], [SHOES]);
    expect(unsure.toolCalls).toMatchObject([{ name: 'request_human', input: { reason: 'low_confidence' } }]);
  });

  it('gets a person when it does not understand', async () => {
    const turn = await only(['blorp'], [SHOES]);
    expect(turn.reply).toBe(
      "I'm not sure I understood. I'm asking a person from our team to help you; they will reply here shortly.",
    );
  });

  it('uses the language hint only when the text does not tell', async () => {
    expect((await only(['A1001'], [SHOES], { languageHint: 'fr-FR' })).reply).toContain(
      'Votre commande A1001',
    );
    expect((await only(['where is order A1001?'], [SHOES], { languageHint: 'fr-FR' })).reply).toContain(
      'Your order A1001',
    );
    const turns = await chat(['¿dónde está mi pedido?', 'A1001'], [SHOES, SHIRT], { languageHint: 'en-US' });
    expect(turns[1]?.response.language).toBe('es');
  });

  it('gives every tool call a unique id', async () => {
    const turns = await chat(['where is my order?', 'A1001', 'and A1002?'], [SHOES, SHIRT]);
    const ids = turns.flatMap((turn) => turn.toolCalls.map((call) => call.toolUseId));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('asks for the order number when the order tools are not offered', async () => {
    const turn = await only(['where is my order?'], [SHOES], { tools: [] });
    expect(turn.response.stopReason).toBe('end_turn');
    expect(turn.reply).toContain('Could you send me your order number?');
  });

  it('sends no deltas: the whole templated reply arrives in the final response', async () => {
    const deltas: string[] = [];
    const response = await new EmbeddedChatModel().converse(
      {
        system: '',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hola' }] }],
        tools: TOOL_SPECS,
      },
      (delta) => deltas.push(delta),
    );
    expect(deltas).toEqual([]);
    expect(response.content[0]?.type === 'text' ? response.content[0].text : 'missing').toContain('¡Hola!');
  });

  it('exposes its reading of a message for routing and analytics', () => {
    expect(analyse('I am 180 cm and 75 kg, which size fits me?')).toMatchObject({
      lang: 'en',
      intent: 'size_advice',
      entities: { heights: [{ cm: 180 }], weights: [{ kg: 75 }] },
    });
    const korean = analyse('주문번호 A1001 배송 조회');
    expect(korean).toMatchObject({
      lang: 'ko',
      intent: 'track_order',
      entities: { orderIds: [{ orderId: 'A1001' }] },
    });
    expect(korean.langConfidence).toBeGreaterThan(0.9);
    expect(korean.intentConfidence).toBeGreaterThan(0.5);
  });
});
