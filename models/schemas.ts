import * as z from 'zod';
import { INTENT_IDS } from '../functions/core/nlu/intent-ids';
import { SUPPORTED_LANGUAGES } from '../functions/core/nlu/languages';

/** Schemas of the files in models/data: the build and the tests reject a file that breaks them, by name. */

const Language = z.enum(SUPPORTED_LANGUAGES);
const Sentence = z.string().trim().min(1);
const ByIntent = z.partialRecord(z.enum(INTENT_IDS), z.array(Sentence).min(1));

/** models/data/intents/<lang>.json: the team's training sentences for one language. */
export const IntentDataSchema = z
  .object({
    lang: Language,
    /** Everyday phrasing: trains the intent classifier and, for Latin scripts, the language detector. */
    examples: ByIntent,
    /** Templated customer-service phrasing: intent classifier only, or its frames would skew word statistics. */
    service: ByIntent,
  })
  .strict();
export type IntentData = z.infer<typeof IntentDataSchema>;

/** models/data/language-samples.json: everyday text per Latin-script language, for the language detector. */
export const LanguageSamplesSchema = z.partialRecord(Language, z.array(Sentence).min(1));

/** models/data/heldout-intents.json: [lang, intent, text] lines written apart, never trained on. */
export const HeldOutIntentsSchema = z.array(z.tuple([Language, z.enum(INTENT_IDS), Sentence])).min(1);
