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
