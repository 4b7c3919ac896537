import type { AssistantJob } from '../../ports/assistant-queue';
import type { ChatMessage, ChatModel } from '../../ports/chat-model';
import type { ClientPush } from '../../ports/client-push';
import type { ConversationRepository, SessionRecord, StoredMessage } from '../../ports/repositories';
import { runAssistantTurn } from '../assistant/run-turn';
import type { AssistantTools } from '../assistant/tools';
import type { PhotoTurnInput, PhotoTurnResult } from '../photos/answer-photo';
import type { ServerEvent } from '../protocol';
import { analyseSentiment } from '../sentiment/model';
import { fallbackReply } from './fallback-reply';
import { toMessageEvent } from './message-event';
import { splitReply } from './split-reply';

export interface AnswerDeps {
  conversations: Pick<
    ConversationRepository,
    'listRecentMessages' | 'putMessage' | 'getSession' | 'reserveSequences'
  >;
  model: ChatModel;
  tools: AssistantTools;
  push: ClientPush;
  historyTurns: number;
  /** Reports a model failure without its text: transcripts are PII. */
  onModelError?: (error: unknown) => void;
  /** What a shopper waiting for a person is told (their place, or when people are in), in their language. */
  whileQueued?: (session: SessionRecord) => Promise<string>;
  /** Answers a message carrying photos (core/photos/answer-photo); the model turn answers if it fails. */
  photoTurn?: (input: PhotoTurnInput) => Promise<PhotoTurnResult>;
}

/** While waiting for a person, these get the queue notice instead of the assistant starting over. */
const WAITING_INTENTS = new Set([undefined, 'smalltalk', 'human_agent', 'other', 'video_call']);

/**
 * Answers one shopper message. The reply is stored before it is pushed, so a shopper who dropped off
 * gets it on resume; a failed push never loses it.
 */
export async function answerMessage(deps: AnswerDeps, job: AssistantJob): Promise<StoredMessage | undefined> {
  const [session, recent] = await Promise.all([
    deps.conversations.getSession(job.sessionId),
    deps.conversations.listRecentMessages(job.sessionId, deps.historyTurns),
  ]);
  // A person owns the conversation: the message is stored for them, and the assistant must not talk over
  // them. The reserved reply sequence stays unused; resume reads by "after cursor", so a gap is harmless.
  if (session?.handoffStatus === 'assigned') return undefined;
  // The shopper sees "typing…" while the model thinks; deltas follow it in order.
  const typing: ServerEvent = { type: 'typing', sessionId: job.sessionId, replyTo: job.clientMessageId };
  let deltas: Promise<unknown> = deps.push.send(job.connectionId, typing).catch(() => undefined);
  const answered = recent.filter((message) => message.seq <= job.messageSeq);
  const history = toChatHistory(answered);
  const photoKeys = answered.flatMap((message) =>
    message.role === 'shopper' ? (message.attachments ?? []).map((attachment) => attachment.key) : [],
  );
  const urgency = shopperUrgency(answered);
  const pushDelta = (text: string) => {
    const event: ServerEvent = {
      type: 'delta',
      sessionId: job.sessionId,
      replyTo: job.clientMessageId,
      text,
    };
    deltas = deltas.then(() => deps.push.send(job.connectionId, event)).catch(() => undefined);
  };

  let text = '';
  let language: string | undefined;
  let intent: string | undefined;
  const photo = await readPhotos(deps, job, answered, session?.language);
  // A photo is answered by policy code from what it shows; the model turn answers everything else.
  if (photo) {
    ({ text, language, intent } = photo);
  } else {
    try {
      const turn = await runAssistantTurn(
        { model: deps.model, tools: deps.tools },
        {
          history,
          context: { customerId: job.customerId, sessionId: job.sessionId, photoKeys, urgency },
          onDelta: pushDelta,
        },
      );
      ({ language, intent } = turn);
      text = turn.text || fallbackReply(language);
      // "Hello? Is anyone there?" while queued: the shopper hears where they stand, not a fresh greeting.
      if (session?.handoffStatus === 'queued' && deps.whileQueued && WAITING_INTENTS.has(intent))
        text = await deps.whileQueued({ ...session, language: session.language ?? language });
    } catch (error) {
      deps.onModelError?.(error);
      text = fallbackReply(language);
    }
  }

  // A reply longer than one frame goes out as several messages answering the same question.
  const parts = splitReply(text);
  const more =
    parts.length > 1 ? await deps.conversations.reserveSequences(job.sessionId, parts.length - 1) : 0;
  const createdAt = new Date().toISOString();
  const replies: StoredMessage[] = parts.map((part, index) => ({
    sessionId: job.sessionId,
    seq: index === 0 ? job.replySeq : more + index - 1,
    role: 'assistant',
    text: part,
    createdAt,
    replyTo: job.clientMessageId,
    language,
    intent,
    ...(index === 0 && photo ? { photoReadings: photo.readings } : {}),
  }));
  for (const reply of replies) await deps.conversations.putMessage(reply);
  await deltas;
  for (const reply of replies) await deliver(deps, job, toMessageEvent(reply));
  return replies[0];
}

async function readPhotos(
  deps: AnswerDeps,
  job: AssistantJob,
  answered: StoredMessage[],
  sessionLanguage: string | undefined,
): Promise<PhotoTurnResult | undefined> {
  const message = answered.find((each) => each.seq === job.messageSeq);
  if (!deps.photoTurn || message?.role !== 'shopper' || !message.attachments?.length) return undefined;
  try {
    return await deps.photoTurn({
      customerId: job.customerId,
      sessionId: job.sessionId,
      message,
      earlier: answered.filter((each) => each.seq < message.seq),
      sessionLanguage,
    });
  } catch (error) {
    deps.onModelError?.(error);
    return undefined;
  }
}

async function deliver(deps: AnswerDeps, job: AssistantJob, event: ServerEvent): Promise<void> {
  if ((await deps.push.send(job.connectionId, event)) === 'delivered') return;
  // The shopper may have reconnected while the model worked: follow the session, not the connection.
  const session = await deps.conversations.getSession(job.sessionId);
  if (session?.connectionId && session.connectionId !== job.connectionId) {
    await deps.push.send(session.connectionId, event);
  }
}

function toChatHistory(messages: StoredMessage[]): ChatMessage[] {
  const history: ChatMessage[] = [];
  for (const message of messages) {
    const role = message.role === 'shopper' ? 'user' : 'assistant';
    const last = history.at(-1);
    if (last && last.role === role) last.content.push({ type: 'text', text: message.text });
    else history.push({ role, content: [{ type: 'text', text: message.text }] });
  }
  while (history[0]?.role === 'assistant') history.shift();
  return history;
}

/** Urgency of the latest shopper message answered: a hand-off it leads to is queued by it. */
function shopperUrgency(answered: readonly StoredMessage[]): number | undefined {
  const latest = answered.findLast((message) => message.role === 'shopper');
  return latest ? analyseSentiment({ text: latest.text, lang: latest.language }).urgency : undefined;
}
