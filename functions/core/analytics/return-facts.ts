import { RMA_STATES } from '../after-sales/rma';
import { FACT_SCHEMA_VERSION, partitionDay, type ReturnFact, SIZE_RELATED_RETURN_REASONS } from './facts';
import {
  dataOf,
  elapsed,
  isStateChange,
  MalformedStoreItemError,
  optionalInstant,
  requireInstant,
  requireString,
  type StoreImage,
} from './store-items';

/**
 * Return facts from Store stream images of RMA items (`pk ORDER#<id>`, `sk RETURN#<rmaId>`, type
 * 'return', the RMA itself under `data`; see the DynamoDB return repository). One row per state change.
 */

const RETURN_STATES: ReadonlySet<string> = new Set<string>([...RMA_STATES, 'cancelled']);
const DAY_MS = 86_400_000;

export const isReturnImage = (image: StoreImage | undefined): image is StoreImage => image?.type === 'return';

/** True when the change creates the RMA or moves it to another state. */
export const isReturnStateChange = (oldImage: StoreImage | undefined, newImage: StoreImage): boolean =>
  isStateChange(isReturnImage(oldImage) ? oldImage : undefined, newImage, 'state');

/** `Too Small` and `too-small` are both `too_small`: ids stay stable whoever spelled the reason. */
export function reasonId(reason: string): string {
  const id = reason
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!id) throw new MalformedStoreItemError('return item: reason missing');
  return id;
}

export function toReturnFact(image: StoreImage): ReturnFact {
  const rma = dataOf(image, 'return item');
  const state = rma.state ?? image.state;
  if (typeof state !== 'string' || !RETURN_STATES.has(state))
    throw new MalformedStoreItemError('return item: unknown state');
  const quantity = rma.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0)
    throw new MalformedStoreItemError('return item: quantity is not a positive integer');
  const reason = reasonId(requireString(rma.reason, 'return item: reason'));
  const requestedAt = requireInstant(rma.createdAt, 'return item: createdAt');
  const updatedAt = requireInstant(image.updatedAt ?? rma.updatedAt, 'return item: updatedAt');
  const history = Array.isArray(rma.history) ? (rma.history as unknown[]) : [];
  const refund = history.find(
    (entry): entry is StoreImage =>
      typeof entry === 'object' && entry !== null && (entry as StoreImage).to === 'refunded',
  );
  const refundedAt =
    optionalInstant(refund?.at, 'return item: refund time') ?? (state === 'refunded' ? updatedAt : null);
  return {
    schema_version: FACT_SCHEMA_VERSION,
    return_id: requireString(rma.rmaId, 'return item: rmaId'),
    order_id: requireString(rma.orderId, 'return item: orderId'),
    sku: requireString(rma.sku, 'return item: sku'),
    quantity,
    reason,
    size_related: SIZE_RELATED_RETURN_REASONS.has(reason),
    state: state as ReturnFact['state'],
    requested_at: requestedAt,
    refunded_at: refundedAt,
    days_to_refund: elapsed(requestedAt, refundedAt, DAY_MS),
    updated_at: updatedAt,
    // The day the row was made, as Firehose partitions by arrival: later states of a return land later.
    dt: partitionDay(updatedAt),
  };
}
