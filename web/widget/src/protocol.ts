/** The server events of protocol v1 (docs/protocol.md) that the widget reads; unknown ones are ignored. */
export type ServerEvent =
  | { type: 'ack'; clientMessageId: string; sessionId: string; cursor: number }
  | {
      type: 'message';
      role: 'shopper' | 'assistant' | 'agent' | 'system';
      sessionId: string;
      cursor: number;
      text: string;
      createdAt: string;
      clientMessageId?: string;
      replyTo?: string;
    }
  | { type: 'delta'; sessionId: string; replyTo: string; text: string }
  | { type: 'resumed'; sessionId: string; cursor: number; replayed: number }
  | { type: 'pong'; at: string }
  | { type: 'error'; code: string; message: string; clientMessageId?: string };

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
