import * as z from 'zod';
import { keywordLists } from '../../../models/keywords';
import { KeywordMatcher } from '../text';

/**
 * Complaints sorted into the categories their owners work on, and routed to those owners. Payment
 * problems are a category of their own: money goes to the people allowed to move it, never to a general
 * queue.
 *
 * The keywords are data (models/data/keywords/complaints.json), in the term syntax of the text module
 * (functions/core/text/keywords.ts): whole words, `term*` for any ending, Chinese, Japanese, Korean and
 * Thai terms anywhere, Arabic terms after joined proclitics; case and diacritics folded alike.
 */

export const COMPLAINT_CATEGORIES = [
  'delivery',
  'quality',
  'service',
  'price',
  'website',
  'payment',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

type KeywordCategory = Exclude<ComplaintCategory, 'other'>;
export type ComplaintKeywords = Readonly<Record<KeywordCategory, readonly string[]>>;

/** When two categories match equally often, the first here wins: money and broken goods come first. */
const TIE_ORDER: readonly KeywordCategory[] = [
  'payment',
  'quality',
  'delivery',
  'price',
  'website',
  'service',
];

/** The lists in models/data/keywords/complaints.json, per category, every language's terms in turn. */
export function complaintKeywords(): ComplaintKeywords {
  const lists = keywordLists().complaints;
  return Object.fromEntries(
    TIE_ORDER.map((category) => [category, Object.values(lists[category]).flat()]),
  ) as Record<KeywordCategory, string[]>;
}

export type ComplaintMatcher = (text: string) => Array<{ category: KeywordCategory; term: string }>;

export function createComplaintMatcher(keywords?: ComplaintKeywords): ComplaintMatcher {
  let lists: Array<readonly [KeywordCategory, readonly string[]]> | undefined;
  let matcher: KeywordMatcher<KeywordCategory> | undefined;
  return (text) => {
    // Built on first use: handlers that import complaints but never categorise one skip it.
    if (!lists || !matcher) {
      const terms = keywords ?? complaintKeywords();
      lists = TIE_ORDER.map((category) => [category, terms[category]] as const);
      matcher = new KeywordMatcher(lists);
    }
    const found = new Set(matcher.match(text).matches.map(({ group, term }) => `${group}\u0000${term}`));
    // Each matching term once, in list order, whatever its position in the text.
    return lists.flatMap(([category, terms]) =>
      [...new Set(terms)]
        .filter((term) => found.has(`${category}\u0000${term}`))
        .map((term) => ({ category, term })),
    );
  };
}

/** Intents specific enough to name the category themselves, whatever words the shopper used. */
const INTENT_CATEGORY: ReadonlyMap<string, ComplaintCategory> = new Map(
  Object.entries({
    delivery_problem: 'delivery',
    track_order: 'delivery',
    // A wrong item is a picking mistake: the fulfilment owner fixes it, not the product team.
    wrong_item: 'delivery',
    damaged_item: 'quality',
    payment_issue: 'payment',
    refund_status: 'payment',
  } satisfies Record<string, ComplaintCategory>),
);

export interface ComplaintCategorisation {
  category: ComplaintCategory;
  source: 'intent' | 'keywords' | 'default';
  /** The keywords that matched, for the agent and for tuning the lists. */
  terms: string[];
}

const defaultMatcher = createComplaintMatcher();

export function categoriseComplaint(
  text: string,
  intent?: string,
  matcher: ComplaintMatcher = defaultMatcher,
): ComplaintCategorisation {
  const matches = matcher(text);
  const terms = matches.map((match) => match.term);
  const byIntent = intent === undefined ? undefined : INTENT_CATEGORY.get(intent);
  if (byIntent) return { category: byIntent, source: 'intent', terms };
  if (matches.length === 0) return { category: 'other', source: 'default', terms };
  const counts = new Map<KeywordCategory, number>();
  for (const { category } of matches) counts.set(category, (counts.get(category) ?? 0) + 1);
  let best: KeywordCategory | undefined;
  for (const category of TIE_ORDER) {
    const count = counts.get(category) ?? 0;
    if (count > 0 && (best === undefined || count > (counts.get(best) ?? 0))) best = category;
  }
  return { category: best ?? 'other', source: 'keywords', terms };
}

// ---------------------------------------------------------------------------------------------------------
// Routing

export const ComplaintOwnerSchema = z
  .object({
    type: z.enum(['queue', 'person']),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/),
  })
  .strict();
export type ComplaintOwner = z.infer<typeof ComplaintOwnerSchema>;

export const ComplaintRoutingSchema = z
  .object({
    defaultOwner: ComplaintOwnerSchema,
    // Required: a payment problem must reach someone who may move money, never the default queue.
    payment: ComplaintOwnerSchema,
    delivery: ComplaintOwnerSchema.optional(),
    quality: ComplaintOwnerSchema.optional(),
    service: ComplaintOwnerSchema.optional(),
    price: ComplaintOwnerSchema.optional(),
    website: ComplaintOwnerSchema.optional(),
    other: ComplaintOwnerSchema.optional(),
  })
  .strict();
export type ComplaintRouting = z.infer<typeof ComplaintRoutingSchema>;

export function parseComplaintRouting(input: unknown): ComplaintRouting {
  return ComplaintRoutingSchema.parse(input);
}

export interface ComplaintRoute {
  category: ComplaintCategory;
  owner: ComplaintOwner;
  /** True when no owner is configured for the category and the default owner takes it. */
  viaDefault: boolean;
}

export function routeComplaint(category: ComplaintCategory, routing: ComplaintRouting): ComplaintRoute {
  const owner = routing[category];
  return owner
    ? { category, owner, viaDefault: false }
    : { category, owner: routing.defaultOwner, viaDefault: true };
}
