import type { AgentPresence } from '../../ports/console';
import type { StoredMessage } from '../../ports/repositories';
import { formatOpening, isOpen } from './business-hours';
import type { ConsoleDeps } from './deps';
import { positionInQueue, type QueueEntry } from './queue';
import { noticeLanguage, shopperNotice } from './shopper-notices';

const STEP_MS = 15 * 60_000;
const HORIZON_MS = 8 * 24 * 3600_000;
/** Presence older than a connection's longest life (2 h on API Gateway) is stale: that agent is gone. */
const PRESENCE_FRESH_MS = 2 * 3600_000;

/** Agents who said they are online and whose presence is fresh: the one rule for "someone is there". */
export function onlineAgents<T extends AgentPresence>(presence: readonly T[], now: number): T[] {
  return presence.filter(
    (agent) => agent.status === 'online' && now - Date.parse(agent.updatedAt) < PRESENCE_FRESH_MS,
  );
}

type WaitDeps = Pick<ConsoleDeps, 'queue' | 'presence' | 'rules' | 'now'>;

export type WaitingState =
  | { kind: 'waiting'; position: number; expectedWaitMinutes: number }
  | { kind: 'closed'; opensAt: number; timeZone: string };

/** Where a waiting shopper stands: their place and expected wait, or when the desk will next have people. */
export async function waitingState(deps: WaitDeps, sessionId: string): Promise<WaitingState> {
  const now = deps.now().getTime();
  const [entries, presence, rules] = await Promise.all([
    deps.queue.listEntries(),
    deps.presence.listPresence(),
    deps.rules.get(),
  ]);
  const { agentDesk, timeZone } = rules.policy;
  const online = onlineAgents(presence, now).length;
  const open = isOpen(agentDesk, timeZone, now);
  if (!open || online === 0) {
    const opensAt = nextWindow(rules.policy, now, open);
    // A desk without written hours has no "next shift": the shopper waits in the queue like anyone.
    if (opensAt !== undefined) return { kind: 'closed', opensAt, timeZone };
  }
  const position = positionInQueue(entries, sessionId, now, agentDesk.responseTargetMinutes) ?? 1;
  const expectedWaitMinutes = Math.max(
    1,
    Math.ceil((position * agentDesk.averageHandlingMinutes) / Math.max(online, 1)),
  );
  return { kind: 'waiting', position, expectedWaitMinutes };
}

/**
 * The start of the next opening window. While the desk is open but nobody is online, the current window
 * does not count: the honest answer is the next time people start a shift.
 */
export function nextWindow(
  policy: { agentDesk: Parameters<typeof isOpen>[0]; timeZone: string },
  now: number,
  openNow: boolean,
): number | undefined {
  if (Object.keys(policy.agentDesk.businessHours).length === 0) return undefined;
  const start = Math.ceil(now / STEP_MS) * STEP_MS;
  for (let instant = start; instant <= now + HORIZON_MS; instant += STEP_MS) {
    const opening =
      isOpen(policy.agentDesk, policy.timeZone, instant) &&
      !isOpen(policy.agentDesk, policy.timeZone, instant - STEP_MS);
    if (opening && (!openNow || instant > now)) return instant;
  }
  return undefined;
}

/** The sentence for a waiting shopper, in their language. */
export function waitingText(state: WaitingState, language: string | undefined): string {
  if (state.kind === 'waiting')
    return shopperNotice(language, 'waiting', {
      position: state.position,
      minutes: state.expectedWaitMinutes,
    });
  return shopperNotice(language, 'closedUntil', {
    when: formatOpening(state.opensAt, noticeLanguage(language), state.timeZone),
  });
}

/** What the assistant says to a message sent while the shopper waits for a person (instead of starting over). */
export async function waitingReply(deps: WaitDeps, sessionId: string, language: string | undefined) {
  return waitingText(await waitingState(deps, sessionId), language);
}

/**
 * Right after a hand-off is queued: the widget learns its place; when nobody can answer soon, the
 * assistant says when a person will, and that is stored so it is there on resume.
 */
export async function tellShopperTheyWait(
  deps: WaitDeps &
    Pick<ConsoleDeps, 'shopperPush'> & {
      conversations: Pick<ConsoleDeps['conversations'], 'getSession' | 'reserveSequences' | 'putMessage'>;
    },
  entry: QueueEntry,
): Promise<void> {
  const session = await deps.conversations.getSession(entry.sessionId);
  if (!session?.connectionId) return;
  const state = await waitingState(deps, entry.sessionId);
  const language = entry.language ?? session.language;
  await deps.shopperPush
    .send(session.connectionId, {
      type: 'handoff',
      sessionId: entry.sessionId,
      state: 'waiting',
      ...(state.kind === 'waiting'
        ? { position: state.position, expectedWaitMinutes: state.expectedWaitMinutes }
        : {}),
    })
    .catch(() => undefined);
  if (state.kind !== 'closed') return;
  const seq = await deps.conversations.reserveSequences(entry.sessionId, 1);
  const message: StoredMessage = {
    sessionId: entry.sessionId,
    seq,
    role: 'assistant',
    text: waitingText(state, language),
    createdAt: deps.now().toISOString(),
    ...(language ? { language } : {}),
    event: 'desk_closed',
  };
  await deps.conversations.putMessage(message);
  await deps.shopperPush
    .send(session.connectionId, {
      type: 'message',
      role: 'assistant',
      sessionId: entry.sessionId,
      cursor: seq,
      text: message.text,
      createdAt: message.createdAt,
      ...(language ? { language } : {}),
    })
    .catch(() => undefined);
}
