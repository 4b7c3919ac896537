import { type Money, toMinorUnits } from '../after-sales/money';
import type { StorePolicy } from '../after-sales/policy';
import { VIDEO_CARD_TEXTS, type VideoCardLanguage, type VideoCardTexts } from './card-texts';

/**
 * When the assistant offers the shopper a video call (a card they accept, docs/video.md): when they ask for
 * one, or for a damage or wrong-item claim about goods worth more than the store policy's `videoCallAbove`
 * for that currency. Decided by code from the claim and the policy, never by model text.
 */
export type VideoProposalReason = 'shopper_asked' | 'claim_value';

export type VideoProposalDecision =
  | { propose: true; reason: VideoProposalReason }
  | {
      propose: false;
      reason: 'not_a_claim_for_video' | 'below_threshold' | 'no_threshold_for_currency';
    };

/** Claims where looking at the goods settles the question. */
const VIDEO_CLAIM_KINDS: ReadonlySet<string> = new Set(['damaged_item', 'wrong_item']);

export function decideVideoProposal(
  input: { intent?: string; claim?: { kind: string; value: Money } },
  policy: Pick<StorePolicy, 'videoCallAbove'>,
): VideoProposalDecision {
  if (input.intent === 'video_call') return { propose: true, reason: 'shopper_asked' };
  const claim = input.claim;
  if (!claim || !VIDEO_CLAIM_KINDS.has(claim.kind))
    return { propose: false, reason: 'not_a_claim_for_video' };
  const above = policy.videoCallAbove[claim.value.currency];
  if (above === undefined) return { propose: false, reason: 'no_threshold_for_currency' };
  return claim.value.minor > toMinorUnits(above, claim.value.currency)
    ? { propose: true, reason: 'claim_value' }
    : { propose: false, reason: 'below_threshold' };
}

/**
 * The card a finished assistant turn carries: the shopper asked for a call, or a claim tool found the goods
 * worth a look (its result says `videoCall: 'offered'`, decided by decideVideoProposal from the policy).
 */
export function videoProposalOfTurn(
  intent: string | undefined,
  toolResults: ReadonlyArray<Record<string, unknown>>,
): VideoProposalReason | undefined {
  if (intent === 'video_call') return 'shopper_asked';
  return toolResults.some((result) => result.videoCall === 'offered') ? 'claim_value' : undefined;
}

/** The card on the assistant's reply: typed in the protocol, worded in the shopper's language. */
export interface VideoCallCard {
  kind: 'video_call';
  reason: VideoProposalReason;
  language: VideoCardLanguage;
  /** The offer, one sentence. */
  text: string;
  /** The accept button's label. */
  accept: string;
}

export function videoCallCard(reason: VideoProposalReason, language: string | undefined): VideoCallCard {
  const lang: VideoCardLanguage =
    language && language in VIDEO_CARD_TEXTS ? (language as VideoCardLanguage) : 'en';
  const texts: VideoCardTexts = VIDEO_CARD_TEXTS[lang];
  return { kind: 'video_call', reason, language: lang, text: texts[reason], accept: texts.accept };
}
