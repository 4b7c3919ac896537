import { describe, expect, it } from 'vitest';
import { analyseSentiment, explainSentiment } from '../../functions/core/sentiment/model';
import type { SentimentLabel } from '../../functions/core/sentiment/types';
import { compareByUrgency, URGENT_AT } from '../../functions/core/sentiment/urgency';

type Case = [lang: string, text: string];

/** Sentences written for these tests only: none is in the evaluation splits. */
function expectLabel(label: SentimentLabel, cases: readonly Case[]) {
  for (const [lang, text] of cases)
    expect(analyseSentiment({ text, lang }).label, `${lang}: ${text}`).toBe(label);
}

describe('sentiment patterns', () => {
  it('negated praise is a complaint: cue words, particles, post-negators and affixes', () => {
    expectLabel('negative', [
      ['en', 'I am not satisfied with the blender'],
      ['es', 'La funda no es nada bonita'],
      ['de', 'Die Lieferung hat mir nicht gefallen'],
      ['fr', "Je ne suis pas satisfait de l'aspirateur"],
      ['zh', '这个杯子我不喜欢'],
      ['ja', '品質は良くないです'],
      ['ko', '포장이 좋지 않았어요'],
      ['tr', 'Ürün hiç güzel değil'],
      ['th', 'ไม่ชอบสีนี้เลย'],
      ['ru', 'Я не доволен доставкой'],
    ]);
  });

  it('a negated complaint is praise', () => {
    expectLabel('positive', [
      ['en', 'No problems at all, the mug is lovely'],
      ['it', 'Nessun difetto, tutto bene'],
      ['pt', 'Sem nenhum problema, chegou certinho'],
      ['zh', '没有任何问题，很满意'],
      ['vi', 'Không có lỗi gì, rất hài lòng'],
      ['id', 'Tidak ada masalah, barangnya bagus'],
    ]);
  });

  it('a defect word inside a question is curiosity, not a complaint', () => {
    expectLabel('neutral', [
      ['en', 'Does the paint scratch off easily?'],
      ['de', 'Verfärbt sich der Stoff in der Sonne?'],
      ['pl', 'Czy te spodnie się kurczą?'],
      ['ja', 'このカップは割れやすいですか？'],
      ['vi', 'Dây đeo có dễ đứt không?'],
      ['ar', 'هل يتمزق القماش بسرعة؟'],
    ]);
  });

  it('but a question about something that went wrong stays a complaint', () => {
    expectLabel('negative', [
      ['en', 'Why is my parcel still not delivered?'],
      ['fr', 'Pourquoi ma commande est-elle toujours pas arrivée ?'],
      ['es', '¿Por qué me llegó roto?'],
      ['zh', '为什么还没收到？'],
      ['ru', 'Почему заказ до сих пор не пришёл?'],
    ]);
  });

  it('a defect word in a conditional is a hypothesis', () => {
    expectLabel('neutral', [
      ['en', 'If the lamp arrives cracked, who pays for the return'],
      ['es', 'Si la mesa llega dañada, ¿qué hago?'],
      ['nl', 'Als de schoenen kapot gaan, kan ik ze ruilen'],
      ['tr', 'Ürün kırık gelirse ne yapmalıyım'],
      ['ko', '만약 제품이 파손되면 어떻게 하나요'],
      ['th', 'ถ้าของแตกมา ทำยังไงคะ'],
    ]);
  });

  it('praise next to a negative event is sarcasm', () => {
    expectLabel('negative', [
      ['en', 'Oh great, the box is crushed again'],
      ['es', 'Genial, el pedido llegó roto'],
      ['it', 'Perfetto, il corriere ha perso il pacco'],
      ['pt', 'Ótimo, veio quebrado de novo'],
      ['ru', 'Супер, опять прислали не тот размер'],
      ['zh', '太好了，又坏了'],
    ]);
    expect(explainSentiment({ text: 'Wonderful, lost again', lang: 'en' }).evidence.sarcasm).toBe(true);
  });

  it('a politely worded complaint is still a complaint, and courtesy alone is not praise', () => {
    expectLabel('negative', [
      ['en', 'Kind regards, unfortunately the mug came chipped. Thanks in advance'],
      ['de', 'Guten Tag, leider fehlt ein Knopf. Vielen Dank im Voraus'],
      ['fr', 'Bonjour, malheureusement le vase est fêlé. Cordialement'],
      ['ja', 'お世話になっております。商品に傷がありました。よろしくお願いいたします。'],
      ['id', 'Permisi kak, sayangnya tasnya robek. Terima kasih sebelumnya'],
    ]);
    expectLabel('neutral', [
      ['en', 'Could you send me the invoice please? Thanks in advance'],
      ['de', 'Bitte senden Sie mir die Rechnung. Vielen Dank im Voraus'],
      ['es', '¿Me podéis enviar la factura? Gracias de antemano'],
      ['ko', '영수증 보내주실 수 있나요? 미리 감사드립니다'],
      ['pl', 'Proszę o fakturę. Z góry dziękuję'],
    ]);
  });

  it('mixed holds real praise and a real complaint joined by a contrast', () => {
    expectLabel('mixed', [
      ['en', 'The fabric is lovely but the buttons fell off'],
      ['fr', 'La lampe est très jolie, mais elle est arrivée rayée'],
      ['de', 'Die Schuhe sind bequem, aber die Sohle löst sich'],
      ['zh', '颜色很漂亮，但是有划痕'],
      ['vi', 'Áo đẹp nhưng bị rách'],
      ['ar', 'الحقيبة جميلة لكن فيها خدش'],
    ]);
  });

  it('a resolved problem is praise', () => {
    expectLabel('positive', [
      ['en', 'Thanks, the issue is resolved'],
      ['de', 'Danke, das Problem ist gelöst'],
      ['es', 'Gracias, problema solucionado'],
      ['ja', '問題が解決しました、ありがとう'],
      ['th', 'ปัญหาแก้ไขแล้ว ขอบคุณค่ะ'],
    ]);
  });

  it('threats to leave, charge back or review badly are urgent; mild disappointment is not', () => {
    const urgency = (lang: string, text: string) => analyseSentiment({ text, lang }).urgency ?? 0;
    const threats: Case[] = [
      ['en', 'Refund me now or I will open a chargeback'],
      ['es', 'Voy a poner una reseña negativa y nunca más compro aquí'],
      ['de', 'Ich gehe zum Anwalt, wenn das nicht geklärt wird'],
      ['zh', '不退款我就给差评'],
      ['pt', 'Vou reclamar no Procon'],
      ['ar', 'سأقدم شكوى لحماية المستهلك'],
    ];
    const mild: Case[] = [
      ['en', 'A bit disappointed, the colour is darker than expected'],
      ['es', 'Lamentablemente el color es más oscuro'],
      ['de', 'Leider ist die Farbe etwas dunkler'],
      ['zh', '有点失望，颜色比图片深'],
      ['pt', 'Infelizmente a cor é mais escura'],
      ['ar', 'للاسف اللون اغمق قليلا'],
    ];
    for (const [lang, text] of threats) {
      expect(analyseSentiment({ text, lang }).label, text).toBe('negative');
      expect(urgency(lang, text), text).toBeGreaterThanOrEqual(URGENT_AT);
    }
    for (const [lang, text] of mild) {
      expect(analyseSentiment({ text, lang }).label, text).toBe('negative');
      expect(urgency(lang, text), text).toBeLessThan(URGENT_AT);
    }
    expect(urgency('en', 'Thanks, lovely lamp')).toBe(0);
    expect(urgency('en', 'THIS IS UNACCEPTABLE!!! WHERE IS MY REFUND')).toBeGreaterThan(
      urgency('en', 'this is unacceptable, where is my refund'),
    );
  });

  it('orders a queue by urgency, then by how negative, then oldest first', () => {
    const queue = [
      { id: 'mild', urgency: 0.4, negative: 0.7, at: '2026-01-01T10:00:00Z' },
      { id: 'old-none', at: '2026-01-01T08:00:00Z' },
      { id: 'threat', urgency: 0.9, negative: 0.8, at: '2026-01-01T11:00:00Z' },
      { id: 'mild-older', urgency: 0.4, negative: 0.7, at: '2026-01-01T09:00:00Z' },
    ];
    expect([...queue].sort(compareByUrgency).map((entry) => entry.id)).toEqual([
      'threat',
      'mild-older',
      'mild',
      'old-none',
    ]);
  });
});
