import type { Attachment } from './protocol';

export interface OutboxEntry {
  clientMessageId: string;
  text: string;
  createdAt: string;
  /** Photos already uploaded: only their references wait here, never the bytes. */
  attachments?: Attachment[];
}

/**
 * Messages not yet acknowledged, kept in localStorage so that a message typed on a dying network, or just
 * before a reload, is still sent, with its original id, and therefore stored once.
 */
export class Outbox {
  constructor(
    private readonly storage: Storage,
    private readonly key: string,
  ) {}

  entries(): OutboxEntry[] {
    try {
      const value = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(value) ? (value as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  add(text: string, attachments?: Attachment[], clientMessageId: string = newMessageId()): OutboxEntry {
    const entry: OutboxEntry = { clientMessageId, text, createdAt: new Date().toISOString() };
    if (attachments?.length) entry.attachments = attachments;
    this.save([...this.entries(), entry]);
    return entry;
  }

  remove(clientMessageId: string): boolean {
    const entries = this.entries();
    const rest = entries.filter((entry) => entry.clientMessageId !== clientMessageId);
    if (rest.length !== entries.length) this.save(rest);
    return rest.length !== entries.length;
  }

  private save(entries: OutboxEntry[]): void {
    try {
      if (entries.length) this.storage.setItem(this.key, JSON.stringify(entries));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage full or disabled (private mode): the message is still sent while the page lives.
    }
  }
}

export function newMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a storefront previewed over plain http still deserves unique ids.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
