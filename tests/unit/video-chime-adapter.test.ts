import type { Attendee, Meeting } from '@aws-sdk/client-chime-sdk-meetings';
import {
  ChimeSDKMeetingsClient,
  CreateMeetingWithAttendeesCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  NotFoundException,
} from '@aws-sdk/client-chime-sdk-meetings';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeChimeEvent } from '../../functions/adapters/aws/chime-meeting-events';
import { ChimeMeetingError, ChimeVideoMeetings } from '../../functions/adapters/aws/chime-video-meetings';

const chime = mockClient(ChimeSDKMeetingsClient);
beforeEach(() => chime.reset());

const CALL = 'v-AbCdEfGhIjKlMnOp';
const MEETING: Meeting & { MeetingId: string } = {
  MeetingId: '4e9a7b1c-5f2d-4b8e-9c3a-1d2e3f4a5b6c',
  ExternalMeetingId: 's-7f1b0c2e-case',
  MediaRegion: 'ap-southeast-1',
  MediaPlacement: {
    AudioHostUrl: '7c2b1a0d.k.m1.as1.app.chime.aws:3478',
    AudioFallbackUrl: 'wss://wss.k.m1.as1.app.chime.aws:443/calls/4e9a7b1c-5f2d-4b8e-9c3a-1d2e3f4a5b6c',
    SignalingUrl: 'wss://signal.m1.as1.app.chime.aws/control/4e9a7b1c-5f2d-4b8e-9c3a-1d2e3f4a5b6c',
    TurnControlUrl: 'https://2713.cell.us-east-1.meetings.chime.aws/v2/turn_sessions',
    EventIngestionUrl: 'https://data.svc.as1.ingest.chime.aws/v1/client-events',
  },
  MeetingFeatures: {
    Audio: { EchoReduction: 'UNAVAILABLE' },
    Video: { MaxResolution: 'HD' },
    Content: { MaxResolution: 'None' },
  },
  MeetingArn: 'arn:aws:chime:us-east-1:111122223333:meeting/4e9a7b1c-5f2d-4b8e-9c3a-1d2e3f4a5b6c',
  TenantIds: [],
};
const attendee = (party: string, id: string): Attendee => ({
  ExternalUserId: `${party}-${CALL}`,
  AttendeeId: id,
  JoinToken: `${id}-secret-join-token`,
  Capabilities: { Audio: 'SendReceive', Video: 'SendReceive', Content: 'None' },
});

const input = {
  caseId: 's-7f1b0c2e-case',
  callId: CALL,
  mediaRegion: 'ap-southeast-1',
  shopperUserId: 'shopper',
  agentUserId: 'agent',
};

describe('the Chime video meetings adapter', () => {
  it('creates one meeting with the case as ExternalMeetingId, HD video, no content share and an attendee per party', async () => {
    chime.on(CreateMeetingWithAttendeesCommand).resolves({
      Meeting: MEETING,
      Attendees: [attendee('shopper', 'a-shopper-1'), attendee('agent', 'a-agent-1')],
      Errors: [],
    });
    const created = await new ChimeVideoMeetings(new ChimeSDKMeetingsClient({ region: 'us-east-1' })).create(
      input,
    );

    const sent = chime.commandCalls(CreateMeetingWithAttendeesCommand)[0]?.args[0].input;
    expect(sent).toMatchObject({
      ClientRequestToken: CALL,
      ExternalMeetingId: 's-7f1b0c2e-case',
      MediaRegion: 'ap-southeast-1',
      MeetingFeatures: { Video: { MaxResolution: 'HD' }, Content: { MaxResolution: 'None' } },
    });
    expect(sent?.Attendees).toHaveLength(2);
    for (const a of sent?.Attendees ?? [])
      expect(a.Capabilities).toEqual({ Audio: 'SendReceive', Video: 'SendReceive', Content: 'None' });
    // No customer id goes to Chime: attendees are named by party and call.
    expect(sent?.Attendees?.map((a) => a.ExternalUserId)).toEqual([`shopper-${CALL}`, `agent-${CALL}`]);
    expect(created.meetingId).toBe(MEETING.MeetingId);
    expect(created.join.shopper).toMatchObject({
      mode: 'chime',
      attendee: { AttendeeId: 'a-shopper-1', JoinToken: 'a-shopper-1-secret-join-token' },
    });
    expect(created.join.agent).toMatchObject({ mode: 'chime', attendee: { AttendeeId: 'a-agent-1' } });
  });

  it('refuses a meeting whose attendees could not all be created', async () => {
    chime.on(CreateMeetingWithAttendeesCommand).resolves({
      Meeting: MEETING,
      Attendees: [attendee('shopper', 'a-shopper-1')],
      Errors: [
        { ExternalUserId: `agent-${CALL}`, ErrorCode: 'LimitExceeded', ErrorMessage: 'Too many attendees' },
      ],
    });
    await expect(new ChimeVideoMeetings(new ChimeSDKMeetingsClient({})).create(input)).rejects.toBeInstanceOf(
      ChimeMeetingError,
    );
  });

  it('gives a dropped party its join information again from GetMeeting and GetAttendee', async () => {
    chime.on(GetMeetingCommand).resolves({ Meeting: MEETING });
    chime.on(GetAttendeeCommand).resolves({ Attendee: attendee('shopper', 'a-shopper-1') });
    const join = await new ChimeVideoMeetings(new ChimeSDKMeetingsClient({})).rejoin(
      MEETING.MeetingId,
      'shopper',
      'a-shopper-1',
    );
    expect(join).toMatchObject({ mode: 'chime', attendee: { AttendeeId: 'a-shopper-1' } });
    expect(chime.commandCalls(GetAttendeeCommand)[0]?.args[0].input).toEqual({
      MeetingId: MEETING.MeetingId,
      AttendeeId: 'a-shopper-1',
    });
  });

  it('ends a meeting with DeleteMeeting, and treats one Chime already ended as ended', async () => {
    chime
      .on(DeleteMeetingCommand)
      .resolvesOnce({})
      .rejectsOnce(new NotFoundException({ message: 'The meeting does not exist', $metadata: {} }));
    const meetings = new ChimeVideoMeetings(new ChimeSDKMeetingsClient({}));
    await meetings.end(MEETING.MeetingId);
    await meetings.end(MEETING.MeetingId);
    expect(chime.commandCalls(DeleteMeetingCommand)).toHaveLength(2);
  });

  it('passes other DeleteMeeting failures on', async () => {
    chime.on(DeleteMeetingCommand).rejects(new Error('ServiceUnavailable'));
    await expect(new ChimeVideoMeetings(new ChimeSDKMeetingsClient({})).end('m-1')).rejects.toThrow(
      'ServiceUnavailable',
    );
  });
});

describe('Chime meeting events from EventBridge', () => {
  const base = {
    version: '0',
    id: '5b0d3d4a-0b1c-4d2e-8f3a-9b8c7d6e5f4a',
    source: 'aws.chime',
    account: '111122223333',
    time: '2026-12-05T18:00:00Z',
    region: 'us-east-1',
    resources: [],
    'detail-type': 'Chime Meeting State Change',
  };
  const detail = {
    version: '0',
    timestamp: 1796493600000,
    meetingId: MEETING.MeetingId,
    externalMeetingId: 's-7f1b0c2e-case',
    mediaRegion: 'ap-southeast-1',
  };

  it('decodes an attendee joining into the party that joined', () => {
    expect(
      decodeChimeEvent({
        ...base,
        detail: {
          ...detail,
          eventType: 'chime:AttendeeJoined',
          attendeeId: 'a-agent-1',
          externalUserId: `agent-${CALL}`,
        },
      }),
    ).toEqual({
      kind: 'attendee_joined',
      caseId: 's-7f1b0c2e-case',
      meetingId: MEETING.MeetingId,
      party: 'agent',
      eventId: base.id,
    });
  });

  it('decodes the meeting ending, and ignores events that are not ours', () => {
    expect(decodeChimeEvent({ ...base, detail: { ...detail, eventType: 'chime:MeetingEnded' } })).toEqual({
      kind: 'meeting_ended',
      caseId: 's-7f1b0c2e-case',
      meetingId: MEETING.MeetingId,
    });
    expect(
      decodeChimeEvent({
        ...base,
        detail: { ...detail, eventType: 'chime:AttendeeJoined', externalUserId: 'someone-else' },
      }),
    ).toBeUndefined();
    expect(
      decodeChimeEvent({ ...base, source: 'aws.s3', detail: { ...detail, eventType: 'chime:MeetingEnded' } }),
    ).toBeUndefined();
  });
});
