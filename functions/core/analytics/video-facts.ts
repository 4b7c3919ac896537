import { FACT_SCHEMA_VERSION, partitionDay, type VideoFact } from './facts';
import {
  dataOf,
  MalformedStoreItemError,
  optionalInstant,
  requireInstant,
  requireString,
  type StoreImage,
} from './store-items';

/**
 * Video facts from Store stream images of call items (`pk VIDEO#<callId>`, type 'video'; see the DynamoDB
 * video session repository): one row when a call changes status or gets its outcome. Readers keep the
 * latest row per call_id. No join information, SDP or customer id is in the item's analysed fields.
 */
export const isVideoImage = (image: StoreImage | undefined): image is StoreImage => image?.type === 'video';

export function isVideoStateChange(oldImage: StoreImage | undefined, newImage: StoreImage): boolean {
  if (!isVideoImage(oldImage)) return true;
  return oldImage.status !== newImage.status || (oldImage.outcome ?? null) !== (newImage.outcome ?? null);
}

const optionalNumber = (value: unknown, what: string): number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new MalformedStoreItemError(`${what} is not a number`);
  return value;
};

const party = (session: StoreImage, name: 'shopper' | 'agent'): StoreImage => {
  const value = session[name];
  return typeof value === 'object' && value !== null ? (value as StoreImage) : {};
};

export function toVideoFact(image: StoreImage): VideoFact {
  const session = dataOf(image, 'video item');
  const status = requireString(image.status ?? session.status, 'video item: status');
  if (!['invited', 'joined', 'ended'].includes(status))
    throw new MalformedStoreItemError('video item: unknown status');
  const invitedAt = requireInstant(session.invitedAt, 'video item: invitedAt');
  const joinedAt = optionalInstant(session.joinedAt, 'video item: joinedAt');
  const endedAt = optionalInstant(session.endedAt, 'video item: endedAt');
  const updatedAt = requireInstant(image.updatedAt ?? invitedAt, 'video item: updatedAt');
  const duration =
    joinedAt && endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(joinedAt)) / 1000)) : null;
  const outcome = image.outcome ?? session.outcome;
  return {
    schema_version: FACT_SCHEMA_VERSION,
    call_id: requireString(session.callId, 'video item: callId'),
    conversation_id: requireString(session.caseId, 'video item: caseId'),
    started_by: requireString(session.startedBy, 'video item: startedBy'),
    status,
    outcome: typeof outcome === 'string' ? outcome : null,
    outcome_decision: typeof session.outcomeDecision === 'string' ? session.outcomeDecision : null,
    media_region: requireString(session.mediaRegion, 'video item: mediaRegion'),
    invited_at: invitedAt,
    joined_at: joinedAt,
    ended_at: endedAt,
    duration_seconds: duration,
    shopper_first_frame_ms: optionalNumber(
      party(session, 'shopper').firstFrameMs,
      'video item: firstFrameMs',
    ),
    agent_first_frame_ms: optionalNumber(party(session, 'agent').firstFrameMs, 'video item: firstFrameMs'),
    step_downs: optionalNumber(session.stepDowns, 'video item: stepDowns') ?? 0,
    snapshots: Array.isArray(session.snapshots) ? session.snapshots.length : 0,
    end_reason: typeof session.endReason === 'string' ? session.endReason : null,
    updated_at: updatedAt,
    dt: partitionDay(updatedAt),
  };
}
