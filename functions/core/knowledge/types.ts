/** An FAQ entry as the store holds it (store/faq/*.json, docs/store-config.md); richer stores add question and tags. */
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
  /**
   * The catalogue version the FAQ and products were read at (store-config/writer.ts): the index is built
   * once per version. Without one, it is kept for as long as the same arrays are passed.
   */
  version?: string;
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
