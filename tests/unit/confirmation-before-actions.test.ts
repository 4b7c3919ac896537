import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BedrockChatModel } from '../../functions/adapters/aws/bedrock-chat-model';
import {
  noWord,
  PROPOSAL_VALID_MINUTES,
  readShopperAnswer,
  yesWord,
} from '../../functions/core/after-sales/confirmation';
import { CONFIRMATION_TEXTS } from '../../functions/core/after-sales/confirmation-texts';
import { runAssistantTurn, type TurnResult } from '../../functions/core/assistant/run-turn';
import { EmbeddedChatModel } from '../../functions/core/embedded-model/embedded-chat-model';
import { SUPPORTED_LANGUAGES } from '../../functions/core/nlu/languages';
import type { ChatMessage } from '../../functions/ports/chat-model';
import { demoOrders } from '../../local/seed/demo-store';
import { streamOf, textReply, toolUseReply } from '../fixtures/bedrock/converse-stream-events';
import { inMemoryAfterSales } from '../support/in-memory-after-sales';

const embedded = new EmbeddedChatModel();
const NOW = new Date('2026-12-05T10:00:00Z');

function conversation(customerId: string, store = inMemoryAfterSales(demoOrders(), { now: NOW })) {
  const history: ChatMessage[] = [];
  const sessionId = `s-${customerId}-confirm`;
  return {
    store,
    async say(text: string): Promise<TurnResult> {
      history.push({ role: 'user', content: [{ type: 'text', text }] });
      const turn = await runAssistantTurn(
        { model: embedded, tools: store.tools },
        { history, context: { customerId, sessionId } },
      );
      history.push({ role: 'assistant', content: [{ type: 'text', text: turn.text }] });
      return turn;
    },
    status: async (orderId: string) => (await store.deps.orders.getOrder(orderId))?.status,
  };
}

describe('reading a yes or a no', () => {
  it.each(SUPPORTED_LANGUAGES)('knows the yes and no words asked for in %s', (lang) => {
    expect(readShopperAnswer(yesWord(lang))).toMatchObject({ answer: 'yes' });
    expect(readShopperAnswer(yesWord(lang))?.languages).toContain(lang);
    expect(readShopperAnswer(noWord(lang))).toMatchObject({ answer: 'no' });
    expect(CONFIRMATION_TEXTS[lang].proposeCancel).toContain('{yes}');
  });

  it.each([
    ['Yes, please!', 'yes'],
    ['Ja, bitte.', 'yes'],
    ['はい、お願いします', 'yes'],
    ['Sí, por favor', 'yes'],
    ['نعم', 'yes'],
    ['不要', 'no'],
    ['Nein danke', 'no'],
    ['いいえ', 'no'],
    ['ไม่ใช่', 'no'],
  ])('reads "%s" as %s', (text, answer) => {
    expect(readShopperAnswer(text)?.answer).toBe(answer);
  });

  it.each([
    'yesterday my parcel came',
    'yes but actually I would rather change the delivery address of the order',
    'yes… no, wait',
    '是不是已经发货了',
    'Where is my order?',
  ])('does not take "%s" as an answer', (text) => {
    expect(readShopperAnswer(text)).toBeUndefined();
  });
});

describe('confirmation before cancelling, on the embedded model', () => {
  it.each([
    ['en', 'c-sam', 'Please cancel my order A1007', 'yes', 'Shall I cancel order A1007', 'is cancelled'],
    ['de', 'c-sam', 'Ich möchte meine Bestellung A1007 stornieren', 'Ja', 'stornieren', 'storniert'],
    ['ja', 'c-sam', '注文A1007をキャンセルしてください', 'はい', 'キャンセルして', 'キャンセル'],
    ['es', 'c-sam', 'Quiero cancelar mi pedido A1007', 'sí', '¿Cancelo el pedido A1007', 'cancelado'],
  ])(
    'in %s: proposes with the amount, cancels only after the yes',
    async (lang, customer, ask, yes, proposal, done) => {
      const chat = conversation(customer);
      const first = await chat.say(ask);
      expect(first.language).toBe(lang);
      expect(first.text).toContain(proposal);
      expect(first.text).toContain('A1007');
      expect(first.text).toMatch(/57[.,]00/);
      expect(await chat.status('A1007')).toBe('paid');

      const second = await chat.say(yes);
      expect(second.intent).toBe('cancel_order');
      expect(second.language).toBe(lang);
      expect(second.text).toContain(done);
      expect(second.text).not.toBe(first.text);
      expect(await chat.status('A1007')).toBe('cancelled');
    },
  );

  it.each([
    ['en', 'Please cancel my order A1007', 'no', "I haven't changed anything"],
    ['fr', 'Annulez ma commande A1007', 'non merci', 'je n’ai rien changé'],
    ['ru', 'Отмените мой заказ A1007', 'нет', 'ничего не изменил'],
  ])('in %s: a no changes nothing and says so', async (_lang, ask, no, said) => {
    const chat = conversation('c-sam');
    await chat.say(ask);
    const reply = await chat.say(no);
    expect(reply.text).toContain(said);
    expect(await chat.status('A1007')).toBe('paid');
    // A yes after the no does not bring the proposal back.
    await chat.say(yesWord('en'));
    expect(await chat.status('A1007')).toBe('paid');
  });

  it.each([
    ['en', 'Please cancel my order A1007', 'Where is my order A1006?', 'yes'],
    ['pt', 'Quero cancelar meu pedido A1007', 'Onde está meu pedido A1006?', 'sim'],
    ['zh', '请取消我的订单A1007', '我的订单A1006在哪里？', '好的'],
  ])(
    'in %s: moving on drops the proposal, so a later yes cancels nothing',
    async (_lang, ask, other, yes) => {
      const chat = conversation('c-sam');
      await chat.say(ask);
      await chat.say(other);
      await chat.say(yes);
      expect(await chat.status('A1007')).toBe('paid');
    },
  );

  it.each([
    ['en', 'Please cancel my order A1007', 'yes', 'That request has expired', 'Shall I cancel order A1007'],
    ['it', 'Annulla il mio ordine A1007', 'sì', 'La richiesta è scaduta', 'Annullo l’ordine A1007'],
    ['ko', '주문 A1007을 취소해 주세요', '네', '요청 기한이 지나', '주문 A1007'],
  ])(
    'in %s: a yes after the proposal ran out gets a fresh proposal, not the action',
    async (_lang, ask, yes, expired, fresh) => {
      const chat = conversation('c-sam');
      await chat.say(ask);
      chat.store.deps.now = () => new Date(NOW.getTime() + (PROPOSAL_VALID_MINUTES + 1) * 60_000);
      const late = await chat.say(yes);
      expect(late.text).toContain(expired);
      expect(late.text).toContain(fresh);
      expect(await chat.status('A1007')).toBe('paid');
      const again = await chat.say(yes);
      expect(again.intent).toBe('cancel_order');
      expect(await chat.status('A1007')).toBe('cancelled');
    },
  );

  it.each([
    ['en', 'Please cancel my order A1007', 'yes'],
    ['nl', 'Ik wil mijn bestelling A1007 annuleren', 'ja'],
    ['tr', 'A1007 numaralı siparişimi iptal edin', 'evet'],
  ])('in %s: a repeated yes cancels once and reports the same outcome', async (_lang, ask, yes) => {
    const chat = conversation('c-sam');
    const writes = vi.spyOn(chat.store.deps.orderUpdates, 'cancelOrder');
    await chat.say(ask);
    const first = await chat.say(yes);
    const second = await chat.say(yes);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(second.text).toBe(first.text);
    expect(await chat.status('A1007')).toBe('cancelled');
  });

  it('acts on the proposal only for the shopper who made it', async () => {
    const store = inMemoryAfterSales(demoOrders(), { now: NOW });
    const sam = conversation('c-sam', store);
    await sam.say('Please cancel my order A1007');
    const reply = await runAssistantTurn(
      { model: embedded, tools: store.tools },
      {
        history: [{ role: 'user', content: [{ type: 'text', text: 'yes' }] }],
        context: { customerId: 'c-ana', sessionId: 's-c-sam-confirm' },
      },
    );
    expect(reply.toolCalls).not.toContainEqual({ name: 'cancel_order', status: 'success' });
    expect(await sam.status('A1007')).toBe('paid');
  });
});

describe('confirmation on the Bedrock tool loop', () => {
  const bedrock = mockClient(BedrockRuntimeClient);
  const client = new BedrockRuntimeClient({ region: 'eu-west-1' });
  beforeEach(() => bedrock.reset());
  afterAll(() => bedrock.restore());

  function queue(...turns: ConverseStreamOutput[][]) {
    let behaviour = bedrock.on(ConverseStreamCommand);
    for (const events of turns)
      behaviour = behaviour.resolvesOnce({ stream: streamOf(events), $metadata: { httpStatusCode: 200 } });
  }

  it('gets needs_confirmation from the tool, and the code, not the model, cancels on the yes', async () => {
    const store = inMemoryAfterSales(demoOrders(), { now: NOW });
    const model = new BedrockChatModel({
      client,
      modelId: 'eu.amazon.nova-pro-v1:0',
      logger: { warn: vi.fn() },
    });
    const context = { customerId: 'c-sam', sessionId: 's-bedrock-confirm' };
    const history: ChatMessage[] = [
      { role: 'user', content: [{ type: 'text', text: 'I want to cancel order A1007' }] },
    ];
    queue(
      toolUseReply([], { toolUseId: 'tooluse_cancel0000000000001', name: 'cancel_order' }, [
        '{"orderId": "A1007"}',
      ]),
      textReply(['Shall I cancel A1007 and refund $57.00? Reply yes.'], [900, 20]),
      textReply(['Done: order A1007 is cancelled and $57.00 will be refunded.'], [950, 20]),
    );
    const first = await runAssistantTurn({ model, tools: store.tools }, { history, context });
    expect(first.toolCalls).toEqual([{ name: 'cancel_order', status: 'success' }]);
    const toolResult = JSON.stringify(bedrock.commandCalls(ConverseStreamCommand)[1]?.args[0].input.messages);
    expect(toolResult).toContain('needs_confirmation');
    expect(await store.deps.orders.getOrder('A1007')).toMatchObject({ status: 'paid' });

    history.push({ role: 'assistant', content: [{ type: 'text', text: first.text }] });
    history.push({ role: 'user', content: [{ type: 'text', text: 'Yes please' }] });
    const second = await runAssistantTurn({ model, tools: store.tools }, { history, context });
    expect(second.toolCalls).toEqual([{ name: 'cancel_order', status: 'success' }]);
    expect(second.intent).toBe('cancel_order');
    expect(await store.deps.orders.getOrder('A1007')).toMatchObject({ status: 'cancelled' });
    // The model was asked only to word the outcome the code already produced.
    const calls = bedrock.commandCalls(ConverseStreamCommand);
    expect(calls).toHaveLength(3);
    expect(JSON.stringify(calls[2]?.args[0].input.messages)).toContain('"outcome":"cancelled"');
  });

  it('never cancels when the model itself claims the shopper agreed', async () => {
    const store = inMemoryAfterSales(demoOrders(), { now: NOW });
    const model = new BedrockChatModel({
      client,
      modelId: 'eu.amazon.nova-pro-v1:0',
      logger: { warn: vi.fn() },
    });
    queue(
      toolUseReply([], { toolUseId: 'tooluse_cancel0000000000002', name: 'cancel_order' }, [
        '{"orderId": "A1007", "confirmed": true}',
      ]),
      textReply(['Sorry, I could not do that.'], [900, 20]),
    );
    await runAssistantTurn(
      { model, tools: store.tools },
      {
        history: [{ role: 'user', content: [{ type: 'text', text: 'Cancel A1007, I confirm in advance' }] }],
        context: { customerId: 'c-sam', sessionId: 's-bedrock-confirm-2' },
      },
    );
    expect(await store.deps.orders.getOrder('A1007')).toMatchObject({ status: 'paid' });
  });
});
