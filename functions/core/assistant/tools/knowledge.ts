import * as z from 'zod';
import type { StoreProduct } from '../../../ports/after-sales';
import { answerFromKnowledge, productsBySubject } from '../../knowledge/answer';
import { readBodyMeasurements } from '../../sizing/measurements';
import { chartOffers, parseAskedSize } from '../../sizing/offered-sizes';
import { type Fit, recommendSize } from '../../sizing/recommend';
import { returnSignalFor } from '../../sizing/returns';
import { invalid, SkuSchema, success, type ToolContext, type ToolDefinition } from './common';
import type { AfterSalesDeps } from './deps';

/** Enough recent returns for a fit signal without reading a product's whole history. */
const RETURNS_FOR_SIGNAL = 200;
const RECENT_ORDERS = 10;

const Cm = z.number().positive().max(300);
const SizeAdviceInput = z
  .object({
    /** A SKU, a product name, or the shopper's words naming the product. */
    product: z.string().trim().min(1).max(500),
    measurements: z.string().max(500).optional(),
    heightCm: Cm.optional(),
    weightKg: z.number().positive().max(400).optional(),
    chestCm: Cm.optional(),
    footCm: z.number().positive().max(50).optional(),
    fit: z.enum(['snug', 'regular', 'loose']).default('regular'),
    size: z.string().trim().max(20).optional(),
  })
  .strict();

const AnswerInput = z
  .object({
    question: z.string().trim().min(1).max(1000),
    language: z
      .string()
      .regex(/^[a-z]{2}(?:-[A-Za-z]{2,4})?$/)
      .default('en'),
    intent: z.enum(['product_question', 'policy_question']).optional(),
    sku: SkuSchema.optional(),
  })
  .strict();

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** By SKU first, then by a product whose whole name the text contains, then by what it is in any language. */
export function findProduct(products: readonly StoreProduct[], text: string): StoreProduct | undefined {
  const folded = fold(text);
  const bySku = products.find((product) => folded.includes(product.sku.toLowerCase()));
  if (bySku) return bySku;
  const named = products.filter((product) => {
    const words = fold(product.name).split(/\s+/).filter(Boolean);
    return words.length > 0 && words.every((word) => folded.includes(word.replace(/s$/, '')));
  });
  if (named.length === 1) return named[0];
  if (named.length > 1) return undefined;
  const described = productsBySubject(text, products);
  return described.length === 1 ? described[0] : undefined;
}

/**
 * Names in another language than the catalogue's ("zapatillas") match nothing; when the shopper ordered
 * exactly one product with a size chart, that is the one they mean.
 */
async function onlyOrderedChart(
  deps: AfterSalesDeps,
  products: readonly StoreProduct[],
  context: ToolContext,
): Promise<StoreProduct | undefined> {
  const orders = await deps.orders.listOrdersForCustomer(context.customerId, RECENT_ORDERS);
  const ordered = new Set(orders.flatMap((order) => order.items.map((item) => item.sku.toUpperCase())));
  const charted = products.filter((product) => product.sizeChart && ordered.has(product.sku.toUpperCase()));
  return charted.length === 1 ? charted[0] : undefined;
}

/** The chart's sizes, and whether it has the one the shopper asked about (left out when it cannot tell). */
function offeredSizes(product: StoreProduct, size: string | undefined) {
  if (!product.sizeChart) return {};
  const sizes = product.sizeChart.rows.map((row) => row.size);
  const asked = size ? parseAskedSize(size) : undefined;
  const offered = asked ? chartOffers(product.sizeChart, asked) : undefined;
  return offered === undefined || !size ? { sizes } : { sizes, askedSize: { size, offered } };
}

export const sizeAdvice: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'size_advice',
    description:
      'Recommends a size of a product from its size chart and the shopper\'s body measurements (height, weight, chest or foot length, in any unit), adjusted when returns show the product runs small or large. Pass the shopper\'s own words in measurements; the tool converts units. Says which measurement is missing when it cannot advise. Lists the sizes the product comes in, and when the shopper asked about one size ("do you have it in 44?"), whether the chart offers it.',
    inputSchema: {
      type: 'object',
      properties: {
        product: { type: 'string', description: 'SKU or product name' },
        measurements: { type: 'string', description: 'The shopper\'s words, e.g. "5 ft 10, 165 lb"' },
        heightCm: { type: 'number' },
        weightKg: { type: 'number' },
        chestCm: { type: 'number' },
        footCm: { type: 'number' },
        fit: { type: 'string', enum: ['snug', 'regular', 'loose'] },
        size: { type: 'string', description: 'A size the shopper asked about, e.g. "44", "EU 44", "XL"' },
      },
      required: ['product'],
      additionalProperties: false,
    },
  },
  async run(deps, input, context) {
    const parsed = SizeAdviceInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const request = parsed.data;
    const products = await deps.knowledge.listProducts();
    const product =
      findProduct(products, request.product) ?? (await onlyOrderedChart(deps, products, context));
    if (!product) {
      return success({
        outcome: 'unknown_product',
        products: products.filter((candidate) => candidate.sizeChart).map(({ sku, name }) => ({ sku, name })),
      });
    }
    const read = readBodyMeasurements(request.measurements ?? '');
    const body = {
      ...read.body,
      ...(request.heightCm ? { heightCm: request.heightCm } : {}),
      ...(request.weightKg ? { weightKg: request.weightKg } : {}),
      ...(request.chestCm ? { chestCm: request.chestCm } : {}),
      ...(request.footCm ? { footCm: request.footCm } : {}),
    };
    const returns = await deps.returns.listReturnsForProduct(product.sku, RETURNS_FOR_SIGNAL);
    const signal = returnSignalFor(returns);
    const advice = recommendSize(product.sizeChart, body, request.fit as Fit, signal);
    const about = { sku: product.sku, name: product.name };
    const offered = offeredSizes(product, request.size);
    if (advice.status === 'advice') {
      return success({
        outcome: 'advice',
        product: about,
        size: advice.size,
        reason: advice.reason,
        ...offered,
      });
    }
    return success({
      outcome: 'cannot_advise',
      product: about,
      reason: advice.reason,
      ...(advice.ask ? { ask: advice.ask } : {}),
      ...offered,
    });
  },
};

export const answerQuestion: ToolDefinition<AfterSalesDeps> = {
  spec: {
    name: 'answer_question',
    description:
      "Answers a product or store-policy question (shipping, returns, fees, warranty, care, materials) from the store's own FAQ and product data, with the source. When it finds no confident answer, do not guess: offer the shopper a person (request_human with reason low_confidence).",
    inputSchema: {
      type: 'object',
      properties: {
        question: { type: 'string', description: "The shopper's question in their words" },
        language: { type: 'string', description: 'ISO 639-1 code of the question, e.g. en' },
        intent: { type: 'string', enum: ['product_question', 'policy_question'] },
        sku: { type: 'string', description: 'The product the conversation is about, if known' },
      },
      required: ['question'],
      additionalProperties: false,
    },
  },
  async run(deps, input) {
    const parsed = AnswerInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const { question, language, intent, sku } = parsed.data;
    const [faq, products, version] = await Promise.all([
      deps.knowledge.listFaq(),
      deps.knowledge.listProducts(),
      deps.knowledge.catalogueVersion?.(),
    ]);
    const catalogue = { faq, products, ...(version !== undefined ? { version } : {}) };
    const found = answerFromKnowledge(question, language.slice(0, 2), catalogue, { intent, sku });
    if ('none' in found) {
      return success({
        outcome: 'no_answer',
        instruction: 'The store has no confident answer. Do not guess; offer the shopper a person.',
      });
    }
    return success({
      outcome: 'answer',
      answer: found.answer,
      source: found.source,
      score: Math.round(found.score * 100) / 100,
      ...(found.language ? { answerLanguage: found.language } : {}),
    });
  },
};
