import type { AgentEvent } from '../../../functions/core/console/agent-protocol';
import type { QueueEntry } from '../../../functions/core/console/queue';
import { errorText, t } from './language';
import type { PlainKey } from './strings';

export type ConversationView = Extract<AgentEvent, { type: 'conversation' }>;

export interface ActionContext {
  view: ConversationView;
  entry: QueueEntry | undefined;
  me: { agentId: string; role: 'agent' | 'supervisor' };
  request(body: Record<string, unknown>): Promise<AgentEvent>;
  /** A frame whose answers come back as pushes (video calls); false while disconnected. */
  send(body: Record<string, unknown>): boolean;
  announce(text: string): void;
  /** Where an action may put its own UI (a video call panel, a form). */
  panel: HTMLElement;
}

/**
 * The conversation toolbar is built from this list: a feature adds an action (e.g. `Start video call`)
 * with one `registerAction` call, and shows only when `available` says so.
 */
export interface ConversationAction {
  id: string;
  /** Drawn in the agent's language each time the toolbar is. */
  label: PlainKey;
  available(context: ActionContext): boolean;
  run(context: ActionContext): Promise<void> | void;
}

const actions: ConversationAction[] = [];

export function registerAction(action: ConversationAction): void {
  const index = actions.findIndex((existing) => existing.id === action.id);
  if (index >= 0) actions[index] = action;
  else actions.push(action);
}

export function conversationActions(): readonly ConversationAction[] {
  return actions;
}

/** Pushes the console itself does not handle (video call events), for features that registered actions. */
export interface PushTools {
  send(body: Record<string, unknown>): boolean;
  announce(text: string): void;
}
export type PushListener = (event: { type: string } & Record<string, unknown>, tools: PushTools) => void;
const pushListeners: PushListener[] = [];
export function onAgentPush(listener: PushListener): void {
  pushListeners.push(listener);
}
export function dispatchPush(event: { type: string } & Record<string, unknown>, tools: PushTools): void {
  for (const listener of pushListeners) listener(event, tools);
}

/** A feature whose actions' availability changed (an incoming call) asks for the toolbar to be redrawn. */
let redraw: () => void = () => undefined;
export function onActionsChanged(callback: () => void): void {
  redraw = callback;
}
export function actionsChanged(): void {
  redraw();
}

const isOwner = (context: ActionContext) =>
  context.entry?.status === 'assigned' && context.entry.ownerAgentId === context.me.agentId;

async function simple(context: ActionContext, body: Record<string, unknown>, done: PlainKey) {
  const answer = await context.request(body);
  context.announce(answer.type === 'error' ? errorText(answer) : t(done));
}

registerAction({
  id: 'take-over',
  label: 'takeOver',
  available: (context) => context.entry?.status === 'queued',
  run: (context) => simple(context, { action: 'takeOver', sessionId: context.view.sessionId }, 'tookOver'),
});

registerAction({
  id: 'hand-back',
  label: 'handBack',
  available: (context) =>
    context.entry?.status === 'assigned' && (isOwner(context) || context.me.role === 'supervisor'),
  run: (context) =>
    simple(context, { action: 'handBack', sessionId: context.view.sessionId }, 'handedBackToAssistant'),
});

registerAction({
  id: 'suggest-reply',
  label: 'suggestReply',
  available: isOwner,
  run: async (context) => {
    const answer = await context.request({ action: 'suggestReply', sessionId: context.view.sessionId });
    if (answer.type !== 'suggestion') {
      context.announce(answer.type === 'error' ? errorText(answer) : t('noSuggestion'));
      return;
    }
    const reply = document.getElementById('reply') as HTMLTextAreaElement | null;
    if (reply) {
      reply.value = answer.text;
      reply.dataset.asWritten = 'true';
      reply.focus();
    }
    context.announce(t('suggestionReady', { language: answer.language }));
  },
});
