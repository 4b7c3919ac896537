import type { Claim } from '../after-sales/claims';
import type { Rma } from '../after-sales/rma';
import {
  afterSalesReply,
  fixedReply,
  itemNames,
  orderStatusReply,
  type ReturnStateText,
  returnStateText,
} from '../nlu/templates';
import { type Order, toStatusView } from '../orders';
import { noticeLanguage } from './shopper-notices';

const RETURN_STATE: Readonly<Record<Rma['state'], ReturnStateText>> = {
  requested: 'awaiting_approval',
  approved: 'approved',
  label_issued: 'approved',
  in_transit: 'in_transit',
  received: 'received',
  refunded: 'refunded',
  exchanged: 'exchanged',
  rejected: 'rejected',
};

/**
 * A reply the agent can edit, written in the shopper's language by the embedded model's templates from
 * the case's own state — the return in progress, else the order's tracking — with no translation model.
 */
export function suggestReply(
  language: string | undefined,
  state: { order?: Order; returns: readonly Rma[]; claims: readonly Claim[] },
): { language: string; text: string } {
  const lang = noticeLanguage(language);
  const parts: string[] = [];
  const rma = [...state.returns].reverse().find((candidate) => candidate.orderId === state.order?.orderId);
  if (rma && state.order) {
    const item = state.order.items.find((line) => line.sku === rma.sku);
    parts.push(
      afterSalesReply(lang, 'returnStatus', {
        rmaId: rma.rmaId,
        item: item ? itemNames(lang, [item]) : rma.sku,
        state: returnStateText(lang, RETURN_STATE[rma.state]),
      }),
    );
  } else if (state.order) {
    parts.push(orderStatusReply(lang, toStatusView(state.order)));
  }
  if (state.claims.some((claim) => claim.status === 'open')) parts.push(fixedReply(lang, 'teamWillHelp'));
  if (parts.length === 0) parts.push(fixedReply(lang, 'teamWillHelp'));
  return { language: lang, text: parts.join(' ') };
}
