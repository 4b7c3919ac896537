import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../web/widget/src/backoff';
import { tokenSubject } from '../../web/widget/src/shopper-token';
import { LANGUAGES, pickLanguage, stringsFor, untranslatedKeys } from '../../web/widget/src/strings';
import { videoStringsFor } from '../../web/widget/src/video-strings';

describe('widget logic that needs no browser', () => {
  it('has every UI string in each of the 17 languages', () => {
    expect(LANGUAGES).toHaveLength(17);
    const english = stringsFor('en');
    for (const language of LANGUAGES) {
      const strings = stringsFor(language);
      expect(Object.keys(strings)).toEqual(Object.keys(english));
      expect(untranslatedKeys(language), language).toEqual([]);
      for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
    }
  });

  it('words the video call area in each language, not in English (the consent line above all)', () => {
    const english = videoStringsFor('en');
    for (const language of LANGUAGES) {
      const strings = videoStringsFor(language);
      expect(Object.keys(strings), language).toEqual(Object.keys(english));
      for (const value of Object.values(strings)) expect(value.trim(), language).not.toBe('');
      if (language !== 'en') {
        expect(strings.consent, language).not.toBe(english.consent);
        expect(strings.start, language).not.toBe(english.start);
        expect(strings.photoInstead, language).not.toBe(english.photoInstead);
      }
    }
  });

  it('picks the requested language, then the browser language, then English', () => {
    expect(pickLanguage('ar', ['fr-FR'])).toBe('ar');
    expect(pickLanguage(null, ['pt-BR', 'en'])).toBe('pt');
    expect(pickLanguage('xx', ['zh-Hant-TW'])).toBe('zh');
    expect(pickLanguage(undefined, ['sw-KE'])).toBe('en');
  });

  it('backs off exponentially with jitter, capped at about 30 seconds', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(250);
    expect(reconnectDelayMs(0, () => 1)).toBe(750);
    expect(reconnectDelayMs(3, () => 1)).toBe(4250);
    expect(reconnectDelayMs(50, () => 1)).toBe(30_250);
  });

  it("reads the token's subject to scope the stored session, without trusting it", () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'c-ana', aud: 'afterdesk-chat' })).toString(
      'base64url',
    );
    expect(tokenSubject(`header.${payload}.signature`)).toBe('c-ana');
    expect(tokenSubject('not-a-token')).toBeUndefined();
  });
});
