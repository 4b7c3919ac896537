import { describe, expect, it } from 'vitest';
import { defectsIn } from '../../functions/core/analytics/defects';
import { resolveTurn } from '../../functions/core/embedded-model/dialogue-policy';
import { detectLanguage } from '../../functions/core/nlu/language';
import { messageParts } from '../../functions/core/nlu/segments';
import { converser } from '../support/converse';

/** Causes found by issue 14's second round of tuning conversations, each checked in several languages. */

const converse = converser('0003');

describe('thanks set off as a clause of its own does not hide the report before it', () => {
  const CASES: Array<[string, string]> = [
    ['es', 'Buenas. El abrigo que me llegó está roto, gracias por mirarlo.'],
    ['ru', 'Добрый день. Куртка, которую прислали, порвана, спасибо, что разберётесь.'],
    ['it', 'Salve. La giacca arrivata è strappata, grazie mille per l’aiuto.'],
    ['th', 'สวัสดีค่ะ เสื้อที่ได้รับมาขาด ขอบคุณมากค่ะ'],
  ];
  for (const [lang, text] of CASES) {
    it(`opens a case for the damage in ${lang}`, async () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'damaged_item', lang });
      const { last, store } = await converse('c-jonas', [text]);
      expect(last.text).toContain('C-');
      expect(store.claims).toHaveLength(1);
    });
  }

  it('keeps a thank-you that leads into its own words as small talk', () => {
    for (const text of [
      'Thank you so much for the help',
      'Vielen Dank für die schnelle Hilfe',
      'Merci beaucoup pour votre aide',
    ]) {
      expect(resolveTurn(text, []).intent).toBe('smalltalk');
    }
  });

  it('reads Thai clauses set off by spaces one by one', () => {
    const parts = messageParts('สวัสดีครับ กระเป๋าที่ได้รับหูหิ้วขาด ขอบคุณครับ');
    expect(parts.courtesyRemoved).toBe(true);
    expect(parts.request).not.toContain('ขอบคุณ');
    expect(parts.request).not.toContain('สวัสดี');
  });
});

describe('a strap or handle that came off is damage', () => {
  const CASES: Array<[string, string]> = [
    ['id', 'Tali tas kanvasnya putus waktu dibuka.'],
    ['ko', '가방 손잡이가 끊어져서 왔어요.'],
    ['pl', 'W torbie urwany jest pasek.'],
    ['ru', 'У сумки оторвана ручка.'],
    ['vi', 'Túi giao tới bị đứt dây.'],
  ];
  for (const [lang, text] of CASES) {
    it(`reads it as a damage report in ${lang}`, () => {
      expect(defectsIn(text)).not.toHaveLength(0);
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'damaged_item', confident: true, lang });
    });
  }

  it('does not read the Vietnamese "bạn" (you) or "hồng" (pink) as a defect', () => {
    expect(defectsIn('Bạn ơi, mình muốn hỏi về chiếc áo màu hồng')).toEqual([]);
    expect(defectsIn('Áo bị bẩn và bị hỏng')).toEqual(['stained', 'broken']);
    expect(resolveTurn('Chào bạn! Bạn cho mình hỏi đơn hàng của mình đang ở đâu?', []).intent).toBe(
      'track_order',
    );
  });
});

describe('a question about the return deadline or the warranty after a return request is a new topic', () => {
  const DEADLINE: Array<[string, string, string]> = [
    ['en', 'I want to return my order.', 'Until when can I send things back?'],
    ['de', 'Ich möchte meine Bestellung zurückgeben.', 'Wie lange habe ich Zeit für die Rücksendung?'],
    ['tr', 'Siparişimi iade etmek istiyorum.', 'İade etmek için kaç günüm var?'],
    ['es', 'Quiero devolver mi pedido.', '¿Cuál es el plazo para devolver algo?'],
  ];
  for (const [lang, ask, deadline] of DEADLINE) {
    it(`answers the deadline from the policy in ${lang}`, async () => {
      const { turns, last } = await converse('c-ana', [ask, deadline]);
      expect(turns[0]?.intent).toBe('return_request');
      expect(last.text).toContain('30');
      expect(last.text).not.toContain('A1001');
      expect(last.language).toBe(lang);
    });
  }

  const WARRANTY: Array<[string, string, string]> = [
    ['fr', 'Je veux retourner ma commande.', 'Les écouteurs ont-ils une garantie ?'],
    ['id', 'Saya mau retur pesanan saya.', 'Garansi earphone berapa lama?'],
    ['it', 'Voglio restituire il mio ordine.', 'Quanto dura la garanzia delle cuffie?'],
  ];
  for (const [lang, ask, warranty] of WARRANTY) {
    it(`answers the warranty from the store's data in ${lang}`, async () => {
      const { last } = await converse('c-ana', [ask, warranty]);
      expect(last.text).toContain('12');
      expect(last.text).not.toContain('A1001');
    });
  }
});

describe('return requests phrased as a question or with "send back" are return requests', () => {
  const CASES: Array<[string, string]> = [
    ['pl', 'Chcę zwrócić swoje zamówienie.'],
    ['fr', 'Je souhaite renvoyer ma commande.'],
    ['id', 'Apakah pesanan saya bisa dikembalikan?'],
  ];
  for (const [lang, text] of CASES) {
    it(`starts the return for the only order in ${lang}`, async () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'return_request', lang });
      const { last } = await converse('c-ana', [text]);
      expect(last.intent).toBe('return_request');
      expect(last.text).toContain('A1001');
    });
  }
});

describe('one-word greetings are read in their own language', () => {
  it.each([
    ['Witam', 'pl'],
    ['Selam', 'tr'],
    ['Halo', 'id'],
  ])('%s is %s', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });
});

describe('a reply of yes takes up the second request of the message before', () => {
  const CASES: Array<[string, string, string]> = [
    ['th', 'พัสดุของฉันถึงไหนแล้ว แล้วขอคืนได้ไหมคะ', 'ได้ค่ะ'],
    ['ja', '注文した荷物はいつ届きますか？それと返品はできますか？', 'はい'],
    ['ko', '제 택배 어디쯤 왔나요? 그리고 반품 가능한가요?', '네'],
  ];
  for (const [lang, text, yes] of CASES) {
    it(`answers the tracking question, then starts the return on a yes in ${lang}`, async () => {
      const { turns, last } = await converse('c-ana', [text, yes]);
      expect(turns[0]?.text).toContain('JD014600006254');
      expect(last.intent).toBe('return_request');
      expect(last.text).toContain('A1001');
      expect(last.language).toBe(lang);
    });
  }
});

describe('a damage report is not mistaken for courtesy or small talk', () => {
  const CASES: Array<[string, string]> = [
    ['zh', '你好。我收到的包是破的，麻烦处理一下，谢谢。'],
    ['ja', 'こんにちは。届いたバッグが破れていました、確認お願いします。'],
    ['id', 'Tas yang saya terima sobek.'],
  ];
  for (const [lang, text] of CASES) {
    it(`opens a case in ${lang}`, async () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'damaged_item', confident: true, lang });
      const { last } = await converse('c-minjun', [text]);
      expect(last.text).toContain('C-');
    });
  }
});

describe('a photo caption after a damage report continues the report whatever its verb', () => {
  const CASES: Array<[string, string, string]> = [
    ['en', 'The tote arrived with a torn handle.', 'Let me send you a picture of it'],
    ['tr', 'Çanta yırtık geldi.', 'Fotoğrafını gönderiyorum'],
    ['id', 'Tasnya datang sobek.', 'Ini saya kirim gambarnya'],
  ];
  for (const [lang, report, caption] of CASES) {
    it(`adds the caption to the open case in ${lang}`, async () => {
      const { turns, store } = await converse('c-minjun', [report, caption]);
      expect(turns[1]?.intent).toBe('damaged_item');
      expect(turns[1]?.language).toBe(lang);
      expect(store.claims).toHaveLength(1);
    });
  }
});

describe('a statement that needs a return is a return request', () => {
  const CASES: Array<[string, string]> = [
    ['es', 'Tengo que devolver un artículo.'],
    ['nl', 'Ik moet een jas terugsturen.'],
    ['pl', 'Muszę zwrócić buty.'],
  ];
  for (const [lang, text] of CASES) {
    it(`starts the return in ${lang}`, () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'return_request', lang });
    });
  }
});

describe('numbers are never courtesy', () => {
  it('keeps a height written with a decimal comma with its question', () => {
    const parts = messageParts('Tenho 1,76 m e peso 72 kg, que tamanho devo pedir?');
    expect(parts.request).toContain('1,76 m');
    expect(parts.main.intent).toBe('size_advice');
  });
});
