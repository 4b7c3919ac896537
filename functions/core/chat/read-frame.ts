import { errorEvent, MAX_FRAME_BYTES, type ServerEvent } from '../protocol';

export type FrameRead = { ok: true; value: Record<string, unknown> } | { ok: false; error: ServerEvent };

/** Size first, then JSON: the checks every route applies before looking at the action. */
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
  return { ok: true, value: value as Record<string, unknown> };
}

export function clientMessageIdOf(value: Record<string, unknown>): string | undefined {
  const id = value.clientMessageId;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}
