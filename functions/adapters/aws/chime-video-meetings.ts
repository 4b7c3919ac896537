import {
  type Attendee,
  type ChimeSDKMeetingsClient,
  CreateMeetingWithAttendeesCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  NotFoundException,
} from '@aws-sdk/client-chime-sdk-meetings';
import type { VideoParty } from '../../core/video/session';
import type { CreatedMeeting, CreateMeetingInput, JoinInfo, VideoMeetings } from '../../ports/video-meetings';

/** Camera and microphone both ways; no screen or content share on a verification call. */
const CAPABILITIES = { Audio: 'SendReceive', Video: 'SendReceive', Content: 'None' } as const;

/** Chime's ExternalUserId: the party and call, never a customer id (it shows in Chime's events and logs). */
export const externalUserId = (party: VideoParty, callId: string) => `${party}-${callId}`.slice(0, 64);

export class ChimeMeetingError extends Error {
  constructor(readonly reason: 'attendee_not_created' | 'incomplete_response') {
    super(`Chime meeting could not be prepared: ${reason}`);
    this.name = 'ChimeMeetingError';
  }
}

/**
 * Amazon Chime SDK meetings: one meeting per call, one attendee per party, HD video and no content share,
 * media in the region chosen for the shopper. The callId is the ClientRequestToken, so a retried create
 * returns the same meeting instead of opening a second one.
 */
export class ChimeVideoMeetings implements VideoMeetings {
  readonly mode = 'chime' as const;

  constructor(private readonly client: ChimeSDKMeetingsClient) {}

  async create(input: CreateMeetingInput): Promise<CreatedMeeting> {
    const shopperUser = externalUserId('shopper', input.callId);
    const agentUser = externalUserId('agent', input.callId);
    const response = await this.client.send(
      new CreateMeetingWithAttendeesCommand({
        ClientRequestToken: input.callId,
        MediaRegion: input.mediaRegion,
        ExternalMeetingId: input.caseId,
        MeetingFeatures: {
          Audio: { EchoReduction: 'UNAVAILABLE' },
          Video: { MaxResolution: 'HD' },
          Content: { MaxResolution: 'None' },
          Attendee: { MaxCount: 2 },
        },
        Attendees: [
          { ExternalUserId: shopperUser, Capabilities: CAPABILITIES },
          { ExternalUserId: agentUser, Capabilities: CAPABILITIES },
        ],
      }),
    );
    if (response.Errors?.length) throw new ChimeMeetingError('attendee_not_created');
    const meeting = response.Meeting;
    const shopper = response.Attendees?.find((a) => a.ExternalUserId === shopperUser);
    const agent = response.Attendees?.find((a) => a.ExternalUserId === agentUser);
    if (!meeting?.MeetingId || !meeting.MediaRegion || !shopper?.AttendeeId || !agent?.AttendeeId)
      throw new ChimeMeetingError('incomplete_response');
    const asRecord = (value: object) => value as Record<string, unknown>;
    return {
      meetingId: meeting.MeetingId,
      mediaRegion: meeting.MediaRegion,
      join: {
        shopper: { mode: 'chime', meeting: asRecord(meeting), attendee: attendeeInfo(shopper) },
        agent: { mode: 'chime', meeting: asRecord(meeting), attendee: attendeeInfo(agent) },
      },
    };
  }

  async rejoin(meetingId: string, _party: VideoParty, attendeeId: string): Promise<JoinInfo> {
    const [meeting, attendee] = await Promise.all([
      this.client.send(new GetMeetingCommand({ MeetingId: meetingId })),
      this.client.send(new GetAttendeeCommand({ MeetingId: meetingId, AttendeeId: attendeeId })),
    ]);
    if (!meeting.Meeting || !attendee.Attendee) throw new ChimeMeetingError('incomplete_response');
    return {
      mode: 'chime',
      meeting: meeting.Meeting as Record<string, unknown>,
      attendee: attendeeInfo(attendee.Attendee),
    };
  }

  async end(meetingId: string): Promise<void> {
    try {
      await this.client.send(new DeleteMeetingCommand({ MeetingId: meetingId }));
    } catch (error) {
      // Chime already ended it (everyone left for 5 minutes, or 24 hours passed): the goal is reached.
      if (error instanceof NotFoundException) return;
      throw error;
    }
  }
}

function attendeeInfo(attendee: Attendee): Record<string, unknown> {
  return {
    AttendeeId: attendee.AttendeeId,
    ExternalUserId: attendee.ExternalUserId,
    JoinToken: attendee.JoinToken,
  };
}
