import type { ClientPush } from '../../ports/client-push';
import type { ConversationRepository } from '../../ports/repositories';
import { describeIssues, errorEvent, ResumeSchema, type ServerEvent } from '../protocol';
import { toMessageEvent } from './message-event';
import { readFrame } from './read-frame';

/** Enough for any real gap; a client that is further behind resumes again from the returned cursor. */
export const MAX_REPLAY = 200;

/**
 * Replays everything after the client's cursor over @connections, in order, then answers the route
 * with the cursor reached. Messages are keyed on the session, never the connection, so a reconnect
 * on a new connection loses nothing.
 */
export async function resumeSession(
  deps: { conversations: Pick<ConversationRepository, 'listMessagesAfter'>; push: ClientPush },
  input: { connectionId: string; sessionId: string; body: string | undefined | null },
): Promise<ServerEvent | undefined> {
  const frame = readFrame(input.body);
  if (!frame.ok) return frame.error;
  const parsed = ResumeSchema.safeParse(frame.value);
  if (!parsed.success) return errorEvent('invalid_message', describeIssues(parsed.error));
  const missed = await deps.conversations.listMessagesAfter(input.sessionId, parsed.data.cursor, MAX_REPLAY);
  let cursor = parsed.data.cursor;
  for (const message of missed) {
    if ((await deps.push.send(input.connectionId, toMessageEvent(message))) === 'gone') return undefined;
    cursor = message.seq;
  }
  return { type: 'resumed', sessionId: input.sessionId, cursor, replayed: missed.length };
}
