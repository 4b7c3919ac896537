import { bm25Scores, buildBm25Index, idf } from './bm25';
import { type ConceptRole, concepts } from './lexicon';
import { analyseText, conceptTerm } from './tokenise';

/** An FAQ entry as the store holds it (local/seed/demo-store.ts); richer stores add question and tags. */
export interface FaqEntry {
  id: string;
  answer: string;
  question?: string;
  title?: string;
  topic?: string;
  tags?: readonly string[];
  /** The language the entry is written in; entries sharing an id are translations of each other. */
  language?: string;
}

/** The product fields a shopper asks about; other fields (size charts, prices) are ignored here. */
export interface ProductFacts {
  sku: string;
  name: string;
  category?: string;
  description?: string;
  care?: string;
  materials?: string;
  material?: string;
  warranty?: string;
  warrantyMonths?: number;
  shipping?: string;
  /** Business days to delivery: one number or [min, max]. */
  shippingDays?: number | readonly number[];
  fees?: string;
}

export interface Knowledge {
  faq: readonly FaqEntry[];
  products: readonly ProductFacts[];
}

export type ProductField = 'description' | 'care' | 'materials' | 'warranty' | 'shipping' | 'fees';

export type KnowledgeSource =
  | { kind: 'faq'; id: string; title: string }
  | { kind: 'product'; id: string; title: string; field: ProductField };

export interface KnowledgeAnswer {
  answer: string;
  source: KnowledgeSource;
  /** Share of the question's weighted terms that the source holds, 0 to 1. */
  score: number;
  /** The language the answer text is written in, when the store said; the reply may need translating. */
  language?: string;
  /** Numbers behind a generated answer ("12-month warranty"), for templated replies. */
  facts?: Record<string, number>;
}

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

let roles: ReadonlyMap<string, ConceptRole> | undefined;
/** Each concept term's role, read on first use with the keyword lists. */
const ROLE = {
  get: (term: string) => roleMap().get(term),
  has: (term: string) => roleMap().has(term),
};
function roleMap(): ReadonlyMap<string, ConceptRole> {
  roles ??= new Map(concepts().map((concept) => [conceptTerm(concept.id), concept.role]));
  return roles;
}
const hasRole = (role: ConceptRole) => (term: string) => ROLE.get(term) === role;
const isAspect = hasRole('aspect');
const isSubject = hasRole('subject');
const isCharacter = (term: string) => Array.from(term).length === 1;

interface KnowledgeDocument {
  terms: string[];
  language: string;
  result: Omit<KnowledgeAnswer, 'score'>;
}

/**
 * Answers a product or policy question from the store's own FAQ and product data, or says it cannot, so
 * the assistant hands over to a person instead of inventing an answer. Knowledge sets are small (tens of
 * entries), so the index is built per call rather than cached.
 */
export function answerFromKnowledge(
  question: string,
  language: string,
  knowledge: Knowledge,
  options: AnswerOptions = {},
): KnowledgeAnswer | NoAnswer {
  const storeLanguage = options.storeLanguage ?? 'en';
  const sku = mentionedSku(question, knowledge.products) ?? options.sku;
  const products = sku
    ? knowledge.products.filter((product) => product.sku.toUpperCase() === sku.toUpperCase())
    : options.intent === 'policy_question'
      ? // "the earbuds' warranty" names a product by what it is; that product's facts stay in play.
        productsBySubject(question, knowledge.products)
      : knowledge.products;
  const documents = [
    ...faqInLanguage(knowledge.faq, language, storeLanguage).map((entry) =>
      faqDocument(entry, storeLanguage),
    ),
    ...products.flatMap((product) => productDocuments(product, storeLanguage)),
  ];
  if (documents.length === 0) return { none: 'low_confidence', score: 0 };

  // The SKU did its work by narrowing the products; as words it would only count as unmatched.
  const analysed = analyseText(sku ? question.normalize('NFKC').replace(skuPattern(sku), ' ') : question);
  const query = new Map<string, number>();
  for (const id of analysed.concepts) {
    const term = conceptTerm(id);
    query.set(term, ROLE.get(term) === 'modifier' ? MODIFIER_WEIGHT : CONCEPT_WEIGHT);
  }
  for (const word of analysed.words) query.set(word, isCharacter(word) ? CHARACTER_WEIGHT : WORD_WEIGHT);
  const aspects = [...query.keys()].filter(isAspect);
  const subjects = [...query.keys()].filter(isSubject);

  const index = buildBm25Index(documents.map((document) => document.terms));
  // The store's own products say what a subject belongs to: its earbuds are electronics, so the
  // electronics warranty speaks about them.
  const implied = new Set(subjects);
  for (const frequencies of index.termFrequencies) {
    if (!subjects.some((subject) => frequencies.has(subject))) continue;
    for (const term of frequencies.keys()) if (isSubject(term)) implied.add(term);
  }
  // Words of a language no document is written in cannot match; counting them as misses would only
  // penalise asking in another language, which the concepts already bridge.
  const sameLanguage = documents.some((document) => document.language === primary(language));
  const counted = [...query].filter(
    ([term]) => ROLE.has(term) || sameLanguage || index.documentFrequency.has(term),
  );
  const scores = bm25Scores(index, query);

  let best: { document: number; score: number } | undefined;
  for (let document = 0; document < documents.length; document++) {
    const frequencies = index.termFrequencies[document] ?? new Map<string, number>();
    const holds = (term: string) => frequencies.has(term);
    // A source must speak to what was asked (care, not the warranty of the same earbuds) and must not be
    // about another product (the electronics warranty is no answer for a jacket).
    if (aspects.length > 0 && !aspects.some(holds)) continue;
    const documentSubjects = [...frequencies.keys()].some(isSubject);
    if (subjects.length > 0 && documentSubjects && ![...implied].some(holds)) continue;
    const score = scores[document] ?? 0;
    if (score > 0 && (!best || score > best.score)) best = { document, score };
  }
  const chosen = best && documents[best.document];
  const frequencies = best && index.termFrequencies[best.document];
  if (!chosen || !frequencies) return { none: 'low_confidence', score: 0 };

  // A store-wide policy covers every product, so naming one is not a miss against it.
  const documentSubjects = [...frequencies.keys()].some(isSubject);
  const relevant = counted.filter(([term]) => documentSubjects || !isSubject(term));
  const possible = relevant.reduce((sum, [term, weight]) => sum + weight * idf(index, term), 0);
  const aboutIt = [...implied].some((term) => frequencies.has(term));
  const matched = relevant.filter(([term]) => frequencies.has(term) || (isSubject(term) && aboutIt));
  const covered = matched.reduce((sum, [term, weight]) => sum + weight * idf(index, term), 0);
  const score = possible > 0 ? Math.round((covered / possible) * 1000) / 1000 : 0;
  const onTopic =
    matched.some(([term]) => isAspect(term) || isSubject(term)) ||
    matched.filter(([term]) => !ROLE.has(term) && !isCharacter(term)).length >= MIN_MATCHED_WORDS;
  // Across languages the words saying what is asked ("wodoodporne") cannot count as misses; a product
  // named alone then says what the question is about, not what it asks, and any fact about it would pass.
  const asksSomething = sameLanguage || matched.some(([term]) => !isSubject(term));
  if (!onTopic || !asksSomething || score < MIN_CONFIDENCE) return { none: 'low_confidence', score };
  return { ...chosen.result, score };
}

function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** One entry per id: the shopper's language when the store has it, else the store's own. */
function faqInLanguage(faq: readonly FaqEntry[], language: string, storeLanguage: string): FaqEntry[] {
  const byId = new Map<string, FaqEntry[]>();
  for (const entry of faq) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const wanted = primary(language);
  return [...byId.values()].flatMap((entries) => {
    const pick =
      entries.find((entry) => entry.language && primary(entry.language) === wanted) ??
      entries.find((entry) => !entry.language || primary(entry.language) === primary(storeLanguage)) ??
      entries[0];
    return pick ? [pick] : [];
  });
}

function termsOf(...texts: Array<string | undefined>): string[] {
  const analysed = analyseText(texts.filter(Boolean).join('\n'));
  return [...analysed.concepts.map(conceptTerm), ...analysed.words];
}

function faqDocument(entry: FaqEntry, storeLanguage: string): KnowledgeDocument {
  const language = primary(entry.language ?? storeLanguage);
  const title = entry.question ?? entry.title ?? entry.topic ?? entry.id;
  return {
    terms: termsOf(entry.question, entry.title, entry.topic, ...(entry.tags ?? []), entry.answer),
    language,
    result: { answer: entry.answer, source: { kind: 'faq', id: entry.id, title }, language },
  };
}

function productDocuments(product: ProductFacts, storeLanguage: string): KnowledgeDocument[] {
  const language = primary(storeLanguage);
  const facts: Array<{ field: ProductField; label: string; answer: string; facts?: Record<string, number> }> =
    [];
  const add = (
    field: ProductField,
    label: string,
    answer: string | undefined,
    numbers?: Record<string, number>,
  ) => {
    if (answer?.trim())
      facts.push({ field, label, answer: answer.trim(), ...(numbers ? { facts: numbers } : {}) });
  };
  add('description', '', product.description);
  add('care', 'care', product.care);
  add('materials', 'material', product.materials ?? product.material);
  if (product.warranty) add('warranty', 'warranty', product.warranty);
  else if (typeof product.warrantyMonths === 'number') {
    const months = product.warrantyMonths;
    add('warranty', 'warranty', `${product.name}: ${months}-month warranty.`, { months });
  }
  if (product.shipping) add('shipping', 'shipping', product.shipping);
  else if (product.shippingDays !== undefined) {
    const [min, max] =
      typeof product.shippingDays === 'number'
        ? [product.shippingDays, product.shippingDays]
        : product.shippingDays;
    if (min !== undefined) {
      const upper = max ?? min;
      const days = min === upper ? `${min}` : `${min}-${upper}`;
      add('shipping', 'shipping', `${product.name}: delivery in ${days} days.`, {
        minDays: min,
        maxDays: upper,
      });
    }
  }
  add('fees', 'fee', product.fees);
  return facts.map((fact) => ({
    // The label carries the field's concept ("warranty") even when the value alone does not name it.
    terms: termsOf(product.name, product.category, fact.label, fact.answer),
    language,
    result: {
      answer: fact.answer,
      source: { kind: 'product', id: product.sku, title: product.name, field: fact.field },
      language,
      ...(fact.facts ? { facts: fact.facts } : {}),
    },
  }));
}

function skuPattern(sku: string): RegExp {
  const escaped = sku.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9-])${escaped}(?![A-Za-z0-9-])`, 'gi');
}

function mentionedSku(question: string, products: readonly ProductFacts[]): string | undefined {
  const text = question.normalize('NFKC');
  const bySku = products.find((product) => skuPattern(product.sku).test(text))?.sku;
  if (bySku) return bySku;
  // Shoppers name products, not SKUs: "the wireless earbuds" narrows to that product too.
  const lower = text.toLowerCase();
  return products.find((product) => product.name && lower.includes(product.name.toLowerCase()))?.sku;
}

/**
 * Products a text names by what they are, in any language: "veste de pluie", "kurtka" and "레인 재킷" all
 * carry the jacket concept, as does the store's "Rain jacket", whatever language its catalogue is in.
 */
export function productsBySubject<P extends ProductFacts>(text: string, products: readonly P[]): P[] {
  const asked = new Set(analyseText(text).concepts.filter((id) => isSubject(conceptTerm(id))));
  if (asked.size === 0) return [];
  return products.filter((product) =>
    analyseText(`${product.name}\n${product.category ?? ''}`).concepts.some((id) => asked.has(id)),
  );
}
