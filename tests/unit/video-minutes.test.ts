import { describe, expect, it } from 'vitest';
import type { StoreFact } from '../../functions/core/analytics/store-facts';
import { endedCallAttendeeMinutes } from '../../functions/core/cost/video-minutes';

const videoFact = (status: string, duration: number | null) =>
  ({ fact: 'video_facts', row: { status, duration_seconds: duration } }) as unknown as StoreFact;

describe('video attendee-minutes for the cost model', () => {
  it('bills both attendees for the length of a call, on the row that records its end', () => {
    expect(endedCallAttendeeMinutes(videoFact('ended', 90), 'joined')).toBe(3);
  });

  it('bills nothing for a later row of an ended call (its outcome), a call nobody joined, or other facts', () => {
    expect(endedCallAttendeeMinutes(videoFact('ended', 90), 'ended')).toBe(0);
    expect(endedCallAttendeeMinutes(videoFact('ended', null), 'invited')).toBe(0);
    expect(endedCallAttendeeMinutes(videoFact('joined', null), 'invited')).toBe(0);
    expect(
      endedCallAttendeeMinutes({ fact: 'ticket_facts', row: {} } as unknown as StoreFact, undefined),
    ).toBe(0);
  });
});
