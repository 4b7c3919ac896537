import {
  CatalogueIndex,
  Combined,
  conceptsOfProduct,
  isSubject,
  primary,
  roleOf,
  skuPattern,
} from './catalogue-index';
import { analyseText, conceptTerm } from './tokenise';
import type { FaqEntry, Knowledge, KnowledgeAnswer, ProductFacts } from './types';

export type {
  FaqEntry,
  Knowledge,
  KnowledgeAnswer,
  KnowledgeSource,
  ProductFacts,
  ProductField,
} from './types';

export interface NoAnswer {
  none: 'low_confidence';
  score: number;
}

export interface AnswerOptions {
  /** The product the conversation is about (an order line, a product page); mentioning a SKU overrides it. */
  sku?: string;
  /** policy_question leaves product facts out unless a product is named; product_question keeps both. */
  intent?: 'product_question' | 'policy_question';
  /** The language of entries that do not say, and of product data. */
  storeLanguage?: string;
}

/**
 * The lowest share of the question a source must cover. Calibrated on tests/unit/knowledge-answer.test.ts:
 * right answers in seventeen languages cover 0.52 or more (most cover all of it, as concepts carry them),
 * while questions the store cannot answer but that share a topic with a source ("do you ship to Canada?",
 * "how much is shipping?") stay under 0.45.
 */
export const MIN_CONFIDENCE = 0.5;

/** A concept names the topic in any language; a word can be a coincidence. */
const CONCEPT_WEIGHT = 2;
const MODIFIER_WEIGHT = 0.5;
const WORD_WEIGHT = 1;
/** A single Han character is half a word: it matches by chance far more often than a bigram. */
const CHARACTER_WEIGHT = 0.5;
/** Without a concept in common, this many distinct words must match before a source counts as on topic. */
const MIN_MATCHED_WORDS = 2;

const isAspect = (term: string) => roleOf(term) === 'aspect';
const isCharacter = (term: string) => Array.from(term).length === 1;

/** Indexes kept per catalogue version, and per pair of arrays for callers that give no version. */
const byVersion = new Map<string, CatalogueIndex>();
const VERSIONS_KEPT = 4;
const byArrays = new WeakMap<
  readonly FaqEntry[],
  WeakMap<readonly ProductFacts[], Map<string, CatalogueIndex>>
>();

/** The catalogue's index, built once per catalogue version (or per pair of arrays) and store language. */
export function catalogueIndex(knowledge: Knowledge, storeLanguage = 'en'): CatalogueIndex {
  if (knowledge.version !== undefined) {
    const key = `${knowledge.version}\u0000${storeLanguage}`;
    let index = byVersion.get(key);
    if (!index) {
      index = new CatalogueIndex(knowledge.faq, knowledge.products, storeLanguage);
      // A new version replaces the old ones: a warm function keeps only the few it was asked about last.
      if (byVersion.size >= VERSIONS_KEPT) byVersion.delete(byVersion.keys().next().value as string);
      byVersion.set(key, index);
    }
    return index;
  }
  let forFaq = byArrays.get(knowledge.faq);
  if (!forFaq) {
    forFaq = new WeakMap();
    byArrays.set(knowledge.faq, forFaq);
  }
  let forProducts = forFaq.get(knowledge.products);
  if (!forProducts) {
    forProducts = new Map();
    forFaq.set(knowledge.products, forProducts);
  }
  let index = forProducts.get(storeLanguage);
  if (!index) {
    index = new CatalogueIndex(knowledge.faq, knowledge.products, storeLanguage);
    forProducts.set(storeLanguage, index);
  }
  return index;
}

/**
 * Answers a product or policy question from the store's own FAQ and product data, or says it cannot, so
 * the assistant hands over to a person instead of inventing an answer. The catalogue is tokenised once per
 * version (catalogue-index.ts); a question scores only the documents that hold one of its terms.
 */
export function answerFromKnowledge(
  question: string,
  language: string,
  knowledge: Knowledge,
  options: AnswerOptions = {},
): KnowledgeAnswer | NoAnswer {
  const storeLanguage = options.storeLanguage ?? 'en';
  const catalogue = catalogueIndex(knowledge, storeLanguage);
  const sku = catalogue.mentionedSku(question) ?? options.sku;
  const products = sku
    ? catalogue.productsWithSku(sku)
    : options.intent === 'policy_question'
      ? // "the earbuds' warranty" names a product by what it is; that product's facts stay in play.
        catalogue.productsAbout(question)
      : catalogue.allProducts();
  const collection = new Combined([catalogue.faqIn(language), products]);
  if (collection.documents === 0) return { none: 'low_confidence', score: 0 };

  // The SKU did its work by narrowing the products; as words it would only count as unmatched.
  const analysed = analyseText(sku ? question.normalize('NFKC').replace(skuPattern(sku), ' ') : question);
  const query = new Map<string, number>();
  for (const id of analysed.concepts) {
    const term = conceptTerm(id);
    query.set(term, roleOf(term) === 'modifier' ? MODIFIER_WEIGHT : CONCEPT_WEIGHT);
  }
  for (const word of analysed.words) query.set(word, isCharacter(word) ? CHARACTER_WEIGHT : WORD_WEIGHT);
  const aspects = [...query.keys()].filter(isAspect);
  const subjects = [...query.keys()].filter(isSubject);

  // The store's own products say what a subject belongs to: its earbuds are electronics, so the
  // electronics warranty speaks about them.
  const implied = new Set(subjects);
  for (const position of subjects.length > 0 ? collection.holdingAny(subjects) : []) {
    for (const term of collection.doc(position)?.subjects ?? []) implied.add(term);
  }
  // Words of a language no document is written in cannot match; counting them as misses would only
  // penalise asking in another language, which the concepts already bridge.
  const sameLanguage = collection.hasLanguage(primary(language));
  const counted = [...query].filter(
    ([term]) => roleOf(term) !== undefined || sameLanguage || collection.df(term) > 0,
  );

  const scores = collection.scoreAll(query);
  let best: { position: number; score: number } | undefined;
  for (let position = 0; position < scores.length; position++) {
    const score = scores[position] ?? 0;
    // Only a higher score can change the choice, so the checks below run on few documents.
    if (!(score > 0 && (!best || score > best.score))) continue;
    const document = collection.doc(position);
    if (!document) continue;
    const holds = (term: string) => document.tf.has(term);
    // A source must speak to what was asked (care, not the warranty of the same earbuds) and must not be
    // about another product (the electronics warranty is no answer for a jacket).
    if (aspects.length > 0 && !aspects.some(holds)) continue;
    if (subjects.length > 0 && document.subjects.length > 0 && ![...implied].some(holds)) continue;
    best = { position, score };
  }
  const chosen = best && collection.doc(best.position);
  if (!chosen) return { none: 'low_confidence', score: 0 };
  const frequencies = chosen.tf;

  // A store-wide policy covers every product, so naming one is not a miss against it.
  const documentSubjects = chosen.subjects.length > 0;
  const relevant = counted.filter(([term]) => documentSubjects || !isSubject(term));
  const possible = relevant.reduce((sum, [term, weight]) => sum + weight * collection.idf(term), 0);
  const aboutIt = [...implied].some((term) => frequencies.has(term));
  const matched = relevant.filter(([term]) => frequencies.has(term) || (isSubject(term) && aboutIt));
  const covered = matched.reduce((sum, [term, weight]) => sum + weight * collection.idf(term), 0);
  const score = possible > 0 ? Math.round((covered / possible) * 1000) / 1000 : 0;
  const onTopic =
    matched.some(([term]) => isAspect(term) || isSubject(term)) ||
    matched.filter(([term]) => roleOf(term) === undefined && !isCharacter(term)).length >= MIN_MATCHED_WORDS;
  // Across languages the words saying what is asked ("wodoodporne") cannot count as misses; a product
  // named alone then says what the question is about, not what it asks, and any fact about it would pass.
  const asksSomething = sameLanguage || matched.some(([term]) => !isSubject(term));
  if (!onTopic || !asksSomething || score < MIN_CONFIDENCE) return { none: 'low_confidence', score };
  return { ...chosen.result, score };
}

/**
 * Products a text names by what they are, in any language: "veste de pluie", "kurtka" and "레인 재킷" all
 * carry the jacket concept, as does the store's "Rain jacket", whatever language its catalogue is in.
 */
export function productsBySubject<P extends ProductFacts>(text: string, products: readonly P[]): P[] {
  const asked = new Set(analyseText(text).concepts.filter((id) => isSubject(conceptTerm(id))));
  if (asked.size === 0) return [];
  return products.filter((product) => conceptsOfProduct(product).some((id) => asked.has(id)));
}
