import type { AgentEvent, ConsoleMessage } from '../../../functions/core/console/agent-protocol';
import {
  CLAIM_OUTCOMES,
  MAX_AGENT_TEXT_CHARS,
  RESOLUTION_CATEGORIES,
} from '../../../functions/core/console/agent-protocol';
import { isUrgent, matchesFilter, type QueueEntry, sortQueue } from '../../../functions/core/console/queue';
import { INTENT_IDS, type IntentId } from '../../../functions/core/nlu/intent-ids';
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
import { h } from './dom';
import {
  chooseLanguage,
  errorText,
  fmt,
  language,
  languagePicker,
  onLanguageChange,
  statusName,
  t,
  useLanguage,
  waitText,
} from './language';
import type { PlainKey } from './strings';
import './video-actions';

export { registerAction } from './actions';

type Me = Extract<AgentEvent, { type: 'queue' }>['me'];
type Filter = 'all' | 'mine' | 'unassigned';

const app = document.getElementById('app') as HTMLElement;
/** Shopper messages are translated into, and the agent's replies from, the language the console speaks. */
const agentLanguage = () => language();
/** Whatever the page shows now, drawn again in the language the agent picks. */
let redraw: () => void = () => undefined;
onLanguageChange(() => {
  const focusedPicker = document.activeElement?.id === 'console-language';
  redraw();
  if (focusedPicker) document.getElementById('console-language')?.focus();
});

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
  const session = savedSession();
  useLanguage(chooseLanguage(session?.locale));
  let config: ConsoleConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    app.replaceChildren(h('main', {}, h('p', { role: 'alert' }, (error as Error).message)));
    return;
  }
  if (session) startConsole(config, session);
  else showSignIn(config);
}

function showSignIn(config: ConsoleConfig, message?: PlainKey, typedEmail = ''): void {
  redraw = () => showSignIn(config, message, email.value);
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'username', required: true });
  email.value = typedEmail;
  const password = h('input', {
    id: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { role: 'alert', className: 'status' }, message ? t(message) : '');
  let challenge: { session: string } | undefined;
  const newPassword = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' });
  const newPasswordRow = h('label', { hidden: true }, t('newPassword'), newPassword);
  const form = h(
    'form',
    { className: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, t('appTitle')),
    languagePicker(),
    h('label', {}, t('email'), email),
    h('label', {}, t('password'), password),
    newPasswordRow,
    h('button', { type: 'submit', className: 'primary' }, t('signIn')),
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
  redraw = () => undefined;
  // The profile's language applies unless the agent picked one in this browser.
  useLanguage(chooseLanguage(session.locale));
  statusRegion = h('p', { role: 'status', className: 'status', 'aria-live': 'polite' });
  let presence = h('select', { id: 'presence' });
  const who = h('span', { className: 'meta' });
  const signOut = h('button', { type: 'button' });
  // Each column scrolls on its own, so each can take focus for keyboard scrolling (long words, small screens).
  const queueSection = h('section', { 'aria-labelledby': 'queue-title', tabindex: 0 });
  const conversationSection = h('section', { tabindex: 0 });
  const panelSection = h('section', { className: 'panel', tabindex: 0 });
  const header = h('header', {});
  app.replaceChildren(
    header,
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
        showSignIn(config, 'sessionEnded');
      } else if (connection === 'online') void refresh();
      else announce(t('connectionLost'));
    },
  );
  state.socket = socket;
  signOut.addEventListener('click', () => {
    socket.stop();
    forgetSession();
    showSignIn(config);
  });
  const presenceName = (status: string) => (status === 'away' ? t('away') : t('online'));
  const roleName = (role: string) => (role === 'supervisor' ? t('roleSupervisor') : t('roleAgent'));

  /** The header: title, who is signed in, presence, the language picker and sign-out. */
  function drawHeader(): void {
    const chosen = presence.value || 'online';
    presence = h(
      'select',
      { id: 'presence' },
      h('option', { value: 'online', selected: chosen === 'online' }, t('online')),
      h('option', { value: 'away', selected: chosen === 'away' }, t('away')),
    );
    presence.addEventListener('change', async () => {
      const answer = await socket.request({ action: 'setPresence', status: presence.value });
      announce(
        answer.type === 'error'
          ? errorText(answer)
          : t('presenceSet', { status: presenceName(presence.value) }),
      );
    });
    if (state.me)
      who.textContent = t('personWithRole', { name: state.me.firstName, role: roleName(state.me.role) });
    signOut.textContent = t('signOut');
    header.replaceChildren(
      h('h1', {}, t('appTitle')),
      who,
      h('label', {}, `${t('presence')} `, presence),
      languagePicker(),
      signOut,
    );
    conversationSection.setAttribute('aria-label', t('conversation'));
    panelSection.setAttribute('aria-label', t('casePanel'));
    if (!state.open)
      conversationSection.replaceChildren(h('p', { className: 'meta' }, t('chooseConversation')));
  }
  socket.start();

  async function refresh(): Promise<void> {
    const answer = await socket.request({ action: 'listQueue' });
    if (answer.type !== 'queue') return;
    state.me = answer.me;
    who.textContent = t('personWithRole', { name: answer.me.firstName, role: roleName(answer.me.role) });
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
    const languageCode = entry.language ?? '?';
    const text = entry.orderId
      ? t('urgentHandoff', { order: entry.orderId, language: languageCode })
      : t('urgentHandoffNoOrder', { language: languageCode });
    announce(text);
    if ('Notification' in window && Notification.permission === 'granted')
      new Notification('Afterdesk', { body: text });
  }

  // ---- queue ----------------------------------------------------------------------------------------
  const filterNames: Record<Filter, PlainKey> = {
    all: 'filterAll',
    mine: 'filterMine',
    unassigned: 'filterUnassigned',
  };
  const list = h('ul', { className: 'queue', id: 'queue' });
  const languageSelect = h('select', { id: 'filter-language' });
  const ownerSelect = h('select', { id: 'filter-owner' });
  languageSelect.addEventListener('change', () => {
    state.language = languageSelect.value;
    renderQueue();
  });
  ownerSelect.addEventListener('change', () => {
    state.ownerQueue = ownerSelect.value;
    renderQueue();
  });

  /** The queue's heading and filters; the selects keep their choice across languages. */
  function drawQueueFrame(): void {
    const radios = h('fieldset', {}, h('legend', { className: 'visually-hidden' }, t('show')));
    for (const filter of Object.keys(filterNames) as Filter[]) {
      const input = h('input', {
        type: 'radio',
        name: 'queue-filter',
        value: filter,
        checked: filter === state.filter,
      });
      input.addEventListener('change', () => {
        state.filter = filter;
        renderQueue();
      });
      radios.append(h('label', {}, input, ` ${t(filterNames[filter])}`));
    }
    list.setAttribute('aria-label', t('queue'));
    queueSection.replaceChildren(
      h('h2', { id: 'queue-title' }, t('queueTitle')),
      h(
        'div',
        { className: 'filters' },
        radios,
        h('label', {}, `${t('languageFilter')} `, languageSelect),
        h('label', {}, `${t('ownerQueueFilter')} `, ownerSelect),
      ),
      list,
    );
  }
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
      t('allLanguages'),
    );
    fillSelect(
      ownerSelect,
      [...new Set(entries.flatMap((e) => (e.ownerQueue ? [e.ownerQueue] : [])))].sort(),
      state.ownerQueue,
      t('allQueues'),
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
            [orderTitle(entry.orderId), isUrgent(entry) ? t('urgent') : '', entry.vip ? t('vip') : '']
              .filter(Boolean)
              .join(' · '),
          ),
          h(
            'span',
            { className: 'meta' },
            `${entry.language ?? '?'} · ${entry.category ?? topic(entry)}${entry.ownerQueue ? ` · ${entry.ownerQueue}` : ''}`,
          ),
          h(
            'span',
            { className: 'meta' },
            `${waitText(entry.requestedAt)} · ${entry.ownerName ? t('ownerName', { name: entry.ownerName }) : t('unassigned')}`,
          ),
        );
        button.addEventListener('click', () => void openConversation(entry.sessionId));
        const item = h('li', {}, button);
        item.dataset.session = entry.sessionId;
        return item;
      }),
    );
    if (shown.length === 0) list.append(h('li', { className: 'meta' }, t('nobodyWaiting')));
    if (focused)
      (list.querySelector(`li[data-session="${CSS.escape(focused)}"] button`) as HTMLElement | null)?.focus();
  }

  /** What the shopper came about: the intent named in the agent's language, else the hand-off reason. */
  function topic(entry: QueueEntry): string {
    const intent = entry.intent;
    return intent && (INTENT_IDS as readonly string[]).includes(intent)
      ? t(`intent_${intent as IntentId}`)
      : (intent ?? entry.reason);
  }

  function orderTitle(orderId: string | undefined): string {
    return orderId ? t('orderNumber', { order: orderId }) : t('noOrderNumber');
  }

  // ---- conversation -----------------------------------------------------------------------------------
  async function openConversation(sessionId: string): Promise<void> {
    const answer = await socket.request({
      action: 'openConversation',
      sessionId,
      agentLanguage: agentLanguage(),
    });
    if (answer.type !== 'conversation') {
      announce(answer.type === 'error' ? errorText(answer) : t('conversationNotOpened'));
      return;
    }
    state.open = answer;
    renderConversation();
    renderQueue();
  }

  const ownership = h('p', { className: 'meta', id: 'ownership' });
  const transcript = h('ol', { className: 'transcript' });
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar' });
  // Kept across redraws: a video call's area lives in it.
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
    const viewers = context.view.viewers.map((viewer) => viewer.firstName);
    const owner =
      entry?.status === 'assigned'
        ? t('ownerLine', { name: entry.ownerName ?? entry.ownerAgentId ?? '?' })
        : entry?.status === 'queued'
          ? t('queueTitle')
          : t('withAssistant');
    ownership.textContent = `${owner}${viewers.length ? ` · ${t('viewing', { names: fmt().list(viewers) })}` : ''}`;
  }

  onActionsChanged(() => renderConversation());

  function renderConversation(): void {
    const context = actionContext();
    if (!context) return;
    renderOwnership();
    transcript.setAttribute('aria-label', t('transcript'));
    toolbar.setAttribute('aria-label', t('conversationActions'));
    toolbar.replaceChildren(
      ...conversationActions()
        .filter((action) => action.available(context))
        .map((action) => {
          const button = h('button', { type: 'button', 'data-action': action.id }, t(action.label));
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
        `${orderTitle(context.entry?.orderId ?? context.view.order?.orderId)} · ${context.entry?.language ?? '?'}`,
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
      { 'aria-label': t('resolutionCategory') },
      ...RESOLUTION_CATEGORIES.map((category) =>
        h('option', { value: category }, t(`resolution_${category}`)),
      ),
    );
    const button = h('button', { type: 'button' }, t('resolve'));
    button.addEventListener('click', async () => {
      const answer = await context.request({
        action: 'resolve',
        sessionId: context.view.sessionId,
        category: select.value,
      });
      announce(answer.type === 'error' ? errorText(answer) : t('resolved'));
    });
    return h('span', { className: 'toolbar' }, select, button);
  }

  function appendMessage(message: ConsoleMessage): void {
    const label =
      message.role === 'agent'
        ? t('fromAgent', { name: message.agentName ?? '' })
        : message.role === 'system'
          ? t('fromSystem')
          : message.role === 'shopper'
            ? t('fromShopper')
            : t('fromAssistant');
    // The item itself is in the console's language; each text carries the language it is written in.
    const item = h(
      'li',
      { className: message.role },
      h('div', { className: 'label' }, `${label} · ${fmt().time(message.createdAt)}`),
    );
    if (message.translation && 'text' in message.translation) {
      item.append(h('p', { lang: agentLanguage(), dir: 'auto' }, message.translation.text));
      const details = h(
        'details',
        {},
        h('summary', {}, t('original', { language: message.translation.from })),
        h('p', { lang: message.language, dir: 'auto' }, message.text),
      );
      item.append(details);
    } else {
      item.append(h('p', { lang: message.language, dir: 'auto' }, message.text));
      if (message.translation && 'untranslated' in message.translation)
        item.append(
          h(
            'p',
            { className: 'untranslated' },
            t('untranslated', { language: message.language ?? t('languageUnknown') }),
          ),
        );
    }
    if (message.original)
      item.append(
        h(
          'details',
          {},
          h('summary', {}, t('asWrittenByAgent')),
          h('p', { lang: message.original.language, dir: 'auto' }, message.original.text),
        ),
      );
    for (const photo of message.photos ?? []) {
      if (photo.url)
        item.append(
          h(
            'a',
            { href: photo.url, target: '_blank', rel: 'noopener' },
            h('img', {
              src: photo.url,
              alt: photo.reading ? t('photoShowing', { reading: photo.reading }) : t('photoFromShopper'),
            }),
          ),
        );
      if (photo.reading)
        item.append(h('p', { className: 'meta' }, t('readFromPhoto', { reading: photo.reading })));
    }
    item.dataset.seq = String(message.seq);
    transcript.append(item);
  }

  function replyForm(context: ActionContext): HTMLElement {
    const owner = context.entry?.status === 'assigned' && context.entry.ownerAgentId === context.me.agentId;
    const textarea = h('textarea', {
      id: 'reply',
      disabled: !owner,
      'aria-describedby': 'reply-help',
      // The server refuses longer replies; the field stops there rather than after a round trip.
      maxlength: MAX_AGENT_TEXT_CHARS,
    });
    const help = h(
      'p',
      { id: 'reply-help', className: 'meta' },
      owner
        ? context.view.translator.available
          ? t('replyHelpTranslated')
          : t('replyHelpNoTranslator')
        : t('replyHelpNotOwner'),
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
        agentLanguage: agentLanguage(),
        translate: !asWritten,
      });
      if (answer.type === 'error') {
        announce(errorText(answer));
        return;
      }
      textarea.value = '';
      delete textarea.dataset.asWritten;
      announce(t('sent'));
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
      { 'aria-label': t('cannedReply'), disabled: !owner },
      h('option', { value: '' }, t('cannedReplies')),
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
    const button = h('button', { type: 'button', className: 'primary', disabled: !owner }, t('send'));
    button.addEventListener('click', () => void send());
    return h(
      'div',
      { className: 'reply' },
      h('label', { for: 'reply' }, t('reply')),
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
    const format = fmt();
    const sections: HTMLElement[] = [h('h2', {}, t('order'))];
    if (order) {
      sections.push(
        h(
          'p',
          {},
          t('orderSummary', {
            order: order.orderId,
            status: statusName('orderStatus', order.status),
            currency: order.currency,
            date: format.date(order.placedAt),
          }),
        ),
        h(
          'ul',
          {},
          ...order.items.map((item) =>
            h(
              'li',
              {},
              `${item.quantity} × ${item.name}${item.size ? ` (${item.size})` : ''} — ${format.money(item.unitPrice, order.currency)}`,
            ),
          ),
        ),
      );
      sections.push(h('h2', {}, t('shipment')));
      if (order.shipment) {
        sections.push(
          h(
            'p',
            {},
            `${order.shipment.carrier} ${order.shipment.trackingNumber} · ${statusName('shipmentStatus', order.shipment.status)}`,
          ),
          h(
            'ul',
            {},
            ...order.shipment.events
              .slice(-6)
              .reverse()
              .map((event) =>
                h('li', {}, `${format.dateTime(event.at)} ${event.location ?? ''} — ${event.description}`),
              ),
          ),
        );
      } else sections.push(h('p', { className: 'meta' }, t('notShipped')));
    } else sections.push(h('p', { className: 'meta' }, t('noOrderFound')));

    sections.push(h('h2', {}, t('returns')));
    if (view.returns.length === 0) sections.push(h('p', { className: 'meta' }, t('none')));
    for (const rma of view.returns) {
      const row = h(
        'div',
        {},
        h(
          'p',
          {},
          `${rma.rmaId} · ${rma.kind} · ${statusName('rmaState', rma.state)} · ${format.minorMoney(rma.refund.minor, rma.refund.currency)}`,
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
          announce(answer.type === 'error' ? errorText(answer) : t('actionDone', { action: label }));
          if (answer.type !== 'error') await openConversation(view.sessionId);
        });
        return button;
      };
      if (rma.state === 'requested')
        row.append(
          act('approveReturn', t('approveReturn', { rma: rma.rmaId })),
          act('refuseRefund', t('refuseReturn', { rma: rma.rmaId })),
        );
      if (rma.state === 'received')
        row.append(
          act('approveRefund', t('approveRefund', { rma: rma.rmaId })),
          act('refuseRefund', t('refuseRefund', { rma: rma.rmaId })),
        );
      sections.push(row);
    }

    sections.push(h('h2', {}, t('claims')));
    if (view.claims.length === 0) sections.push(h('p', { className: 'meta' }, t('none')));
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
          { 'aria-label': t('outcomeFor', { claim: claim.claimId }) },
          ...CLAIM_OUTCOMES.map((value) => h('option', { value }, t(`claim_${value}`))),
        );
        const button = h('button', { type: 'button' }, t('closeClaim', { claim: claim.claimId }));
        button.addEventListener('click', async () => {
          const answer = await context.request({
            action: 'caseAction',
            sessionId: view.sessionId,
            kind: 'closeClaim',
            claimId: claim.claimId,
            outcome: outcome.value,
          });
          announce(answer.type === 'error' ? errorText(answer) : t('claimClosed'));
          if (answer.type !== 'error') await openConversation(view.sessionId);
        });
        row.append(outcome, button);
      }
      sections.push(row);
    }

    sections.push(
      h('h2', {}, t('internalNotes')),
      h('ul', {}, ...view.notes.map((note) => h('li', { dir: 'auto' }, `${note.firstName}: ${note.text}`))),
    );
    const note = h('textarea', { id: 'note', 'aria-label': t('internalNote') });
    const addNote = h('button', { type: 'button' }, t('addNote'));
    addNote.addEventListener('click', async () => {
      if (!note.value.trim()) return;
      const answer = await context.request({
        action: 'addNote',
        sessionId: view.sessionId,
        text: note.value,
      });
      announce(answer.type === 'error' ? errorText(answer) : t('noteAdded'));
      if (answer.type !== 'error') note.value = '';
    });
    sections.push(note, addNote);

    sections.push(h('h2', {}, t('earlierConversations')));
    if (view.earlier.length === 0) sections.push(h('p', { className: 'meta' }, t('noneWithTeam')));
    else
      sections.push(
        h(
          'ul',
          {},
          ...view.earlier.map((entry) =>
            h(
              'li',
              {},
              `${format.date(entry.closedAt ?? entry.updatedAt)} · ${topic(entry)} · ${resolutionName(entry.resolution)}`,
            ),
          ),
        ),
      );

    if (context.me.role === 'supervisor') {
      const reassign = h(
        'select',
        { 'aria-label': t('reassignTo') },
        ...state.presence.map((agent) =>
          h(
            'option',
            { value: agent.agentId },
            t('personWithRole', { name: agent.firstName, role: presenceName(agent.status) }),
          ),
        ),
      );
      const reassignButton = h('button', { type: 'button' }, t('reassign'));
      reassignButton.addEventListener('click', async () => {
        const answer = await context.request({
          action: 'reassign',
          sessionId: view.sessionId,
          agentId: reassign.value,
        });
        announce(answer.type === 'error' ? errorText(answer) : t('reassigned'));
      });
      const auditButton = h('button', { type: 'button' }, t('auditTrail'));
      const auditList = h('ol', { 'aria-label': t('auditTrail') });
      auditButton.addEventListener('click', async () => {
        const answer = await context.request({ action: 'readAudit', limit: 50 });
        if (answer.type !== 'audit') return announce(answer.type === 'error' ? errorText(answer) : '');
        auditList.replaceChildren(
          ...answer.entries.map((entry) =>
            h(
              'li',
              {},
              `${format.dateTime(entry.at)} ${entry.agentEmail} ${entry.action}${entry.sessionId ? ` ${entry.sessionId.slice(0, 8)}…` : ''}`,
            ),
          ),
        );
      });
      sections.push(h('h2', {}, t('supervisor')), reassign, reassignButton, auditButton, auditList);
    }
    panelSection.replaceChildren(...sections);
  }

  function resolutionName(resolution: string | undefined): string {
    if (!resolution) return t('handedBack');
    return (RESOLUTION_CATEGORIES as readonly string[]).includes(resolution)
      ? t(`resolution_${resolution as (typeof RESOLUTION_CATEGORIES)[number]}`)
      : resolution;
  }

  redraw = () => {
    drawHeader();
    drawQueueFrame();
    renderQueue();
    renderConversation();
  };
  redraw();
}

void boot();
