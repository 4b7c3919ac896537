import type { MeetingEvent } from '../../core/video/calls';

/**
 * Chime SDK meeting events as EventBridge delivers them (`source: aws.chime`, detail-type
 * `Chime Meeting State Change`), decoded into the domain's meeting events. Attendees are told apart by
 * the ExternalUserId the adapter gave them (`shopper-<callId>`, `agent-<callId>`); the case is the
 * ExternalMeetingId. Anything else is not ours and decodes to nothing.
 */
export interface ChimeMeetingStateChange {
  id: string;
  source: string;
  'detail-type': string;
  detail: {
    eventType?: string;
    meetingId?: string;
    externalMeetingId?: string;
    attendeeId?: string;
    externalUserId?: string;
  };
}

export function decodeChimeEvent(event: ChimeMeetingStateChange): MeetingEvent | undefined {
  if (event.source !== 'aws.chime' || event['detail-type'] !== 'Chime Meeting State Change') return undefined;
  const { eventType, meetingId, externalMeetingId: caseId, externalUserId } = event.detail ?? {};
  if (!meetingId || !caseId) return undefined;
  if (eventType === 'chime:MeetingEnded') return { kind: 'meeting_ended', caseId, meetingId };
  if (eventType === 'chime:AttendeeJoined') {
    const party = externalUserId?.startsWith('shopper-')
      ? 'shopper'
      : externalUserId?.startsWith('agent-')
        ? 'agent'
        : undefined;
    if (!party) return undefined;
    return { kind: 'attendee_joined', caseId, meetingId, party, eventId: event.id };
  }
  return undefined;
}
