import type { StoreEvent } from '../events/store-events';
import type { ReturnFact, TicketFact, VideoFact } from './facts';
import { isReturnImage, isReturnStateChange, toReturnFact } from './return-facts';
import type { StoreImage } from './store-items';
import { isTicketImage, isTicketStateChange, toTicketFact } from './ticket-facts';
import { isVideoImage, isVideoStateChange, toVideoFact } from './video-facts';

export { MalformedStoreItemError, type StoreImage } from './store-items';

export type StoreFact =
  | { fact: 'return_facts'; row: ReturnFact }
  | { fact: 'ticket_facts'; row: TicketFact }
  | { fact: 'video_facts'; row: VideoFact };

export interface StoreItemChange {
  eventName: 'INSERT' | 'MODIFY';
  oldImage?: StoreImage;
  newImage: StoreImage;
}

/**
 * The fact a Store item change makes: a return or ticket row when the item is created or changes state,
 * nothing for other items (orders, products, markers) or other modifications. Throws
 * MalformedStoreItemError for a return or claim item it cannot read.
 */
export function storeFactOf(change: StoreItemChange): StoreFact | undefined {
  const { oldImage, newImage } = change;
  const previous = change.eventName === 'MODIFY' ? oldImage : undefined;
  if (isReturnImage(newImage))
    return isReturnStateChange(previous, newImage)
      ? { fact: 'return_facts', row: toReturnFact(newImage) }
      : undefined;
  if (isTicketImage(newImage))
    return isTicketStateChange(previous, newImage)
      ? { fact: 'ticket_facts', row: toTicketFact(newImage) }
      : undefined;
  if (isVideoImage(newImage))
    return isVideoStateChange(previous, newImage)
      ? { fact: 'video_facts', row: toVideoFact(newImage) }
      : undefined;
  return undefined;
}

/** The fact a store event makes: a return or ticket row when the record is created or changes state. */
export function storeEventFact(event: StoreEvent): StoreFact | undefined {
  if (event.kind === 'return_changed')
    return isReturnStateChange(event.previous, event.current)
      ? { fact: 'return_facts', row: toReturnFact(event.current) }
      : undefined;
  if (event.kind === 'claim_changed')
    return isTicketStateChange(event.previous, event.current)
      ? { fact: 'ticket_facts', row: toTicketFact(event.current) }
      : undefined;
  if (event.kind === 'video_call_changed')
    return isVideoStateChange(event.previous, event.current)
      ? { fact: 'video_facts', row: toVideoFact(event.current) }
      : undefined;
  return undefined;
}
