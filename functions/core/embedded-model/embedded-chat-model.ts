import { randomUUID } from 'node:crypto';
import type { ChatModel, ConverseRequest, ConverseResponse } from '../../ports/chat-model';
import { outOfHoursReply, personReplyTimeOf, withOpeningTime } from '../handoff/out-of-hours';
import { isThanksOrGoodbye } from '../nlu/closings';
import { extractEntities } from '../nlu/entities';
import type { IntentId } from '../nlu/intent-ids';
import { type SupportedLanguage, supportedLanguageOf } from '../nlu/languages';
import {
  afterSalesReply,
  chooseOrderReply,
  type FixedReply,
  fixedReply,
  orderStatusReply,
} from '../nlu/templates';
import type { OrderStatusView } from '../orders';
import {
  AFTER_SALES_INTENTS,
  AFTER_SALES_TOOL_NAMES,
  afterSalesReplyFromTool,
  afterSalesStep,
  type ToolCall,
} from './after-sales-turns';
import { type ConversationView, readConversation, type ToolResultTurn } from './conversation';
import { ORDER_AFTER_SALES_INTENTS, type ResolvedTurn, resolveTurn } from './dialogue-policy';
import { pickOrder, readOrderToolResult } from './order-results';

export { type Analysis, analyse } from './analyse';

const LIST_ORDERS = 'list_my_orders';
const GET_ORDER = 'get_order_status';
const REQUEST_HUMAN = 'request_human';
/** How many earlier messages (both sides) may name the order a turn is about. */
const ORDER_CONTEXT_MESSAGES = 6;
/** After-sales intents that name an order when the shopper has one, though they can go on without. */
const ORDER_OPTIONAL_INTENTS: ReadonlySet<IntentId> = new Set(['complaint', 'payment_issue']);

/** Replies that promise a person: each is only said after the conversation really is queued for one. */
const HANDOFF_REASON: Partial<Record<FixedReply, string>> = {
  handoff: 'shopper_request',
  videoCall: 'video_request',
  teamWillHelp: 'needs_agent',
  unsure: 'low_confidence',
};

/**
 * Replies for intents no tool serves. In-domain intents not listed (returns, damage, payments…) get
 * teamWillHelp: policy code, not this model, decides refunds and changes, so a person takes over.
 */
const FIXED_REPLY_BY_INTENT: Partial<Record<IntentId, FixedReply>> = {
  human_agent: 'handoff',
  video_call: 'videoCall',
  other: 'outOfScope',
};

/**
 * The embedded model: language detection, intent classification, entity extraction, a slot-filling
 * policy and templated replies, behind the same port and tools as Bedrock. Deterministic apart from
 * tool-use ids, and fast enough to answer clear-cut messages in the cloud too.
 */
export class EmbeddedChatModel implements ChatModel {
  readonly name = 'embedded';

  async converse(request: ConverseRequest, onDelta?: (text: string) => void): Promise<ConverseResponse> {
    const conversation = readConversation(request.messages);
    const latest = conversation.latestUserText;
    if (latest === undefined) {
      const lang = supportedLanguageOf(request.languageHint) ?? 'en';
      return say(fixedReply(lang, 'greeting'), lang, 'smalltalk', onDelta);
    }
    const turn = resolveTurn(latest, conversation.earlierUserTexts, request.languageHint);
    const toolResult = conversation.toolResults[0];
    if (toolResult?.name === REQUEST_HUMAN) {
      // After the store had no answer, say so rather than the generic "a person will help".
      const unknown = turn.intent === 'product_question' || turn.intent === 'policy_question';
      const when = personReplyTimeOf(toolResult.content);
      if (when) {
        const kind = replyKind(turn, latest);
        const text =
          kind === 'videoCall'
            ? withOpeningTime(fixedReply(turn.lang, 'videoCall'), turn.lang, when)
            : outOfHoursReply(turn.lang, unknown && turn.confident ? 'unknown' : 'asked', when);
        return say(text, turn.lang, turn.intent, onDelta);
      }
      const text =
        unknown && turn.confident
          ? afterSalesReply(turn.lang, 'noAnswer')
          : fixedReply(turn.lang, replyKind(turn, latest));
      return say(text, turn.lang, turn.intent, onDelta);
    }
    if (toolResult?.name && AFTER_SALES_TOOL_NAMES.has(toolResult.name)) {
      // A result the store's code produced on the shopper's yes names the language to answer in.
      const lang = supportedLanguageOf(String(toolResult.content.replyLanguage ?? '')) ?? turn.lang;
      const next = afterSalesReplyFromTool(lang, toolResult, turn.intent, latest);
      if ('say' in next) return say(offerFollowUp(turn, next.say), lang, turn.intent, onDelta);
      if (offers(request, next.call.name)) return callTool(next.call, turn);
      // No person can be queued, so none is promised.
      return say(fixedReply(turn.lang, 'outOfScope'), turn.lang, turn.intent, onDelta);
    }
    const contextOrderId = orderIdIn(conversation);
    if (toolResult?.name === LIST_ORDERS && turn.confident && AFTER_SALES_INTENTS.has(turn.intent)) {
      const next = afterSalesWithOrders(turn, conversation, toolResult);
      if ('say' in next) return say(offerFollowUp(turn, next.say), turn.lang, turn.intent, onDelta);
      if (next.call && offers(request, next.call.name)) return callTool(next.call, turn);
    } else if (toolResult) {
      return say(
        offerFollowUp(turn, replyFromTool(turn, latest, toolResult)),
        turn.lang,
        'track_order',
        onDelta,
      );
    }
    if (turn.intent === 'track_order' && !toolResult) return trackOrder(turn, request, onDelta);
    if (turn.confident && AFTER_SALES_INTENTS.has(turn.intent) && !toolResult) {
      // "I want to return my order" from a shopper with one order: look it up rather than ask its number.
      const orderId = turn.orderId ?? contextOrderId;
      if (!orderId && needsOrderLookup(turn.intent) && offers(request, LIST_ORDERS))
        return callTool({ name: LIST_ORDERS, input: {} }, turn);
      const step = afterSalesStep(turn, turn.request, conversation.earlierUserTexts, contextOrderId, latest);
      if (step && 'say' in step) return say(step.say, turn.lang, turn.intent, onDelta);
      // Without the tool on offer, the turn falls through to a person, who is queued before being promised.
      if (step && offers(request, step.call.name)) return callTool(step.call, turn);
    }
    const kind = replyKind(turn, latest);
    const reason = HANDOFF_REASON[kind];
    if (reason && request.tools.some((tool) => tool.name === REQUEST_HUMAN)) {
      return {
        stopReason: 'tool_use',
        content: [
          {
            type: 'toolUse',
            toolUseId: `tooluse_${randomUUID()}`,
            name: REQUEST_HUMAN,
            input: { reason, intent: turn.intent },
          },
        ],
        language: turn.lang,
        intent: turn.intent,
      };
    }
    return say(fixedReply(turn.lang, kind), turn.lang, turn.intent, onDelta);
  }
}

const offers = (request: ConverseRequest, name: string) => request.tools.some((tool) => tool.name === name);

function callTool(call: ToolCall, turn: ResolvedTurn): ConverseResponse {
  return {
    stopReason: 'tool_use',
    content: [{ type: 'toolUse', toolUseId: `tooluse_${randomUUID()}`, name: call.name, input: call.input }],
    language: turn.lang,
    intent: turn.intent,
  };
}

const needsOrderLookup = (intent: IntentId) =>
  ORDER_AFTER_SALES_INTENTS.has(intent) || ORDER_OPTIONAL_INTENTS.has(intent);

/** Return, case and ticket references ("R-A1006-7f3a", "C-91b2") that the assistant's replies quote. */
const REFERENCE = /^[RCT]-/i;

/**
 * The order just discussed: the newest order number the shopper gave in the last few messages, else the
 * one the assistant's latest replies named alone ("Order A1006 is delivered"). A list of orders names
 * several: that question is still open, so nothing is carried from it.
 */
function orderIdIn(conversation: ConversationView): string | undefined {
  for (const text of conversation.earlierUserTexts.slice(0, 3)) {
    const found = extractEntities(text).orderIds[0]?.orderId;
    if (found) return found;
  }
  for (const turn of conversation.earlierTurns.slice(0, ORDER_CONTEXT_MESSAGES)) {
    if (turn.role !== 'assistant') continue;
    const named = new Set(
      extractEntities(turn.text)
        .orderIds.map((entity) => entity.orderId)
        .filter((id) => !REFERENCE.test(id)),
    );
    if (named.size === 1) return [...named][0];
    if (named.size > 1) return undefined;
  }
  return undefined;
}

/** The after-sales step once the shopper's orders are known: the only one, the one named, or a question. */
function afterSalesWithOrders(
  turn: ResolvedTurn,
  conversation: ConversationView,
  result: ToolResultTurn,
): { say: string } | { call?: ToolCall } {
  const outcome = readOrderToolResult(result);
  const orders = outcome.kind === 'orders' ? outcome.orders : [];
  // A parcel that went missing or is late has been handed to a carrier: among several orders, the only one
  // that has is the one meant ("it says delivered but nothing came"), whatever else the shopper bought.
  const shipped = turn.intent === 'delivery_problem' ? orders.filter((order) => order.shipment) : [];
  const picked =
    orders.length === 1
      ? orders[0]
      : (pickOrder(orders, turn.request, turn.analysis.entities) ??
        itemNamedEarlier(orders, conversation) ??
        (shipped.length === 1 ? shipped[0] : undefined));
  if (!picked && !ORDER_OPTIONAL_INTENTS.has(turn.intent)) {
    if (orders.length === 0) return { say: fixedReply(turn.lang, 'askOrderNumber') };
    return { say: chooseOrderReply(turn.lang, orders) };
  }
  const step = afterSalesStep(
    turn,
    turn.request,
    conversation.earlierUserTexts,
    picked?.orderId,
    conversation.latestUserText,
  );
  if (!step) return {};
  return step;
}

/**
 * "The lamp flickers" … "here is a photo": the follow-up names no item, the report before it did. The
 * item named in the shopper's last few messages still says which order is meant.
 */
function itemNamedEarlier(
  orders: readonly OrderStatusView[],
  conversation: ConversationView,
): OrderStatusView | undefined {
  for (const text of conversation.earlierUserTexts.slice(0, 3)) {
    const picked = pickOrder(orders, text, extractEntities(text));
    if (picked) return picked;
  }
  return undefined;
}

/** The first request answered, the second offered in the shopper's own words. */
function offerFollowUp(turn: ResolvedTurn, reply: string): string {
  if (!turn.followUp) return reply;
  return `${reply}\n${afterSalesReply(turn.lang, 'offerFollowUp', { request: turn.followUp.text })}`;
}

function trackOrder(
  turn: ResolvedTurn,
  request: ConverseRequest,
  onDelta?: (text: string) => void,
): ConverseResponse {
  const available = new Set(request.tools.map((tool) => tool.name));
  const call = turn.orderId
    ? available.has(GET_ORDER) && { name: GET_ORDER, input: { orderId: turn.orderId } }
    : available.has(LIST_ORDERS) && { name: LIST_ORDERS, input: {} };
  if (!call) return say(fixedReply(turn.lang, 'askOrderNumber'), turn.lang, 'track_order', onDelta);
  return {
    stopReason: 'tool_use',
    content: [{ type: 'toolUse', toolUseId: `tooluse_${randomUUID()}`, name: call.name, input: call.input }],
    language: turn.lang,
    intent: 'track_order',
  };
}

function replyFromTool(turn: ResolvedTurn, latestText: string, result: ToolResultTurn): string {
  const lang = turn.lang;
  const outcome = readOrderToolResult(result);
  switch (outcome.kind) {
    case 'order':
      return orderStatusReply(lang, outcome.order);
    case 'orders': {
      const [only] = outcome.orders;
      if (!only) return fixedReply(lang, 'noOrders');
      if (outcome.orders.length === 1) return orderStatusReply(lang, only);
      const picked = pickOrder(outcome.orders, latestText, turn.analysis.entities);
      return picked ? orderStatusReply(lang, picked) : chooseOrderReply(lang, outcome.orders);
    }
    case 'not_found':
      return fixedReply(lang, 'orderNotFound');
    case 'invalid_input':
      return fixedReply(lang, 'askOrderNumber');
    case 'unusable':
      return fixedReply(lang, 'unsure');
  }
}

function replyKind(turn: ResolvedTurn, latestText: string): FixedReply {
  if (turn.intent === 'smalltalk') return isThanksOrGoodbye(latestText) ? 'thanks' : 'greeting';
  if (!turn.confident) return 'unsure';
  return FIXED_REPLY_BY_INTENT[turn.intent] ?? 'teamWillHelp';
}

/**
 * Never calls onDelta: a templated reply exists whole at once, and streaming it as one delta would only
 * cost the shopper a second push before the final message carries the same text.
 */
function say(
  text: string,
  lang: SupportedLanguage,
  intent: IntentId,
  _onDelta?: (text: string) => void,
): ConverseResponse {
  return { stopReason: 'end_turn', content: [{ type: 'text', text }], language: lang, intent };
}
