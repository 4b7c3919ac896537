import type { SupportedLanguage } from '../../languages';
import { AR } from './ar';
import { DE } from './de';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { ID } from './id';
import { IT } from './it';
import { JA } from './ja';
import { KO } from './ko';
import { NL } from './nl';
import { PL } from './pl';
import { PT } from './pt';
import { RU } from './ru';
import { TH } from './th';
import { TR } from './tr';
import type { ReplyTexts } from './types';
import { VI } from './vi';
import { ZH } from './zh';

export type { ReplyTexts } from './types';

export const REPLY_TEXTS: Record<SupportedLanguage, ReplyTexts> = {
  en: EN,
  es: ES,
  fr: FR,
  de: DE,
  it: IT,
  pt: PT,
  nl: NL,
  pl: PL,
  ru: RU,
  tr: TR,
  ar: AR,
  zh: ZH,
  ja: JA,
  ko: KO,
  id: ID,
  vi: VI,
  th: TH,
};
