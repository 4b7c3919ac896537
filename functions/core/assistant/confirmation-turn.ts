import type { ProposalStore } from '../../ports/after-sales';
import { answerLanguage, isExpired, type Proposal, readShopperAnswer } from '../after-sales/confirmation';
import { CONFIRMATION_TEXTS } from '../after-sales/confirmation-texts';
import type { SupportedLanguage } from '../nlu/languages';
import type { ToolContext, ToolOutcome } from './tools/common';

/**
 * The shopper's answer to a proposal, decided by code before any model reads the turn: a yes carries out
 * the stored action once, a no drops it, a late yes gets a fresh proposal. Anything else leaves the
 * proposal as it is and the turn goes to the model as usual.
 */
export type ConfirmationStep =
  | {
      kind: 'acted';
      tool: Proposal['tool'];
      input: Record<string, unknown>;
      outcome: ToolOutcome;
      language?: SupportedLanguage;
    }
  | { kind: 'said'; tool: Proposal['tool']; text: string; language: SupportedLanguage };

export interface ConfirmationDeps {
  proposals: ProposalStore;
  /** Runs a tool by name, with the context given (the confirmed one on a yes). */
  execute(name: string, input: unknown, context: ToolContext): Promise<ToolOutcome>;
  now(): Date;
}

export async function answerPendingProposal(
  deps: ConfirmationDeps,
  latestText: string | undefined,
  context: ToolContext,
): Promise<ConfirmationStep | undefined> {
  const proposal = await deps.proposals.get(context.sessionId);
  // The session is the shopper's own (bound by the token), but a proposal is only ever acted on by its maker.
  if (!proposal || proposal.customerId !== context.customerId) return undefined;
  const answer = latestText === undefined ? undefined : readShopperAnswer(latestText);
  if (!answer) {
    // The shopper moved on: a later yes answers whatever was asked since, never this proposal.
    if (proposal.status === 'pending')
      await deps.proposals.settle(context.sessionId, proposal.proposalId, 'declined');
    return undefined;
  }
  const language = answerLanguage(answer.languages, proposal.language);
  const base = { tool: proposal.tool, input: proposal.input, ...(language ? { language } : {}) };

  const now = deps.now();
  if (proposal.status !== 'pending') return replay(proposal, answer.answer, base, now);
  if (answer.answer === 'no') {
    await deps.proposals.settle(context.sessionId, proposal.proposalId, 'declined');
    const lang = language ?? 'en';
    const text = CONFIRMATION_TEXTS[lang].declined.replaceAll('{orderId}', proposal.summary.orderId);
    return { kind: 'said', tool: proposal.tool, text, language: lang };
  }
  const withLanguage = { ...context, ...(language ? { language } : {}) };
  if (isExpired(proposal, now)) {
    // The policy decides again from today's order: the shopper gets a fresh proposal, never the action.
    const outcome = await deps.execute(proposal.tool, proposal.input, withLanguage);
    return { kind: 'acted', ...base, outcome: markExpired(outcome) };
  }
  if ((await deps.proposals.settle(context.sessionId, proposal.proposalId, 'done')) === 'stale') {
    // Another yes got there first (a double tap, a retried job): it acted; this one only reports.
    const settled = await deps.proposals.get(context.sessionId);
    return settled ? replay(settled, 'yes', base, now) : undefined;
  }
  const outcome = await deps.execute(proposal.tool, proposal.input, {
    ...withLanguage,
    confirmed: { proposalId: proposal.proposalId, summary: proposal.summary },
  });
  if (outcome.status === 'success')
    await deps.proposals.recordResult(context.sessionId, proposal.proposalId, outcome.content);
  return { kind: 'acted', ...base, outcome };
}

/** A yes to what was already done hears its outcome again; nothing runs a second time. */
function replay(
  proposal: Proposal,
  answer: 'yes' | 'no',
  base: Omit<Extract<ConfirmationStep, { kind: 'acted' }>, 'kind' | 'outcome'>,
  now: Date,
): ConfirmationStep | undefined {
  // Long after, a yes is about something else: only a yes while the proposal stood hears it again.
  if (answer !== 'yes' || proposal.status !== 'done' || !proposal.result || isExpired(proposal, now))
    return undefined;
  return { kind: 'acted', ...base, outcome: { status: 'success', content: proposal.result } };
}

function markExpired(outcome: ToolOutcome): ToolOutcome {
  if (outcome.status !== 'success' || outcome.content.outcome !== 'needs_confirmation') return outcome;
  return { status: 'success', content: { ...outcome.content, previousExpired: true } };
}
