import type { AssistantQueue } from '../../ports/assistant-queue';
import type { ConversationRepository } from '../../ports/repositories';
import { describeIssues, errorEvent, SendMessageSchema, type ServerEvent } from '../protocol';
import { clientMessageIdOf, readFrame } from './read-frame';

/**
 * The sendMessage route: store once, acknowledge once, and hand the answer to the assistant
 * asynchronously so the route returns in milliseconds whatever the model does.
 */
export async function acceptMessage(
  deps: { conversations: Pick<ConversationRepository, 'appendShopperMessage'>; queue: AssistantQueue },
  input: { connectionId: string; customerId: string; sessionId: string; body: string | undefined | null },
): Promise<ServerEvent> {
  const frame = readFrame(input.body);
  if (!frame.ok) return frame.error;
  const parsed = SendMessageSchema.safeParse(frame.value);
  if (!parsed.success) {
    return errorEvent('invalid_message', describeIssues(parsed.error), clientMessageIdOf(frame.value));
  }
  const { clientMessageId, text } = parsed.data;
  const result = await deps.conversations.appendShopperMessage({
    sessionId: input.sessionId,
    clientMessageId,
    text,
  });
  if (result.status === 'rate_limited') {
    return errorEvent(
      'rate_limited',
      `Too many messages in a short time. Please wait ${result.retryAfterSeconds} s and send it again.`,
      clientMessageId,
    );
  }
  if (result.status === 'duplicate') {
    return errorEvent(
      'duplicate_message',
      'This clientMessageId was already received; it was not processed again.',
      clientMessageId,
    );
  }
  await deps.queue.enqueue({
    sessionId: input.sessionId,
    customerId: input.customerId,
    connectionId: input.connectionId,
    messageSeq: result.message.seq,
    replySeq: result.replySeq,
    clientMessageId,
  });
  return { type: 'ack', clientMessageId, sessionId: input.sessionId, cursor: result.message.seq };
}
