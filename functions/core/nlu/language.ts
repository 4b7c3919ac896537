import { loadArtifact } from '../../../models/load';
import { LATIN_LANGUAGES, type LatinLanguage, latinFeatures } from './language-features';
import { type SupportedLanguage, supportedLanguageOf } from './languages';
import { unpackNaiveBayes } from './model-format';
import { type NaiveBayesModel, rankWithTemperature, scoreNaiveBayes } from './naive-bayes';
import { countScripts, type Script } from './text';

export { LATIN_LANGUAGES, type LatinLanguage, latinFeatures } from './language-features';

export interface LanguageDetection {
  lang: SupportedLanguage;
  /** 0 when the text holds no letters and the answer is only the hint or the default. */
  confidence: number;
}

export interface DetectOptions {
  /**
   * The shopper's language as the storefront or the session knows it (BCP-47): a prior that breaks ties,
   * fills in for text without letters and reads romanised Russian, Chinese, Japanese or Arabic ("gde moy
   * zakaz", "wo de dingdan") as that language; a confident reading of the text still overrides it.
   */
  hint?: string;
}

const DEFAULT_LANGUAGE: SupportedLanguage = 'en';

/** How much more likely the hinted language is held before reading the text. */
const HINT_ODDS = 4;

/**
 * Languages written in their own script. The Latin detector knows none of them, so their romanised text
 * ("privet", "ni hao") reads as a weak guess at some Latin language; with such a hint, only a Latin reading
 * at least this sure (a real English or Spanish sentence is ≥ 0.9, romanised text ≤ 0.5) beats the hint.
 */
const OWN_SCRIPT_LANGUAGES: ReadonlySet<SupportedLanguage> = new Set(['ru', 'ar', 'zh', 'ja', 'ko', 'th']);
const OVERRIDE_OWN_SCRIPT_HINT = 0.8;
/** How sure a romanised message is of its hinted language: enough to be the session's language. */
const ROMANISED_CONFIDENCE = 0.7;

/** One Han, Kana or Hangul character says about as much as a short Latin word. */
const SCRIPT_WEIGHT: Partial<Record<Script, number>> = { han: 3, kana: 3, hangul: 2, thai: 1.5 };

// Digits mark order numbers, tracking numbers and measures, whose Latin letters say nothing of the language.
// Only ASCII around the digit: Han and Kana text has no spaces to stop at.
const NON_LINGUISTIC = /https?:\/\/\S+|[\w.+-]+@[\w-]+\.[\w.-]+|[A-Za-z0-9#'’._/-]*\d[A-Za-z0-9#'’._/-]*/gu;

let trainedLatinModel: NaiveBayesModel<LatinLanguage> | undefined;

/**
 * Loaded on first use, not at import: Lambda's init phase then stays short for handlers that import the
 * detector but answer without it. Trained by `npm run build:models` (models/trainers/language.ts).
 */
function latinModel(): NaiveBayesModel<LatinLanguage> {
  trainedLatinModel ??= unpackNaiveBayes(loadArtifact('language'), 'latin', LATIN_LANGUAGES);
  return trainedLatinModel;
}

export function detectLanguage(text: string, options: DetectOptions = {}): LanguageDetection {
  const hint = supportedLanguageOf(options.hint);
  const linguistic = text.replace(NON_LINGUISTIC, ' ');
  const script = dominantScript(linguistic);
  if (!script) return { lang: hint ?? DEFAULT_LANGUAGE, confidence: 0 };
  const share = script.share;
  switch (script.script) {
    case 'hangul':
      return { lang: 'ko', confidence: 0.97 * share };
    case 'kana':
      return { lang: 'ja', confidence: 0.97 * share };
    case 'han':
      // Kanji-only Japanese exists ("注文番号"), so a Japanese locale decides between the two.
      return hint === 'ja'
        ? { lang: 'ja', confidence: 0.6 * share }
        : { lang: 'zh', confidence: 0.9 * share };
    case 'arabic':
      return { lang: 'ar', confidence: 0.95 * share };
    case 'thai':
      return { lang: 'th', confidence: 0.97 * share };
    case 'cyrillic':
      return { lang: 'ru', confidence: 0.9 * share };
    case 'latin': {
      const latin = detectLatin(linguistic, hint, share);
      if (!hint || !OWN_SCRIPT_LANGUAGES.has(hint) || latin.confidence >= OVERRIDE_OWN_SCRIPT_HINT)
        return latin;
      return { lang: hint, confidence: ROMANISED_CONFIDENCE * share };
    }
    default:
      return { lang: hint ?? DEFAULT_LANGUAGE, confidence: 0 };
  }
}

function dominantScript(text: string): { script: Script; share: number } | undefined {
  const counts = countScripts(text);
  const weighted = new Map<Script, number>();
  for (const [script, count] of counts) weighted.set(script, count * (SCRIPT_WEIGHT[script] ?? 1));
  // Japanese mixes Kanji and Kana: any Kana among Han makes the text Japanese.
  const kana = weighted.get('kana') ?? 0;
  const han = weighted.get('han') ?? 0;
  if (kana > 0) {
    weighted.set('kana', kana + han);
    weighted.delete('han');
  }
  let total = 0;
  let best: { script: Script; weight: number } | undefined;
  for (const [script, weight] of weighted) {
    total += weight;
    if (!best || weight > best.weight) best = { script, weight };
  }
  return best && total > 0 ? { script: best.script, share: best.weight / total } : undefined;
}

function detectLatin(text: string, hint: SupportedLanguage | undefined, share: number): LanguageDetection {
  const features = latinFeatures(text);
  const { logScores, knownFeatures } = scoreNaiveBayes(latinModel(), features);
  // Character grams of one word are far from independent; the temperature undoes the double counting.
  const temperature = Math.max(1, knownFeatures / 4);
  const ranked = rankWithTemperature(latinModel(), logScores, temperature).map((candidate) => ({
    ...candidate,
    weight: candidate.probability * (candidate.label === hint ? HINT_ODDS : 1),
  }));
  const total = ranked.reduce((sum, candidate) => sum + candidate.weight, 0);
  ranked.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
  const best = ranked[0];
  if (!best || knownFeatures === 0) return { lang: hint ?? DEFAULT_LANGUAGE, confidence: 0 };
  return { lang: best.label, confidence: (best.weight / total) * share * wordCoverage(features) };
}

/**
 * Spelling alone says little about a word never seen ("blorp", a brand, a typo): confidence keeps half
 * its value for such words and all of it for known ones.
 */
function wordCoverage(features: readonly string[]): number {
  const wordFeatures = features.filter((feature) => feature.startsWith('w:'));
  if (wordFeatures.length === 0) return 0;
  const known = wordFeatures.filter((feature) => latinModel().featureRows.has(feature)).length;
  return 0.5 + (0.5 * known) / wordFeatures.length;
}
