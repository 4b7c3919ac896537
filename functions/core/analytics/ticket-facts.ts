import { FACT_SCHEMA_VERSION, partitionDay, type TicketFact, type TicketState } from './facts';
import {
  dataOf,
  elapsed,
  isStateChange,
  MalformedStoreItemError,
  optionalInstant,
  optionalString,
  requireInstant,
  requireString,
  type StoreImage,
} from './store-items';

/**
 * Ticket facts from Store stream images of claim items (`pk CLAIM#<id>`, `sk CLAIM`, type 'claim': the
 * complaints, delivery, damage, payment and order-change cases routed to an owner; see the DynamoDB claim
 * repository). The item's top-level `status`, `category` and `ownerId` are what the desk updates; the
 * claim as opened stays under `data`. One row per status change.
 */

/** The desk's statuses grouped into the three a ticket report needs. */
const TICKET_STATES: Readonly<Record<string, TicketState>> = {
  new: 'open',
  open: 'open',
  pending: 'pending',
  in_progress: 'pending',
  waiting_on_customer: 'pending',
  escalated: 'pending',
  resolved: 'closed',
  closed: 'closed',
  rejected: 'closed',
};
const HOUR_MS = 3_600_000;

export const isTicketImage = (image: StoreImage | undefined): image is StoreImage => image?.type === 'claim';

/** True when the change opens the ticket or moves it to another status. */
export const isTicketStateChange = (oldImage: StoreImage | undefined, newImage: StoreImage): boolean =>
  isStateChange(isTicketImage(oldImage) ? oldImage : undefined, newImage, 'status');

export function ticketState(status: unknown): TicketState {
  // An own-property read: a status such as "constructor" must not find Object.prototype members.
  const state =
    typeof status === 'string' && Object.hasOwn(TICKET_STATES, status) ? TICKET_STATES[status] : undefined;
  if (!state) throw new MalformedStoreItemError('claim item: unknown status');
  return state;
}

function ownerOf(image: StoreImage, claim: StoreImage): string {
  if (image.ownerId !== undefined) return requireString(image.ownerId, 'claim item: ownerId');
  const owner = claim.owner;
  if (typeof owner !== 'object' || owner === null)
    throw new MalformedStoreItemError('claim item: owner missing');
  return requireString((owner as StoreImage).id, 'claim item: owner id');
}

export function toTicketFact(image: StoreImage): TicketFact {
  const claim = dataOf(image, 'claim item');
  const state = ticketState(image.status ?? claim.status);
  const openedAt = requireInstant(claim.createdAt, 'claim item: createdAt');
  const updatedAt = requireInstant(image.updatedAt ?? claim.createdAt, 'claim item: updatedAt');
  const closedAt =
    state === 'closed'
      ? (optionalInstant(image.closedAt ?? claim.closedAt, 'claim item: closedAt') ?? updatedAt)
      : null;
  return {
    schema_version: FACT_SCHEMA_VERSION,
    ticket_id: requireString(claim.claimId, 'claim item: claimId'),
    conversation_id: optionalString(claim.sessionId, 'claim item: sessionId'),
    category: requireString(image.category ?? claim.category, 'claim item: category'),
    owner: ownerOf(image, claim),
    state,
    opened_at: openedAt,
    closed_at: closedAt,
    time_to_close_hours: elapsed(openedAt, closedAt, HOUR_MS),
    updated_at: updatedAt,
    dt: partitionDay(updatedAt),
  };
}
