import { BM25_DEFAULTS, idfOf } from './bm25';
import { type ConceptRole, concepts } from './lexicon';
import { analyseText, conceptTerm } from './tokenise';
import type { FaqEntry, KnowledgeAnswer, ProductFacts, ProductField } from './types';

/**
 * The store's FAQ and products tokenised once per catalogue version, with the per-term counts BM25 needs,
 * so a question costs a lookup in the terms it holds rather than tokenising the catalogue again. A
 * selection (the FAQ in one language, all products, one product) is a set of documents with its own
 * document frequencies, as the ranker scores against exactly the documents in play.
 */
export interface Doc {
  tf: ReadonlyMap<string, number>;
  length: number;
  language: string;
  /** The subject concepts the document holds, for what a named subject implies. */
  subjects: readonly string[];
  result: Omit<KnowledgeAnswer, 'score'>;
}

export interface Selection {
  docs: readonly Doc[];
  df: ReadonlyMap<string, number>;
  totalLength: number;
  languages: ReadonlySet<string>;
  /** Term → positions in docs and the term's count there; only on large selections, where scanning every
   * document would cost. */
  postings?: ReadonlyMap<string, { positions: number[]; counts: number[] }>;
}

let roles: ReadonlyMap<string, ConceptRole> | undefined;
/** Each concept term's role, read on first use with the keyword lists. */
export function roleOf(term: string): ConceptRole | undefined {
  roles ??= new Map(concepts().map((concept) => [conceptTerm(concept.id), concept.role]));
  return roles.get(term);
}
export const isSubject = (term: string) => roleOf(term) === 'subject';

export function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function termsOf(...texts: Array<string | undefined>): string[] {
  const analysed = analyseText(texts.filter(Boolean).join('\n'));
  return [...analysed.concepts.map(conceptTerm), ...analysed.words];
}

function doc(terms: readonly string[], language: string, result: Doc['result']): Doc {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  return { tf, length: terms.length, language, subjects: [...tf.keys()].filter(isSubject), result };
}

function faqDocument(entry: FaqEntry, storeLanguage: string): Doc {
  const language = primary(entry.language ?? storeLanguage);
  const title = entry.question ?? entry.title ?? entry.topic ?? entry.id;
  return doc(
    termsOf(entry.question, entry.title, entry.topic, ...(entry.tags ?? []), entry.answer),
    language,
    {
      answer: entry.answer,
      source: { kind: 'faq', id: entry.id, title },
      language,
    },
  );
}

function productDocuments(product: ProductFacts, storeLanguage: string): Doc[] {
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
  return facts.map((fact) =>
    // The label carries the field's concept ("warranty") even when the value alone does not name it.
    doc(termsOf(product.name, product.category, fact.label, fact.answer), language, {
      answer: fact.answer,
      source: { kind: 'product', id: product.sku, title: product.name, field: fact.field },
      language,
      ...(fact.facts ? { facts: fact.facts } : {}),
    }),
  );
}

/** Selections larger than this keep postings; smaller ones are scanned, which is cheaper to build. */
const POSTINGS_FROM = 64;

function select(docs: readonly Doc[]): Selection {
  const df = new Map<string, number>();
  const languages = new Set<string>();
  let totalLength = 0;
  const postings =
    docs.length >= POSTINGS_FROM ? new Map<string, { positions: number[]; counts: number[] }>() : undefined;
  docs.forEach((document, position) => {
    totalLength += document.length;
    languages.add(document.language);
    for (const [term, count] of document.tf) {
      df.set(term, (df.get(term) ?? 0) + 1);
      if (postings) {
        const list = postings.get(term);
        if (list) {
          list.positions.push(position);
          list.counts.push(count);
        } else postings.set(term, { positions: [position], counts: [count] });
      }
    }
  });
  return { docs, df, totalLength, languages, ...(postings ? { postings } : {}) };
}

const productConcepts = new WeakMap<ProductFacts, readonly string[]>();
/** What a product is ("jacket", "earbuds"), in concepts, remembered per product object. */
export function conceptsOfProduct(product: ProductFacts): readonly string[] {
  let found = productConcepts.get(product);
  if (!found) {
    found = analyseText(`${product.name}\n${product.category ?? ''}`).concepts;
    productConcepts.set(product, found);
  }
  return found;
}

export function skuPattern(sku: string): RegExp {
  const escaped = sku.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9-])${escaped}(?![A-Za-z0-9-])`, 'gi');
}

const PLAIN_SKU = /^[A-Za-z0-9-]+$/;
const SUBSET_CACHE = 512;

export class CatalogueIndex {
  private readonly faqGroups: Array<Array<{ entry: FaqEntry; doc: Doc }>>;
  private readonly faqByLanguage = new Map<string, Selection>();
  private readonly productDocs: Doc[][];
  private all?: Selection;
  private readonly subsets = new Map<string, Selection>();
  /** Upper-case SKU → first product with it, for SKUs a question can only contain as a whole word. */
  private readonly plainSkus = new Map<string, number>();
  private readonly otherSkus: Array<{ index: number; pattern: RegExp }> = [];
  private readonly names: string[];

  constructor(
    faq: readonly FaqEntry[],
    private readonly products: readonly ProductFacts[],
    private readonly storeLanguage: string,
  ) {
    const byId = new Map<string, Array<{ entry: FaqEntry; doc: Doc }>>();
    for (const entry of faq) {
      const group = byId.get(entry.id) ?? [];
      group.push({ entry, doc: faqDocument(entry, storeLanguage) });
      byId.set(entry.id, group);
    }
    this.faqGroups = [...byId.values()];
    this.productDocs = products.map((product) => productDocuments(product, storeLanguage));
    products.forEach((product, index) => {
      conceptsOfProduct(product);
      if (PLAIN_SKU.test(product.sku)) {
        const key = product.sku.toUpperCase();
        if (!this.plainSkus.has(key)) this.plainSkus.set(key, index);
      } else this.otherSkus.push({ index, pattern: skuPattern(product.sku) });
    });
    this.names = products.map((product) => (product.name ? product.name.toLowerCase() : ''));
  }

  /** One entry per id: the shopper's language when the store has it, else the store's own. */
  faqIn(language: string): Selection {
    const wanted = primary(language);
    let selection = this.faqByLanguage.get(wanted);
    if (!selection) {
      const store = primary(this.storeLanguage);
      const docs = this.faqGroups.flatMap((group) => {
        const pick =
          group.find(({ entry }) => entry.language && primary(entry.language) === wanted) ??
          group.find(({ entry }) => !entry.language || primary(entry.language) === store) ??
          group[0];
        return pick ? [pick.doc] : [];
      });
      selection = select(docs);
      this.faqByLanguage.set(wanted, selection);
    }
    return selection;
  }

  allProducts(): Selection {
    this.all ??= select(this.productDocs.flat());
    return this.all;
  }

  productsWithSku(sku: string): Selection {
    const upper = sku.toUpperCase();
    return this.subset(`sku:${upper}`, () =>
      this.products.flatMap((product, index) => (product.sku.toUpperCase() === upper ? [index] : [])),
    );
  }

  /** Products a text names by what they are, in any language ("veste de pluie" for the rain jacket). */
  productsAbout(text: string): Selection {
    const asked = analyseText(text).concepts.filter((id) => isSubject(conceptTerm(id)));
    if (asked.length === 0) return this.subset('none', () => []);
    const wanted = new Set(asked);
    return this.subset(`subject:${[...wanted].sort().join(',')}`, () =>
      this.products.flatMap((product, index) =>
        conceptsOfProduct(product).some((id) => wanted.has(id)) ? [index] : [],
      ),
    );
  }

  /** The SKU of the first product (in catalogue order) the question names by SKU, else by its whole name. */
  mentionedSku(question: string): string | undefined {
    const text = question.normalize('NFKC');
    let first: number | undefined;
    for (const run of text.match(/[A-Za-z0-9-]+/g) ?? []) {
      const index = this.plainSkus.get(run.toUpperCase());
      if (index !== undefined && (first === undefined || index < first)) first = index;
    }
    for (const { index, pattern } of this.otherSkus) {
      if (first !== undefined && index > first) break;
      pattern.lastIndex = 0;
      if (pattern.test(text)) first = index;
    }
    if (first !== undefined) return this.products[first]?.sku;
    // Shoppers name products, not SKUs: "the wireless earbuds" narrows to that product too.
    const lower = text.toLowerCase();
    const named = this.names.findIndex((name) => name !== '' && lower.includes(name));
    return named >= 0 ? this.products[named]?.sku : undefined;
  }

  private subset(key: string, indices: () => number[]): Selection {
    let selection = this.subsets.get(key);
    if (!selection) {
      // Bounded: questions naming ever new subjects must not grow a warm function's memory without end.
      if (this.subsets.size >= SUBSET_CACHE) this.subsets.clear();
      selection = select(indices().flatMap((index) => this.productDocs[index] ?? []));
      this.subsets.set(key, selection);
    }
    return selection;
  }
}

/** Document frequency and BM25 over the FAQ and product selections in play, as one collection. */
export class Combined {
  readonly documents: number;
  readonly averageLength: number;
  private readonly idfs = new Map<string, number>();

  constructor(private readonly parts: readonly Selection[]) {
    this.documents = parts.reduce((sum, part) => sum + part.docs.length, 0);
    const total = parts.reduce((sum, part) => sum + part.totalLength, 0);
    this.averageLength = this.documents > 0 ? total / this.documents : 0;
  }

  df(term: string): number {
    return this.parts.reduce((sum, part) => sum + (part.df.get(term) ?? 0), 0);
  }

  idf(term: string): number {
    let value = this.idfs.get(term);
    if (value === undefined) {
      value = idfOf(this.documents, this.df(term));
      this.idfs.set(term, value);
    }
    return value;
  }

  hasLanguage(language: string): boolean {
    return this.parts.some((part) => part.languages.has(language));
  }

  doc(position: number): Doc | undefined {
    let offset = position;
    for (const part of this.parts) {
      if (offset < part.docs.length) return part.docs[offset];
      offset -= part.docs.length;
    }
    return undefined;
  }

  /** Positions of the documents holding at least one of the terms, in collection order. */
  holdingAny(terms: readonly string[]): number[] {
    const found: number[] = [];
    let offset = 0;
    for (const part of this.parts) {
      if (part.postings) {
        const positions = new Set<number>();
        for (const term of terms)
          for (const position of part.postings.get(term)?.positions ?? []) positions.add(position);
        for (const position of [...positions].sort((a, b) => a - b)) found.push(offset + position);
      } else {
        part.docs.forEach((document, position) => {
          if (terms.some((term) => document.tf.has(term))) found.push(offset + position);
        });
      }
      offset += part.docs.length;
    }
    return found;
  }

  /**
   * BM25 of every document at once, term by term through the postings: a term held by thousands of
   * documents costs one pass over its postings. Each document's terms are added in query order, as
   * score() adds them, so both give the same number.
   */
  scoreAll(query: ReadonlyMap<string, number>): Float64Array {
    const { k1, b } = BM25_DEFAULTS;
    const scores = new Float64Array(this.documents);
    const average = this.averageLength || 1;
    for (const [term, weight] of query) {
      const idf = this.idf(term);
      let offset = 0;
      for (const part of this.parts) {
        const add = (position: number, tf: number) => {
          const document = part.docs[position] as Doc;
          const norm = k1 * (1 - b + (b * document.length) / average);
          const at = offset + position;
          scores[at] = (scores[at] ?? 0) + weight * idf * ((tf * (k1 + 1)) / (tf + norm));
        };
        if (part.postings) {
          const list = part.postings.get(term);
          if (list)
            for (let at = 0; at < list.positions.length; at++)
              add(list.positions[at] as number, list.counts[at] as number);
        } else {
          part.docs.forEach((document, position) => {
            const tf = document.tf.get(term);
            if (tf) add(position, tf);
          });
        }
        offset += part.docs.length;
      }
    }
    return scores;
  }
}
