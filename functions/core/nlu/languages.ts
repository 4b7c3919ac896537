/** The languages the embedded model reads and answers in (DESIGN.md, "Languages for the embedded model"). */
export const SUPPORTED_LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'pl',
  'ru',
  'tr',
  'ar',
  'zh',
  'ja',
  'ko',
  'id',
  'vi',
  'th',
] as const;

export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const SUPPORTED = new Set<string>(SUPPORTED_LANGUAGES);

export function isSupportedLanguage(value: string): value is SupportedLanguage {
  return SUPPORTED.has(value);
}

/** Reduces a BCP-47 tag ("pt-BR", "zh-Hant-TW", "ms") to a supported language, if it names one. */
export function supportedLanguageOf(tag: string | undefined): SupportedLanguage | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  // Malay is close enough to Indonesian that an Indonesian reply reads naturally.
  if (primary === 'ms') return 'id';
  return isSupportedLanguage(primary) ? primary : undefined;
}

/** Each language's own name for itself, as a shopper of any language recognises it on a language menu. */
export const LANGUAGE_ENDONYMS: Readonly<Record<SupportedLanguage, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  pt: 'Português',
  nl: 'Nederlands',
  pl: 'Polski',
  ru: 'Русский',
  tr: 'Türkçe',
  ar: 'العربية',
  zh: '中文',
  ja: '日本語',
  ko: '한국어',
  id: 'Bahasa Indonesia',
  vi: 'Tiếng Việt',
  th: 'ไทย',
};
