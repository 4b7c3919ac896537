/**
 * What happens to the seller's after-sales records: returns and claims (tickets) changing state. Decoded
 * from the Store stream by adapters; the record itself is passed on as the domain reads it.
 */
import type { StoreImage } from '../analytics/store-items';

/** A return (RMA) was opened or changed; `previous` is absent for a new one. */
export interface ReturnChanged {
  kind: 'return_changed';
  current: StoreImage;
  previous?: StoreImage;
}

/** A claim (the desk's ticket) was opened or changed; `previous` is absent for a new one. */
export interface ClaimChanged {
  kind: 'claim_changed';
  current: StoreImage;
  previous?: StoreImage;
}

/** A video call was invited, joined, ended or given its outcome; `previous` is absent for a new one. */
export interface VideoCallChanged {
  kind: 'video_call_changed';
  current: StoreImage;
  previous?: StoreImage;
}

/** A return or claim left the store: expiry, or someone's decision (e.g. an erasure request). */
export interface StoreRecordRemoved {
  kind: 'store_record_removed';
  record: 'return' | 'claim';
  cause: 'expired' | 'deleted';
}

export type StoreEvent = ReturnChanged | ClaimChanged | VideoCallChanged | StoreRecordRemoved;
