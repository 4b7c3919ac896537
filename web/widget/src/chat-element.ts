import { ChatClient, type ConnectionState } from './chat-client';
import { GuestProofNeeded, GuestTokenStore, proveOrder } from './guest-access';
import { newMessageId } from './outbox';
import { fetchShopperToken, TokenEndpointError } from './shopper-token';
import { isRightToLeft, pickLanguage, type Strings, stringsFor } from './strings';
import { STYLES } from './styles';
import { Transcript } from './transcript';
import { VideoCallPanel } from './video-call';

const CAMERA =
  '<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M9 4 7.2 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.2L15 4H9zm3 4.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z"/></svg>';
const ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';

/** `<afterdesk-chat>`: a launcher button and a chat panel, configured by its data- attributes. */
export class AfterdeskChat extends HTMLElement {
  static observedAttributes = ['data-token-url', 'data-websocket-url', 'data-guest-url'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private client: ChatClient | undefined;
  private transcript: Transcript | undefined;
  private strings: Strings = stringsFor('en');
  private launcher!: HTMLButtonElement;
  private panel!: HTMLElement;
  private status!: HTMLElement;
  /** The people's side: waiting with a place in the queue, who joined, who is typing. */
  private person!: HTMLElement;
  private agentName: string | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private input!: HTMLTextAreaElement;
  private video: VideoCallPanel | undefined;
  private compose!: HTMLFormElement;
  private guestForm!: HTMLFormElement;
  private trouble!: HTMLElement;
  private guestTokens: GuestTokenStore | undefined;
  private state: ConnectionState = 'idle';

  connectedCallback(): void {
    if (!this.launcher) this.render();
    this.restart();
  }

  disconnectedCallback(): void {
    this.client?.stop();
    this.client = undefined;
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.launcher) this.restart();
  }

  get open(): boolean {
    return !this.panel.hidden;
  }

  show(): void {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.client?.start();
    this.input.focus();
    this.video?.prefetch(this.dataset.videoMode);
  }

  hide(): void {
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  private render(): void {
    const language = pickLanguage(this.dataset.lang, navigator.languages ?? [navigator.language]);
    this.strings = stringsFor(language);
    const t = this.strings;
    this.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
    const color = this.dataset.primaryColor;
    if (color && CSS.supports('color', color)) this.style.setProperty('--ad-primary', color);
    this.root.innerHTML = `<style>${STYLES}</style>
<button class="launcher" type="button" aria-expanded="false" aria-controls="panel">${ICON}<span class="sr"></span></button>
<section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>
  <div class="head"><div><h2 id="title"></h2><p></p></div><button class="close" type="button">&times;</button></div>
  <p class="status" role="status"></p>
  <p class="status person" role="status"></p>
  <div class="video-bar"><button class="video-start" type="button"></button></div>
  <div class="call" hidden><p class="call-status" role="status"></p>
  <div class="videos"><video class="remote" autoplay playsinline></video><video class="local" autoplay playsinline muted></video></div>
  <div class="call-controls" hidden><button type="button"></button><button type="button"></button><button type="button"></button><button type="button" class="end"></button></div>
  <button class="call-photo" type="button" hidden></button></div>
  <div class="trouble" role="alert" hidden><span></span><button class="retry" type="button"></button></div>
  <div class="log" role="log" aria-live="polite" tabindex="0"></div>
  <form class="compose"><button class="attach" type="button">${CAMERA}</button><input type="file" accept="image/*" hidden>
  <label class="sr" for="input"></label><textarea id="input" rows="2" maxlength="10000"></textarea>
  <button class="send" type="submit"></button></form>
  <form class="guest" hidden novalidate><p class="intro"></p>
  <label for="guest-order"></label><input id="guest-order" name="order" autocomplete="off" maxlength="40" required>
  <label for="guest-email"></label><input id="guest-email" name="email" type="email" autocomplete="email" maxlength="320" required>
  <p class="error" role="alert"></p><button type="submit"></button></form>
</section>`;
    const $ = <T extends Element>(selector: string) => this.root.querySelector(selector) as T;
    this.launcher = $('.launcher');
    this.panel = $('.panel');
    this.status = $('.status');
    this.person = $('.person');
    this.input = $('textarea');
    this.compose = $('form.compose');
    this.guestForm = $('form.guest');
    this.trouble = $('.trouble');
    $('.launcher .sr').textContent = t.openChat;
    this.panel.lang = language;
    this.panel.dir = this.dir;
    $('h2').textContent = this.dataset.storeName || t.title;
    $('.head p').textContent = this.dataset.storeName ? t.title : '';
    $<HTMLButtonElement>('.close').setAttribute('aria-label', t.closeChat);
    $('.log').setAttribute('aria-label', t.messages);
    $('label[for="input"]').textContent = t.messageLabel;
    $('.trouble span').textContent = t.cantConnect;
    $('.retry').textContent = t.retry;
    $('.retry').addEventListener('click', () => this.retry());
    $('.guest .intro').textContent = t.guestIntro;
    $('label[for="guest-order"]').textContent = t.orderNumber;
    $('label[for="guest-email"]').textContent = t.email;
    $('.guest button').textContent = t.guestContinue;
    this.guestForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.proveGuest();
    });
    this.input.placeholder = t.placeholder;
    $('.send').textContent = t.send;
    const attach = $<HTMLButtonElement>('.attach');
    const picker = $<HTMLInputElement>('input[type=file]');
    attach.setAttribute('aria-label', t.attachPhoto);
    attach.title = t.attachPhoto;
    attach.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      picker.value = '';
      if (file) this.sendPhoto(file);
    });
    this.transcript = new Transcript($('.log'), t, language);
    this.video = new VideoCallPanel(
      this.root,
      (frame) => this.client?.sendVideo(frame) ?? false,
      () => picker.click(),
      language,
    );

    this.launcher.addEventListener('click', () => (this.open ? this.hide() : this.show()));
    $('.close').addEventListener('click', () => this.hide());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    this.compose.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || !this.client) return;
    this.input.value = '';
    const entry = this.client.send(text);
    this.transcript?.pending(entry.clientMessageId, entry.text, entry.createdAt);
    if (this.state === 'unavailable') this.transcript?.unsent(entry.clientMessageId, () => this.retry());
  }

  /** Retry pressed (the banner's or a message's): try now, and show waiting messages as sending again. */
  private retry(): void {
    this.transcript?.resending();
    this.client?.retry();
  }

  private async proveGuest(): Promise<void> {
    const guestUrl = this.dataset.guestUrl;
    const tokens = this.guestTokens;
    if (!guestUrl || !tokens) return;
    const t = this.strings;
    const order = this.root.querySelector<HTMLInputElement>('#guest-order');
    const email = this.root.querySelector<HTMLInputElement>('#guest-email');
    const error = this.guestForm.querySelector('.error') as HTMLElement;
    const button = this.guestForm.querySelector('button') as HTMLButtonElement;
    if (!order?.value.trim() || !email?.value.trim()) {
      error.textContent = t.guestRefused;
      return;
    }
    button.disabled = true;
    error.textContent = '';
    const result = await proveOrder(new URL(guestUrl, location.href).href, order.value, email.value);
    button.disabled = false;
    if (!result.ok) {
      error.textContent =
        result.reason === 'limited'
          ? t.guestLimited
          : result.reason === 'unavailable'
            ? t.cantConnect
            : t.guestRefused;
      return;
    }
    tokens.keep(result.token, result.expiresAt);
    email.value = '';
    this.client?.retry();
  }

  private sendPhoto(file: File): void {
    const client = this.client;
    if (!client) return;
    const caption = this.input.value.trim() || this.strings.photo;
    this.input.value = '';
    const id = newMessageId();
    this.transcript?.pending(id, caption, new Date().toISOString(), { preview: URL.createObjectURL(file) });
    client.sendPhoto(file, caption, id).catch(() => {
      this.transcript?.failed(id);
      this.transcript?.notice(this.strings.uploadFailed);
    });
  }

  private restart(): void {
    this.client?.stop();
    this.client = undefined;
    this.transcript?.clear();
    this.showState('idle');
    const websocketUrl = this.dataset.websocketUrl;
    const tokenUrl = this.dataset.tokenUrl ? new URL(this.dataset.tokenUrl, location.href).href : undefined;
    const guestUrl = this.dataset.guestUrl ? new URL(this.dataset.guestUrl, location.href).href : undefined;
    if (!websocketUrl || !(tokenUrl || guestUrl) || !this.isConnected) return;
    const transcript = this.transcript;
    const t = this.strings;
    const guestTokens = guestUrl ? new GuestTokenStore(`afterdesk:v1:guest-token:${guestUrl}`) : undefined;
    this.guestTokens = guestTokens;
    const client = new ChatClient({
      websocketUrl,
      tokenUrl: tokenUrl ?? `guest:${guestUrl}`,
      // Signed in: the storefront's token. Not signed in (no token URL, or it answers 401/403): the guest's
      // proved-order token while it lasts, else the guest form.
      getToken: async () => {
        if (tokenUrl) {
          try {
            return await fetchShopperToken(tokenUrl);
          } catch (error) {
            if (!(guestTokens && error instanceof TokenEndpointError && error.signedOut)) throw error;
          }
        }
        const token = guestTokens?.current();
        if (token) return token;
        throw new GuestProofNeeded();
      },
      // The storefront's language first: a shopper writing it in Latin letters is still read in it.
      locale: this.dataset.lang || navigator.language,
      listener: {
        state: (state) => {
          this.showState(state);
          if (state === 'online') this.video?.resume();
        },
        video: (event) => this.video?.handle(event),
        message: (message) => {
          const bubble = transcript?.message(message);
          // The assistant's video-call card sits under its reply; accepting it starts the call.
          if (bubble && message.card?.kind === 'video_call' && this.video)
            bubble.append(this.video.offerCard(message.card));
        },
        delta: (replyTo, text) => transcript?.delta(replyTo, text),
        typing: (replyTo) => transcript?.typing(replyTo),
        delivered: (id, cursor) => transcript?.delivered(id, cursor),
        failed: (id) => transcript?.failed(id),
        notice: (code) => transcript?.notice(code === 'rate_limited' ? t.rateLimited : t.errorGeneric),
        reset: () => transcript?.clear(),
        handoff: (event) => this.showHandoff(event),
        agentTyping: (name) => this.showAgentTyping(name),
      },
    });
    this.client = client;
    for (const entry of client.outbox.entries())
      transcript?.pending(
        entry.clientMessageId,
        entry.text,
        entry.createdAt,
        entry.attachments?.length ? {} : undefined,
      );
    // Visitors who never chatted open no socket; a conversation in progress reconnects at once.
    if (this.open || client.hasConversation()) client.start();
  }

  private showHandoff(event: {
    state: string;
    agentName?: string;
    position?: number;
    expectedWaitMinutes?: number;
  }): void {
    const t = this.strings;
    clearTimeout(this.typingTimer);
    this.agentName = event.state === 'joined' ? event.agentName : undefined;
    this.dataset.handoff = event.state;
    this.person.textContent =
      event.state === 'waiting' && event.position !== undefined
        ? fill(t.waitingForPerson, { position: event.position, minutes: event.expectedWaitMinutes ?? '?' })
        : event.state === 'joined' && event.agentName
          ? fill(t.withAgent, { name: event.agentName })
          : '';
  }

  private showAgentTyping(name: string | undefined): void {
    const t = this.strings;
    const who = name ?? this.agentName;
    if (!who) return;
    this.person.textContent = fill(t.agentTyping, { name: who });
    clearTimeout(this.typingTimer);
    // Agents send "typing" every few seconds while they write; silence means they stopped.
    this.typingTimer = setTimeout(() => {
      this.person.textContent = this.agentName ? fill(t.withAgent, { name: this.agentName }) : '';
    }, 6000);
  }

  private showState(state: ConnectionState): void {
    const t = this.strings;
    const text: Record<ConnectionState, string> = {
      idle: '',
      online: '',
      connecting: t.connecting,
      reconnecting: t.reconnecting,
      offline: t.offline,
      unavailable: '',
      guest: '',
    };
    const wasGuest = this.state === 'guest';
    this.state = state;
    this.status.textContent = text[state];
    this.trouble.hidden = state !== 'unavailable';
    this.guestForm.hidden = state !== 'guest';
    this.compose.hidden = state === 'guest';
    if (state === 'unavailable' && this.client)
      for (const entry of this.client.outbox.entries())
        this.transcript?.unsent(entry.clientMessageId, () => this.retry());
    if (state === 'guest' && !wasGuest && this.open)
      this.root.querySelector<HTMLInputElement>('#guest-order')?.focus();
    this.dataset.state = state;
  }
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => String(values[key] ?? placeholder));
}
