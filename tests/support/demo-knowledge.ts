import type { Knowledge, KnowledgeAnswer, NoAnswer } from '../../functions/core/knowledge/answer';
import { DEMO_FAQ, DEMO_PRODUCTS } from '../../local/seed/demo-store';

/** The demo store's FAQ and products, as the knowledge tool sees them. */
export const demoKnowledge: Knowledge = { faq: DEMO_FAQ, products: DEMO_PRODUCTS };

/** Where an answer came from, `faq:<id>` or `product:<sku>:<field>`, or `none`. */
export const sourceOf = (result: KnowledgeAnswer | NoAnswer) =>
  'none' in result
    ? 'none'
    : `${result.source.kind}:${result.source.id}${result.source.kind === 'product' ? `:${result.source.field}` : ''}`;
