import type { VideoParty, VideoSession } from '../core/video/session';

/**
 * What a browser needs to join a call. In AWS: Chime's Meeting and Attendee objects as the SDK returns
 * them (for amazon-chime-sdk-js). Locally: the peer id for WebRTC signalling over the chat socket.
 * Secret (the attendee join token): sent only to that party's own socket, never logged.
 */
export type JoinInfo =
  | { mode: 'chime'; meeting: Record<string, unknown>; attendee: Record<string, unknown> }
  | { mode: 'webrtc'; meetingId: string; attendeeId: string };

export interface CreatedMeeting {
  meetingId: string;
  mediaRegion: string;
  join: Record<VideoParty, JoinInfo>;
}

export interface CreateMeetingInput {
  /** The case, as ExternalMeetingId: Chime's events carry it back. */
  caseId: string;
  /** Idempotency: a retried create returns the same meeting. */
  callId: string;
  mediaRegion: string;
  shopperUserId: string;
  agentUserId: string;
}

export interface VideoMeetings {
  readonly mode: 'chime' | 'webrtc';
  create(input: CreateMeetingInput): Promise<CreatedMeeting>;
  /** Join information again for a party who dropped (reconnect without a new invite). */
  rejoin(meetingId: string, party: VideoParty, attendeeId: string): Promise<JoinInfo>;
  /** Ends the meeting for everyone; ending one already gone is not an error. */
  end(meetingId: string): Promise<void>;
}

export interface VideoSessionRepository {
  /** Fails with 'exists' when the call id is taken. */
  create(session: VideoSession): Promise<'created' | 'exists'>;
  getById(callId: string): Promise<VideoSession | undefined>;
  /** The newest call on a case, if any. */
  latestForCase(caseId: string): Promise<VideoSession | undefined>;
  /** Saved only if the stored version is `session.version - 1`: a concurrent change wins, this one is stale. */
  save(session: VideoSession): Promise<'saved' | 'stale'>;
}

/** Video events to one party's socket (the shopper's chat API, or the agent's console API). */
export interface VideoPush {
  send(party: VideoParty, connectionId: string, event: object): Promise<'delivered' | 'gone'>;
}

/**
 * Agents who could take a call now and when the next one will be: read from the console's presence and
 * connections and the store policy's desk hours (no presence record of video's own).
 */
export interface AgentAvailability {
  /** Console connections of agents who are online now: where an incoming call rings. */
  onlineAgentConnections(): Promise<string[]>;
  /** When someone is expected (an instant, and how to say it in the shopper's language), if known. */
  nextAvailableAt(now: Date, language: string): Promise<{ at: string; label: string } | undefined>;
}
