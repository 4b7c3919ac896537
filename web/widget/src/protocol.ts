import type { Attachment, PhotoContentType, ServerEvent } from '../../../functions/core/protocol';

/** The server events of protocol v1 (docs/protocol.md), shared with the server; type-only, so nothing is bundled. */
export type { Attachment, PhotoContentType, ServerEvent };
export type UploadGrant = Extract<ServerEvent, { type: 'upload' }>;

export type ChatMessage = Extract<ServerEvent, { type: 'message' }>;

/** The server replays at most this many messages per resume; a full page means there may be more. */
export const MAX_REPLAY = 200;

export function parseServerEvent(data: unknown): ServerEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value = JSON.parse(data) as { type?: unknown };
    return value && typeof value.type === 'string' ? (value as ServerEvent) : undefined;
  } catch {
    return undefined;
  }
}
