import type { AgentEvent, ConsoleMessage } from '../../../functions/core/console/agent-protocol';
import { RESOLUTION_CATEGORIES } from '../../../functions/core/console/agent-protocol';
import { isUrgent, matchesFilter, type QueueEntry, sortQueue } from '../../../functions/core/console/queue';
import {
  type ActionContext,
  type ConversationView,
  conversationActions,
  dispatchPush,
  onActionsChanged,
} from './actions';
import { AgentSocket } from './agent-socket';
import {
  type ConsoleConfig,
  forgetSession,
  loadConfig,
  type Session,
  SignInError,
  savedSession,
  signIn,
} from './auth';
import { formatWait, h } from './dom';
import './video-actions';

export { registerAction } from './actions';

type Me = Extract<AgentEvent, { type: 'queue' }>['me'];
type Filter = 'all' | 'mine' | 'unassigned';

const app = document.getElementById('app') as HTMLElement;
const agentLanguage = (navigator.language || 'en').split('-')[0] ?? 'en';

const state = {
  me: undefined as Me | undefined,
  entries: new Map<string, QueueEntry>(),
  responseTargetMinutes: 15,
  filter: 'all' as Filter,
  language: '',
  ownerQueue: '',
  open: undefined as ConversationView | undefined,
  socket: undefined as AgentSocket | undefined,
  presence: [] as Array<{ agentId: string; firstName: string; status: 'online' | 'away' }>,
};

let statusRegion: HTMLElement;
const announce = (text: string) => {
  statusRegion.textContent = '';
  // A fresh text node each time so screen readers announce a repeated message too.
  setTimeout(() => {
    statusRegion.textContent = text;
  }, 30);
};

async function boot(): Promise<void> {
  let config: ConsoleConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    app.replaceChildren(h('main', {}, h('p', { role: 'alert' }, (error as Error).message)));
    return;
  }
  const session = savedSession();
  if (session) startConsole(config, session);
  else showSignIn(config);
}

function showSignIn(config: ConsoleConfig, message?: string): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { role: 'alert', className: 'status' }, message ?? '');
  let challenge: { session: string } | undefined;
  const newPassword = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' });
  const newPasswordRow = h('label', { hidden: true }, 'New password', newPassword);
  const form = h(
    'form',
    { className: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Afterdesk console'),
    h('label', {}, 'Email', email),
    h('label', {}, 'Password', password),
    newPasswordRow,
    h('button', { type: 'submit', className: 'primary' }, 'Sign in'),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    // Asked here, on the agent's click: browsers only grant notification permission to a user gesture.
    if ('Notification' in window && Notification.permission === 'default')
      void Notification.requestPermission();
    try {
      const session = await signIn(
        config,
        email.value,
        password.value,
        challenge ? { session: challenge.session, password: newPassword.value } : undefined,
      );
      startConsole(config, session);
    } catch (failure) {
      if (failure instanceof SignInError && failure.challenge) {
        challenge = failure.challenge;
        newPasswordRow.hidden = false;
        newPassword.focus();
      }
      error.textContent = (failure as Error).message;
    }
  });
  app.replaceChildren(h('main', {}, form));
  email.focus();
}

function startConsole(config: ConsoleConfig, session: Session): void {
  state.socket?.stop();
  statusRegion = h('p', { role: 'status', className: 'status', 'aria-live': 'polite' });
  const presence = h(
    'select',
    { id: 'presence', 'aria-label': 'Presence' },
    h('option', { value: 'online' }, 'Online'),
    h('option', { value: 'away' }, 'Away'),
  );
  const who = h('span', { className: 'meta' });
  const signOut = h('button', { type: 'button' }, 'Sign out');
  const queueSection = h('section', { 'aria-labelledby': 'queue-title' });
  const conversationSection = h(
    'section',
    { 'aria-label': 'Conversation' },
    h('p', { className: 'meta' }, 'Choose a conversation in the queue.'),
  );
  const panelSection = h('section', { className: 'panel', 'aria-label': 'Case' });
  app.replaceChildren(
    h('header', {}, h('h1', {}, 'Afterdesk console'), who, h('label', {}, 'Presence ', presence), signOut),
    h('main', { className: 'layout' }, queueSection, conversationSection, panelSection),
    statusRegion,
  );
  const socket = new AgentSocket(
    config.agentWebSocketUrl,
    session.idToken,
    (event) => onPush(event),
    (connection) => {
      if (connection === 'refused') {
        forgetSession();
        showSignIn(config, 'Your session has ended. Please sign in again.');
      } else if (connection === 'online') void refresh();
      else announce('Connection lost; reconnecting…');
    },
  );
  state.socket = socket;
  signOut.addEventListener('click', () => {
    socket.stop();
    forgetSession();
    showSignIn(config);
  });
  presence.addEventListener('change', async () => {
    const answer = await socket.request({ action: 'setPresence', status: presence.value });
    announce(answer.type === 'error' ? answer.message : `You are ${presence.value}.`);
  });
  socket.start();

  async function refresh(): Promise<void> {
    const answer = await socket.request({ action: 'listQueue' });
    if (answer.type !== 'queue') return;
    state.me = answer.me;
    who.textContent = `${answer.me.firstName} (${answer.me.role})`;
    state.responseTargetMinutes = answer.responseTargetMinutes;
    state.presence = answer.presence;
    state.entries = new Map(answer.entries.map((entry) => [entry.sessionId, entry]));
    const mine = answer.presence.find((agent) => agent.agentId === answer.me.agentId);
    if (!mine || mine.status !== presence.value) {
      await socket.request({ action: 'setPresence', status: presence.value });
    }
    renderQueue();
    if (state.open) await openConversation(state.open.sessionId);
  }

  function onPush(event: AgentEvent): void {
    switch (event.type) {
      case 'queueEntry': {
        const { entry } = event;
        if (entry.status === 'closed') state.entries.delete(entry.sessionId);
        else state.entries.set(entry.sessionId, entry);
        if (event.isNew && isUrgent(entry)) notifyUrgent(entry);
        renderQueue();
        if (state.open?.sessionId === entry.sessionId) {
          state.open.entry = entry.status === 'closed' ? { ...entry } : entry;
          renderConversation();
        }
        return;
      }
      case 'message':
        if (state.open?.sessionId !== event.sessionId) return;
        if (state.open.messages.some((message) => message.seq === event.message.seq)) return;
        state.open.messages.push(event.message);
        state.open.messages.sort((a, b) => a.seq - b.seq);
        appendMessage(event.message);
        return;
      case 'viewers':
        if (state.open?.sessionId === event.sessionId) {
          state.open.viewers = event.viewers;
          renderOwnership();
        }
        return;
      case 'note':
        if (state.open?.sessionId === event.sessionId) {
          state.open.notes.push(event.note);
          renderPanel();
        }
        return;
      case 'presence':
        state.presence = event.presence;
        return;
      default:
        // Video call events and whatever else a registered feature listens for.
        dispatchPush(event as unknown as { type: string } & Record<string, unknown>, {
          send: (body) => socket.send(body),
          announce,
        });
        return;
    }
  }

  function notifyUrgent(entry: QueueEntry): void {
    const text = `Urgent hand-off${entry.orderId ? ` for order ${entry.orderId}` : ''} (${entry.language ?? '?'})`;
    announce(text);
    if ('Notification' in window && Notification.permission === 'granted')
      new Notification('Afterdesk', { body: text });
  }

  // ---- queue ----------------------------------------------------------------------------------------
  const filterNames: Record<Filter, string> = { all: 'All', mine: 'Mine', unassigned: 'Unassigned' };
  const list = h('ul', { className: 'queue', 'aria-label': 'Queue' });
  const languageSelect = h('select', { id: 'filter-language' });
  const ownerSelect = h('select', { id: 'filter-owner' });
  const radios = h('fieldset', {}, h('legend', { className: 'visually-hidden' }, 'Show'));
  for (const filter of Object.keys(filterNames) as Filter[]) {
    const input = h('input', {
      type: 'radio',
      name: 'queue-filter',
      value: filter,
      checked: filter === 'all',
    });
    input.addEventListener('change', () => {
      state.filter = filter;
      renderQueue();
    });
    radios.append(h('label', {}, input, ` ${filterNames[filter]}`));
  }
  languageSelect.addEventListener('change', () => {
    state.language = languageSelect.value;
    renderQueue();
  });
  ownerSelect.addEventListener('change', () => {
    state.ownerQueue = ownerSelect.value;
    renderQueue();
  });
  queueSection.append(
    h('h2', { id: 'queue-title' }, 'Waiting for a person'),
    h(
      'div',
      { className: 'filters' },
      radios,
      h('label', {}, 'Language ', languageSelect),
      h('label', {}, 'Owner queue ', ownerSelect),
    ),
    list,
  );
  setInterval(() => renderQueue(), 15_000);

  function fillSelect(select: HTMLSelectElement, values: string[], current: string, allLabel: string) {
    select.replaceChildren(
      h('option', { value: '' }, allLabel),
      ...values.map((value) => h('option', { value, selected: value === current }, value)),
    );
  }

  function renderQueue(): void {
    const entries = [...state.entries.values()];
    fillSelect(
      languageSelect,
      [...new Set(entries.flatMap((e) => (e.language ? [e.language] : [])))].sort(),
      state.language,
      'All languages',
    );
    fillSelect(
      ownerSelect,
      [...new Set(entries.flatMap((e) => (e.ownerQueue ? [e.ownerQueue] : [])))].sort(),
      state.ownerQueue,
      'All queues',
    );
    const me = state.me?.agentId ?? '';
    const shown = sortQueue(entries, Date.now(), state.responseTargetMinutes).filter(
      (entry) =>
        matchesFilter(
          entry,
          state.filter === 'mine'
            ? { kind: 'mine', agentId: me }
            : { kind: state.filter === 'unassigned' ? 'unassigned' : 'all' },
        ) &&
        (!state.language || entry.language === state.language) &&
        (!state.ownerQueue || entry.ownerQueue === state.ownerQueue),
    );
    const focused = document.activeElement?.closest('li')?.dataset.session;
    list.replaceChildren(
      ...shown.map((entry) => {
        const button = h(
          'button',
          { type: 'button', 'aria-current': state.open?.sessionId === entry.sessionId ? 'true' : undefined },
          h(
            'span',
            { className: isUrgent(entry) ? 'urgent' : '' },
            `Order ${entry.orderId ?? 'unknown'}${isUrgent(entry) ? ' · urgent' : ''}${entry.vip ? ' · VIP' : ''}`,
          ),
          h(
            'span',
            { className: 'meta' },
            `${entry.language ?? '?'} · ${entry.category ?? entry.intent ?? entry.reason}${entry.ownerQueue ? ` · ${entry.ownerQueue}` : ''}`,
          ),
          h(
            'span',
            { className: 'meta' },
            `${formatWait(entry.requestedAt)} · ${entry.ownerName ? `owner ${entry.ownerName}` : 'unassigned'}`,
          ),
        );
        button.addEventListener('click', () => void openConversation(entry.sessionId));
        const item = h('li', {}, button);
        item.dataset.session = entry.sessionId;
        return item;
      }),
    );
    if (shown.length === 0) list.append(h('li', { className: 'meta' }, 'Nobody is waiting.'));
    if (focused)
      (list.querySelector(`li[data-session="${CSS.escape(focused)}"] button`) as HTMLElement | null)?.focus();
  }

  // ---- conversation -----------------------------------------------------------------------------------
  async function openConversation(sessionId: string): Promise<void> {
    const answer = await socket.request({ action: 'openConversation', sessionId, agentLanguage });
    if (answer.type !== 'conversation') {
      announce(answer.type === 'error' ? answer.message : 'The conversation could not be opened.');
      return;
    }
    state.open = answer;
    renderConversation();
    renderQueue();
  }

  const ownership = h('p', { className: 'meta', id: 'ownership' });
  const transcript = h('ol', { className: 'transcript', 'aria-label': 'Transcript' });
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Conversation actions' });
  const actionPanel = h('div', { id: 'action-panel' });

  function actionContext(): ActionContext | undefined {
    if (!state.open || !state.me) return undefined;
    return {
      view: state.open,
      entry: state.entries.get(state.open.sessionId) ?? state.open.entry,
      me: state.me,
      request: (body) => socket.request(body),
      send: (body) => socket.send(body),
      announce,
      panel: actionPanel,
    };
  }

  function renderOwnership(): void {
    const context = actionContext();
    if (!context) return;
    const entry = context.entry;
    const viewers = context.view.viewers.map((viewer) => viewer.firstName).join(', ');
    const owner =
      entry?.status === 'assigned'
        ? `Owner: ${entry.ownerName ?? entry.ownerAgentId}`
        : entry?.status === 'queued'
          ? 'Waiting for a person'
          : 'With the assistant';
    ownership.textContent = `${owner}${viewers ? ` · Viewing: ${viewers}` : ''}`;
  }

  onActionsChanged(() => renderConversation());

  function renderConversation(): void {
    const context = actionContext();
    if (!context) return;
    renderOwnership();
    toolbar.replaceChildren(
      ...conversationActions()
        .filter((action) => action.available(context))
        .map((action) => {
          const button = h('button', { type: 'button', 'data-action': action.id }, action.label);
          button.addEventListener('click', () => void action.run(context));
          return button;
        }),
    );
    if (
      context.entry?.status === 'assigned' &&
      (context.entry.ownerAgentId === context.me.agentId || context.me.role === 'supervisor')
    )
      toolbar.append(resolveControl(context));
    transcript.replaceChildren();
    for (const message of context.view.messages) appendMessage(message);
    conversationSection.replaceChildren(
      h(
        'h2',
        {},
        `Order ${context.entry?.orderId ?? context.view.order?.orderId ?? 'unknown'} · ${context.entry?.language ?? '?'}`,
      ),
      ownership,
      toolbar,
      actionPanel,
      transcript,
      replyForm(context),
    );
    renderPanel();
  }

  function resolveControl(context: ActionContext): HTMLElement {
    const select = h(
      'select',
      { 'aria-label': 'Resolution category' },
      ...RESOLUTION_CATEGORIES.map((category) =>
        h('option', { value: category }, category.replace(/_/g, ' ')),
      ),
    );
    const button = h('button', { type: 'button' }, 'Resolve');
    button.addEventListener('click', async () => {
      const answer = await context.request({
        action: 'resolve',
        sessionId: context.view.sessionId,
        category: select.value,
      });
      announce(answer.type === 'error' ? answer.message : 'Resolved.');
    });
    return h('span', { className: 'toolbar' }, select, button);
  }

  function appendMessage(message: ConsoleMessage): void {
    const label =
      message.role === 'agent'
        ? `Agent ${message.agentName ?? ''}`
        : message.role === 'system'
          ? 'Event'
          : message.role === 'shopper'
            ? 'Shopper'
            : 'Assistant';
    const item = h(
      'li',
      { className: message.role, lang: message.language },
      h('div', { className: 'label' }, `${label} · ${new Date(message.createdAt).toLocaleTimeString()}`),
    );
    if (message.translation && 'text' in message.translation) {
      item.append(h('p', { lang: agentLanguage }, message.translation.text));
      const details = h(
        'details',
        {},
        h('summary', {}, `Original (${message.translation.from})`),
        h('p', { lang: message.language }, message.text),
      );
      item.append(details);
    } else {
      item.append(h('p', {}, message.text));
      if (message.translation && 'untranslated' in message.translation)
        item.append(
          h(
            'p',
            { className: 'untranslated' },
            `Untranslated (${message.language ?? 'language unknown'}): no translation model runs locally.`,
          ),
        );
    }
    if (message.original)
      item.append(
        h('details', {}, h('summary', {}, 'As written by the agent'), h('p', {}, message.original.text)),
      );
    for (const photo of message.photos ?? []) {
      if (photo.url)
        item.append(
          h(
            'a',
            { href: photo.url, target: '_blank', rel: 'noopener' },
            h('img', {
              src: photo.url,
              alt: photo.reading ? `Photo: ${photo.reading}` : 'Photo from the shopper',
            }),
          ),
        );
      if (photo.reading) item.append(h('p', { className: 'meta' }, `Read from the photo: ${photo.reading}`));
    }
    item.dataset.seq = String(message.seq);
    transcript.append(item);
  }

  function replyForm(context: ActionContext): HTMLElement {
    const owner = context.entry?.status === 'assigned' && context.entry.ownerAgentId === context.me.agentId;
    const textarea = h('textarea', { id: 'reply', disabled: !owner, 'aria-describedby': 'reply-help' });
    const help = h(
      'p',
      { id: 'reply-help', className: 'meta' },
      owner
        ? context.view.translator.available
          ? 'Write in your language; the shopper receives theirs. Enter sends, Shift+Enter adds a line.'
          : 'No translation model runs locally: what you write is sent as written. Use a canned or suggested reply for the shopper’s language. Enter sends.'
        : 'Only the owner can reply. Take over the conversation to answer.',
    );
    let typingSent = 0;
    const send = async () => {
      const text = textarea.value.trim();
      if (!text) return;
      const asWritten = textarea.dataset.asWritten === 'true';
      const answer = await context.request({
        action: 'reply',
        sessionId: context.view.sessionId,
        text,
        agentLanguage,
        translate: !asWritten,
      });
      if (answer.type === 'error') {
        announce(answer.message);
        return;
      }
      textarea.value = '';
      delete textarea.dataset.asWritten;
      announce('Sent.');
    };
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void send();
      }
    });
    textarea.addEventListener('input', () => {
      if (Date.now() - typingSent > 3000) {
        typingSent = Date.now();
        void context.request({ action: 'typing', sessionId: context.view.sessionId });
      }
    });
    const canned = h(
      'select',
      { 'aria-label': 'Canned reply', disabled: !owner },
      h('option', { value: '' }, 'Canned replies…'),
      ...context.view.cannedReplies.map((reply) =>
        h('option', { value: reply.text }, `${reply.title} (${reply.language})`),
      ),
    );
    canned.addEventListener('change', () => {
      if (!canned.value) return;
      textarea.value = canned.value;
      textarea.dataset.asWritten = 'true';
      canned.value = '';
      textarea.focus();
    });
    const button = h('button', { type: 'button', className: 'primary', disabled: !owner }, 'Send');
    button.addEventListener('click', () => void send());
    return h(
      'div',
      { className: 'reply' },
      h('label', { for: 'reply' }, 'Reply'),
      textarea,
      help,
      h('div', { className: 'toolbar' }, canned, button),
    );
  }

  // ---- case panel ---------------------------------------------------------------------------------------
  function renderPanel(): void {
    const context = actionContext();
    if (!context) return;
    const { view } = context;
    const order = view.order;
    const sections: HTMLElement[] = [h('h2', {}, 'Order')];
    if (order) {
      sections.push(
        h(
          'p',
          {},
          `${order.orderId} · ${order.status} · ${order.currency} · placed ${order.placedAt.slice(0, 10)}`,
        ),
        h(
          'ul',
          {},
          ...order.items.map((item) =>
            h(
              'li',
              {},
              `${item.quantity} × ${item.name}${item.size ? ` (${item.size})` : ''} — ${item.unitPrice} ${order.currency}`,
            ),
          ),
        ),
      );
      sections.push(h('h2', {}, 'Shipment'));
      if (order.shipment) {
        sections.push(
          h('p', {}, `${order.shipment.carrier} ${order.shipment.trackingNumber} · ${order.shipment.status}`),
          h(
            'ul',
            {},
            ...order.shipment.events
              .slice(-6)
              .reverse()
              .map((event) =>
                h(
                  'li',
                  {},
                  `${event.at.slice(0, 16).replace('T', ' ')} ${event.location ?? ''} — ${event.description}`,
                ),
              ),
          ),
        );
      } else sections.push(h('p', { className: 'meta' }, 'Not shipped yet.'));
    } else sections.push(h('p', { className: 'meta' }, 'No order found for this shopper.'));

    sections.push(h('h2', {}, 'Returns'));
    if (view.returns.length === 0) sections.push(h('p', { className: 'meta' }, 'None.'));
    for (const rma of view.returns) {
      const row = h(
        'div',
        {},
        h(
          'p',
          {},
          `${rma.rmaId} · ${rma.kind} · ${rma.state} · ${rma.refund.minor / 100} ${rma.refund.currency}`,
        ),
      );
      const act = (kind: string, label: string) => {
        const button = h('button', { type: 'button' }, label);
        button.addEventListener('click', async () => {
          const answer = await context.request({
            action: 'caseAction',
            sessionId: view.sessionId,
            kind,
            orderId: rma.orderId,
            rmaId: rma.rmaId,
          });
          announce(answer.type === 'error' ? answer.message : `${label}: done.`);
          if (answer.type !== 'error') await openConversation(view.sessionId);
        });
        return button;
      };
      if (rma.state === 'requested')
        row.append(
          act('approveReturn', `Approve return ${rma.rmaId}`),
          act('refuseRefund', `Refuse ${rma.rmaId}`),
        );
      if (rma.state === 'received')
        row.append(
          act('approveRefund', `Approve refund ${rma.rmaId}`),
          act('refuseRefund', `Refuse refund ${rma.rmaId}`),
        );
      sections.push(row);
    }

    sections.push(h('h2', {}, 'Claims'));
    if (view.claims.length === 0) sections.push(h('p', { className: 'meta' }, 'None.'));
    for (const claim of view.claims) {
      const row = h(
        'div',
        {},
        h(
          'p',
          {},
          `${claim.claimId} · ${claim.kind} · ${claim.category} → ${claim.owner.id} · ${claim.status}`,
        ),
      );
      if (claim.status === 'open') {
        const outcome = h(
          'select',
          { 'aria-label': `Outcome for ${claim.claimId}` },
          ...['refunded', 'replaced', 'repaired', 'rejected', 'resolved_other'].map((value) =>
            h('option', { value }, value.replace('_', ' ')),
          ),
        );
        const button = h('button', { type: 'button' }, `Close claim ${claim.claimId}`);
        button.addEventListener('click', async () => {
          const answer = await context.request({
            action: 'caseAction',
            sessionId: view.sessionId,
            kind: 'closeClaim',
            claimId: claim.claimId,
            outcome: outcome.value,
          });
          announce(answer.type === 'error' ? answer.message : 'Claim closed.');
          if (answer.type !== 'error') await openConversation(view.sessionId);
        });
        row.append(outcome, button);
      }
      sections.push(row);
    }

    sections.push(
      h('h2', {}, 'Internal notes'),
      h('ul', {}, ...view.notes.map((note) => h('li', {}, `${note.firstName}: ${note.text}`))),
    );
    const note = h('textarea', { id: 'note', 'aria-label': 'Internal note' });
    const addNote = h('button', { type: 'button' }, 'Add note');
    addNote.addEventListener('click', async () => {
      if (!note.value.trim()) return;
      const answer = await context.request({
        action: 'addNote',
        sessionId: view.sessionId,
        text: note.value,
      });
      announce(answer.type === 'error' ? answer.message : 'Note added (not shown to the shopper).');
      if (answer.type !== 'error') note.value = '';
    });
    sections.push(note, addNote);

    sections.push(h('h2', {}, 'Earlier conversations'));
    if (view.earlier.length === 0) sections.push(h('p', { className: 'meta' }, 'None with the team.'));
    else
      sections.push(
        h(
          'ul',
          {},
          ...view.earlier.map((entry) =>
            h(
              'li',
              {},
              `${(entry.closedAt ?? entry.updatedAt).slice(0, 10)} · ${entry.intent ?? entry.reason} · ${entry.resolution ?? 'handed back'}`,
            ),
          ),
        ),
      );

    if (context.me.role === 'supervisor') {
      const reassign = h(
        'select',
        { 'aria-label': 'Reassign to' },
        ...state.presence.map((agent) =>
          h('option', { value: agent.agentId }, `${agent.firstName} (${agent.status})`),
        ),
      );
      const reassignButton = h('button', { type: 'button' }, 'Reassign');
      reassignButton.addEventListener('click', async () => {
        const answer = await context.request({
          action: 'reassign',
          sessionId: view.sessionId,
          agentId: reassign.value,
        });
        announce(answer.type === 'error' ? answer.message : 'Reassigned.');
      });
      const auditButton = h('button', { type: 'button' }, 'Audit trail');
      const auditList = h('ol', { 'aria-label': 'Audit trail' });
      auditButton.addEventListener('click', async () => {
        const answer = await context.request({ action: 'readAudit', limit: 50 });
        if (answer.type !== 'audit') return announce(answer.type === 'error' ? answer.message : '');
        auditList.replaceChildren(
          ...answer.entries.map((entry) =>
            h(
              'li',
              {},
              `${entry.at.slice(0, 19).replace('T', ' ')} ${entry.agentEmail} ${entry.action}${entry.sessionId ? ` ${entry.sessionId.slice(0, 8)}…` : ''}`,
            ),
          ),
        );
      });
      sections.push(h('h2', {}, 'Supervisor'), reassign, reassignButton, auditButton, auditList);
    }
    panelSection.replaceChildren(...sections);
  }
}

void boot();
