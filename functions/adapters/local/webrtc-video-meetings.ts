import { randomUUID } from 'node:crypto';
import type { VideoParty } from '../../core/video/session';
import type { CreatedMeeting, CreateMeetingInput, JoinInfo, VideoMeetings } from '../../ports/video-meetings';

/**
 * The embedded default: the two browsers connect to each other (WebRTC on loopback or the LAN) and the
 * chat socket carries their signalling, so a "meeting" is only the ids the peers address each other by.
 */
export class WebRtcVideoMeetings implements VideoMeetings {
  readonly mode = 'webrtc' as const;

  async create(input: CreateMeetingInput): Promise<CreatedMeeting> {
    const meetingId = `local-${input.callId}`;
    const peer = (): JoinInfo => ({ mode: 'webrtc', meetingId, attendeeId: randomUUID() });
    return { meetingId, mediaRegion: 'local', join: { shopper: peer(), agent: peer() } };
  }

  async rejoin(meetingId: string, _party: VideoParty, attendeeId: string): Promise<JoinInfo> {
    return { mode: 'webrtc', meetingId, attendeeId };
  }

  async end(): Promise<void> {
    // Nothing holds media here: the peers close their connections when they hear the call ended.
  }
}
