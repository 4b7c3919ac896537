import * as z from 'zod';
import type { VideoCallCard } from './video/proposal';

/** API Gateway's WebSocket frame quota; the application refuses bigger bodies with a typed error. */
export const MAX_FRAME_BYTES = 32 * 1024;
/** API Gateway's WebSocket message quota; bigger messages close the connection (1009), as in AWS. */
export const MAX_MESSAGE_BYTES = 128 * 1024;
/** Longest shopper text the assistant reads; longer texts are refused, not truncated silently. */
export const MAX_TEXT_CHARS = 10_000;

/** Photos a shopper uploads: compressed in the browser, stored in S3 (or the local folder), never sent over the socket. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];
/** A 1600 px photo compressed by the widget is well under 1 MB; the cap leaves room for PNG screenshots. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 4;
/** Keys are made by the server: `photos/<owner hash>/<uuid>.<ext>`; anything else is not one of ours. */
export const PHOTO_KEY_PATTERN = /^photos\/[0-9a-f]{16}\/[0-9a-f-]{36}\.(jpg|webp|png)$/;

const clientId = (name: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, `${name} must be 8-64 URL-safe characters`);

export const AttachmentSchema = z.object({
  key: z.string().regex(PHOTO_KEY_PATTERN, 'attachment key must be one returned by requestUpload'),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const RequestUploadSchema = z.object({
  action: z.literal('requestUpload'),
  requestId: clientId('requestId'),
  contentType: z.enum(PHOTO_CONTENT_TYPES, {
    error: `contentType must be one of ${PHOTO_CONTENT_TYPES.join(', ')}`,
  }),
  bytes: z
    .number()
    .int()
    .positive()
    .max(MAX_PHOTO_BYTES, `a photo may be at most ${MAX_PHOTO_BYTES} bytes; compress it first`),
});
export type RequestUpload = z.infer<typeof RequestUploadSchema>;

export const SendMessageSchema = z.object({
  action: z.literal('sendMessage'),
  clientMessageId: clientId('clientMessageId'),
  text: z
    .string({ error: 'text is required' })
    .trim()
    .min(1, 'text must not be empty')
    .max(MAX_TEXT_CHARS, `text must be at most ${MAX_TEXT_CHARS} characters`),
  locale: z.string().max(35).optional(),
  attachments: z
    .array(AttachmentSchema)
    .max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments per message`)
    .optional(),
});
export type SendMessage = z.infer<typeof SendMessageSchema>;

/** Cursors are stored zero-padded to 12 digits; a bigger one cannot name a message. */
export const MAX_CURSOR = 999_999_999_999;

export const ResumeSchema = z.object({
  action: z.literal('resume'),
  /** The resume cursor (see docs/protocol.md, "Resuming"); 0 for none. */
  cursor: z
    .number({ error: 'cursor must be a number' })
    .int('cursor must be a whole number')
    .nonnegative('cursor must not be negative')
    .max(MAX_CURSOR, `cursor must be at most ${MAX_CURSOR}`),
});
export type Resume = z.infer<typeof ResumeSchema>;

export const ERROR_CODES = [
  'invalid_json',
  'unknown_action',
  'invalid_message',
  'payload_too_large',
  'duplicate_message',
  'invalid_attachment',
  'forbidden',
  'rate_limited',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ServerEvent =
  | {
      type: 'ack';
      clientMessageId: string;
      sessionId: string;
      cursor: number;
    }
  | {
      type: 'message';
      role: 'shopper' | 'assistant' | 'agent' | 'system';
      sessionId: string;
      cursor: number;
      text: string;
      createdAt: string;
      clientMessageId?: string;
      replyTo?: string;
      language?: string;
      intent?: string;
      attachments?: Attachment[];
      /** Agent messages and system events: the first name of the person from the seller's team. */
      agentName?: string;
      /** The assistant offers a video call (docs/video.md): accepting it is `startVideo` with `via: "assistant"`. */
      card?: VideoCallCard;
    }
  | { type: 'delta'; sessionId: string; replyTo: string; text: string }
  /** The people's side of the conversation (docs/protocol.md): waiting, a person joined, handed back. */
  | {
      type: 'handoff';
      sessionId: string;
      state: 'waiting' | 'joined' | 'handed_back' | 'resolved';
      agentName?: string;
      position?: number;
      expectedWaitMinutes?: number;
    }
  | { type: 'agentTyping'; sessionId: string; agentName?: string }
  | { type: 'typing'; sessionId: string; replyTo: string }
  | {
      type: 'upload';
      requestId: string;
      key: string;
      /** A multipart POST of `fields` then the file, as for an S3 presigned POST. */
      url: string;
      fields: Record<string, string>;
      maxBytes: number;
      expiresAt: string;
    }
  | { type: 'resumed'; sessionId: string; cursor: number; replayed: number }
  | { type: 'pong'; at: string }
  | { type: 'error'; code: ErrorCode; message: string; clientMessageId?: string };

export function errorEvent(code: ErrorCode, message: string, clientMessageId?: string): ServerEvent {
  return clientMessageId
    ? { type: 'error', code, message, clientMessageId }
    : { type: 'error', code, message };
}

/** zod issues turned into one sentence a client developer can act on, with no internals. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
