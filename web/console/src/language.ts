import type { AgentErrorCode } from '../../../functions/core/console/agent-protocol';
import { pickLanguage } from '../../widget/src/strings';
import { h, minutesSince } from './dom';
import {
  type ConsoleKey,
  consoleStrings,
  formats,
  isRightToLeft,
  LANGUAGES,
  type Language,
  nativeName,
  type ParamsFor,
  type PlainKey,
  translator,
} from './strings';

const STORAGE_KEY = 'afterdesk-console:language';

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked by the browser's settings: the picker still works for this page.
    return null;
  }
}

/**
 * The agent's own choice in this browser wins; then the language on their profile (Cognito's `locale`
 * attribute, carried in the ID token); then the browser's languages; then English.
 */
export function chooseLanguage(profile?: string): Language {
  const candidates = [storedChoice(), profile, ...navigator.languages, navigator.language];
  return pickLanguage(
    null,
    candidates.filter((tag): tag is string => Boolean(tag)),
  );
}

let current: Language = chooseLanguage();
let translate = translator(current);
let format = formats(current);
const listeners = new Set<() => void>();

export const language = (): Language => current;
export const t = <K extends ConsoleKey>(key: K, ...params: ParamsFor<K>): string => translate(key, ...params);
export const fmt = () => format;

/** Sets the console's language for this page: `<html lang>`, `dir` for Arabic, and every listener redraws. */
export function useLanguage(next: Language): void {
  current = next;
  translate = translator(next);
  format = formats(next);
  document.documentElement.lang = next;
  document.documentElement.dir = isRightToLeft(next) ? 'rtl' : 'ltr';
  document.title = t('appTitle');
  for (const listener of listeners) listener();
}

/** Redraws a feature's words when the agent picks another language; returns how to stop. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The visible picker: each language in its own name; the choice is kept in this browser. */
export function languagePicker(): HTMLElement {
  const select = h(
    'select',
    { id: 'console-language' },
    ...LANGUAGES.map((code) =>
      h('option', { value: code, lang: code, selected: code === current }, nativeName(code)),
    ),
  );
  select.addEventListener('change', () => {
    const next = select.value as Language;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not kept across visits when storage is blocked; this page still switches.
    }
    useLanguage(next);
  });
  return h('label', { className: 'language' }, `${t('interfaceLanguage')} `, select);
}

/** How long a shopper has waited, in the console's language. */
export function waitText(iso: string, now = Date.now()): string {
  const minutes = minutesSince(iso, now);
  return minutes < 1 ? t('waitingUnderAMinute') : t('waitingFor', { duration: format.duration(minutes) });
}

/** A refused command explained in the agent's language: the server's English message is for logs and tools. */
export function errorText(answer: { code: AgentErrorCode }): string {
  const key = `error_${answer.code}` as const;
  return key in consoleStrings(current) ? t(key) : t('error_internal_error');
}

/** A stored status (order, shipment, return) in the agent's language; a value newer than the table shows as stored. */
export function statusName(kind: 'orderStatus' | 'shipmentStatus' | 'rmaState', value: string): string {
  const key = `${kind}_${value}`;
  return key in consoleStrings(current) ? t(key as PlainKey) : value;
}
