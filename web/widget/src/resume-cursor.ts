import type { ChatMessage } from './protocol';

/**
 * The cursor a client resumes from (docs/protocol.md, "Resuming"). An `ack` says a shopper message is
 * stored, not that what comes after it was delivered: its reply's cursor is reserved before the ack and the
 * reply may still be on its way when the connection drops. So acks never move the cursor forward, and a
 * shopper message still waiting for its answer holds the cursor at its own position until the answer
 * arrives. Resuming from here can replay messages the client already holds (dropped by cursor) but can never
 * skip one.
 */
export class ResumeCursor {
  /** The highest cursor of a `message` event received. */
  private delivered = 0;
  /** Shopper messages known to be stored whose answer has not arrived: clientMessageId -> cursor. */
  private readonly awaiting = new Map<string, number>();
  /** Replies seen, so a replayed question whose answer is already held does not wait again. */
  private readonly answered = new Set<string>();

  /** A shopper message was stored at `cursor` (its ack). */
  acknowledged(clientMessageId: string, cursor: number): void {
    this.awaiting.set(clientMessageId, cursor);
  }

  /** A `message` event arrived, live or replayed. */
  received(message: Pick<ChatMessage, 'cursor' | 'role' | 'clientMessageId' | 'replyTo'>): void {
    if (message.cursor > this.delivered) this.delivered = message.cursor;
    if (message.role === 'shopper' && message.clientMessageId) {
      if (!this.answered.has(message.clientMessageId))
        this.awaiting.set(message.clientMessageId, message.cursor);
      return;
    }
    if (message.replyTo) {
      this.answered.add(message.replyTo);
      this.awaiting.delete(message.replyTo);
    }
    // An agent owns the conversation from here: the assistant answers none of the earlier messages.
    if (message.role === 'agent')
      for (const [id, cursor] of this.awaiting) if (cursor < message.cursor) this.awaiting.delete(id);
  }

  /** The cursor to send in `resume`. */
  get value(): number {
    let cursor = this.delivered;
    for (const waiting of this.awaiting.values()) if (waiting < cursor) cursor = waiting;
    return cursor;
  }

  reset(): void {
    this.delivered = 0;
    this.awaiting.clear();
    this.answered.clear();
  }
}
