import * as z from 'zod';
import type { JoinInfo } from '../../ports/video-meetings';
import { PHOTO_CONTENT_TYPES, PHOTO_KEY_PATTERN } from '../protocol';
import { wellFormedDeep } from '../unicode';
import { VIDEO_OUTCOMES, type VideoErrorCode, type VideoOutcome, type VideoStatus } from './session';

/**
 * Video frames on the chat socket (shopper) and the console socket (agent). The same actions and checks in
 * both modes; locally `videoSignal` also carries the WebRTC offer, answer and ICE candidates between peers.
 */

/** A browser's SDP for one audio and one video track is 3-8 KB; the cap leaves room but not abuse. */
export const MAX_SDP_CHARS = 16_000;
export const MAX_CANDIDATE_CHARS = 1_000;
/** A whole video frame stays well under API Gateway's 32 KB frame quota. */
export const MAX_VIDEO_FRAME_BYTES = 20 * 1024;

const id = (name: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, `${name} must be 8-64 URL-safe characters`);
export const CallIdSchema = id('callId');

const StartVideoSchema = z.object({
  action: z.literal('startVideo'),
  requestId: id('requestId'),
  /** Agents start a call on a conversation; a shopper's own conversation is their connection's. */
  caseId: id('caseId').optional(),
  /** Only asked when the seller records calls; true means the shopper agreed. */
  recordingConsent: z.boolean().optional(),
  /** The shopper accepted the assistant's proposal card rather than tapping the button. */
  via: z.literal('assistant').optional(),
});

const AcceptVideoSchema = z.object({ action: z.literal('acceptVideo'), callId: CallIdSchema });
const JoinVideoSchema = z.object({
  action: z.literal('joinVideo'),
  callId: CallIdSchema,
  ticket: z.string().min(20).max(2000),
});

const SignalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(MAX_SDP_CHARS) }),
  z.object({
    kind: z.literal('ice'),
    candidate: z.string().max(MAX_CANDIDATE_CHARS),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  }),
]);
export type VideoSignal = z.infer<typeof SignalSchema>;

const VideoSignalSchema = z.object({
  action: z.literal('videoSignal'),
  callId: CallIdSchema,
  signal: SignalSchema,
});

const VideoReportSchema = z.object({
  action: z.literal('videoReport'),
  callId: CallIdSchema,
  /** From the tap that started the call (or accepted it) to this side's first decoded remote frame. */
  firstFrameMs: z.number().nonnegative().max(600_000).optional(),
  stepDown: z.literal(true).optional(),
});

const EndVideoSchema = z.object({ action: z.literal('endVideo'), callId: CallIdSchema });

const VideoSnapshotSchema = z.object({
  action: z.literal('videoSnapshot'),
  callId: CallIdSchema,
  requestId: id('requestId'),
  /** Ask for an upload grant (contentType, bytes), then confirm the uploaded key. */
  contentType: z.enum(PHOTO_CONTENT_TYPES).optional(),
  bytes: z
    .number()
    .int()
    .positive()
    .max(5 * 1024 * 1024)
    .optional(),
  key: z.string().regex(PHOTO_KEY_PATTERN).optional(),
});

const VideoOutcomeSchema = z.object({
  action: z.literal('videoOutcome'),
  callId: CallIdSchema,
  outcome: z.enum(VIDEO_OUTCOMES),
  orderId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/)
    .optional(),
  sku: z.string().min(1).max(100).optional(),
});

export const VideoFrameSchema = z.discriminatedUnion('action', [
  StartVideoSchema,
  AcceptVideoSchema,
  JoinVideoSchema,
  VideoSignalSchema,
  VideoReportSchema,
  EndVideoSchema,
  VideoSnapshotSchema,
  VideoOutcomeSchema,
]);
export type VideoFrame = z.infer<typeof VideoFrameSchema>;
export type VideoAction = VideoFrame['action'];
export const VIDEO_ACTIONS: readonly VideoAction[] = [
  'startVideo',
  'acceptVideo',
  'joinVideo',
  'videoSignal',
  'videoReport',
  'endVideo',
  'videoSnapshot',
  'videoOutcome',
];

/** Events the server sends about a call. `videoJoin` holds secrets: it goes only to its own party. */
export type VideoEvent =
  | { type: 'videoJoin'; callId: string; caseId: string; ticket: string; join: JoinInfo; startedAt: string }
  | {
      type: 'videoState';
      callId: string;
      caseId: string;
      status: VideoStatus;
      startedBy: string;
      /** Who makes the WebRTC offer once both are in: the party that joined last (locally; Chime needs none). */
      offerer?: 'shopper' | 'agent';
      peerJoined?: boolean;
    }
  /** `mode` lets the ringing side fetch the right call chunk before anyone taps. */
  | { type: 'videoIncoming'; callId: string; caseId: string; startedBy: string; mode: 'webrtc' | 'chime' }
  | { type: 'videoSignal'; callId: string; signal: VideoSignal }
  | { type: 'videoEnded'; callId: string; reason: string }
  | { type: 'videoOutcome'; callId: string; outcome: VideoOutcome; text: string; decision: string }
  | {
      type: 'videoUnavailable';
      requestId: string;
      /** When a person is expected; absent when unknown. */
      nextAgentAt?: string;
      text: string;
      offerPhotos: true;
    }
  | {
      type: 'videoSnapshotUpload';
      requestId: string;
      callId: string;
      key: string;
      url: string;
      fields: Record<string, string>;
      maxBytes: number;
      expiresAt: string;
    }
  | { type: 'videoSnapshot'; callId: string; key: string }
  | { type: 'videoAck'; callId: string; action: VideoAction }
  | { type: 'videoError'; code: VideoErrorCode; message: string; callId?: string };

export function videoError(code: VideoErrorCode, message: string, callId?: string): VideoEvent {
  return callId ? { type: 'videoError', code, message, callId } : { type: 'videoError', code, message };
}

export type VideoFrameRead = { ok: true; frame: VideoFrame } | { ok: false; error: VideoEvent };

/** Size, JSON, then shape: a bad frame gets a typed error and reaches no use case. */
export function readVideoFrame(body: string | null | undefined): VideoFrameRead {
  const raw = body ?? '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_VIDEO_FRAME_BYTES)
    return {
      ok: false,
      error: videoError(
        'video_frame_too_large',
        `A video frame may be at most ${MAX_VIDEO_FRAME_BYTES / 1024} KB.`,
      ),
    };
  let value: unknown;
  try {
    // A SKU or an SDP line is text from outside too: made well-formed like shopper text (core/unicode.ts).
    value = wellFormedDeep(JSON.parse(raw));
  } catch {
    return { ok: false, error: videoError('invalid_video_frame', 'The frame is not valid JSON.') };
  }
  const parsed = VideoFrameSchema.safeParse(value);
  if (!parsed.success) {
    // Field paths only: the values may hold SDP, which is never echoed or logged.
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'frame'))];
    return { ok: false, error: videoError('invalid_video_frame', `Invalid fields: ${fields.join(', ')}.`) };
  }
  return { ok: true, frame: parsed.data };
}

export type { VideoOutcome };
