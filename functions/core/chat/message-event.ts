import type { StoredMessage } from '../../ports/repositories';
import type { ServerEvent } from '../protocol';

export function toMessageEvent(message: StoredMessage): ServerEvent {
  return {
    type: 'message',
    role: message.role,
    sessionId: message.sessionId,
    cursor: message.seq,
    text: message.text,
    createdAt: message.createdAt,
    clientMessageId: message.clientMessageId,
    replyTo: message.replyTo,
    language: message.language,
    intent: message.intent,
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    ...(message.agentName ? { agentName: message.agentName } : {}),
    ...(message.card ? { card: message.card } : {}),
  };
}
