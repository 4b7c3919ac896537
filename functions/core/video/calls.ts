import type { StorePolicySource } from '../../ports/after-sales';
import type { PhotoReadiness } from '../../ports/photo-readiness';
import type { PhotoStore } from '../../ports/photo-store';
import type { ConversationRepository, OrderRepository } from '../../ports/repositories';
import type {
  AgentAvailability,
  VideoMeetings,
  VideoPush,
  VideoSessionRepository,
} from '../../ports/video-meetings';
import { supportedLanguageOf } from '../nlu/languages';
import { signJoinTicket, verifyJoinTicket } from './join-ticket';
import { NO_AGENT_TEXT } from './no-agent-text';
import type { VideoEvent, VideoFrame } from './protocol';
import { videoError } from './protocol';
import { type ChimeMediaRegion, chooseMediaRegion } from './regions';
import {
  acceptVideo,
  endVideo,
  inviteVideo,
  isActive,
  joinVideo,
  otherParty,
  recordFirstFrame,
  recordStepDown,
  type VideoErrorCode,
  type VideoParty,
  type VideoResult,
  type VideoSession,
  type VideoStarter,
} from './session';

/** Who sent a frame, as the socket's authorizer established it; never taken from the frame. */
export type VideoCaller =
  | { party: 'shopper'; customerId: string; sessionId: string; connectionId: string }
  | { party: 'agent'; agentId: string; connectionId: string };

export interface VideoDeps {
  sessions: VideoSessionRepository;
  meetings: VideoMeetings;
  push: VideoPush;
  availability: AgentAvailability;
  conversations: Pick<
    ConversationRepository,
    'getSession' | 'requestHandoff' | 'reserveSequences' | 'putMessage'
  >;
  orders: Pick<OrderRepository, 'getOrder' | 'listOrdersForCustomer'>;
  policy: StorePolicySource;
  photos: Pick<PhotoStore, 'grantUpload'> & Pick<PhotoReadiness, 'exists'>;
  signingSecret: () => Promise<Uint8Array>;
  allowedRegions: readonly ChimeMediaRegion[];
  newCallId: () => string;
  now: () => Date;
}

const ERROR_TEXT: Record<VideoErrorCode, string> = {
  invalid_video_frame: 'The video frame is not valid.',
  video_frame_too_large: 'The video frame is too large.',
  video_not_found: 'There is no such call.',
  video_forbidden: 'This call belongs to someone else.',
  video_second_shopper: 'Only the shopper of this case can join the call.',
  video_join_replayed: 'This join was already used; ask for a new one.',
  video_join_expired: 'The invitation has expired; start a new call.',
  video_already_active: 'A call is already open on this case.',
  video_ended: 'The call has ended.',
  video_not_joined: 'Join the call first.',
  no_agent_online: 'No one is online for a video call right now.',
  video_outcome_refused: 'The outcome of this call is already recorded.',
  video_unavailable: 'Video calls are not available right now. Please try again.',
};

export const fail = (code: VideoErrorCode, callId?: string) => videoError(code, ERROR_TEXT[code], callId);

const principalOf = (caller: VideoCaller) =>
  caller.party === 'shopper' ? caller.customerId : caller.agentId;

/** The frames both sides send; the rest are one side's own (shopper-calls.ts, agent-calls.ts). */
export type SharedVideoFrame = Extract<
  VideoFrame,
  { action: 'startVideo' | 'acceptVideo' | 'joinVideo' | 'videoSignal' | 'videoReport' | 'endVideo' }
>;

export function isSharedFrame(frame: VideoFrame): frame is SharedVideoFrame {
  return frame.action !== 'videoSnapshot' && frame.action !== 'videoOutcome';
}

/**
 * A frame either side may send. Returns the reply for the caller's own socket; events for the other party
 * go through `push`. A refused frame changes nothing.
 */
export async function handleSharedFrame(
  deps: VideoDeps,
  caller: VideoCaller,
  frame: SharedVideoFrame,
): Promise<VideoEvent> {
  switch (frame.action) {
    case 'startVideo':
      return startCall(deps, caller, frame);
    case 'acceptVideo':
      return acceptCall(deps, caller, frame.callId);
    case 'joinVideo':
      return joinCall(deps, caller, frame.callId, frame.ticket);
    case 'videoSignal':
      return relaySignal(deps, caller, frame);
    case 'videoReport':
      return report(deps, caller, frame);
    case 'endVideo':
      return endCall(deps, caller, frame.callId);
  }
}

async function startCall(
  deps: VideoDeps,
  caller: VideoCaller,
  frame: Extract<VideoFrame, { action: 'startVideo' }>,
): Promise<VideoEvent> {
  const now = deps.now();
  let caseId: string;
  let customerId: string;
  let startedBy: VideoStarter;
  if (caller.party === 'shopper') {
    if (frame.caseId && frame.caseId !== caller.sessionId) return fail('video_forbidden');
    caseId = caller.sessionId;
    customerId = caller.customerId;
    startedBy = frame.via === 'assistant' ? 'assistant' : 'shopper';
  } else {
    if (!frame.caseId) return fail('video_not_found');
    const conversation = await deps.conversations.getSession(frame.caseId);
    if (!conversation) return fail('video_not_found');
    caseId = frame.caseId;
    customerId = conversation.customerId;
    startedBy = 'agent';
  }
  const latest = await deps.sessions.latestForCase(caseId);
  if (latest && isActive(latest, now)) return fail('video_already_active', latest.callId);

  // Where the call rings: the console sockets of agents online now (the console's own presence).
  const ringing = caller.party === 'shopper' ? await deps.availability.onlineAgentConnections() : [];
  if (caller.party === 'shopper' && ringing.length === 0) {
    const conversation = await deps.conversations.getSession(caseId);
    const lang = supportedLanguageOf(conversation?.language) ?? 'en';
    const next = await deps.availability.nextAvailableAt(now, lang);
    return {
      type: 'videoUnavailable',
      requestId: frame.requestId,
      ...(next ? { nextAgentAt: next.at } : {}),
      text: NO_AGENT_TEXT[lang](next?.label),
      offerPhotos: true,
    };
  }

  const [order] = await deps.orders.listOrdersForCustomer(customerId, 1);
  const callId = deps.newCallId();
  const mediaRegion = chooseMediaRegion(order?.country, deps.allowedRegions);
  let meeting: Awaited<ReturnType<VideoMeetings['create']>>;
  try {
    meeting = await deps.meetings.create({
      caseId,
      callId,
      mediaRegion,
      shopperUserId: 'shopper',
      agentUserId: 'agent',
    });
  } catch {
    return fail('video_unavailable');
  }
  const session = inviteVideo({
    callId,
    caseId,
    customerId,
    startedBy,
    meetingId: meeting.meetingId,
    mediaRegion: meeting.mediaRegion,
    shopperAttendeeId: attendeeIdOf(meeting.join.shopper),
    agentAttendeeId: attendeeIdOf(meeting.join.agent),
    ...(caller.party === 'agent' ? { agentId: caller.agentId } : {}),
    now,
  });
  if (frame.recordingConsent !== undefined) session.recordingConsent = frame.recordingConsent;
  if ((await deps.sessions.create(session)) === 'exists') return fail('video_already_active');

  if (caller.party === 'shopper') {
    // The console's queue shows waiting calls like any hand-off, ahead of ordinary ones.
    await deps.conversations.requestHandoff({
      sessionId: caseId,
      customerId,
      reason: 'video_request',
      priority: 'high',
      requestedAt: now.toISOString(),
    });
    const incoming: VideoEvent = {
      type: 'videoIncoming',
      callId,
      caseId,
      startedBy,
      mode: deps.meetings.mode,
    };
    // An agent whose socket is gone still sees the call in the queue; ringing is best effort.
    await Promise.all(ringing.map((connectionId) => deps.push.send('agent', connectionId, incoming)));
  } else {
    const conversation = await deps.conversations.getSession(caseId);
    if (conversation?.connectionId)
      await deps.push.send('shopper', conversation.connectionId, {
        type: 'videoIncoming',
        callId,
        caseId,
        startedBy,
        mode: deps.meetings.mode,
      } satisfies VideoEvent);
  }
  return joinEvent(deps, session, caller.party, principalOf(caller), meeting.join[caller.party]);
}

function attendeeIdOf(join: Awaited<ReturnType<VideoMeetings['create']>>['join'][VideoParty]): string {
  if (join.mode === 'webrtc') return join.attendeeId;
  return String(join.attendee.AttendeeId ?? '');
}

async function joinEvent(
  deps: VideoDeps,
  session: VideoSession,
  party: VideoParty,
  principal: string,
  join: Awaited<ReturnType<VideoMeetings['rejoin']>>,
): Promise<VideoEvent> {
  const { token } = await signJoinTicket(
    await deps.signingSecret(),
    { callId: session.callId, party, principal },
    deps.now(),
  );
  return {
    type: 'videoJoin',
    callId: session.callId,
    caseId: session.caseId,
    ticket: token,
    join,
    startedAt: session.invitedAt,
  };
}

/** Reads, applies and saves; a concurrent change (both sides acting at once) is re-read and re-applied. */
export async function update(
  deps: Pick<VideoDeps, 'sessions'>,
  callId: string,
  apply: (session: VideoSession) => VideoResult | Promise<VideoResult>,
): Promise<{ ok: true; session: VideoSession; before: VideoSession } | { ok: false; error: VideoErrorCode }> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const before = await deps.sessions.getById(callId);
    if (!before) return { ok: false, error: 'video_not_found' };
    const result = await apply(before);
    if (!result.ok) return result;
    if (result.session === before) return { ok: true, session: before, before };
    // Several transitions may apply in one update: the stored version moves by one.
    const session = { ...result.session, version: before.version + 1 };
    if ((await deps.sessions.save(session)) === 'saved') return { ok: true, session, before };
  }
  return { ok: false, error: 'video_unavailable' };
}

/** The caller's side of a call, or why they have none. */
function sideOf(session: VideoSession, caller: VideoCaller): VideoErrorCode | undefined {
  if (caller.party === 'shopper')
    return session.customerId === caller.customerId && session.caseId === caller.sessionId
      ? undefined
      : 'video_second_shopper';
  return session.agent.principal === caller.agentId ? undefined : 'video_forbidden';
}

/**
 * Taking a call, or getting join information again after a drop (no new invite): the agent who takes a
 * shopper's call owns it; the shopper accepts an agent's call from their own case only.
 */
async function acceptCall(deps: VideoDeps, caller: VideoCaller, callId: string): Promise<VideoEvent> {
  const now = deps.now();
  const result = await update(deps, callId, (session) => {
    if (caller.party === 'agent') return acceptVideo(session, caller.agentId, now);
    const refused = sideOf(session, caller);
    if (refused) return { ok: false, error: refused };
    if (session.status === 'ended') return { ok: false, error: 'video_ended' };
    return { ok: true, session };
  });
  if (!result.ok) return fail(result.error, callId);
  const { session } = result;
  const join = await deps.meetings.rejoin(
    session.meetingId,
    caller.party,
    session[caller.party].attendeeId ?? '',
  );
  return joinEvent(deps, session, caller.party, principalOf(caller), join);
}

async function joinCall(
  deps: VideoDeps,
  caller: VideoCaller,
  callId: string,
  token: string,
): Promise<VideoEvent> {
  const now = deps.now();
  const verified = await verifyJoinTicket(await deps.signingSecret(), token, now);
  if (!verified.ok)
    return fail(verified.reason === 'expired' ? 'video_join_expired' : 'video_forbidden', callId);
  const { ticket } = verified;
  if (ticket.callId !== callId || ticket.party !== caller.party || ticket.principal !== principalOf(caller))
    return fail('video_forbidden', callId);
  const result = await update(deps, callId, (session) => {
    if (caller.party === 'shopper' && session.caseId !== caller.sessionId)
      return { ok: false, error: 'video_second_shopper' };
    return joinVideo(session, {
      party: caller.party,
      principal: ticket.principal,
      ticketId: ticket.ticketId,
      connectionId: caller.connectionId,
      now,
    });
  });
  if (!result.ok) return fail(result.error, callId);
  const { session } = result;
  const other = session[otherParty(caller.party)];
  const peerJoined = Boolean(other.joinedAt && other.connectionId);
  const state: VideoEvent = {
    type: 'videoState',
    callId,
    caseId: session.caseId,
    status: session.status,
    startedBy: session.startedBy,
    peerJoined,
    // The party completing the pair offers: it hears first (this answer), so no relay hop comes before the
    // offer; the first-frame time on both sides is one push shorter than with a fixed offerer.
    ...(deps.meetings.mode === 'webrtc' ? { offerer: caller.party } : {}),
  };
  // Both are in (again, after a drop): each side (re)negotiates, the party that joined last offering.
  if (peerJoined && other.connectionId)
    await pushOrForget(deps, otherParty(caller.party), other.connectionId, state);
  return state;
}

async function pushOrForget(deps: VideoDeps, party: VideoParty, connectionId: string, event: VideoEvent) {
  // A gone socket is a dropped party: they rejoin with acceptVideo and hear the state then.
  await deps.push.send(party, connectionId, event);
}

export async function joinedSession(
  deps: VideoDeps,
  caller: VideoCaller,
  callId: string,
): Promise<{ ok: true; session: VideoSession } | { ok: false; error: VideoEvent }> {
  const session = await deps.sessions.getById(callId);
  if (!session) return { ok: false, error: fail('video_not_found', callId) };
  const refused = sideOf(session, caller);
  if (refused) return { ok: false, error: fail(refused, callId) };
  if (session.status === 'ended') return { ok: false, error: fail('video_ended', callId) };
  if (session[caller.party].connectionId !== caller.connectionId)
    return { ok: false, error: fail('video_not_joined', callId) };
  return { ok: true, session };
}

async function relaySignal(
  deps: VideoDeps,
  caller: VideoCaller,
  frame: Extract<VideoFrame, { action: 'videoSignal' }>,
): Promise<VideoEvent> {
  const found = await joinedSession(deps, caller, frame.callId);
  if (!found.ok) return found.error;
  const peer = found.session[otherParty(caller.party)];
  if (!peer.connectionId) return fail('video_not_joined', frame.callId);
  const delivered = await deps.push.send(otherParty(caller.party), peer.connectionId, {
    type: 'videoSignal',
    callId: frame.callId,
    signal: frame.signal,
  } satisfies VideoEvent);
  if (delivered === 'gone') return fail('video_not_joined', frame.callId);
  return { type: 'videoAck', callId: frame.callId, action: 'videoSignal' };
}

async function report(
  deps: VideoDeps,
  caller: VideoCaller,
  frame: Extract<VideoFrame, { action: 'videoReport' }>,
): Promise<VideoEvent> {
  const result = await update(deps, frame.callId, (session) => {
    const refused = sideOf(session, caller);
    if (refused) return { ok: false, error: refused };
    let next: VideoResult = { ok: true, session };
    if (frame.firstFrameMs !== undefined) next = recordFirstFrame(session, caller.party, frame.firstFrameMs);
    if (next.ok && frame.stepDown) next = recordStepDown(next.session);
    return next;
  });
  if (!result.ok) return fail(result.error, frame.callId);
  return { type: 'videoAck', callId: frame.callId, action: 'videoReport' };
}

async function endCall(deps: VideoDeps, caller: VideoCaller, callId: string): Promise<VideoEvent> {
  const reason = caller.party === 'shopper' ? 'shopper_ended' : 'agent_ended';
  const result = await update(deps, callId, (session) => {
    const refused = sideOf(session, caller);
    if (refused) return { ok: false, error: refused };
    return endVideo(session, reason, deps.now());
  });
  if (!result.ok) return fail(result.error, callId);
  if (result.before.status !== 'ended') await finishMeeting(deps, result.session);
  return { type: 'videoEnded', callId, reason: result.session.endReason ?? reason };
}

/** Ends the meeting for everyone and tells the other side (the caller already knows). */
async function finishMeeting(deps: VideoDeps, session: VideoSession): Promise<void> {
  await deps.meetings.end(session.meetingId);
  const event: VideoEvent = {
    type: 'videoEnded',
    callId: session.callId,
    reason: session.endReason ?? 'ended',
  };
  for (const party of ['shopper', 'agent'] as const) {
    const connectionId = session[party].connectionId;
    if (connectionId) await deps.push.send(party, connectionId, event);
  }
}

/** Chime's meeting events, decoded by the adapter: they move the same state machine as the local path. */
export type MeetingEvent =
  | { kind: 'attendee_joined'; caseId: string; meetingId: string; party: VideoParty; eventId: string }
  | { kind: 'meeting_ended'; caseId: string; meetingId: string };

export async function applyMeetingEvent(
  deps: Pick<VideoDeps, 'sessions' | 'meetings' | 'push' | 'now'>,
  event: MeetingEvent,
): Promise<'applied' | 'ignored'> {
  const latest = await deps.sessions.latestForCase(event.caseId);
  if (!latest || latest.meetingId !== event.meetingId) return 'ignored';
  const result = await update(deps, latest.callId, (current) => {
    if (event.kind === 'meeting_ended') return endVideo(current, 'meeting_ended', deps.now());
    const principal = current[event.party].principal;
    if (!principal) return { ok: false, error: 'video_not_joined' };
    // Redelivered events carry the same id: the ticket check makes them no-ops.
    if (current[event.party].usedTickets.includes(`chime-${event.eventId}`))
      return { ok: true, session: current };
    return joinVideo(current, {
      party: event.party,
      principal,
      ticketId: `chime-${event.eventId}`,
      connectionId: current[event.party].connectionId ?? '',
      now: deps.now(),
    });
  });
  if (!result.ok || result.session === result.before) return 'ignored';
  if (event.kind === 'meeting_ended' && result.before.status !== 'ended') {
    const ended: VideoEvent = { type: 'videoEnded', callId: result.session.callId, reason: 'meeting_ended' };
    for (const party of ['shopper', 'agent'] as const) {
      const connectionId = result.session[party].connectionId;
      if (connectionId) await deps.push.send(party, connectionId, ended);
    }
  }
  return 'applied';
}
