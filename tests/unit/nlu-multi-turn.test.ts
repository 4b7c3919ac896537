import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeal } from '../../cli/commands/eval-conversations';
import { resolveTurn } from '../../functions/core/embedded-model/dialogue-policy';
import { readYesNo } from '../../functions/core/nlu/answers';
import { messageParts } from '../../functions/core/nlu/segments';
import { fixedReply } from '../../functions/core/nlu/templates';
import { converser } from '../support/converse';

const converse = converser('0002');

/** Earlier shopper messages, newest first, as the dialogue policy reads them. */
const newestFirst = (...earlier: string[]) => [...earlier].reverse();

describe('a greeting in front of a question does not hide the question', () => {
  const TRACKING: Array<[string, string]> = [
    ['ar', 'مساء الخير، أين وصل طردي؟'],
    ['ru', 'Добрый вечер, где сейчас моя посылка?'],
    ['pl', 'Dzień dobry, gdzie jest moja paczka?'],
    ['nl', 'Goedemiddag, waar blijft mijn pakket?'],
    ['es', 'Buenas tardes, ¿dónde está mi paquete?'],
  ];
  for (const [lang, text] of TRACKING) {
    it(`answers the tracking question behind the greeting in ${lang}`, async () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'track_order', lang });
      const { last } = await converse('c-ana', [text]);
      expect(last.text).toContain('JD014600006254');
      expect(last.text).not.toBe(fixedReply(lang as 'ar', 'greeting'));
    });
  }

  const DAMAGE: Array<[string, string]> = [
    ['en', 'Good evening! The rain jacket came with a rip in the hood.'],
    ['de', 'Guten Tag, die Regenjacke kam mit einem Riss an.'],
    ['nl', 'Hallo, de regenjas is met een scheur aangekomen. Bedankt!'],
  ];
  for (const [lang, text] of DAMAGE) {
    it(`reads a damage report wrapped in courtesy in ${lang}`, () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'damaged_item', lang });
    });
  }

  it('keeps a greeting alone as small talk and peels nothing from a plain request', () => {
    expect(messageParts('Hello there!')).toMatchObject({ courtesyRemoved: false, requests: [] });
    expect(messageParts('Wie viele Tage habe ich für eine Rücksendung?').courtesyRemoved).toBe(false);
    expect(resolveTurn('Hello there!', []).intent).toBe('smalltalk');
  });
});

describe('a new question after a return starts a new topic', () => {
  const CASES: Array<[string, string, string]> = [
    ['zh', '我想退货', '耳机保修多久？'],
    ['zh', '我想退货', '退货期限是几天？'],
    ['es', 'Quiero devolver mi pedido', '¿Cuánto tiempo de garantía tienen los auriculares?'],
    ['en', 'I want to return my order', 'How long is the warranty?'],
    ['ja', '返品したいです', '保証期間はどのくらいですか？'],
  ];
  for (const [lang, first, second] of CASES) {
    it(`answers "${second}" as a question, not as the return again (${lang})`, () => {
      const turn = resolveTurn(second, newestFirst(first));
      expect(['product_question', 'policy_question']).toContain(turn.intent);
      expect(turn.lang).toBe(lang);
    });
  }

  it('still reads a bare order number after a return request as that return', () => {
    expect(resolveTurn('A1006', newestFirst('Quiero devolver mi pedido'))).toMatchObject({
      intent: 'return_request',
      orderId: 'A1006',
    });
    expect(resolveTurn('A1006', newestFirst('我想退货'))).toMatchObject({ intent: 'return_request' });
    expect(resolveTurn('#A1006', newestFirst('Ich möchte etwas zurückgeben'))).toMatchObject({
      intent: 'return_request',
    });
  });
});

describe('the only order is used rather than asked for', () => {
  const COMPLAINTS: Array<[string, string]> = [
    ['en', 'This is ridiculous, I am really angry, your service is terrible!'],
    ['de', 'Das ist eine Frechheit, Ihr Service ist miserabel!'],
    ['fr', 'Je suis furieuse, votre service client est nul !'],
  ];
  for (const [lang, text] of COMPLAINTS) {
    it(`names the shopper's only order on an angry complaint without asking its number (${lang})`, async () => {
      const { last, store } = await converse('c-ana', [text]);
      expect(last.text).not.toBe(fixedReply(lang as 'en', 'askOrderNumber'));
      expect(last.toolCalls.map((call) => call.name)).toEqual(['list_my_orders', 'open_claim']);
      expect(store.claims[0]).toMatchObject({ orderId: 'A1001' });
    });
  }

  const RETURNS: Array<[string, string]> = [
    ['en', 'I would like to return my order'],
    ['pt', 'Quero devolver a minha encomenda'],
    ['ko', '주문한 거 반품하고 싶어요'],
  ];
  for (const [lang, text] of RETURNS) {
    it(`starts the return of the only order in ${lang}`, async () => {
      const { last } = await converse('c-ana', [text]);
      expect(last.language).toBe(lang);
      expect(last.toolCalls.map((call) => call.name)).toEqual(['list_my_orders', 'start_return']);
      expect(last.text).toContain('A1001');
    });
  }

  it('asks which order when there are two and none is named', async () => {
    const { last } = await converse('c-sam', ['I want to return my order']);
    expect(last.text).toContain('A1006');
    expect(last.text).toContain('A1007');
  });
});

describe('language per message, with the conversation as prior', () => {
  const SHORT: Array<[string, string]> = [
    ['pt', 'Chegou rasgado'],
    ['es', 'Llegó roto'],
    ['it', 'Arrivato rotto'],
    ['id', 'Barangnya rusak'],
  ];
  for (const [lang, text] of SHORT) {
    it(`answers a short damage report in ${lang}`, () => {
      expect(resolveTurn(text, []).lang).toBe(lang);
    });
  }

  const INHERITED: Array<[string, string, string]> = [
    ['en', 'I want to cancel order A1007', 'no'],
    ['it', 'Voglio annullare il mio ordine A1007', 'no'],
    ['pt', 'Quero cancelar o meu pedido A1007', 'Foto'],
    ['ja', '注文をキャンセルしたいです', '注文番号'],
  ];
  for (const [lang, earlier, text] of INHERITED) {
    it(`keeps ${lang} for "${text}" after a message in ${lang}`, () => {
      expect(resolveTurn(text, newestFirst(earlier)).lang).toBe(lang);
    });
  }

  it('switches language when a whole sentence says so', () => {
    expect(
      resolveTurn('Eigentlich möchte ich lieber auf Deutsch weiterschreiben', newestFirst('Hello')).lang,
    ).toBe('de');
  });
});

describe('a photo caption is not a video-call request', () => {
  const CAPTIONS: Array<[string, string]> = [
    ['es', 'Foto del daño'],
    ['de', 'Foto vom Schaden'],
    ['en', 'photo of the damage'],
    ['it', 'Foto del danno'],
  ];
  for (const [lang, caption] of CAPTIONS) {
    it(`reads "${caption}" as a follow-up about the damage (${lang})`, () => {
      const alone = resolveTurn(caption, []);
      expect(alone.intent).not.toBe('video_call');
      expect(resolveTurn(caption, newestFirst('The lamp arrived broken')).intent).toBe('damaged_item');
    });
  }

  it('still reads a real video-call request as one', () => {
    expect(resolveTurn('¿Podemos hacer una videollamada?', []).intent).toBe('video_call');
    expect(resolveTurn('Kann ich es Ihnen per Video zeigen?', []).intent).toBe('video_call');
    expect(resolveTurn('Can we do a video call?', []).intent).toBe('video_call');
  });
});

describe('two requests in one message', () => {
  const TWO: Array<[string, string, string]> = [
    ['en', 'Where is my parcel? Also, can I change the delivery address?', 'change_order'],
    ['fr', 'Où est mon colis ? Et je voudrais changer l’adresse de livraison.', 'change_order'],
    ['de', 'Wo ist mein Paket? Außerdem möchte ich die Lieferadresse ändern.', 'change_order'],
  ];
  for (const [lang, text, second] of TWO) {
    it(`answers the first and offers the second, which a yes takes up (${lang})`, async () => {
      expect(resolveTurn(text, [])).toMatchObject({ intent: 'track_order', followUp: { intent: second } });
      const yes = { en: 'yes', fr: 'oui', de: 'ja' }[lang] ?? 'yes';
      const { turns } = await converse('c-ana', [text, yes]);
      expect(turns[0]?.text).toContain('JD014600006254');
      expect(turns[0]?.text).toContain(messageParts(text).followUp?.text ?? '');
      expect(turns[1]?.intent).toBe(second);
      expect(turns[1]?.text).toContain('A1001');
    });
  }
});

describe('bare yes and no answers', () => {
  it('reads yes and no in many languages, courtesy included', () => {
    for (const text of [
      'yes',
      'Sí, por favor',
      'ja, bitte',
      'はい、お願いします',
      '네',
      'ใช่',
      '好的',
      'evet',
    ])
      expect(readYesNo(text)).toBe('yes');
    for (const text of ['no', 'Nein danke', 'non merci', 'нет', 'いいえ', '不用了', 'hayır'])
      expect(readYesNo(text)).toBe('no');
  });

  it('reads nothing when the reply says more than yes or no', () => {
    expect(readYesNo('yes but the other order')).toBeUndefined();
    expect(readYesNo('where is my order')).toBeUndefined();
    expect(readYesNo('')).toBeUndefined();
  });
});

describe('the sealed held-out split', () => {
  async function sealedFolder() {
    const root = await mkdtemp(join(tmpdir(), 'afterdesk-seal-'));
    const dir = join(root, 'heldout');
    await mkdir(dir);
    await writeFile(join(dir, 'a.json'), '{"id":"a"}\n');
    const { createHash } = await import('node:crypto');
    const sum = createHash('sha256')
      .update(await readFile(join(dir, 'a.json')))
      .digest('hex');
    await writeFile(join(root, 'heldout.sha256'), `${sum}  a.json\n`);
    return { root, dir };
  }

  it('accepts an unchanged split and refuses a changed, added or missing file', async () => {
    const { root, dir } = await sealedFolder();
    try {
      await expect(checkSeal(dir)).resolves.toBe(true);
      await writeFile(join(dir, 'a.json'), '{"id":"a","tuned":true}\n');
      await expect(checkSeal(dir)).rejects.toThrow(/a.json was changed/);
      await writeFile(join(dir, 'a.json'), '{"id":"a"}\n');
      await writeFile(join(dir, 'b.json'), '{}');
      await expect(checkSeal(dir)).rejects.toThrow(/b.json is not in the seal/);
      await rm(join(dir, 'b.json'));
      await rm(join(dir, 'a.json'));
      await expect(checkSeal(dir)).rejects.toThrow(/a.json is missing/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('treats a folder without a seal as unsealed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'afterdesk-seal-'));
    try {
      await expect(checkSeal(root)).resolves.toBe(false);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('holds for the shipped multi-turn held-out split', async () => {
    await expect(checkSeal('eval/conversations/multi-turn/heldout')).resolves.toBe(true);
  });
});
