import type { SupportedLanguage } from '../../languages';
import { AR } from './ar';
import { DE } from './de';
import { EN } from './en';
import { EN_SERVICE } from './en-service';
import { ES } from './es';
import { DE_SERVICE, ES_SERVICE, FR_SERVICE, IT_SERVICE, PT_SERVICE } from './eu-service';
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
import type { IntentExamples } from './types';
import { VI } from './vi';
import {
  AR_SERVICE,
  ID_SERVICE,
  JA_SERVICE,
  KO_SERVICE,
  NL_SERVICE,
  PL_SERVICE,
  RU_SERVICE,
  TH_SERVICE,
  TR_SERVICE,
  VI_SERVICE,
  ZH_SERVICE,
} from './world-service';
import { ZH } from './zh';

export type { IntentExamples } from './types';

export const INTENT_EXAMPLES: Record<SupportedLanguage, IntentExamples> = {
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

/**
 * Templated customer-service phrasing (en-service.ts, eu-service.ts), for the intent classifier only:
 * the language detector trains on INTENT_EXAMPLES, and repeated frames would skew its word statistics.
 */
export const SERVICE_EXAMPLES: Partial<Record<SupportedLanguage, IntentExamples>> = {
  en: EN_SERVICE,
  es: ES_SERVICE,
  fr: FR_SERVICE,
  de: DE_SERVICE,
  it: IT_SERVICE,
  pt: PT_SERVICE,
  nl: NL_SERVICE,
  pl: PL_SERVICE,
  ru: RU_SERVICE,
  tr: TR_SERVICE,
  ar: AR_SERVICE,
  zh: ZH_SERVICE,
  ja: JA_SERVICE,
  ko: KO_SERVICE,
  id: ID_SERVICE,
  vi: VI_SERVICE,
  th: TH_SERVICE,
};
