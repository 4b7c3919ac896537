/**
 * Store stream changes → store events. Returns (`pk ORDER#<id>`, `sk RETURN#<rma>`, type 'return') and
 * claims (`pk CLAIM#<id>`, `sk CLAIM`, type 'claim') are recognised by their type; their keys are dropped
 * here, so no use case reads a storage key.
 */
import type { StoreImage } from '../../core/analytics/store-items';
import type { StoreEvent } from '../../core/events/store-events';

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

const withoutKeys = (image: StoreImage): StoreImage =>
  Object.fromEntries(Object.entries(image).filter(([name]) => !KEY_ATTRIBUTES.includes(name)));

const recordOf = (image: StoreImage | undefined): 'return' | 'claim' | undefined =>
  image?.type === 'return' || image?.type === 'claim' ? image.type : undefined;

/** An item written (INSERT or MODIFY; `oldImage` only for a MODIFY): a return, claim or video call change. */
export function decodeStoreChange(change: {
  eventName: 'INSERT' | 'MODIFY';
  oldImage?: StoreImage;
  newImage: StoreImage;
}): StoreEvent | undefined {
  const record = recordOf(change.newImage);
  const video = change.newImage.type === 'video';
  if (!record && !video) return undefined;
  const previous =
    change.eventName === 'MODIFY' && change.oldImage ? withoutKeys(change.oldImage) : undefined;
  const current = withoutKeys(change.newImage);
  if (video) return { kind: 'video_call_changed', current, ...(previous ? { previous } : {}) };
  return record === 'return'
    ? { kind: 'return_changed', current, ...(previous ? { previous } : {}) }
    : { kind: 'claim_changed', current, ...(previous ? { previous } : {}) };
}

/** An item removed: a return or claim leaving the store, or nothing. */
export function decodeStoreRemoval(removal: {
  cause: 'expired' | 'deleted';
  oldImage?: StoreImage;
}): StoreEvent | undefined {
  const record = recordOf(removal.oldImage);
  return record ? { kind: 'store_record_removed', record, cause: removal.cause } : undefined;
}
