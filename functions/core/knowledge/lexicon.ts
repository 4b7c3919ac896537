import { keywordLists } from '../../../models/keywords';

/**
 * Cross-language concepts. A store writes its FAQ in one or two languages and shoppers ask in seventeen;
 * without a translation model in the bundle, the bridge is a shared concept token ("#return") that both the
 * question and the document carry, whatever words they use.
 *
 * The concepts are data (models/data/keywords/knowledge-concepts.json) in the term syntax of the text
 * module (functions/core/text/keywords.ts): "devolu*" matches devolución and devolver; terms in Han,
 * Kana, Hangul and Thai match anywhere; terms and text are folded alike, so terms are written as people
 * spell them.
 */
export type ConceptRole = 'aspect' | 'subject' | 'modifier';

export interface Concept {
  id: string;
  /**
   * An aspect is what the shopper wants to know (returns, care); a subject is what it is about (earbuds);
   * a modifier ("how long") only narrows the aspect, and a match on it alone proves nothing.
   */
  role: ConceptRole;
  terms: readonly string[];
}

/** The concepts, in list order: earlier concepts take a phrase before later ones (tokenise.ts). */
export function concepts(): readonly Concept[] {
  return keywordLists().concepts;
}
