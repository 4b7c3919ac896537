import { currencyExponent } from '../../../functions/core/after-sales/money';
import { isRightToLeft, LANGUAGES, type Language } from '../../widget/src/strings';
import { EN } from './strings-en';
import { TRANSLATIONS } from './strings-translations';

export { isRightToLeft, LANGUAGES, type Language };

type English = typeof EN;
export type ConsoleKey = keyof English;

/** The placeholder names in a string: `'Order {order} ({language})'` gives `'order' | 'language'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** What `t` needs for a key: nothing for plain text, every placeholder's value otherwise. */
export type ParamsFor<K extends ConsoleKey> = [Placeholders<English[K]>] extends [never]
  ? []
  : [Record<Placeholders<English[K]>, string | number>];

/** Keys whose text has no placeholder: what a button or heading may be labelled with. */
export type PlainKey = { [K in ConsoleKey]: ParamsFor<K> extends [] ? K : never }[ConsoleKey];

/**
 * A translation's row for a key type-checks only when it carries exactly English's placeholders, so a
 * translator can neither drop `{order}` nor invent `{orders}`.
 */
export type Translation<T extends Record<ConsoleKey, string>> = {
  [K in ConsoleKey]: [Placeholders<T[K]>] extends [Placeholders<English[K]>]
    ? [Placeholders<English[K]>] extends [Placeholders<T[K]>]
      ? T[K]
      : `missing a placeholder of: ${English[K]}`
    : `a placeholder English lacks: ${English[K]}`;
};

const TABLE: Record<Language, Record<ConsoleKey, string>> = { en: EN, ...TRANSLATIONS };

export function consoleStrings(language: Language): Readonly<Record<ConsoleKey, string>> {
  return TABLE[language];
}

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language; numbers in placeholders are written the language's way. */
export function translator(language: Language) {
  const table = TABLE[language];
  const numbers = new Intl.NumberFormat(language);
  return <K extends ConsoleKey>(key: K, ...params: ParamsFor<K>): string => {
    const given = (params[0] ?? {}) as Record<string, string | number>;
    const shown = Object.fromEntries(
      Object.entries(given).map(([name, value]) => [
        name,
        typeof value === 'number' ? numbers.format(value) : value,
      ]),
    );
    return fill(table[key], shown);
  };
}

/** Dates, times, durations and amounts through Intl, in the console's language. */
export function formats(language: Language, timeZone?: string) {
  const zone = timeZone ? { timeZone } : {};
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...zone });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', ...zone });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', ...zone });
  const unit = (name: 'minute' | 'hour') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
  const minutes = unit('minute');
  const hours = unit('hour');
  const list = new Intl.ListFormat(language, { style: 'short', type: 'conjunction' });
  return {
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    list: (items: string[]) => list.format(items),
    /** A wait in whole minutes, as "3 min" or "1 hr 5 min" in the language's own units. */
    duration: (totalMinutes: number) =>
      totalMinutes < 60
        ? minutes.format(totalMinutes)
        : `${hours.format(Math.floor(totalMinutes / 60))} ${minutes.format(totalMinutes % 60)}`,
    /** An amount in major units (12.5 EUR). */
    money: (amount: number, currency: string) => money(language, currency, amount),
    /** An amount in the currency's minor units (1250 EUR cents, 1500 yen). */
    minorMoney: (minor: number, currency: string) =>
      money(language, currency, minor / 10 ** minorDigits(currency)),
  };
}

function currencyFormat(language: Language, currency: string): Intl.NumberFormat | undefined {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency });
  } catch {
    return undefined;
  }
}

function minorDigits(currency: string): number {
  try {
    return currencyExponent(currency);
  } catch {
    return 2;
  }
}

function money(language: Language, currency: string, amount: number): string {
  const format = currencyFormat(language, currency);
  // A code Intl does not know still shows its amount, with the code beside it.
  return format ? format.format(amount) : `${new Intl.NumberFormat(language).format(amount)} ${currency}`;
}

/** Each language named in itself ("日本語", "العربية"), so anyone can find theirs in the picker. */
export function nativeName(language: Language): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
}
