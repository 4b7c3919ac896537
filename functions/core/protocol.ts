import * as z from 'zod';

/** docs/protocol.md describes this version; bump it on any incompatible change. */
export const PROTOCOL_VERSION = 1;

/** API Gateway's WebSocket frame quota; the application refuses bigger bodies with a typed error. */
export const MAX_FRAME_BYTES = 32 * 1024;
/** API Gateway's WebSocket message quota; bigger messages close the connection (1009), as in AWS. */
export const MAX_MESSAGE_BYTES = 128 * 1024;
/** Longest shopper text the assistant reads; longer texts are refused, not truncated silently. */
export const MAX_TEXT_CHARS = 10_000;

export const SendMessageSchema = z.object({
  action: z.literal('sendMessage'),
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientMessageId must be 8-64 URL-safe characters'),
  text: z
    .string({ error: 'text is required' })
    .trim()
    .min(1, 'text must not be empty')
    .max(MAX_TEXT_CHARS, `text must be at most ${MAX_TEXT_CHARS} characters`),
  locale: z.string().max(35).optional(),
});
export type SendMessage = z.infer<typeof SendMessageSchema>;

export const ResumeSchema = z.object({
  action: z.literal('resume'),
  /** The seq of the last message the client holds; 0 for none. */
  cursor: z.number().int().nonnegative(),
});
export type Resume = z.infer<typeof ResumeSchema>;

export const ERROR_CODES = [
  'invalid_json',
  'unknown_action',
  'invalid_message',
  'payload_too_large',
  'duplicate_message',
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
    }
  | { type: 'delta'; sessionId: string; replyTo: string; text: string }
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
