import type { ChatMessage } from './protocol';
import type { Strings } from './strings';

type Role = ChatMessage['role'];

/**
 * The message list, ordered by cursor, with unconfirmed bubbles (typed, streaming) kept at the end until the
 * server gives them a cursor. Every bubble is found by cursor or clientMessageId, so nothing shows twice.
 */
const TYPING_TIMEOUT_MS = 60_000;

export class Transcript {
  private readonly time: Intl.DateTimeFormat;
  private readonly dateTime: Intl.DateTimeFormat;

  constructor(
    readonly element: HTMLElement,
    private readonly strings: Strings,
    locale: string,
  ) {
    this.time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    this.dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  }

  clear(): void {
    this.element.replaceChildren();
  }

  pending(clientMessageId: string, text: string, createdAt: string, photo?: { preview?: string }): void {
    if (this.find('client-id', clientMessageId)) return;
    const bubble = this.bubble('shopper', text, createdAt);
    if (photo) this.attachPhoto(bubble, photo.preview);
    bubble.dataset.clientId = clientMessageId;
    bubble.classList.add('pending');
    bubble.append(this.note(this.strings.sending));
    this.place(bubble, Number.POSITIVE_INFINITY);
  }

  delivered(clientMessageId: string, cursor?: number): void {
    const bubble = this.find('client-id', clientMessageId);
    if (!bubble) return;
    bubble.classList.remove('pending', 'unsent');
    bubble.querySelector('.note')?.remove();
    if (cursor !== undefined) this.place(bubble, cursor);
  }

  failed(clientMessageId: string): void {
    const bubble = this.find('client-id', clientMessageId);
    if (!bubble) return;
    bubble.classList.replace('pending', 'failed');
    bubble.querySelector('.note')?.replaceWith(this.note(this.strings.failed));
  }

  /**
   * The connection is down: a message still waiting says so instead of "Sending…" for ever. It stays in
   * the outbox, so it goes out by itself when the connection is back, or at once when retry is pressed.
   */
  unsent(clientMessageId: string, retry: () => void): void {
    const bubble = this.find('client-id', clientMessageId);
    if (!bubble?.classList.contains('pending')) return;
    bubble.classList.add('unsent');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'note resend';
    button.textContent = this.strings.notSentRetry;
    button.addEventListener('click', retry);
    bubble.querySelector('.note')?.replaceWith(button);
  }

  /** Back to "Sending…" for bubbles a retry is about to send. */
  resending(): void {
    for (const bubble of Array.from(this.element.querySelectorAll<HTMLElement>('.msg.unsent'))) {
      bubble.classList.remove('unsent');
      bubble.querySelector('.note')?.replaceWith(this.note(this.strings.sending));
    }
  }

  /** Shows a stored message once; returns its new bubble (undefined when it was already shown). */
  message(message: ChatMessage): HTMLElement | undefined {
    if (this.find('cursor', String(message.cursor))) return undefined;
    const own = message.clientMessageId && this.find('client-id', message.clientMessageId);
    if (own) {
      this.delivered(message.clientMessageId ?? '', message.cursor);
      return undefined;
    }
    if (message.replyTo) {
      this.find('delta-for', message.replyTo)?.remove();
      this.find('typing-for', message.replyTo)?.remove();
      this.markRead(message.replyTo);
    }
    const bubble = this.bubble(message.role, message.text, message.createdAt, message.agentName);
    if (message.attachments?.length) this.attachPhoto(bubble);
    if (message.clientMessageId) bubble.dataset.clientId = message.clientMessageId;
    if (message.replyTo) bubble.dataset.replyTo = message.replyTo;
    this.place(bubble, message.cursor);
    return bubble;
  }

  /** "Typing…" until the first words or the answer arrive; never for a message already answered. */
  typing(replyTo: string): void {
    if (this.find('reply-to', replyTo) || this.find('delta-for', replyTo) || this.find('typing-for', replyTo))
      return;
    const bubble = document.createElement('div');
    bubble.className = 'msg assistant typing';
    bubble.dataset.typingFor = replyTo;
    // The answer itself is announced by the live region; announcing "typing" too would be noise.
    bubble.setAttribute('aria-hidden', 'true');
    bubble.textContent = this.strings.typing;
    this.place(bubble, Number.POSITIVE_INFINITY);
    // A lost answer must not leave the indicator forever; resume brings the answer back anyway.
    setTimeout(() => bubble.remove(), TYPING_TIMEOUT_MS);
  }

  delta(replyTo: string, text: string): void {
    this.find('typing-for', replyTo)?.remove();
    let bubble = this.find('delta-for', replyTo);
    if (!bubble) {
      bubble = this.bubble('assistant', '', new Date().toISOString());
      bubble.dataset.deltaFor = replyTo;
      this.place(bubble, Number.POSITIVE_INFINITY);
    }
    const paragraph = bubble.querySelector('p');
    if (paragraph) paragraph.textContent += text;
    this.scrollToEnd();
  }

  notice(text: string): void {
    const notice = document.createElement('div');
    notice.className = 'msg notice';
    notice.textContent = text;
    this.place(notice, Number.POSITIVE_INFINITY);
  }

  /** Someone answered the shopper's message, so it has been read. */
  private markRead(clientMessageId: string): void {
    const asked = this.find('client-id', clientMessageId);
    if (!asked || asked.querySelector('.read')) return;
    const read = document.createElement('span');
    read.className = 'read';
    read.textContent = this.strings.read;
    asked.append(read);
  }

  private attachPhoto(bubble: HTMLElement, preview?: string): void {
    const figure = document.createElement(preview ? 'img' : 'span');
    figure.className = 'photo';
    if (figure instanceof HTMLImageElement && preview) {
      figure.src = preview;
      figure.alt = this.strings.photo;
    } else figure.textContent = `\u{1F4F7} ${this.strings.photo}`;
    bubble.insertBefore(figure, bubble.querySelector('p'));
  }

  private bubble(role: Role, text: string, createdAt: string, agentName?: string): HTMLElement {
    const bubble = document.createElement('div');
    bubble.className = `msg ${role}`;
    const who = document.createElement('span');
    who.className = 'sr';
    who.textContent = `${this.speaker(role)}: `;
    if (role === 'agent' && agentName) {
      // A person's words carry their name, visibly: the shopper should know a human is answering.
      who.className = 'who';
      who.textContent = `${agentName} (${this.strings.agent}): `;
    }
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    bubble.append(who, paragraph);
    const at = new Date(createdAt);
    if (!Number.isNaN(at.getTime())) {
      const time = document.createElement('time');
      time.dateTime = at.toISOString();
      const today = at.toDateString() === new Date().toDateString();
      time.textContent = (today ? this.time : this.dateTime).format(at);
      bubble.append(time);
    }
    return bubble;
  }

  private speaker(role: Role): string {
    if (role === 'shopper') return this.strings.you;
    if (role === 'agent') return this.strings.agent;
    return this.strings.assistant;
  }

  private note(text: string): HTMLElement {
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = text;
    return note;
  }

  private place(bubble: HTMLElement, cursor: number): void {
    if (Number.isFinite(cursor)) bubble.dataset.cursor = String(cursor);
    const after = Array.from(this.element.children).find(
      (child) => child !== bubble && cursorOf(child as HTMLElement) > cursor,
    );
    this.element.insertBefore(bubble, after ?? null);
    this.scrollToEnd();
  }

  private find(
    attribute: 'cursor' | 'client-id' | 'delta-for' | 'typing-for' | 'reply-to',
    value: string,
  ): HTMLElement | null {
    return this.element.querySelector(`[data-${attribute}="${CSS.escape(value)}"]`);
  }

  private scrollToEnd(): void {
    this.element.scrollTop = this.element.scrollHeight;
  }
}

function cursorOf(element: HTMLElement): number {
  return element.dataset.cursor ? Number(element.dataset.cursor) : Number.POSITIVE_INFINITY;
}
