import { errorEvent, MAX_FRAME_BYTES, type ServerEvent } from '../protocol';
import { wellFormedDeep } from '../unicode';

export type FrameRead = { ok: true; value: Record<string, unknown> } | { ok: false; error: ServerEvent };

/**
 * Size first, then JSON: the checks every route applies before looking at the action. Every string of the
 * frame is made well-formed here, where shopper text enters, so nothing downstream (the store, Comprehend,
 * Parquet) ever sees a lone surrogate that `JSON.parse` lets through.
 */
export function readFrame(body: string | undefined | null): FrameRead {
  const raw = body ?? '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_FRAME_BYTES) {
    return {
      ok: false,
      error: errorEvent('payload_too_large', `A message may be at most ${MAX_FRAME_BYTES / 1024} KB.`),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: errorEvent('invalid_json', 'The message is not valid JSON.') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: errorEvent('invalid_json', 'The message must be a JSON object.') };
  }
  return { ok: true, value: wellFormedDeep(value) as Record<string, unknown> };
}

export function clientMessageIdOf(value: Record<string, unknown>): string | undefined {
  const id = value.clientMessageId;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}

/**
 * The frame's clientMessageId when it has a readable one, for errors raised outside the use case (the
 * store is down): the client must learn which message failed so it can resend it.
 */
export function clientMessageIdOfBody(body: string | undefined | null): string | undefined {
  const frame = readFrame(body);
  return frame.ok ? clientMessageIdOf(frame.value) : undefined;
}
