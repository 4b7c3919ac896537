import type { ChatMessage, ChatModel } from '../../ports/chat-model';
import type { ClientPush } from '../../ports/client-push';
import type {
  ConversationRepository,
  SessionRecord,
  StoredMessage,
  TurnSnapshot,
} from '../../ports/repositories';
import type { Proposal } from '../after-sales/confirmation';
import { runAssistantTurn } from '../assistant/run-turn';
import type { AssistantTools } from '../assistant/tools';
import type { PhotoTurnInput, PhotoTurnResult } from '../photos/answer-photo';
import type { ServerEvent } from '../protocol';
import { analyseSentiment } from '../sentiment/model';
import { type VideoCallCard, videoCallCard } from '../video/proposal';
import { fallbackReply } from './fallback-reply';
import { toMessageEvent } from './message-event';
import { splitReply } from './split-reply';

/** One stored shopper message to answer: what the outbox (the Conversations stream) hands the assistant. */
export interface TurnRequest {
  sessionId: string;
  /** Sequence of the shopper message; its reply takes the next one, reserved when it was stored. */
  messageSeq: number;
  clientMessageId: string;
  /**
   * The session's owner as the route that stored the message verified them: a hint to prefetch their data
   * with the session read. The turn acts for the owner the session read returns, never for this.
   */
  customerId?: string;
}

export interface AnswerDeps {
  conversations: Pick<
    ConversationRepository,
    'readTurn' | 'putMessage' | 'putMessageOnce' | 'getSession' | 'reserveSequences'
  >;
  model: ChatModel;
  /** Tools for this turn: ids they create derive from the turn, so a retried turn creates nothing twice. */
  tools: AssistantTools | ((turn: TurnRequest) => AssistantTools);
  push: ClientPush;
  historyTurns: number;
  /** Reports a model failure without its text: transcripts are PII. */
  onModelError?: (error: unknown) => void;
  /** What a shopper waiting for a person is told (their place, or when people are in), in their language. */
  whileQueued?: (session: SessionRecord) => Promise<string>;
  /** Hands the tools' proposal store the proposal read with the session (see primed-proposals). */
  primeProposal?: (sessionId: string, proposal: Proposal | undefined) => void;
  /** Answers a message carrying photos (core/photos/answer-photo); the model turn answers if it fails. */
  photoTurn?: (input: PhotoTurnInput) => Promise<PhotoTurnResult>;
}

/** While waiting for a person, these get the queue notice instead of the assistant starting over. */
const WAITING_INTENTS = new Set([undefined, 'smalltalk', 'human_agent', 'other', 'video_call']);

/**
 * Answers one stored shopper message. The reply is stored before it is pushed, so a shopper who dropped off
 * gets it on resume; a failed push never loses it. Safe to run twice for the same message: the reply takes
 * the sequence reserved for it only if nothing holds it yet, and a second run pushes the stored reply
 * instead of a new one.
 */
export async function answerMessage(
  deps: AnswerDeps,
  turn: TurnRequest,
  /** The session read if the caller already started it (core/chat/turn-reads), else it is read here. */
  started?: Promise<TurnSnapshot>,
): Promise<StoredMessage | undefined> {
  const { session, recent, proposal } = await (started ??
    deps.conversations.readTurn(turn.sessionId, deps.historyTurns));
  deps.primeProposal?.(turn.sessionId, proposal);
  // The session is gone (erased or expired): there is no one to answer.
  if (!session) return undefined;
  // A person owns the conversation: the message is stored for them, and the assistant must not talk over
  // them. The reserved reply sequence stays unused; resume reads by "after cursor", so a gap is harmless.
  if (session.handoffStatus === 'assigned') return undefined;
  const job = {
    ...turn,
    customerId: session.customerId,
    // The session's live connection: the shopper may have reconnected since sending.
    connectionId: session.connectionId,
    replySeq: turn.messageSeq + 1,
  };
  const tools = typeof deps.tools === 'function' ? deps.tools(turn) : deps.tools;
  // The shopper sees "typing…" while the model thinks; deltas follow it in order.
  const typing: ServerEvent = { type: 'typing', sessionId: job.sessionId, replyTo: job.clientMessageId };
  const push = (event: ServerEvent) =>
    job.connectionId ? deps.push.send(job.connectionId, event) : Promise.resolve('gone' as const);
  let deltas: Promise<unknown> = push(typing).catch(() => undefined);
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
    deltas = deltas.then(() => push(event)).catch(() => undefined);
  };

  let text = '';
  let language: string | undefined;
  let intent: string | undefined;
  let card: VideoCallCard | undefined;
  const photo = await readPhotos(deps, job, answered, session?.language);
  // A photo is answered by policy code from what it shows; the model turn answers everything else.
  if (photo) {
    ({ text, language, intent } = photo);
  } else {
    try {
      const turn = await runAssistantTurn(
        { model: deps.model, tools },
        {
          history,
          context: { customerId: job.customerId, sessionId: job.sessionId, photoKeys, urgency },
          // Romanised Russian or Chinese reads as some Latin language without the storefront's language.
          languageHint:
            answered.find((message) => message.seq === job.messageSeq)?.locale ?? session.language,
          onDelta: pushDelta,
        },
      );
      ({ language, intent } = turn);
      text = turn.text || fallbackReply(language);
      if (turn.videoCall) card = videoCallCard(turn.videoCall, language);
      // "Hello? Is anyone there?" while queued: the shopper hears where they stand, not a fresh greeting.
      if (session?.handoffStatus === 'queued' && deps.whileQueued && WAITING_INTENTS.has(intent))
        text = await deps.whileQueued({ ...session, language: session.language ?? language });
    } catch (error) {
      deps.onModelError?.(error);
      text = fallbackReply(language);
    }
  }

  // A reply longer than one frame goes out as several messages answering the same question.
  const [first = '', ...rest] = splitReply(text);
  const createdAt = new Date().toISOString();
  const replyOf = (part: string, seq: number, isFirst = false): StoredMessage => ({
    sessionId: job.sessionId,
    seq,
    role: 'assistant',
    text: part,
    createdAt,
    replyTo: job.clientMessageId,
    language,
    intent,
    ...(isFirst && photo ? { photoReadings: photo.readings } : {}),
    ...(isFirst && card ? { card } : {}),
  });
  const stored = await deps.conversations.putMessageOnce(replyOf(first, job.replySeq, true));
  await deltas;
  if (stored.status === 'exists') {
    // An earlier run of this turn answered already: its reply stands, and is what the shopper gets.
    await deliver(deps, job, toMessageEvent(stored.message));
    return stored.message;
  }
  const replies = [replyOf(first, job.replySeq, true)];
  if (rest.length > 0) {
    const more = await deps.conversations.reserveSequences(job.sessionId, rest.length);
    for (const [index, part] of rest.entries()) {
      const reply = replyOf(part, more + index);
      await deps.conversations.putMessage(reply);
      replies.push(reply);
    }
  }
  for (const reply of replies) await deliver(deps, job, toMessageEvent(reply));
  return replies[0];
}

async function readPhotos(
  deps: AnswerDeps,
  job: { customerId: string; sessionId: string; messageSeq: number },
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

interface DeliveryTarget {
  sessionId: string;
  connectionId?: string;
}

async function deliver(deps: AnswerDeps, job: DeliveryTarget, event: ServerEvent): Promise<void> {
  if (job.connectionId && (await deps.push.send(job.connectionId, event)) === 'delivered') return;
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
