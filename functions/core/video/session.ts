/**
 * A video verification call on a case (the conversation): invited → joined → ended, with the outcome the
 * agent chose. Pure transitions over plain records: the local WebRTC path and Chime's meeting events drive
 * the same functions, and a refused transition names a typed error and returns nothing to store.
 */

export const VIDEO_OUTCOMES = ['verified', 'refused_on_delivery', 'return', 'replacement', 'refund'] as const;
export type VideoOutcome = (typeof VIDEO_OUTCOMES)[number];

export type VideoStatus = 'invited' | 'joined' | 'ended';
export type VideoParty = 'shopper' | 'agent';
export type VideoStarter = 'shopper' | 'agent' | 'assistant';
/** Why a call ended: a party's End call, everyone leaving (Chime ends empty meetings), or expiry. */
export type VideoEndReason = 'shopper_ended' | 'agent_ended' | 'meeting_ended' | 'invite_expired';

export const VIDEO_ERROR_CODES = [
  'invalid_video_frame',
  'video_frame_too_large',
  'video_not_found',
  'video_forbidden',
  'video_second_shopper',
  'video_join_replayed',
  'video_join_expired',
  'video_already_active',
  'video_ended',
  'video_not_joined',
  'no_agent_online',
  'video_outcome_refused',
  'video_unavailable',
] as const;
export type VideoErrorCode = (typeof VIDEO_ERROR_CODES)[number];

export type VideoResult = { ok: true; session: VideoSession } | { ok: false; error: VideoErrorCode };

/** An invitation nobody joins lapses like an empty Chime meeting does (5 minutes). */
export const INVITE_TTL_MS = 5 * 60_000;

export interface PartyState {
  /** The principal: a customer id for the shopper, an agent id for the agent. */
  principal?: string;
  /** Chime attendee id (cloud) or the local peer id. */
  attendeeId?: string;
  /** The socket the party joined from; signalling and join information go only there. */
  connectionId?: string;
  joinedAt?: string;
  /** Milliseconds from the tap that started the call to this party's first decoded remote frame. */
  firstFrameMs?: number;
  /** Join tickets already used: a replayed join is refused. */
  usedTickets: string[];
}

export interface VideoSession {
  callId: string;
  /** The case: the conversation's session id, also the Chime ExternalMeetingId. */
  caseId: string;
  customerId: string;
  startedBy: VideoStarter;
  status: VideoStatus;
  meetingId: string;
  mediaRegion: string;
  invitedAt: string;
  /** An invite not joined by both parties before this instant lapses. */
  inviteExpiresAt: string;
  joinedAt?: string;
  endedAt?: string;
  endReason?: VideoEndReason;
  shopper: PartyState;
  agent: PartyState;
  /** Times either side stepped down to audio only (weak network). */
  stepDowns: number;
  snapshots: string[];
  outcome?: VideoOutcome;
  outcomeBy?: string;
  outcomeAt?: string;
  /** The policy's answer for that outcome (e.g. eligible, or not eligible and why). */
  outcomeDecision?: string;
  /** Shopper said yes to recording; asked only when the seller turned recording on. */
  recordingConsent?: boolean;
  /** Optimistic concurrency: saved only over the version it was read at. */
  version: number;
}

export interface InviteInput {
  callId: string;
  caseId: string;
  customerId: string;
  startedBy: VideoStarter;
  meetingId: string;
  mediaRegion: string;
  shopperAttendeeId: string;
  agentAttendeeId: string;
  /** Set when the agent starts the call from the console. */
  agentId?: string;
  now: Date;
}

export function inviteVideo(input: InviteInput): VideoSession {
  return {
    callId: input.callId,
    caseId: input.caseId,
    customerId: input.customerId,
    startedBy: input.startedBy,
    status: 'invited',
    meetingId: input.meetingId,
    mediaRegion: input.mediaRegion,
    invitedAt: input.now.toISOString(),
    inviteExpiresAt: new Date(input.now.getTime() + INVITE_TTL_MS).toISOString(),
    shopper: { principal: input.customerId, attendeeId: input.shopperAttendeeId, usedTickets: [] },
    agent: { principal: input.agentId, attendeeId: input.agentAttendeeId, usedTickets: [] },
    stepDowns: 0,
    snapshots: [],
    version: 0,
  };
}

const bump = (session: VideoSession, patch: Partial<VideoSession>): VideoResult => ({
  ok: true,
  session: { ...session, ...patch, version: session.version + 1 },
});

/** Calls not ended that still hold the case: a second call on it is refused. */
export function isActive(session: VideoSession, now: Date): boolean {
  return session.status !== 'ended' && !isLapsed(session, now);
}

function isLapsed(session: VideoSession, now: Date): boolean {
  return session.status === 'invited' && now.getTime() >= Date.parse(session.inviteExpiresAt);
}

/** An agent takes an incoming call; a second agent cannot take it from the first. */
export function acceptVideo(session: VideoSession, agentId: string, now: Date): VideoResult {
  if (session.status === 'ended') return { ok: false, error: 'video_ended' };
  if (isLapsed(session, now)) return { ok: false, error: 'video_join_expired' };
  if (session.agent.principal && session.agent.principal !== agentId)
    return { ok: false, error: 'video_forbidden' };
  if (session.agent.principal === agentId) return { ok: true, session };
  return bump(session, { agent: { ...session.agent, principal: agentId } });
}

export interface JoinInput {
  party: VideoParty;
  principal: string;
  ticketId: string;
  connectionId: string;
  now: Date;
}

/**
 * A party joins (locally on its join frame, in AWS on Chime's AttendeeJoined). Joining again after a drop
 * is allowed with a fresh ticket, never with one already used.
 */
export function joinVideo(session: VideoSession, input: JoinInput): VideoResult {
  if (session.status === 'ended') return { ok: false, error: 'video_ended' };
  if (isLapsed(session, input.now)) return { ok: false, error: 'video_join_expired' };
  const state = session[input.party];
  if (state.principal !== input.principal)
    return { ok: false, error: input.party === 'shopper' ? 'video_second_shopper' : 'video_forbidden' };
  if (state.usedTickets.includes(input.ticketId)) return { ok: false, error: 'video_join_replayed' };
  const at = input.now.toISOString();
  const party: PartyState = {
    ...state,
    connectionId: input.connectionId,
    joinedAt: state.joinedAt ?? at,
    // Only recent tickets matter: older ones have expired anyway.
    usedTickets: [...state.usedTickets.slice(-9), input.ticketId],
  };
  const next = { ...session, [input.party]: party };
  const both = Boolean(next.shopper.joinedAt && next.agent.joinedAt);
  return bump(next, both && session.status === 'invited' ? { status: 'joined', joinedAt: at } : {});
}

/** The first remote frame a party decoded; later reports (after a reconnect) keep the first. */
export function recordFirstFrame(session: VideoSession, party: VideoParty, elapsedMs: number): VideoResult {
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0) return { ok: false, error: 'invalid_video_frame' };
  if (session[party].firstFrameMs !== undefined) return { ok: true, session };
  return bump(session, { [party]: { ...session[party], firstFrameMs: Math.round(elapsedMs) } });
}

export function recordStepDown(session: VideoSession): VideoResult {
  if (session.status === 'ended') return { ok: false, error: 'video_ended' };
  return bump(session, { stepDowns: session.stepDowns + 1 });
}

export function addSnapshot(session: VideoSession, photoKey: string): VideoResult {
  if (session.status !== 'joined') return { ok: false, error: 'video_not_joined' };
  return bump(session, { snapshots: [...session.snapshots, photoKey] });
}

/** Ending twice is not an error: both sides may press End call at once, and Chime reports the end too. */
export function endVideo(session: VideoSession, reason: VideoEndReason, now: Date): VideoResult {
  if (session.status === 'ended') return { ok: true, session };
  return bump(session, { status: 'ended', endReason: reason, endedAt: now.toISOString() });
}

/** The agent's verdict, once per call; the policy decision that followed is stored with it. */
export function setOutcome(
  session: VideoSession,
  input: { outcome: VideoOutcome; agentId: string; decision: string; now: Date },
): VideoResult {
  if (session.agent.principal !== input.agentId) return { ok: false, error: 'video_forbidden' };
  if (!session.joinedAt) return { ok: false, error: 'video_not_joined' };
  if (session.outcome) return { ok: false, error: 'video_outcome_refused' };
  return bump(session, {
    outcome: input.outcome,
    outcomeBy: input.agentId,
    outcomeAt: input.now.toISOString(),
    outcomeDecision: input.decision,
  });
}

/** Seconds both parties were on the call, for analytics; null when they never met. */
export function callDurationSeconds(session: VideoSession): number | null {
  if (!session.joinedAt || !session.endedAt) return null;
  return Math.max(0, Math.round((Date.parse(session.endedAt) - Date.parse(session.joinedAt)) / 1000));
}

/** Which party a principal is on this call, if any. */
export function partyOf(session: VideoSession, principal: string): VideoParty | undefined {
  if (session.shopper.principal === principal) return 'shopper';
  if (session.agent.principal === principal) return 'agent';
  return undefined;
}

export const otherParty = (party: VideoParty): VideoParty => (party === 'shopper' ? 'agent' : 'shopper');
