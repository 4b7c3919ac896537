import { describe, expect, it } from 'vitest';
import { defectsIn } from '../../functions/core/analytics/defects';
import { resolveTurn } from '../../functions/core/embedded-model/dialogue-policy';
import { pickOrder } from '../../functions/core/embedded-model/order-results';
import { extractEntities } from '../../functions/core/nlu/entities';
import type { OrderStatusView } from '../../functions/core/orders';
import { converser } from '../support/converse';

/** Causes found by issue 14's fourth round of tuning conversations (170, written as shoppers write). */

const converse = converser('0004');

const twoOrders = [
  { orderId: 'A1007', status: 'paid', placedAt: '2026-12-05', items: [{ name: 'Organic tee', quantity: 3 }] },
  {
    orderId: 'A1006',
    status: 'delivered',
    placedAt: '2026-11-21',
    items: [{ name: 'Desk lamp', quantity: 1 }],
  },
] as OrderStatusView[];

describe('an item named in the shopper language picks its order (catalogue names are English)', () => {
  it.each([
    ['es', 'me gustaría devolver la lámpara', 'A1006'],
    ['ja', 'ランプの件で連絡しました', 'A1006'],
    ['tr', 'tişörtler hakkında yazıyorum', 'A1007'],
    ['zh', '那个台灯我不想要了', 'A1006'],
    ['ru', 'по поводу футболки', 'A1007'],
  ])('%s: %s', (_lang, text, orderId) => {
    expect(pickOrder(twoOrders, text, extractEntities(text))?.orderId).toBe(orderId);
  });

  it('names no order when the message names no item of either', () => {
    const text = 'quiero devolver algo';
    expect(pickOrder(twoOrders, text, extractEntities(text))).toBeUndefined();
  });

  it.each([
    ['fr', 'Je voudrais renvoyer la lampe, elle ne me plaît pas'],
    ['ko', '램프를 반품하고 싶습니다'],
    ['pl', 'Chciałbym oddać lampkę, nie pasuje do biurka'],
  ])('%s: a return naming the lamp opens it for A1006 without asking which order', async (_lang, text) => {
    const { last } = await converse('c-sam', [text]);
    expect(last.text).toContain('R-A1006-');
  });
});

describe('a bare item name answers "which order?" even when it reads like a product question', () => {
  it.each([
    ['en', 'I want to send an item back', 'the desk lamp'],
    ['fr', 'je souhaite retourner un article', 'la lampe de bureau'],
    ['de', 'ich möchte etwas zurückgeben', 'die Lampe'],
  ])('%s', async (_lang, ask, answer) => {
    const { turns, last } = await converse('c-sam', [ask, answer]);
    expect(turns[0]?.text).toContain('A1007');
    expect(last.text).toContain('R-A1006-');
  });

  it('an item with a question about it still starts a product question', () => {
    expect(resolveTurn('how do I wash the jacket?', ['I want to send an item back']).intent).toBe(
      'product_question',
    );
  });
});

describe('a malfunction is a defect: no sound, flickering, switching itself off', () => {
  it.each([
    ['zh', '台灯一直闪烁'],
    ['de', 'Die Kopfhörer haben keinen Ton mehr, kein Ton links'],
    ['es', 'la lámpara se apaga sola'],
    ['vi', 'tai nghe mất tiếng'],
    ['th', 'หูฟังไม่มีเสียง'],
  ])('%s: %s', (_lang, text) => {
    expect(defectsIn(text).length).toBeGreaterThan(0);
    expect(resolveTurn(text, []).intent).toBe('damaged_item');
  });
});

describe('a missing or late parcel means the order that was shipped', () => {
  it.each([
    ['en', 'the tracking says delivered but nothing is here'],
    ['es', 'dice que está entregado pero no me ha llegado'],
    ['de', 'laut Sendung zugestellt, aber ich habe nichts bekommen'],
  ])('%s: opens a case for A1006 without asking which order', async (_lang, text) => {
    const { last } = await converse('c-sam', [text]);
    expect(last.text).toContain('C-');
    expect(last.text).not.toContain('A1007');
  });
});

describe('a defect told in a statement is a report even when the message ends with a question', () => {
  it.each([
    ['en', 'Good morning. I got the lamp last week and now it flickers all the time. What can you do?'],
    [
      'fr',
      "Bonjour. La lampe reçue la semaine dernière clignote sans arrêt. Qu'est-ce que vous pouvez faire ?",
    ],
    ['es', 'Hola. La lámpara que recibí parpadea todo el rato. ¿Qué podéis hacer?'],
  ])('%s', (_lang, text) => {
    expect(resolveTurn(text, []).intent).toBe('damaged_item');
  });

  it('a defect asked about stays a question', () => {
    expect(resolveTurn('Does the lamp flicker when dimmed?', []).intent).not.toBe('damaged_item');
  });
});

describe('a photo after a damage report joins the case for the item the report named', () => {
  it.each([
    ['fr', 'la lampe ne marche plus depuis ce matin', 'voici une photo'],
    ['nl', 'de lamp is kapot gegaan', 'foto in de bijlage'],
    ['vi', 'đèn bị hỏng rồi', 'ảnh đây nhé'],
  ])('%s', async (_lang, report, photo) => {
    const { turns, last } = await converse('c-sam', [report, photo]);
    expect(turns[0]?.text).toContain('C-');
    expect(last.text).toContain('C-');
    expect(last.text).not.toContain('A1007');
  });
});
