import {
  ChimeSDKMeetingsClient,
  CreateMeetingWithAttendeesCommand,
  ServiceUnavailableException,
} from '@aws-sdk/client-chime-sdk-meetings';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChimeVideoMeetings } from '../../functions/adapters/aws/chime-video-meetings';
import { WebRtcVideoMeetings } from '../../functions/adapters/local/webrtc-video-meetings';
import { DEMO_COMPLAINT_ROUTING, DEMO_STORE_POLICY } from '../../functions/core/after-sales/demo-policy';
import type { Order } from '../../functions/core/orders';
import { handleAgentVideoFrame } from '../../functions/core/video/agent-calls';
import type { VideoCaller, VideoDeps } from '../../functions/core/video/calls';
import { MAX_VIDEO_FRAME_BYTES, type VideoEvent } from '../../functions/core/video/protocol';
import { chooseMediaRegion } from '../../functions/core/video/regions';
import type { VideoSession } from '../../functions/core/video/session';
import { handleShopperVideoFrame } from '../../functions/core/video/shopper-calls';
import type { StoredMessage } from '../../functions/ports/repositories';
import type { VideoSessionRepository } from '../../functions/ports/video-meetings';

/** Each frame through its own side's route, as the shopper's and the agent's handlers send them. */
const handleVideoFrame = (deps: VideoDeps, caller: VideoCaller, body: string | null | undefined) =>
  caller.party === 'shopper'
    ? handleShopperVideoFrame(deps, caller, body)
    : handleAgentVideoFrame(deps, caller, body);

class MemorySessions implements VideoSessionRepository {
  readonly byId = new Map<string, VideoSession>();
  async create(s: VideoSession) {
    if (this.byId.has(s.callId)) return 'exists' as const;
    this.byId.set(s.callId, structuredClone(s));
    return 'created' as const;
  }
  async getById(id: string) {
    const s = this.byId.get(id);
    return s ? structuredClone(s) : undefined;
  }
  async latestForCase(caseId: string) {
    const all = [...this.byId.values()].filter((s) => s.caseId === caseId);
    return all.at(-1) ? structuredClone(all.at(-1)) : undefined;
  }
  async save(s: VideoSession) {
    if ((this.byId.get(s.callId)?.version ?? -1) !== s.version - 1) return 'stale' as const;
    this.byId.set(s.callId, structuredClone(s));
    return 'saved' as const;
  }
}

const SECRET = new TextEncoder().encode('a-test-secret-that-is-long-enough-for-hs256');
const CASE = 's-case-00000001';
const ORDER: Order = {
  orderId: 'A-1001',
  customerId: 'cust-1',
  email: 'a@example.com',
  placedAt: '2026-11-20T10:00:00Z',
  country: 'TH',
  currency: 'EUR',
  status: 'delivered',
  items: [{ sku: 'WATCH-GLD', name: 'Gold watch', quantity: 1, unitPrice: 249 }],
  shipment: {
    carrier: 'DHL',
    trackingNumber: 'T1',
    status: 'delivered',
    deliveredAt: '2026-12-01T10:00:00Z',
    events: [],
  },
};

let sessions: MemorySessions;
let pushed: Array<{ party: string; connectionId: string; event: VideoEvent }>;
let messages: StoredMessage[];
let handoffs: string[];
let online: number;
let clock: Date;
let deps: VideoDeps;

const shopper: VideoCaller = {
  party: 'shopper',
  customerId: 'cust-1',
  sessionId: CASE,
  connectionId: 'conn-shopper',
};
const agent: VideoCaller = { party: 'agent', agentId: 'agent-ana', connectionId: 'conn-agent' };
const frame = (value: object) => JSON.stringify(value);

beforeEach(() => {
  sessions = new MemorySessions();
  pushed = [];
  messages = [];
  handoffs = [];
  online = 1;
  clock = new Date('2026-12-05T10:00:00Z');
  let n = 0;
  deps = {
    sessions,
    meetings: new WebRtcVideoMeetings(),
    push: {
      send: async (party, connectionId, event) => {
        pushed.push({ party, connectionId, event: event as VideoEvent });
        return 'delivered';
      },
    },
    availability: {
      onlineAgentConnections: async () => Array.from({ length: online }, (_, i) => `conn-agent-${i}`),
      nextAvailableAt: async () => ({ at: '2026-12-06T01:00:00.000Z', label: '09:00 (Asia/Shanghai)' }),
    },
    conversations: {
      getSession: async (id) =>
        id === CASE
          ? {
              sessionId: CASE,
              customerId: 'cust-1',
              connectionId: 'conn-chat',
              createdAt: '',
              language: 'th',
            }
          : undefined,
      requestHandoff: async (request) => {
        handoffs.push(request.reason);
        return 'queued';
      },
      reserveSequences: async () => messages.length + 10,
      putMessage: async (m) => void messages.push(m),
    },
    orders: {
      getOrder: async (id) => (id === ORDER.orderId ? ORDER : undefined),
      listOrdersForCustomer: async () => [ORDER],
    },
    policy: { get: async () => ({ policy: DEMO_STORE_POLICY, routing: DEMO_COMPLAINT_ROUTING }) },
    photos: {
      grantUpload: async () => ({
        url: 'http://127.0.0.1:1/upload',
        fields: { k: 'v' },
        expiresAt: '2026-12-05T10:05:00Z',
      }),
      exists: async () => true,
    },
    signingSecret: async () => SECRET,
    allowedRegions: ['eu-central-1', 'ap-southeast-1'],
    newCallId: () => `v-call-${String(++n).padStart(8, '0')}`,
    now: () => clock,
  };
});

async function startAndJoinBoth() {
  const invite = await handleVideoFrame(
    deps,
    shopper,
    frame({ action: 'startVideo', requestId: 'req-00000001' }),
  );
  if (invite.type !== 'videoJoin') throw new Error(`no invite: ${JSON.stringify(invite)}`);
  const accepted = await handleVideoFrame(
    deps,
    agent,
    frame({ action: 'acceptVideo', callId: invite.callId }),
  );
  if (accepted.type !== 'videoJoin') throw new Error('not accepted');
  await handleVideoFrame(
    deps,
    shopper,
    frame({ action: 'joinVideo', callId: invite.callId, ticket: invite.ticket }),
  );
  const state = await handleVideoFrame(
    deps,
    agent,
    frame({ action: 'joinVideo', callId: invite.callId, ticket: accepted.ticket }),
  );
  return { callId: invite.callId, invite, accepted, state };
}

describe('a video call on a case', () => {
  it('tells the shopper when someone will be online and offers photos when no agent is online', async () => {
    online = 0;
    const reply = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'startVideo', requestId: 'req-00000001' }),
    );
    expect(reply).toMatchObject({
      type: 'videoUnavailable',
      nextAgentAt: '2026-12-06T01:00:00.000Z',
      offerPhotos: true,
    });
    expect(reply.type === 'videoUnavailable' && reply.text).toContain('09:00');
    expect(sessions.byId.size).toBe(0);
  });

  it("rings every online agent's console socket when a shopper starts a call", async () => {
    online = 2;
    const invite = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'startVideo', requestId: 'req-00000001' }),
    );
    if (invite.type !== 'videoJoin') throw new Error('no invite');
    const rung = pushed.filter((p) => p.party === 'agent' && p.event.type === 'videoIncoming');
    expect(rung.map((p) => p.connectionId)).toEqual(['conn-agent-0', 'conn-agent-1']);
    expect(rung[0]?.event).toMatchObject({ callId: invite.callId, caseId: CASE, startedBy: 'shopper' });
  });

  it('tells the shopper clearly when Chime cannot create the meeting, and leaves nothing stuck', async () => {
    const chime = mockClient(ChimeSDKMeetingsClient);
    chime
      .on(CreateMeetingWithAttendeesCommand)
      .rejects(new ServiceUnavailableException({ message: 'Service unavailable', $metadata: {} }));
    deps.meetings = new ChimeVideoMeetings(new ChimeSDKMeetingsClient({ region: 'us-east-1' }));
    const reply = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'startVideo', requestId: 'req-00000001' }),
    );
    expect(reply).toMatchObject({
      type: 'videoError',
      code: 'video_unavailable',
      message: 'Video calls are not available right now. Please try again.',
    });
    // No call, no hand-off, no agent rung: a retry starts clean instead of "already active".
    expect(sessions.byId.size).toBe(0);
    expect(handoffs).toEqual([]);
    expect(pushed).toEqual([]);
    deps.meetings = new WebRtcVideoMeetings();
    const retry = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'startVideo', requestId: 'req-00000002' }),
    );
    expect(retry.type).toBe('videoJoin');
    chime.restore();
  });

  it('goes invited → joined when both parties join, and the party joining last (the agent) makes the offer', async () => {
    const { callId, state } = await startAndJoinBoth();
    expect(state).toMatchObject({
      type: 'videoState',
      status: 'joined',
      peerJoined: true,
      offerer: 'agent',
    });
    expect(pushed.at(-1)).toMatchObject({
      party: 'shopper',
      connectionId: 'conn-shopper',
      event: { type: 'videoState', status: 'joined' },
    });
    const stored = sessions.byId.get(callId);
    expect(stored).toMatchObject({ status: 'joined', startedBy: 'shopper', mediaRegion: 'local' });
    expect(stored?.agent.principal).toBe('agent-ana');
  });

  it('relays signalling to the other party only', async () => {
    const { callId } = await startAndJoinBoth();
    const reply = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'videoSignal', callId, signal: { kind: 'offer', sdp: 'v=0\r\n' } }),
    );
    expect(reply).toEqual({ type: 'videoAck', callId, action: 'videoSignal' });
    expect(pushed.at(-1)).toEqual({
      party: 'agent',
      connectionId: 'conn-agent',
      event: { type: 'videoSignal', callId, signal: { kind: 'offer', sdp: 'v=0\r\n' } },
    });
  });

  it('refuses a second shopper, a replayed join and a join for someone else, changing nothing', async () => {
    const { callId, invite } = await startAndJoinBoth();
    const before = structuredClone(sessions.byId.get(callId));
    const replay = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'joinVideo', callId, ticket: invite.ticket }),
    );
    expect(replay).toMatchObject({ type: 'videoError', code: 'video_join_replayed' });
    const intruder: VideoCaller = {
      party: 'shopper',
      customerId: 'cust-2',
      sessionId: 's-other-case-1',
      connectionId: 'conn-x',
    };
    expect(
      await handleVideoFrame(deps, intruder, frame({ action: 'joinVideo', callId, ticket: invite.ticket })),
    ).toMatchObject({
      code: 'video_forbidden',
    });
    expect(await handleVideoFrame(deps, intruder, frame({ action: 'acceptVideo', callId }))).toMatchObject({
      code: 'video_second_shopper',
    });
    expect(
      await handleVideoFrame(
        deps,
        intruder,
        frame({ action: 'videoSignal', callId, signal: { kind: 'ice', candidate: '' } }),
      ),
    ).toMatchObject({
      code: 'video_second_shopper',
    });
    const otherAgent: VideoCaller = { party: 'agent', agentId: 'agent-bo', connectionId: 'conn-b' };
    expect(await handleVideoFrame(deps, otherAgent, frame({ action: 'acceptVideo', callId }))).toMatchObject({
      code: 'video_forbidden',
    });
    expect(sessions.byId.get(callId)).toEqual(before);
  });

  it('refuses an expired join ticket', async () => {
    const invite = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'startVideo', requestId: 'req-00000001' }),
    );
    if (invite.type !== 'videoJoin') throw new Error('no invite');
    clock = new Date(clock.getTime() + 3 * 60_000);
    const reply = await handleVideoFrame(
      deps,
      shopper,
      frame({ action: 'joinVideo', callId: invite.callId, ticket: invite.ticket }),
    );
    expect(reply).toMatchObject({ type: 'videoError', code: 'video_join_expired' });
    expect(sessions.byId.get(invite.callId)?.shopper.joinedAt).toBeUndefined();
  });

  it('lets a dropped party back in with fresh join information, without a new invite', async () => {
    const { callId } = await startAndJoinBoth();
    const again = await handleVideoFrame(deps, shopper, frame({ action: 'acceptVideo', callId }));
    expect(again.type).toBe('videoJoin');
    const rejoined = await handleVideoFrame(
      deps,
      { ...shopper, connectionId: 'conn-shopper-2' },
      frame({
        action: 'joinVideo',
        callId,
        ticket: again.type === 'videoJoin' ? again.ticket : '',
      }),
    );
    expect(rejoined).toMatchObject({ type: 'videoState', status: 'joined', peerJoined: true });
    expect(sessions.byId.get(callId)?.shopper.connectionId).toBe('conn-shopper-2');
  });

  it('refuses malformed and oversized frames with typed errors, never echoing SDP', async () => {
    expect(await handleVideoFrame(deps, shopper, 'not json')).toMatchObject({ code: 'invalid_video_frame' });
    const big = frame({
      action: 'videoSignal',
      callId: 'v-call-00000001',
      signal: { kind: 'offer', sdp: 'x'.repeat(MAX_VIDEO_FRAME_BYTES) },
    });
    expect(await handleVideoFrame(deps, shopper, big)).toMatchObject({ code: 'video_frame_too_large' });
    const bad = await handleVideoFrame(
      deps,
      shopper,
      frame({
        action: 'videoSignal',
        callId: 'v-call-00000001',
        signal: { kind: 'offer', sdp: 42, secret: 'a=ice-pwd:zzz' },
      }),
    );
    expect(bad).toMatchObject({ code: 'invalid_video_frame' });
    expect(JSON.stringify(bad)).not.toContain('ice-pwd');
  });

  it('refuses a second call while one is open on the case', async () => {
    await startAndJoinBoth();
    expect(
      await handleVideoFrame(deps, shopper, frame({ action: 'startVideo', requestId: 'req-00000002' })),
    ).toMatchObject({
      code: 'video_already_active',
    });
  });

  it('records first frames and step-downs, and ends from either side once', async () => {
    const { callId } = await startAndJoinBoth();
    await handleVideoFrame(deps, shopper, frame({ action: 'videoReport', callId, firstFrameMs: 412.4 }));
    await handleVideoFrame(
      deps,
      agent,
      frame({ action: 'videoReport', callId, firstFrameMs: 388, stepDown: true }),
    );
    clock = new Date(clock.getTime() + 95_000);
    expect(await handleVideoFrame(deps, agent, frame({ action: 'endVideo', callId }))).toMatchObject({
      type: 'videoEnded',
      reason: 'agent_ended',
    });
    expect(await handleVideoFrame(deps, shopper, frame({ action: 'endVideo', callId }))).toMatchObject({
      type: 'videoEnded',
      reason: 'agent_ended',
    });
    const stored = sessions.byId.get(callId);
    expect(stored).toMatchObject({
      status: 'ended',
      stepDowns: 1,
      shopper: { firstFrameMs: 412 },
      agent: { firstFrameMs: 388 },
    });
    expect(pushed.filter((p) => p.event.type === 'videoEnded')).toHaveLength(2);
  });

  it('applies the outcome through the return policy, writes it on the case and tells the shopper in Thai', async () => {
    const { callId } = await startAndJoinBoth();
    const reply = await handleVideoFrame(
      deps,
      agent,
      frame({ action: 'videoOutcome', callId, outcome: 'refund', orderId: 'A-1001' }),
    );
    expect(reply).toMatchObject({ type: 'videoOutcome', outcome: 'refund', decision: 'eligible' });
    expect(messages.at(-1)).toMatchObject({
      role: 'system',
      language: 'th',
      text: expect.stringContaining('คืนเงิน'),
    });
    expect(pushed.at(-1)).toMatchObject({
      party: 'shopper',
      connectionId: 'conn-chat',
      event: { type: 'videoOutcome' },
    });
    expect(sessions.byId.get(callId)).toMatchObject({
      outcome: 'refund',
      outcomeBy: 'agent-ana',
      outcomeDecision: 'eligible',
    });
    expect(
      await handleVideoFrame(deps, agent, frame({ action: 'videoOutcome', callId, outcome: 'verified' })),
    ).toMatchObject({
      code: 'video_outcome_refused',
    });
    expect(
      await handleVideoFrame(deps, shopper, frame({ action: 'videoOutcome', callId, outcome: 'refund' })),
    ).toMatchObject({
      code: 'video_forbidden',
    });
  });

  it('stores an agent snapshot as a photo of the case', async () => {
    const { callId } = await startAndJoinBoth();
    const grant = await handleVideoFrame(
      deps,
      agent,
      frame({
        action: 'videoSnapshot',
        callId,
        requestId: 'req-snap-01',
        contentType: 'image/jpeg',
        bytes: 40_000,
      }),
    );
    if (grant.type !== 'videoSnapshotUpload') throw new Error(JSON.stringify(grant));
    const done = await handleVideoFrame(
      deps,
      agent,
      frame({ action: 'videoSnapshot', callId, requestId: 'req-snap-01', key: grant.key }),
    );
    expect(done).toEqual({ type: 'videoSnapshot', callId, key: grant.key });
    expect(messages.at(-1)).toMatchObject({
      sessionId: CASE,
      role: 'agent',
      attachments: [{ key: grant.key }],
    });
    expect(sessions.byId.get(callId)?.snapshots).toEqual([grant.key]);
  });
});

describe('the media region', () => {
  it('is the allowed region nearest the shopper, else the first allowed one', () => {
    expect(chooseMediaRegion('TH', ['eu-central-1', 'ap-southeast-1'])).toBe('ap-southeast-1');
    expect(chooseMediaRegion('BR', ['eu-central-1', 'ap-southeast-1'])).toBe('eu-central-1');
    expect(chooseMediaRegion('FR', ['us-east-1', 'eu-west-3', 'eu-central-1'])).toBe('eu-central-1');
    expect(chooseMediaRegion(undefined, ['eu-west-1'])).toBe('eu-west-1');
  });
});
