import type { ClaimRepository } from '../../ports/after-sales';
import type { PhotoFingerprints } from '../../ports/photo-fingerprints';
import type { PhotoReader } from '../../ports/photo-processing';
import type { PhotoStore } from '../../ports/photo-store';
import type { OrderRepository, StoredMessage } from '../../ports/repositories';
import type { Claim } from '../after-sales/claims';
import type { ToolContext, ToolOutcome } from '../assistant/tools/common';
import { ownedOrder } from '../auth/guest-principal';
import { afterSalesReplyFromTool } from '../embedded-model/after-sales-turns';
import { extractEntities } from '../nlu/entities';
import type { IntentId } from '../nlu/intent-ids';
import { detectLanguage } from '../nlu/language';
import { type SupportedLanguage, supportedLanguageOf } from '../nlu/languages';
import { fixedReply } from '../nlu/templates';
import type { Order } from '../orders';
import { colourFamilyOf } from './colours';
import { decidePhoto, type PhotoDecision, type PhotoFlow } from './decide';
import type { PhotoEvidence, PhotoSighting } from './evidence';
import { compareWithOrdered } from './label-sizes';
import type { PhotoReading } from './reading';
import { type PhotoText, photoText } from './replies';

/** Bits two dHashes may differ by and still be the same photo, re-encoded or resized. */
export const SAME_PHOTO_BITS = 6;
/** Photos read per message: the widget sends one; a crafted message with more is read up to this. */
const MAX_PHOTOS = 3;

export interface PhotoTurnDeps {
  photos: Pick<PhotoStore, 'read'>;
  reader: PhotoReader;
  orders: Pick<OrderRepository, 'getOrder' | 'listOrdersForCustomer'>;
  claims: Pick<ClaimRepository, 'listForCustomer' | 'addEvidence'>;
  /** The assistant's own tools: exchanges and cases go through the same authorisation and policy. */
  tools: { execute(name: string, input: unknown, context: ToolContext): Promise<ToolOutcome> };
  fingerprints?: PhotoFingerprints;
  now: () => Date;
}

export interface PhotoTurnInput {
  customerId: string;
  sessionId: string;
  /** The shopper message carrying the photo(s). */
  message: StoredMessage;
  /** Earlier messages of the conversation, oldest first: the order discussed, the language. */
  earlier: readonly StoredMessage[];
  sessionLanguage?: string;
}

export interface PhotoTurnResult {
  text: string;
  language: SupportedLanguage;
  intent: IntentId;
  flow: PhotoFlow;
  readings: PhotoEvidence[];
  /** The case the photo went to, if any. */
  claimId?: string;
}

/** Which decision answers a message with several photos: the one that moves the case furthest. */
const FLOW_RANK: readonly PhotoFlow[] = [
  'exchange',
  'wrong_item_claim',
  'damage_claim',
  'person_review',
  'as_ordered',
  'another_photo',
  'retake',
];

const INTENT_OF: Record<PhotoFlow, IntentId> = {
  exchange: 'exchange_request',
  wrong_item_claim: 'wrong_item',
  damage_claim: 'damaged_item',
  person_review: 'damaged_item',
  as_ordered: 'other',
  another_photo: 'other',
  retake: 'other',
};

/**
 * A shopper sent a photo: read it, compare it with the order, and let policy code choose the flow. The
 * caption is read only for its language and an order number: a neutral "please have a look" or "Foto del
 * daño" never becomes a request of its own (a video call, a refund). Text in the photo never reaches a
 * tool: tools get order ids and SKUs from our own data.
 */
export async function answerPhoto(deps: PhotoTurnDeps, input: PhotoTurnInput): Promise<PhotoTurnResult> {
  const language = languageOf(input);
  const keys = (input.message.attachments ?? []).map((attachment) => attachment.key).slice(0, MAX_PHOTOS);
  const context: ToolContext = { customerId: input.customerId, sessionId: input.sessionId, photoKeys: keys };
  const sessionCase = await sessionClaim(deps, input);
  const order = await orderOf(deps, input, sessionCase);
  // A photo of another order is another problem: it gets its own case (one case per problem).
  const openClaim =
    sessionCase?.orderId && order && sessionCase.orderId !== order.orderId ? undefined : sessionCase;
  const now = deps.now().toISOString();

  const looked: Array<{ evidence: PhotoEvidence; decision: PhotoDecision }> = [];
  for (const key of keys) {
    const photo = await deps.photos.read(key);
    if (!photo) continue;
    const first = await deps.reader.read(photo, { language, ...(order ? { item: order.items[0] } : {}) });
    const line = order ? lineFor(order, first) : undefined;
    const reading =
      order && line && line !== order.items[0]
        ? await deps.reader.read(photo, { language, item: line })
        : first;
    const decision = decidePhoto(reading, line);
    const reused = photo.fingerprint
      ? await sightings(deps, {
          fingerprint: photo.fingerprint,
          key,
          customerId: input.customerId,
          sessionId: input.sessionId,
          at: now,
        })
      : undefined;
    looked.push({
      decision,
      evidence: {
        key,
        reader: deps.reader.name,
        shows: decision.finding,
        flow: decision.flow,
        severity: decision.severity,
        confidence: reading.confidence,
        labelText: reading.labelText,
        sizes: reading.sizes,
        ...(decision.readSize ? { readSize: decision.readSize } : {}),
        ...(decision.orderedSize ? { orderedSize: decision.orderedSize } : {}),
        colour: reading.colour,
        retake: reading.retake,
        damageJudged: reading.canJudgeDamage,
        ...(order ? { orderId: order.orderId } : {}),
        ...(line ? { sku: line.sku } : {}),
        ...(photo.fingerprint ? { fingerprint: photo.fingerprint } : {}),
        ...(reused ? { reused } : {}),
        readAt: now,
      },
    });
  }
  const readings = looked.map((entry) => entry.evidence);
  const chosen = [...looked].sort(
    (a, b) => FLOW_RANK.indexOf(a.decision.flow) - FLOW_RANK.indexOf(b.decision.flow),
  )[0];
  const result = (flow: PhotoFlow, text: string, claimId?: string): PhotoTurnResult => ({
    text,
    language,
    intent: INTENT_OF[flow],
    flow,
    readings,
    ...(claimId ? { claimId } : {}),
  });
  if (!chosen) return result('another_photo', photoText(language, 'anotherPhoto'));
  const { decision } = chosen;
  const seen = whatItShows(language, decision, order, chosen.evidence.sku);

  if (decision.flow === 'retake')
    return result('retake', photoText(language, decision.retake === 'dark' ? 'dark' : 'blurry'));
  if (decision.flow === 'another_photo') return result('another_photo', photoText(language, 'anotherPhoto'));

  // A photo about a problem already on a case joins that case; it never opens a second one.
  if (openClaim) {
    await deps.claims.addEvidence(openClaim.claimId, readings, keys);
    return result(
      decision.flow,
      join(seen, photoText(language, 'addedToCase', { claimId: openClaim.claimId })),
      openClaim.claimId,
    );
  }
  if (!order) return result(decision.flow, join(seen, fixedReply(language, 'askOrderNumber')));
  if (decision.flow === 'as_ordered') return result('as_ordered', seen);

  const sku = chosen.evidence.sku;
  if (decision.flow === 'exchange') {
    // The label shows another size than ordered: the store sent the wrong one, so the same SKU (the size
    // ordered) goes out again as an exchange, under the faulty-item rules.
    const outcome = await deps.tools.execute(
      'start_return',
      {
        orderId: order.orderId,
        ...(sku ? { sku } : {}),
        resolution: 'exchange',
        reason: 'wrong_item',
        photoKeys: keys,
      },
      context,
    );
    return result('exchange', join(seen, toolReply(language, 'start_return', outcome, 'exchange_request')));
  }
  const kind = decision.flow === 'wrong_item_claim' ? 'wrong_item' : 'damaged_item';
  const outcome = await deps.tools.execute(
    'open_claim',
    { kind, orderId: order.orderId, photoKeys: keys },
    context,
  );
  const claimId =
    outcome.status === 'success' && typeof outcome.content.claimId === 'string'
      ? outcome.content.claimId
      : undefined;
  if (claimId) await deps.claims.addEvidence(claimId, readings, []);
  const honest = decision.flow === 'person_review' && !chosen.evidence.damageJudged;
  const lines = [
    seen,
    honest ? photoText(language, 'cannotJudge') : '',
    toolReply(language, 'open_claim', outcome, kind),
  ];
  return result(decision.flow, join(...lines), claimId);
}

function join(...parts: string[]): string {
  return parts.filter((part) => part.trim().length > 0).join(' ');
}

function toolReply(
  language: SupportedLanguage,
  name: string,
  outcome: ToolOutcome,
  intent: IntentId,
): string {
  const reply = afterSalesReplyFromTool(
    language,
    { name, status: outcome.status, content: outcome.content },
    intent,
  );
  return 'say' in reply ? reply.say : fixedReply(language, 'teamWillHelp');
}

function whatItShows(
  language: SupportedLanguage,
  decision: PhotoDecision,
  order: Order | undefined,
  sku: string | undefined,
): string {
  const line = order?.items.find((item) => item.sku === sku);
  const texts: Partial<Record<string, PhotoText>> = {
    wrong_item: 'wrongItem',
    damage: 'damage',
    faded_or_stained: 'faded',
  };
  if (decision.readSize && decision.orderedSize) {
    return photoText(language, decision.flow === 'exchange' ? 'labelDifferent' : 'labelSame', {
      read: decision.readSize,
      ordered: decision.orderedSize,
    });
  }
  if (decision.finding === 'wrong_colour')
    return photoText(language, 'colourDifferent', { ordered: line?.color ?? '' });
  const key = texts[decision.finding];
  return key ? photoText(language, key) : '';
}

/** The caption's language if it says enough; otherwise the conversation's. */
function languageOf(input: PhotoTurnInput): SupportedLanguage {
  const prior =
    supportedLanguageOf(input.sessionLanguage) ??
    supportedLanguageOf([...input.earlier].reverse().find((message) => message.language)?.language);
  const caption = input.message.text.trim();
  if (caption.replace(/[^\p{L}]/gu, '').length >= 4) {
    const detected = detectLanguage(caption, { hint: prior });
    if (detected.confidence >= 0.5 || !prior) return detected.lang;
  }
  return prior ?? 'en';
}

/** The shopper's open case in this conversation: where a follow-up photo belongs. */
async function sessionClaim(deps: PhotoTurnDeps, input: PhotoTurnInput): Promise<Claim | undefined> {
  const claims = await deps.claims.listForCustomer(input.customerId, 20);
  return claims.find((claim) => claim.status === 'open' && claim.sessionId === input.sessionId);
}

/** The order a photo is about: one named in the conversation, the open case's, or the shopper's only one. */
async function orderOf(
  deps: PhotoTurnDeps,
  input: PhotoTurnInput,
  claim: Claim | undefined,
): Promise<Order | undefined> {
  const texts = [input.message.text, ...[...input.earlier].reverse().map((message) => message.text)];
  const named = texts.flatMap((text) => extractEntities(text).orderIds.map((entity) => entity.orderId));
  for (const orderId of [...named, ...(claim?.orderId ? [claim.orderId] : [])]) {
    const order = await ownedOrder(deps.orders, input.customerId, orderId);
    if (order) return order;
  }
  const orders = await deps.orders.listOrdersForCustomer(input.customerId, 10);
  const received = orders.filter((order) => ['delivered', 'shipped'].includes(order.status));
  if (received.length === 1) return received[0];
  return orders.length === 1 ? orders[0] : undefined;
}

/** The order line a photo is about: the only one, or the one whose size or colour the photo can be compared with. */
function lineFor(order: Order, reading: PhotoReading): Order['items'][number] | undefined {
  if (order.items.length === 1) return order.items[0];
  const bySize = order.items.find(
    (item) => compareWithOrdered(reading.sizes, item.size).outcome !== 'not_comparable',
  );
  if (bySize) return bySize;
  const seen = colourFamilyOf(reading.colour);
  return order.items.find((item) => seen && colourFamilyOf(item.color) === seen) ?? order.items[0];
}

async function sightings(
  deps: PhotoTurnDeps,
  sighting: PhotoSighting,
): Promise<PhotoEvidence['reused'] | undefined> {
  if (!deps.fingerprints) return undefined;
  const earlier = await deps.fingerprints.remember(sighting, SAME_PHOTO_BITS);
  const elsewhere = earlier.filter(
    (seen) => seen.key !== sighting.key && seen.sessionId !== sighting.sessionId,
  );
  if (elsewhere.length === 0) return undefined;
  return {
    otherCustomers: new Set(
      elsewhere.filter((seen) => seen.customerId !== sighting.customerId).map((seen) => seen.customerId),
    ).size,
    otherConversations: new Set(elsewhere.map((seen) => seen.sessionId)).size,
  };
}
