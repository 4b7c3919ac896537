import type { AuditEntry } from '../../ports/console';
import type { SessionRecord, StoredMessage } from '../../ports/repositories';
import { decideRefund } from '../after-sales/policy';
import { type RmaEvent, transition } from '../after-sales/rma';
import { describeIssues, type ServerEvent } from '../protocol';
import { wellFormedDeep } from '../unicode';
import type { AgentIdentity } from './agent-identity';
import {
  type AgentCommand,
  AgentCommandSchema,
  type AgentEvent,
  agentError,
  forAgents,
} from './agent-protocol';
import { broadcast } from './broadcast';
import { toConsoleMessage } from './console-messages';
import type { ConsoleDeps } from './deps';
import { type NoticeKind, shopperNotice } from './shopper-notices';
import { suggestReply } from './suggest-reply';

/** Most recent messages shown when a conversation opens; older ones are in the shopper's own resume. */
const TRANSCRIPT_LIMIT = 200;

export interface AgentRequest {
  connectionId: string;
  agent: AgentIdentity;
  body: string | null | undefined;
}

/**
 * One agent frame in, one answer out. Only the owner may reply; a supervisor may reassign, hand back and
 * read the audit trail. Every change is audited with who and when; refusals change nothing.
 */
export async function handleAgentCommand(deps: ConsoleDeps, request: AgentRequest): Promise<AgentEvent> {
  let value: unknown;
  try {
    // Agent text enters here: made well-formed like shopper text (core/unicode.ts).
    value = wellFormedDeep(JSON.parse(request.body ?? ''));
  } catch {
    return agentError('invalid_json', 'The frame is not JSON.');
  }
  const parsed = AgentCommandSchema.safeParse(value);
  if (!parsed.success) {
    const id = (value as { requestId?: unknown })?.requestId;
    return agentError(
      'invalid_command',
      describeIssues(parsed.error),
      typeof id === 'string' ? id : undefined,
    );
  }
  return forAgents(await run(deps, request, parsed.data));
}

async function run(deps: ConsoleDeps, request: AgentRequest, command: AgentCommand): Promise<AgentEvent> {
  const { agent } = request;
  const id = command.requestId;
  const audit = (action: string, sessionId?: string, detail?: AuditEntry['detail']) =>
    deps.audit.record({
      at: deps.now().toISOString(),
      agentId: agent.agentId,
      agentEmail: agent.email,
      action,
      ...(sessionId ? { sessionId } : {}),
      ...(detail ? { detail } : {}),
    });

  switch (command.action) {
    case 'ping':
      return { type: 'pong', requestId: id };
    case 'listQueue': {
      const [entries, presence, rules] = await Promise.all([
        deps.queue.listEntries(),
        deps.presence.listPresence(),
        deps.rules.get(),
      ]);
      return {
        type: 'queue',
        requestId: id,
        me: agent,
        entries,
        responseTargetMinutes: rules.policy.agentDesk.responseTargetMinutes,
        presence: presence.map(({ agentId, firstName, status }) => ({ agentId, firstName, status })),
      };
    }
    case 'setPresence': {
      await deps.presence.setPresence({
        agentId: agent.agentId,
        firstName: agent.firstName,
        status: command.status,
        updatedAt: deps.now().toISOString(),
      });
      await audit('set_presence', undefined, { status: command.status });
      const presence = (await deps.presence.listPresence()).map(({ agentId, firstName, status }) => ({
        agentId,
        firstName,
        status,
      }));
      await broadcast(deps, { type: 'presence', presence });
      return { type: 'done', requestId: id, action: command.action, detail: command.status };
    }
    case 'readAudit': {
      if (agent.role !== 'supervisor')
        return agentError('supervisor_only', 'Only a supervisor can read the audit trail.', id);
      const entries = await deps.audit.list(command.limit);
      return {
        type: 'audit',
        requestId: id,
        entries: entries.map(({ at, agentEmail, action, sessionId, detail }) => ({
          at,
          agentEmail,
          action,
          ...(sessionId ? { sessionId } : {}),
          ...(detail ? { detail } : {}),
        })),
      };
    }
  }

  const session = await deps.conversations.getSession(command.sessionId);
  if (!session) return agentError('not_found', 'No such conversation.', id);

  switch (command.action) {
    case 'openConversation':
      return openConversation(deps, request, session, command.agentLanguage, id);
    case 'takeOver': {
      const outcome = await deps.conversations.assignHandoff(
        session.sessionId,
        agent.agentId,
        agent.firstName,
      );
      if (outcome === 'not_waiting') {
        const current = await deps.conversations.getSession(session.sessionId);
        if (current?.handoffStatus === 'assigned' && current.handoffAgent !== agent.agentId)
          return agentError(
            'not_owner',
            `${current.handoffAgentName ?? 'Another agent'} already owns this conversation.`,
            id,
          );
        if (current?.handoffStatus !== 'assigned')
          return agentError('not_waiting', 'This conversation is not waiting for a person.', id);
        return { type: 'done', requestId: id, action: command.action, sessionId: session.sessionId };
      }
      await tellShopper(deps, session, 'joined', agent.firstName, 'agent_joined');
      await audit('take_over', session.sessionId);
      return { type: 'done', requestId: id, action: command.action, sessionId: session.sessionId };
    }
    case 'handBack':
    case 'resolve': {
      const isOwner = session.handoffStatus === 'assigned' && session.handoffAgent === agent.agentId;
      if (!isOwner && agent.role !== 'supervisor') return notOwner(session, id);
      if (session.handoffStatus === 'closed' || session.handoffStatus === undefined)
        return agentError('not_waiting', 'This conversation is not with the team.', id);
      const resolution =
        command.action === 'resolve' ? { category: command.category, by: agent.agentId } : undefined;
      await deps.conversations.closeHandoff(session.sessionId, resolution);
      const handedBack = command.action === 'handBack';
      await tellShopper(
        deps,
        session,
        handedBack ? 'handedBack' : 'resolved',
        agent.firstName,
        handedBack ? 'handed_back' : 'resolved',
      );
      await audit(
        handedBack ? 'hand_back' : 'resolve',
        session.sessionId,
        command.action === 'resolve' ? { category: command.category } : undefined,
      );
      return { type: 'done', requestId: id, action: command.action, sessionId: session.sessionId };
    }
    case 'reassign': {
      if (agent.role !== 'supervisor')
        return agentError('supervisor_only', 'Only a supervisor can reassign a conversation.', id);
      const target = (await deps.presence.listPresence()).find((p) => p.agentId === command.agentId);
      if (!target) return agentError('not_found', 'That agent has never signed in to the console.', id);
      if (
        (await deps.conversations.reassignHandoff(session.sessionId, target.agentId, target.firstName)) ===
        'not_assigned'
      )
        return agentError('not_waiting', 'Only a conversation someone owns can be reassigned.', id);
      await tellShopper(deps, session, 'joined', target.firstName, 'agent_joined');
      await audit('reassign', session.sessionId, { to: target.agentId });
      return { type: 'done', requestId: id, action: command.action, sessionId: session.sessionId };
    }
    case 'reply':
      return reply(deps, request, session, command, audit);
    case 'typing': {
      if (session.handoffStatus !== 'assigned' || session.handoffAgent !== agent.agentId)
        return notOwner(session, id);
      if (session.connectionId)
        await deps.shopperPush
          .send(session.connectionId, {
            type: 'agentTyping',
            sessionId: session.sessionId,
            agentName: agent.firstName,
          })
          .catch(() => undefined);
      return { type: 'done', requestId: id, action: command.action, sessionId: session.sessionId };
    }
    case 'addNote': {
      const note = {
        sessionId: session.sessionId,
        at: deps.now().toISOString(),
        agentId: agent.agentId,
        firstName: agent.firstName,
        text: command.text,
      };
      await deps.notes.addNote(note);
      await audit('add_note', session.sessionId);
      await broadcast(deps, {
        type: 'note',
        sessionId: session.sessionId,
        note: { at: note.at, firstName: note.firstName, text: note.text },
      });
      return { type: 'done', requestId: id, action: command.action, sessionId: session.sessionId };
    }
    case 'caseAction':
      return caseAction(deps, request, session, command, audit);
    case 'suggestReply': {
      const state = await caseState(deps, session);
      const suggestion = suggestReply(
        session.language ?? (await deps.queue.getEntry(session.sessionId))?.language,
        state,
      );
      return { type: 'suggestion', requestId: id, sessionId: session.sessionId, ...suggestion };
    }
  }
}

function notOwner(session: SessionRecord, id: string | undefined): AgentEvent {
  if (session.handoffStatus === 'assigned')
    return agentError(
      'not_owner',
      `Only ${session.handoffAgentName ?? 'the agent who owns it'} can act in this conversation.`,
      id,
    );
  return agentError('not_owner', 'Take over the conversation first.', id);
}

async function caseState(deps: ConsoleDeps, session: SessionRecord) {
  const entry = await deps.queue.getEntry(session.sessionId);
  const [orders, claims] = await Promise.all([
    deps.orders.listOrdersForCustomer(session.customerId, 5),
    deps.claims.listForCustomer(session.customerId, 10),
  ]);
  const order = orders.find((candidate) => candidate.orderId === entry?.orderId) ?? orders[0];
  const returns = order ? await deps.returns.listForOrder(order.orderId) : [];
  return { entry, order, returns, claims };
}

async function openConversation(
  deps: ConsoleDeps,
  request: AgentRequest,
  session: SessionRecord,
  agentLanguage: string | undefined,
  id: string | undefined,
): Promise<AgentEvent> {
  const [state, messages, notes, earlier, canned] = await Promise.all([
    caseState(deps, session),
    deps.conversations.listRecentMessages(session.sessionId, TRANSCRIPT_LIMIT),
    deps.notes.listNotes(session.sessionId),
    deps.queue.listClosedForCustomer(session.customerId, 10),
    deps.cannedReplies.list(),
  ]);
  await deps.agents.setViewing(request.connectionId, session.sessionId, agentLanguage);
  const language = session.language ?? state.entry?.language;
  const viewers = await viewersOf(deps, session.sessionId);
  await broadcast(deps, { type: 'viewers', sessionId: session.sessionId, viewers });
  return {
    type: 'conversation',
    requestId: id,
    sessionId: session.sessionId,
    ...(state.entry ? { entry: state.entry } : {}),
    messages: await Promise.all(
      messages.map((message) => toConsoleMessage(deps, message, agentLanguage, language)),
    ),
    notes: notes.map(({ at, firstName, text }) => ({ at, firstName, text })),
    ...(state.order ? { order: state.order } : {}),
    returns: state.returns,
    claims: state.claims,
    earlier: earlier.filter((entry) => entry.sessionId !== session.sessionId),
    viewers,
    cannedReplies: canned.filter((reply) => !language || reply.language === language.split('-')[0]),
    translator: { available: deps.translator.available },
  };
}

async function viewersOf(deps: ConsoleDeps, sessionId: string) {
  const connections = await deps.agents.listConnections();
  const seen = new Map<string, string>();
  for (const connection of connections)
    if (connection.viewing === sessionId) seen.set(connection.agentId, connection.firstName);
  return [...seen].map(([agentId, firstName]) => ({ agentId, firstName }));
}

async function reply(
  deps: ConsoleDeps,
  request: AgentRequest,
  session: SessionRecord,
  command: Extract<AgentCommand, { action: 'reply' }>,
  audit: (action: string, sessionId?: string, detail?: AuditEntry['detail']) => Promise<void>,
): Promise<AgentEvent> {
  const { agent } = request;
  if (session.handoffStatus !== 'assigned' || session.handoffAgent !== agent.agentId)
    return notOwner(session, command.requestId);
  const shopperLanguage = session.language ?? (await deps.queue.getEntry(session.sessionId))?.language;
  let text = command.text;
  let original: StoredMessage['original'];
  const base = (tag: string | undefined) => tag?.split('-')[0];
  if (
    command.translate &&
    deps.translator.available &&
    shopperLanguage &&
    base(shopperLanguage) !== base(command.agentLanguage)
  ) {
    const translated = await deps.translator.translate(text, shopperLanguage, command.agentLanguage);
    if (translated.translated) {
      original = { text, ...(command.agentLanguage ? { language: command.agentLanguage } : {}) };
      text = translated.text;
    }
  }
  const seq = await deps.conversations.reserveSequences(session.sessionId, 1);
  const message: StoredMessage = {
    sessionId: session.sessionId,
    seq,
    role: 'agent',
    text,
    createdAt: deps.now().toISOString(),
    ...(shopperLanguage ? { language: shopperLanguage } : {}),
    agentId: agent.agentId,
    agentName: agent.firstName,
    ...(original ? { original } : {}),
  };
  await deps.conversations.putMessage(message);
  // Straight to the shopper's socket: the stream would add its polling delay to every agent message.
  if (session.connectionId)
    await deps.shopperPush.send(session.connectionId, shopperMessageEvent(message)).catch(() => undefined);
  await audit('reply', session.sessionId, { seq, translated: original !== undefined });
  return {
    type: 'done',
    requestId: command.requestId,
    action: 'reply',
    sessionId: session.sessionId,
    detail: original ? 'translated' : 'as_written',
  };
}

function shopperMessageEvent(message: StoredMessage): ServerEvent {
  return {
    type: 'message',
    role: message.role,
    sessionId: message.sessionId,
    cursor: message.seq,
    text: message.text,
    createdAt: message.createdAt,
    ...(message.language ? { language: message.language } : {}),
    ...(message.agentName ? { agentName: message.agentName } : {}),
  };
}

/** A system line in the shopper's language, stored (so resume replays it) and pushed with the widget's state. */
async function tellShopper(
  deps: ConsoleDeps,
  session: SessionRecord,
  kind: NoticeKind,
  agentName: string,
  event: 'agent_joined' | 'handed_back' | 'resolved',
): Promise<void> {
  const language = session.language ?? (await deps.queue.getEntry(session.sessionId))?.language;
  const seq = await deps.conversations.reserveSequences(session.sessionId, 1);
  const message: StoredMessage = {
    sessionId: session.sessionId,
    seq,
    role: 'system',
    text: shopperNotice(language, kind, { name: agentName }),
    createdAt: deps.now().toISOString(),
    ...(language ? { language } : {}),
    agentName,
    event,
  };
  await deps.conversations.putMessage(message);
  if (!session.connectionId) return;
  const state = event === 'agent_joined' ? 'joined' : event;
  await deps.shopperPush
    .send(session.connectionId, { type: 'handoff', sessionId: session.sessionId, state, agentName })
    .catch(() => undefined);
  await deps.shopperPush.send(session.connectionId, shopperMessageEvent(message)).catch(() => undefined);
}

async function caseAction(
  deps: ConsoleDeps,
  request: AgentRequest,
  session: SessionRecord,
  command: Extract<AgentCommand, { action: 'caseAction' }>,
  audit: (action: string, sessionId?: string, detail?: AuditEntry['detail']) => Promise<void>,
): Promise<AgentEvent> {
  const id = command.requestId;
  const { agent } = request;
  const now = deps.now().toISOString();
  if (command.kind === 'closeClaim') {
    if (!command.claimId || !command.outcome)
      return agentError('invalid_command', 'closeClaim needs claimId and outcome.', id);
    const claims = await deps.claims.listForCustomer(session.customerId, 50);
    // An agent acts only on this shopper's claims, whatever id the frame names.
    if (!claims.some((claim) => claim.claimId === command.claimId))
      return agentError('not_found', 'No such claim for this shopper.', id);
    const closed = await deps.claims.close(command.claimId, {
      outcome: command.outcome,
      by: agent.agentId,
      at: now,
    });
    if (closed === 'not_open') return agentError('policy_refused', 'This claim is already closed.', id);
    await audit('close_claim', session.sessionId, { claimId: command.claimId, outcome: command.outcome });
    return {
      type: 'done',
      requestId: id,
      action: 'caseAction',
      sessionId: session.sessionId,
      detail: 'closed',
    };
  }
  if (!command.orderId || !command.rmaId)
    return agentError('invalid_command', `${command.kind} needs orderId and rmaId.`, id);
  const rma = await deps.returns.get(command.orderId, command.rmaId);
  if (!rma || rma.customerId !== session.customerId)
    return agentError('not_found', 'No such return for this shopper.', id);
  const rules = await deps.rules.get();
  const decision = decideRefund(rma.refund.minor, rma.refund.currency, rules.policy);
  let event: RmaEvent;
  if (command.kind === 'refuseRefund') event = { type: 'reject', reason: 'policy_not_met' };
  else if (command.kind === 'approveRefund' && rma.state === 'received') event = { type: 'refund' };
  else event = { type: 'approve' };
  const result = transition(rma, event, now);
  if (!result.ok)
    return agentError(
      'policy_refused',
      `The return is ${rma.state}; it cannot be ${event.type === 'reject' ? 'refused' : 'approved'} now.`,
      id,
    );
  if ((await deps.returns.saveTransition(result.rma)) === 'stale')
    return agentError('policy_refused', 'The return changed meanwhile; reopen the conversation.', id);
  await audit(
    command.kind === 'refuseRefund'
      ? 'refuse_refund'
      : command.kind === 'approveRefund'
        ? 'approve_refund'
        : 'approve_return',
    session.sessionId,
    {
      rmaId: rma.rmaId,
      state: result.rma.state,
      overAutoLimit: decision.outcome === 'needs_human',
    },
  );
  return {
    type: 'done',
    requestId: id,
    action: 'caseAction',
    sessionId: session.sessionId,
    detail: result.rma.state,
  };
}
