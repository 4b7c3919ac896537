import type { StoreFact } from '../analytics/store-facts';

/**
 * The Chime attendee-minutes a video fact bills, counted once: on the row that records the call's end
 * (the status turning to `ended`; a later outcome row of the same call bills nothing). Chime bills each
 * attendee, so a call both parties joined is billed twice its length.
 */
export function endedCallAttendeeMinutes(fact: StoreFact, previousStatus: unknown): number {
  if (fact.fact !== 'video_facts' || fact.row.status !== 'ended' || previousStatus === 'ended') return 0;
  return fact.row.duration_seconds ? (2 * fact.row.duration_seconds) / 60 : 0;
}
