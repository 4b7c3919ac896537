import type { StorePolicySource } from '../../ports/after-sales';
import type { PresenceStore } from '../../ports/console';
import { isOpen } from '../console/business-hours';
import { nextWindow, onlineAgents, waitingText } from '../console/waiting-notice';
import type { SupportedLanguage } from '../nlu/languages';
import { OUT_OF_HOURS_LEADS, type OutOfHoursLeads } from './out-of-hours-texts';

/** When a person will next be able to reply, carried on a tool result that waits for one (`personRepliesFrom`). */
export interface PersonReplyTime {
  /** ISO instant the desk next has people. */
  at: string;
  /** The store's zone, in which the time is said. */
  timeZone: string;
}

export interface DeskAvailabilityDeps {
  presence: Pick<PresenceStore, 'listPresence'>;
  rules: StorePolicySource;
  now: () => Date;
}

/**
 * Undefined while someone can answer: the desk is open and an agent is online, or the store keeps no hours
 * (then people answer whenever they are online, and the queue notice gives the wait). Otherwise the start of
 * the next shift: the same rule as the waiting notice, so the reply and the notice never disagree.
 */
export async function personReplyTime(deps: DeskAvailabilityDeps): Promise<PersonReplyTime | undefined> {
  const now = deps.now().getTime();
  const [presence, rules] = await Promise.all([deps.presence.listPresence(), deps.rules.get()]);
  const { agentDesk, timeZone } = rules.policy;
  const open = isOpen(agentDesk, timeZone, now);
  if (open && onlineAgents(presence, now).length > 0) return undefined;
  const opensAt = nextWindow(rules.policy, now, open);
  return opensAt === undefined ? undefined : { at: new Date(opensAt).toISOString(), timeZone };
}

/** Reads `personRepliesFrom` back from a tool result; anything malformed counts as absent. */
export function personReplyTimeOf(content: Record<string, unknown>): PersonReplyTime | undefined {
  const value = content.personRepliesFrom;
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, timeZone } = value as Record<string, unknown>;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof timeZone !== 'string')
    return undefined;
  return { at, timeZone };
}

/**
 * A hand-off reply when nobody can answer now: what was done, then when a person will reply, in the
 * shopper's language. Never "shortly": the shopper would wait for an answer that comes on Monday.
 */
export function outOfHoursReply(
  lang: SupportedLanguage,
  lead: keyof OutOfHoursLeads,
  when: PersonReplyTime,
  values: Readonly<Record<string, string>> = {},
): string {
  const text = OUT_OF_HOURS_LEADS[lang][lead].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return withOpeningTime(text, lang, when);
}

/** A reply that promises no time (the video-call offer), followed by when a person will be there. */
export function withOpeningTime(text: string, lang: SupportedLanguage, when: PersonReplyTime): string {
  const then = waitingText({ kind: 'closed', opensAt: Date.parse(when.at), timeZone: when.timeZone }, lang);
  return `${text} ${then}`;
}

/**
 * The `personRepliesFrom` field of a tool result that queued a hand-off, or nothing. A store wired without
 * presence (tests, older deployments) keeps the old reply; so does a failed read, because the hand-off
 * itself is already queued and must not be reported as failed.
 */
export async function personRepliesFromField(
  deps: Partial<DeskAvailabilityDeps> & Pick<DeskAvailabilityDeps, 'rules' | 'now'>,
): Promise<{ personRepliesFrom?: PersonReplyTime }> {
  if (!deps.presence) return {};
  const when = await personReplyTime({ presence: deps.presence, rules: deps.rules, now: deps.now }).catch(
    () => undefined,
  );
  return when ? { personRepliesFrom: when } : {};
}
