import * as z from 'zod';
import { JOINED_CASE_TEXTS } from '../after-sales/case-texts';
import { noWord, yesWord } from '../after-sales/confirmation';
import { CONFIRMATION_TEXTS } from '../after-sales/confirmation-texts';
import { returnReasonIn } from '../after-sales/return-reason';
import type { RmaState } from '../after-sales/rma';
import { outOfHoursReply, personReplyTimeOf } from '../handoff/out-of-hours';
import { wantedSize } from '../nlu/entities';
import type { IntentId } from '../nlu/intent-ids';
import { LANGUAGE_ENDONYMS, type SupportedLanguage, supportedLanguageOf } from '../nlu/languages';
import {
  afterSalesReply,
  fixedReply,
  formatDate,
  formatMoney,
  itemNames,
  type ReturnStateText,
  type ReturnWhy,
  returnStateText,
  returnWhyText,
} from '../nlu/templates';
import type { ToolResultTurn } from './conversation';
import { ORDER_AFTER_SALES_INTENTS, type ResolvedTurn } from './dialogue-policy';
import { fillSizeOffer } from './size-offer-texts';

/**
 * The after-sales half of the embedded model: which tool an intent calls with which slots, what to ask
 * when a slot is missing, and which templated sentence a tool result becomes. Decisions stay in the
 * tools; this only reads their results.
 */

export type ToolCall = { name: string; input: Record<string, unknown> };
export type AfterSalesStep = { call: ToolCall } | { say: string };

export const AFTER_SALES_INTENTS: ReadonlySet<IntentId> = new Set([
  ...ORDER_AFTER_SALES_INTENTS,
  'size_advice',
  'product_question',
  'policy_question',
  'complaint',
  'payment_issue',
]);

export const AFTER_SALES_TOOL_NAMES: ReadonlySet<string> = new Set([
  'check_return',
  'start_return',
  'get_return_status',
  'cancel_order',
  'change_order',
  'size_advice',
  'answer_question',
  'open_claim',
]);

/** The earlier messages a slot may come from: the question and its answers, newest first. */
const CONTEXT_TURNS = 3;

export function afterSalesStep(
  turn: ResolvedTurn,
  latestText: string,
  earlierTexts: readonly string[],
  orderIdFromContext: string | undefined,
  /** The whole message the request was taken from: a reason often sits in another clause ("…, it's too small"). */
  wholeMessage: string = latestText,
): AfterSalesStep | undefined {
  const intent = turn.intent;
  const orderId = turn.orderId ?? orderIdFromContext;
  // Broken or wrong goods reach a person at once; the case is opened once the order number is known.
  if (!orderId && (intent === 'damaged_item' || intent === 'wrong_item')) return undefined;
  if (ORDER_AFTER_SALES_INTENTS.has(intent) && !orderId)
    return { say: fixedReply(turn.lang, 'askOrderNumber') };
  const recent = [latestText, ...earlierTexts.slice(0, CONTEXT_TURNS)].join('\n');
  switch (intent) {
    case 'return_request':
    case 'exchange_request': {
      // The reason the shopper gave, newest words first: "too small" must not be stored as a change of mind.
      const reason = [latestText, wholeMessage, ...earlierTexts.slice(0, CONTEXT_TURNS)]
        .map(returnReasonIn)
        .find((found) => found !== undefined);
      const resolution = intent === 'exchange_request' ? 'exchange' : 'either';
      return {
        call: { name: 'start_return', input: { orderId, resolution, ...(reason ? { reason } : {}) } },
      };
    }
    case 'refund_status':
      return { call: { name: 'get_return_status', input: { orderId } } };
    case 'cancel_order':
      return { call: { name: 'cancel_order', input: { orderId } } };
    case 'change_order': {
      const size = wantedSize(latestText, turn.analysis.entities.sizes)?.value;
      const input = size ? { orderId, change: 'size', to: size } : { orderId, change: 'address' };
      return { call: { name: 'change_order', input } };
    }
    case 'damaged_item':
    case 'wrong_item':
      return { call: { name: 'open_claim', input: { kind: intent, orderId, description: latestText } } };
    case 'delivery_problem':
      return { call: { name: 'open_claim', input: { kind: 'delivery', orderId, description: latestText } } };
    case 'complaint':
    case 'payment_issue':
      return {
        call: {
          name: 'open_claim',
          input: {
            kind: intent === 'complaint' ? 'complaint' : 'payment',
            description: latestText,
            ...(orderId ? { orderId } : {}),
          },
        },
      };
    case 'size_advice': {
      const asked = wantedSize(latestText, turn.analysis.entities.sizes);
      const size =
        asked && (asked.system === 'number' || asked.system === 'letter')
          ? asked.value
          : asked && `${asked.system} ${asked.value}`;
      return {
        call: {
          name: 'size_advice',
          input: { product: recent, measurements: recent, ...(size ? { size } : {}) },
        },
      };
    }
    case 'product_question':
    case 'policy_question':
      return {
        call: { name: 'answer_question', input: { question: latestText, language: turn.lang, intent } },
      };
    default:
      return undefined;
  }
}

const Money = z.object({ currency: z.string(), minor: z.number().int() });
const Item = z.object({ name: z.string(), size: z.string().optional() });
const RmaView = z.object({
  rmaId: z.string(),
  itemName: z.string().optional(),
  sku: z.string(),
  state: z.string(),
  refund: Money,
});

/** Each return state worded as it is: a return still waiting for approval is never called approved. */
const STATE_TEXT: Record<RmaState, ReturnStateText> = {
  requested: 'awaiting_approval',
  approved: 'approved',
  label_issued: 'approved',
  in_transit: 'in_transit',
  received: 'received',
  refunded: 'refunded',
  exchanged: 'exchanged',
  rejected: 'rejected',
};

/** An unknown state (a newer store) promises nothing: it reads as still waiting for a decision. */
const stateText = (state: string): ReturnStateText =>
  Object.hasOwn(STATE_TEXT, state) ? STATE_TEXT[state as RmaState] : 'awaiting_approval';

export type AfterSalesOutcome = { say: string } | { call: ToolCall };

/** The reply to an after-sales tool result, or a follow-up call (a person when the store has no answer). */
export function afterSalesReplyFromTool(
  lang: SupportedLanguage,
  result: ToolResultTurn,
  intent: IntentId,
  shopperText = '',
): AfterSalesOutcome {
  const content = result.content;
  const say = (text: string) => ({ say: text });
  if (result.status === 'error') {
    switch (content.error) {
      case 'order_not_found':
        return say(fixedReply(lang, 'orderNotFound'));
      case 'order_required':
        return say(fixedReply(lang, 'askOrderNumber'));
      case 'sku_required': {
        const items = z.array(Item).safeParse(content.items);
        return say(
          afterSalesReply(lang, 'askWhichItem', { items: items.success ? itemNames(lang, items.data) : '' }),
        );
      }
      default:
        return say(fixedReply(lang, 'unsure'));
    }
  }
  const outcome = String(content.outcome ?? '');
  const orderId = typeof content.orderId === 'string' ? content.orderId : '';
  const item = Item.safeParse(content.item);
  const itemName = item.success ? item.data.name : '';
  const money = (value: unknown) => {
    const parsed = Money.safeParse(value);
    return parsed.success ? formatMoney(lang, parsed.data) : '';
  };
  const lastDay = typeof content.lastDay === 'string' ? formatDate(lang, content.lastDay) : '';
  if (outcome === 'needs_confirmation') return say(proposalText(lang, content));
  switch (result.name) {
    case 'start_return': {
      const rma = RmaView.safeParse(content.rma);
      if (outcome === 'not_eligible') {
        const reason = String(content.reason);
        const why: ReturnWhy = (
          ['not_delivered_yet', 'final_sale', 'outside_window', 'already_returned'] as const
        ).includes(reason as never)
          ? (reason as ReturnWhy)
          : 'other';
        return say(
          afterSalesReply(lang, 'returnRefused', {
            item: itemName,
            orderId,
            why: returnWhyText(lang, why, { lastDay }),
          }),
        );
      }
      if (!rma.success) return say(fixedReply(lang, 'unsure'));
      const values = {
        item: itemName,
        orderId,
        rmaId: rma.data.rmaId,
        lastDay,
        amount: formatMoney(lang, rma.data.refund),
      };
      if (outcome === 'already_open') {
        const state = returnStateText(lang, stateText(rma.data.state));
        return say(afterSalesReply(lang, 'returnAlreadyOpen', { ...values, state }));
      }
      if (outcome === 'needs_person') {
        const when = personReplyTimeOf(content);
        return say(
          when
            ? outOfHoursReply(lang, 'returnNeedsPerson', when, values)
            : afterSalesReply(lang, 'returnNeedsPerson', values),
        );
      }
      if (outcome === 'exchange_opened') return say(afterSalesReply(lang, 'exchangeOpened', values));
      return say(afterSalesReply(lang, 'returnOpened', values));
    }
    case 'get_return_status': {
      const returns = z.array(RmaView).safeParse(content.returns);
      if (!returns.success || returns.data.length === 0)
        return say(afterSalesReply(lang, 'noReturns', { orderId }));
      return say(
        returns.data
          .map((rma) =>
            afterSalesReply(lang, 'returnStatus', {
              rmaId: rma.rmaId,
              item: rma.itemName ?? rma.sku,
              state: returnStateText(lang, stateText(rma.state)),
            }),
          )
          .join('\n'),
      );
    }
    case 'cancel_order': {
      if (outcome === 'cancelled')
        return say(afterSalesReply(lang, 'cancelled', { orderId, amount: money(content.refund) }));
      if (outcome === 'needs_person') {
        const values = { orderId, amount: money(content.refund) };
        const when = personReplyTimeOf(content);
        return say(
          when
            ? outOfHoursReply(lang, 'cancelNeedsPerson', when, values)
            : afterSalesReply(lang, 'cancelNeedsPerson', values),
        );
      }
      const shipped = content.reason === 'already_shipped' || content.reason === 'already_delivered';
      return say(afterSalesReply(lang, shipped ? 'cancelShipped' : 'cancelNotPossible', { orderId }));
    }
    case 'change_order': {
      if (outcome === 'requested')
        return say(afterSalesReply(lang, 'changeRequested', { orderId, ticketId: String(content.ticketId) }));
      if (outcome === 'needs_detail') return say(afterSalesReply(lang, 'changeAskValue'));
      // "Change the lamp from A1006" after delivery means another lamp: the return policy judges the
      // exchange. Only an explicit address change is left for a person.
      if (content.reason === 'already_delivered' && !mentionsAddress(shopperText))
        return { call: { name: 'start_return', input: { orderId, resolution: 'exchange' } } };
      const shipped = content.reason === 'already_shipped';
      return say(afterSalesReply(lang, shipped ? 'changeShipped' : 'changeNotPossible', { orderId }));
    }
    case 'size_advice':
      return say(sizeReply(lang, content));
    case 'answer_question': {
      if (outcome !== 'answer') {
        return { call: { name: 'request_human', input: { reason: 'low_confidence', intent } } };
      }
      const source = z.object({ title: z.string() }).safeParse(content.source);
      const title = source.success ? source.data.title : '';
      const lines = [String(content.answer), afterSalesReply(lang, 'knowledgeSource', { source: title })];
      const written = typeof content.answerLanguage === 'string' ? content.answerLanguage : undefined;
      const writtenIn = supportedLanguageOf(written);
      // The shopper is told why the answer is not in their language rather than left to wonder.
      if (written && writtenIn !== lang) {
        const language = writtenIn ? LANGUAGE_ENDONYMS[writtenIn] : written;
        lines.unshift(afterSalesReply(lang, 'knowledgeOtherLanguage', { language }));
      }
      return say(lines.join('\n'));
    }
    case 'open_claim': {
      const claimId = String(content.claimId);
      const when = personReplyTimeOf(content);
      if (outcome === 'joined')
        return say(
          when
            ? outOfHoursReply(lang, 'caseJoined', when, { claimId })
            : JOINED_CASE_TEXTS[lang].replace('{claimId}', claimId),
        );
      const lines = [
        when
          ? outOfHoursReply(lang, 'caseOpened', when, { claimId })
          : afterSalesReply(lang, 'claimOpened', { claimId }),
      ];
      const goods = content.kind === 'damaged_item' || content.kind === 'wrong_item';
      if (goods && content.photos === 0) lines.push(afterSalesReply(lang, 'askPhoto'));
      if (content.kind === 'payment') lines.push(afterSalesReply(lang, 'paymentNote'));
      return say(lines.join(' '));
    }
    default:
      return say(fixedReply(lang, 'unsure'));
  }
}

const ProposalView = z.object({
  action: z.enum(['cancel', 'change_address', 'change_size', 'change_colour']),
  orderId: z.string(),
  items: z.array(Item),
  refund: Money.optional(),
  to: z.string().optional(),
  previousExpired: z.boolean().optional(),
});

/** The summary a shopper says yes or no to: what, which order and items, how much. */
export function proposalText(lang: SupportedLanguage, content: Record<string, unknown>): string {
  const proposal = ProposalView.safeParse(content);
  if (!proposal.success) return fixedReply(lang, 'unsure');
  const texts = CONFIRMATION_TEXTS[lang];
  const { action, orderId, items, refund, to } = proposal.data;
  const template =
    action === 'cancel'
      ? texts.proposeCancel
      : action === 'change_address'
        ? texts.proposeAddress
        : texts.proposeItem;
  const values: Record<string, string> = {
    orderId,
    items: itemNames(lang, items),
    item: itemNames(lang, items.slice(0, 1)),
    amount: refund ? formatMoney(lang, refund) : '',
    to: to ?? '',
    yes: yesWord(lang),
    no: noWord(lang),
  };
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  return proposal.data.previousExpired ? `${texts.expired} ${text}` : text;
}

/** Address words in the 17 languages: what an order change is about when it names no size. */
const ADDRESS_WORDS =
  /address|adress|direcci[oó]n|domicilio|indirizzo|endere[cç]o|morada|adres|адрес|عنوان|地址|住所|届け先|주소|alamat|địa chỉ|ที่อยู่/iu;

export function mentionsAddress(text: string): boolean {
  return ADDRESS_WORDS.test(text.normalize('NFKC'));
}

const SizeReasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

/** The measurements a size was read from, in the shopper's number format: "180 cm, 80 kg". */
function measuredText(lang: SupportedLanguage, params: Record<string, string | number>): string {
  // Latin digits in every language: the chart and the shopper's own message use them.
  const number = new Intl.NumberFormat(`${lang}-u-nu-latn`, { maximumFractionDigits: 1 });
  const units: Array<[string, string]> = [
    ['heightCm', 'cm'],
    ['weightKg', 'kg'],
    ['chestCm', 'cm'],
    ['footCm', 'cm'],
  ];
  return units
    .filter(([key]) => typeof params[key] === 'number')
    .map(([key, unit]) => `${number.format(params[key] as number)} ${unit}`)
    .join(', ');
}

/** The one sentence saying why this size: the chart row, the two rows it sits between, or the returns. */
function sizeReason(lang: SupportedLanguage, raw: unknown): string {
  const reason = SizeReasonSchema.safeParse(raw);
  if (!reason.success) return '';
  const { code, params } = reason.data;
  if (code === 'adjusted_for_returns') return afterSalesReply(lang, 'sizeReturnsNote');
  const measured = measuredText(lang, params);
  if (!measured) return '';
  if (code === 'between_sizes')
    return afterSalesReply(lang, 'sizeReasonBetween', {
      measured,
      lower: String(params.lower ?? ''),
      upper: String(params.upper ?? ''),
      size: String(params.size ?? ''),
    });
  return afterSalesReply(lang, 'sizeReasonChart', { measured, size: String(params.size ?? '') });
}

const AskedSizeView = z.object({
  askedSize: z.object({ size: z.string(), offered: z.boolean() }),
  sizes: z.array(z.string()).min(1),
});

/** Answers "do you have it in 44?" first, from the chart, before advising or asking for a measurement. */
function sizeReply(lang: SupportedLanguage, content: Record<string, unknown>): string {
  const answer = sizeAdviceReply(lang, content);
  const asked = AskedSizeView.safeParse(content);
  if (!asked.success) return answer;
  const product = z.object({ name: z.string() }).safeParse(content.product);
  const { size, offered } = asked.data.askedSize;
  const values = {
    product: product.success ? product.data.name : '',
    size,
    sizes: asked.data.sizes.join(', '),
  };
  return `${fillSizeOffer(lang, offered ? 'offered' : 'notOffered', values)} ${answer}`.trim();
}

function sizeAdviceReply(lang: SupportedLanguage, content: Record<string, unknown>): string {
  const product = z.object({ name: z.string() }).safeParse(content.product);
  const name = product.success ? product.data.name : '';
  if (content.outcome === 'unknown_product') {
    const products = z.array(z.object({ name: z.string() })).safeParse(content.products);
    const names = products.success ? products.data.map((entry) => entry.name).join(', ') : '';
    return afterSalesReply(lang, 'sizeAskProduct', { products: names });
  }
  if (content.outcome === 'advice') {
    const text = afterSalesReply(lang, 'sizeAdvice', { product: name, size: String(content.size) });
    return `${text} ${sizeReason(lang, content.reason)}`.trim();
  }
  const ask = z.array(z.string()).safeParse(content.ask);
  const reason = z.object({ code: z.string() }).safeParse(content.reason);
  if (reason.success && reason.data.code === 'missing_measurement' && ask.success) {
    return afterSalesReply(lang, ask.data.includes('footCm') ? 'sizeAskFoot' : 'sizeAskBody', {
      product: name,
    });
  }
  return afterSalesReply(lang, 'sizeCannot', { product: name });
}
