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

const Term = z.string().trim().min(1);

/** models/data/keywords/complaints.json: terms per complaint category, then per language. */
const TermsByLanguage = z.partialRecord(Language, z.array(Term).min(1));
export const ComplaintKeywordsSchema = z
  .object({
    delivery: TermsByLanguage,
    quality: TermsByLanguage,
    service: TermsByLanguage,
    price: TermsByLanguage,
    website: TermsByLanguage,
    payment: TermsByLanguage,
  })
  .strict();

/** models/data/keywords/defects.json: canonical defect ids (stable for analytics) and their terms. */
export const DefectKeywordsSchema = z.array(
  z.object({ id: z.string().regex(/^[a-z][a-z_]*$/), terms: z.array(Term).min(1) }).strict(),
);

/** models/data/keywords/knowledge-concepts.json: cross-language concepts for FAQ and product retrieval. */
export const KnowledgeConceptsSchema = z.array(
  z
    .object({
      id: z.string().regex(/^[a-z][a-z_]*$/),
      role: z.enum(['aspect', 'subject', 'modifier']),
      terms: z.array(Term).min(1),
    })
    .strict(),
);

/** models/data/keywords/size-returns.json: words of return reasons that say a size was too small or large. */
export const SizeReturnKeywordsSchema = z
  .object({ tooSmall: z.array(Term).min(1), tooLarge: z.array(Term).min(1), sizeAny: z.array(Term).min(1) })
  .strict();

/** Every keyword list, as the `keywords` artifact carries them to runtime code (models/keywords.ts). */
export const KeywordListsSchema = z
  .object({
    complaints: ComplaintKeywordsSchema,
    defects: DefectKeywordsSchema,
    concepts: KnowledgeConceptsSchema,
    sizeReturns: SizeReturnKeywordsSchema,
  })
  .strict();
export type KeywordLists = z.infer<typeof KeywordListsSchema>;

/** Every keyword file and its schema, for the test that checks them all. */
export const KEYWORD_FILES = {
  'complaints.json': ComplaintKeywordsSchema,
  'defects.json': DefectKeywordsSchema,
  'knowledge-concepts.json': KnowledgeConceptsSchema,
  'size-returns.json': SizeReturnKeywordsSchema,
} as const;
