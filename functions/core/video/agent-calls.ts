import { ownedOrder } from '../auth/guest-principal';
import { supportedLanguageOf } from '../nlu/languages';
import { isOwnPhoto, newPhotoKey } from '../photos/photo-keys';
import { MAX_PHOTO_BYTES } from '../protocol';
import {
  fail,
  handleSharedFrame,
  isSharedFrame,
  joinedSession,
  update,
  type VideoCaller,
  type VideoDeps,
} from './calls';
import { decideVideoOutcome, describeDecision, outcomeText } from './outcome';
import { readVideoFrame, type VideoEvent, type VideoFrame } from './protocol';
import { addSnapshot, setOutcome } from './session';

type AgentCaller = Extract<VideoCaller, { party: 'agent' }>;

/**
 * Every frame from the agents' console socket: the shared call frames, plus the agent's own snapshots and
 * outcomes (the after-sales decision and its texts, which the shopper's route never carries).
 */
export async function handleAgentVideoFrame(
  deps: VideoDeps,
  caller: AgentCaller,
  body: string | null | undefined,
): Promise<VideoEvent> {
  const read = readVideoFrame(body);
  if (!read.ok) return read.error;
  const frame = read.frame;
  if (isSharedFrame(frame)) return handleSharedFrame(deps, caller, frame);
  return frame.action === 'videoSnapshot'
    ? snapshot(deps, caller, frame)
    : decideOutcome(deps, caller, frame);
}

async function snapshot(
  deps: VideoDeps,
  caller: AgentCaller,
  frame: Extract<VideoFrame, { action: 'videoSnapshot' }>,
): Promise<VideoEvent> {
  const found = await joinedSession(deps, caller, frame.callId);
  if (!found.ok) return found.error;
  const { session } = found;
  if (frame.key === undefined) {
    if (!frame.contentType || !frame.bytes) return fail('invalid_video_frame', frame.callId);
    // Snapshots are the shopper's photos on the case: under their owner prefix, like their own uploads.
    const key = newPhotoKey(session.customerId, frame.contentType);
    const grant = await deps.photos.grantUpload({
      key,
      contentType: frame.contentType,
      maxBytes: MAX_PHOTO_BYTES,
      expiresInSeconds: 300,
    });
    return {
      type: 'videoSnapshotUpload',
      requestId: frame.requestId,
      callId: frame.callId,
      key,
      maxBytes: MAX_PHOTO_BYTES,
      ...grant,
    };
  }
  const key = frame.key;
  if (!isOwnPhoto(session.customerId, key) || !(await deps.photos.exists(key)))
    return fail('invalid_video_frame', frame.callId);
  const result = await update(deps, frame.callId, (current) => addSnapshot(current, key));
  if (!result.ok) return fail(result.error, frame.callId);
  const seq = await deps.conversations.reserveSequences(session.caseId, 1);
  await deps.conversations.putMessage({
    sessionId: session.caseId,
    seq,
    role: 'agent',
    text: 'Snapshot from the video call',
    createdAt: deps.now().toISOString(),
    attachments: [{ key }],
  });
  return { type: 'videoSnapshot', callId: frame.callId, key };
}

async function decideOutcome(
  deps: VideoDeps,
  caller: AgentCaller,
  frame: Extract<VideoFrame, { action: 'videoOutcome' }>,
): Promise<VideoEvent> {
  const current = await deps.sessions.getById(frame.callId);
  if (!current) return fail('video_not_found', frame.callId);
  const now = deps.now();
  // An order of another customer is not this case's: the decision is made without it.
  const own = frame.orderId ? await ownedOrder(deps.orders, current.customerId, frame.orderId) : undefined;
  const { policy } = await deps.policy.get();
  const decision = decideVideoOutcome(frame.outcome, {
    policy,
    now,
    ...(own ? { order: own } : {}),
    ...(frame.sku ? { sku: frame.sku } : {}),
  });
  const described = describeDecision(decision);
  const result = await update(deps, frame.callId, (session) =>
    setOutcome(session, { outcome: frame.outcome, agentId: caller.agentId, decision: described, now }),
  );
  if (!result.ok) return fail(result.error, frame.callId);
  const conversation = await deps.conversations.getSession(current.caseId);
  const lang = supportedLanguageOf(conversation?.language) ?? 'en';
  const text = outcomeText(lang, frame.outcome, decision);
  const seq = await deps.conversations.reserveSequences(current.caseId, 1);
  await deps.conversations.putMessage({
    sessionId: current.caseId,
    seq,
    role: 'system',
    text,
    createdAt: now.toISOString(),
    language: lang,
  });
  const event: VideoEvent = {
    type: 'videoOutcome',
    callId: frame.callId,
    outcome: frame.outcome,
    text,
    decision: described,
  };
  const shopperConnection = conversation?.connectionId ?? result.session.shopper.connectionId;
  if (shopperConnection) await deps.push.send('shopper', shopperConnection, event);
  return event;
}
