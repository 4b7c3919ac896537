import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../functions/core/nlu/language';
import { SUPPORTED_LANGUAGES, supportedLanguageOf } from '../../functions/core/nlu/languages';

const ORDER_QUESTIONS: Record<(typeof SUPPORTED_LANGUAGES)[number], string> = {
  en: 'where is my order?',
  es: '¿dónde está mi pedido?',
  fr: 'où est ma commande ?',
  de: 'wo ist meine Bestellung?',
  it: "dov'è il mio pacco?",
  pt: 'onde está minha encomenda?',
  nl: 'waar is mijn pakket?',
  pl: 'gdzie jest moja paczka?',
  ru: 'где мой заказ?',
  tr: 'siparişim nerede?',
  ar: 'أين طلبي؟',
  zh: '我的订单在哪里',
  ja: '私の注文はどこ？',
  ko: '제 주문 어디 있어요?',
  id: 'di mana pesanan saya?',
  vi: 'đơn hàng của tôi ở đâu?',
  th: 'พัสดุของฉันอยู่ที่ไหน',
};

describe('detectLanguage', () => {
  it('detects the language of short order questions in 17 languages', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      const detected = detectLanguage(ORDER_QUESTIONS[lang]);
      expect({ text: ORDER_QUESTIONS[lang], lang: detected.lang }).toEqual({
        text: ORDER_QUESTIONS[lang],
        lang,
      });
      expect(detected.confidence).toBeGreaterThan(0.6);
    }
  });

  it('reads Spanish typed without accents and ignores the Latin letters of order numbers in Chinese', () => {
    expect(detectLanguage('donde esta mi pedido').lang).toBe('es');
    expect(detectLanguage('帮我查一下C7781这个订单').lang).toBe('zh');
    expect(detectLanguage('주문번호 A1001은 어디 있어요').lang).toBe('ko');
  });

  it('falls back to the hint, then English, for emoji-only or number-only text', () => {
    expect(detectLanguage('👍🙏')).toEqual({ lang: 'en', confidence: 0 });
    expect(detectLanguage('A1001', { hint: 'pt-BR' })).toEqual({ lang: 'pt', confidence: 0 });
    expect(detectLanguage('12345', { hint: 'xx' })).toEqual({ lang: 'en', confidence: 0 });
  });

  it('lets a Japanese locale claim kanji-only text, which is Chinese otherwise', () => {
    expect(detectLanguage('注文番号').lang).toBe('zh');
    expect(detectLanguage('注文番号', { hint: 'ja-JP' }).lang).toBe('ja');
  });

  it('lets the hint tip an ambiguous word but never overrule clear text', () => {
    expect(detectLanguage('hallo', { hint: 'nl' }).lang).toBe('nl');
    expect(detectLanguage('hallo', { hint: 'de' }).lang).toBe('de');
    expect(detectLanguage('no', { hint: 'it' }).lang).toBe('it');
    expect(detectLanguage('where is my order?', { hint: 'de' }).lang).toBe('en');
  });

  it('reduces locale tags to supported languages', () => {
    expect(supportedLanguageOf('zh-Hant-TW')).toBe('zh');
    expect(supportedLanguageOf('ms-MY')).toBe('id');
    expect(supportedLanguageOf('sw')).toBeUndefined();
  });
});
