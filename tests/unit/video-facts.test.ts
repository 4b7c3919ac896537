import { describe, expect, it } from 'vitest';
import { MalformedStoreItemError, storeFactOf } from '../../functions/core/analytics/store-facts';
import {
  endVideo,
  inviteVideo,
  joinVideo,
  recordFirstFrame,
  setOutcome,
} from '../../functions/core/video/session';

const t0 = new Date('2026-12-05T10:00:00Z');
function endedCall() {
  let s = inviteVideo({
    callId: 'v-call-00000001',
    caseId: 's-case-00000001',
    customerId: 'cust-1',
    startedBy: 'assistant',
    meetingId: 'm-1',
    mediaRegion: 'ap-southeast-1',
    shopperAttendeeId: 'a-1',
    agentAttendeeId: 'a-2',
    agentId: 'agent-ana',
    now: t0,
  });
  const step = (r: ReturnType<typeof joinVideo>) => {
    if (!r.ok) throw new Error(r.error);
    return r.session;
  };
  s = step(
    joinVideo(s, { party: 'shopper', principal: 'cust-1', ticketId: 't1', connectionId: 'c1', now: t0 }),
  );
  s = step(
    joinVideo(s, {
      party: 'agent',
      principal: 'agent-ana',
      ticketId: 't2',
      connectionId: 'c2',
      now: new Date(t0.getTime() + 2000),
    }),
  );
  s = step(recordFirstFrame(s, 'shopper', 420));
  s = step(
    setOutcome(s, {
      outcome: 'replacement',
      agentId: 'agent-ana',
      decision: 'eligible',
      now: new Date(t0.getTime() + 60_000),
    }),
  );
  s = step(endVideo(s, 'agent_ended', new Date(t0.getTime() + 602_000)));
  return s;
}
const image = (s: ReturnType<typeof endedCall>) => ({
  pk: `VIDEO#${s.callId}`,
  sk: 'VIDEO',
  type: 'video',
  status: s.status,
  outcome: s.outcome ?? null,
  updatedAt: s.endedAt,
  data: s,
});

describe('video facts', () => {
  it('become one row per change of status or outcome, with who started, first frame, duration and outcome', () => {
    const call = endedCall();
    const fact = storeFactOf({
      eventName: 'MODIFY',
      oldImage: { ...image(call), status: 'joined' },
      newImage: image(call),
    });
    expect(fact).toMatchObject({
      fact: 'video_facts',
      row: {
        call_id: 'v-call-00000001',
        conversation_id: 's-case-00000001',
        started_by: 'assistant',
        status: 'ended',
        outcome: 'replacement',
        outcome_decision: 'eligible',
        duration_seconds: 600,
        shopper_first_frame_ms: 420,
        agent_first_frame_ms: null,
        step_downs: 0,
        end_reason: 'agent_ended',
        dt: '2026-12-05',
      },
    });
    expect(JSON.stringify(fact)).not.toContain('cust-1');
  });

  it('are not written for changes that move neither status nor outcome', () => {
    const call = endedCall();
    expect(
      storeFactOf({ eventName: 'MODIFY', oldImage: image(call), newImage: image(call) }),
    ).toBeUndefined();
  });

  it('refuse an unreadable call item', () => {
    expect(() =>
      storeFactOf({ eventName: 'INSERT', newImage: { type: 'video', status: 'ended', data: {} } }),
    ).toThrow(MalformedStoreItemError);
  });
});
