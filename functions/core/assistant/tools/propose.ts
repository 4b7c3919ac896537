import { type ConfirmableTool, type ProposalSummary, validUntil } from '../../after-sales/confirmation';
import { success, type ToolContext, type ToolOutcome } from './common';
import type { AfterSalesDeps } from './deps';

/**
 * Stores what an irreversible tool would do and answers "needs confirmation" instead of doing it. The
 * shopper's yes is read by code, which replays the stored input with `context.confirmed` set.
 */
export async function propose(
  deps: Pick<AfterSalesDeps, 'proposals' | 'now' | 'newId'>,
  context: ToolContext,
  proposal: { tool: ConfirmableTool; input: Record<string, unknown>; summary: ProposalSummary },
): Promise<ToolOutcome> {
  const now = deps.now();
  const until = validUntil(now);
  await deps.proposals.put({
    proposalId: `P-${deps.newId('proposal')}`,
    sessionId: context.sessionId,
    customerId: context.customerId,
    tool: proposal.tool,
    input: proposal.input,
    summary: proposal.summary,
    ...(context.language ? { language: context.language } : {}),
    status: 'pending',
    createdAt: now.toISOString(),
    validUntil: until,
  });
  return success({
    ...proposal.summary,
    outcome: 'needs_confirmation',
    validUntil: until,
    instruction:
      'Nothing has been done yet. Tell the shopper exactly this summary and ask them to reply yes to confirm or no to leave it; never say it is done. Their yes is handled by the store, not by you.',
  });
}

/** True when the shopper's yes was to this very action (same amount and change), not an older one. */
export function confirmedAs(context: ToolContext, summary: ProposalSummary): boolean {
  const agreed = context.confirmed?.summary;
  if (!agreed) return false;
  return (
    agreed.action === summary.action &&
    agreed.orderId === summary.orderId &&
    agreed.to === summary.to &&
    agreed.refund?.currency === summary.refund?.currency &&
    agreed.refund?.minor === summary.refund?.minor &&
    agreed.items.map((item) => item.sku).join() === summary.items.map((item) => item.sku).join()
  );
}
