import {
  LATIN_LANGUAGES,
  type LatinLanguage,
  latinFeatures,
} from '../../functions/core/nlu/language-features';
import { packNaiveBayes } from '../../functions/core/nlu/model-format';
import { countNaiveBayes, type TrainingDocument } from '../../functions/core/nlu/naive-bayes';
import type { ArtifactContents } from '../artifact';
import { readIntentData, readLanguageSamples } from '../data';

/**
 * Latin-script languages only: scripts alone tell the others apart. Everyday samples plus the everyday
 * intent examples; the templated service phrasing would skew word statistics.
 */
export function trainLanguageModel(): ArtifactContents {
  const samples = readLanguageSamples();
  const intents = readIntentData();
  const documents: TrainingDocument<LatinLanguage>[] = [];
  for (const lang of LATIN_LANGUAGES) {
    const sentences = [...(samples[lang] ?? []), ...Object.values(intents[lang].examples).flat()];
    for (const sentence of sentences) documents.push({ label: lang, features: latinFeatures(sentence) });
  }
  return packNaiveBayes(
    countNaiveBayes(LATIN_LANGUAGES, documents, { alpha: 0.05, uniformPriors: true }).counts,
    'latin',
  );
}
