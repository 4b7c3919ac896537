import { describe, expect, it } from 'vitest';
import { RMA_STATES } from '../../functions/core/after-sales/rma';
import { AGENT_ERROR_CODES } from '../../functions/core/console/agent-protocol';
import { INTENT_IDS } from '../../functions/core/nlu/intent-ids';
import { OrderSchema, ShipmentSchema } from '../../functions/core/orders';
import { VIDEO_ERROR_CODES } from '../../functions/core/video/session';
import {
  type ConsoleKey,
  consoleStrings,
  fill,
  formats,
  LANGUAGES,
  nativeName,
  translator,
} from '../../web/console/src/strings';
import { EN } from '../../web/console/src/strings-en';

const KEYS = Object.keys(EN) as ConsoleKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the agent console's words in the product's 17 languages", () => {
  it('has a table for each of the 17 languages the widget speaks', () => {
    expect(LANGUAGES).toHaveLength(17);
    for (const language of LANGUAGES) expect(consoleStrings(language)).toBeDefined();
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every key, no extra key, and each with exactly the placeholders of English',
    (language) => {
      const table = consoleStrings(language);
      expect(Object.keys(table).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        expect(table[key].trim(), `${language}.${key} is empty`).not.toBe('');
        expect(placeholders(table[key]), `${language}.${key}`).toEqual(placeholders(EN[key]));
      }
    },
  );

  it('is translated, not copied: most of each table differs from English', () => {
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      const table = consoleStrings(language);
      const same = KEYS.filter((key) => table[key] === EN[key]);
      // Only words that read the same in both (VIP, "{name} ({role})", Status) may match.
      expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThan(KEYS.length / 10);
    }
  });

  it('fills placeholders with the values given, numbers written the language’s way', () => {
    expect(translator('en')('orderNumber', { order: 'A1004' })).toBe('Order A1004');
    expect(translator('ja')('orderNumber', { order: 'A1004' })).toBe('注文 A1004');
    expect(translator('de')('urgentHandoff', { order: 12345, language: 'fr' })).toBe(
      'Dringende Übergabe zu Bestellung 12.345 (fr)',
    );
    expect(fill('{missing} stays', {})).toBe('{missing} stays');
  });

  it('writes dates, waits and amounts through Intl in the chosen language', () => {
    const ja = formats('ja', 'UTC');
    const ar = formats('ar', 'UTC');
    const en = formats('en', 'UTC');
    expect(en.date('2026-12-05T10:00:00Z')).toBe('Dec 5, 2026');
    expect(ja.date('2026-12-05T10:00:00Z')).toBe('2026/12/05');
    expect(en.duration(75)).toBe('1 hr 15 min');
    expect(ja.duration(3)).toBe('3 分');
    expect(en.minorMoney(1250, 'EUR')).toBe('€12.50');
    // Yen has no minor unit: 1500 minor units are 1,500 yen, not 15.
    expect(en.minorMoney(1500, 'JPY')).toBe('¥1,500');
    // A malformed code from the data still shows its amount, with the code beside it.
    expect(en.money(12.5, 'EURO')).toBe('12.5 EURO');
    expect(ar.date('2026-12-05T10:00:00Z')).not.toMatch(/Dec/);
  });

  it('explains every error code the agent API can answer with, and every video call error, so no refusal reaches an agent in English only', () => {
    for (const code of AGENT_ERROR_CODES) expect(Object.keys(EN)).toContain(`error_${code}`);
    for (const code of VIDEO_ERROR_CODES) expect(Object.keys(EN)).toContain(`videoError_${code}`);
  });

  it('names every intent the assistant can hand off with, so the queue reads in the agent’s language', () => {
    for (const intent of INTENT_IDS) expect(Object.keys(EN)).toContain(`intent_${intent}`);
    expect(translator('ja')('intent_human_agent')).toBe('担当者を希望');
  });

  it('names every order, shipment and return status the case panel shows', () => {
    const statuses = [
      ...OrderSchema.shape.status.options.map((status) => `orderStatus_${status}`),
      ...ShipmentSchema.shape.status.options.map((status) => `shipmentStatus_${status}`),
      ...RMA_STATES.map((state) => `rmaState_${state}`),
    ];
    for (const key of statuses) expect(Object.keys(EN)).toContain(key);
    expect(translator('ar')('shipmentStatus_customs_hold')).toBe('محتجز في الجمارك');
  });

  it('names each language in itself in the picker', () => {
    expect(nativeName('ja')).toBe('日本語');
    expect(nativeName('ar')).toBe('العربية');
    expect(nativeName('de')).toBe('Deutsch');
  });
});
