import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { ServerEvent } from '../../functions/core/protocol';

/** A scripted shopper on a real WebSocket, recording every event the server sends. */
export class ShopperClient {
  readonly events: ServerEvent[] = [];
  private waiters: Array<{ match: (event: ServerEvent) => boolean; resolve: (event: ServerEvent) => void }> =
    [];
  closeCode?: number;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as ServerEvent;
      this.events.push(event);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(event)) return true;
        waiter.resolve(event);
        return false;
      });
    });
    socket.on('close', (code) => {
      this.closeCode = code;
    });
  }

  static connect(url: string, query: Record<string, string | undefined>): Promise<ShopperClient> {
    const target = new URL(url);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) target.searchParams.set(key, value);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(target);
      socket.once('open', () => resolve(new ShopperClient(socket)));
      socket.once('unexpected-response', (_request, response) =>
        reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { statusCode: response.statusCode })),
      );
      socket.once('error', reject);
    });
  }

  sendRaw(body: string): void {
    this.socket.send(body);
  }

  /** Sends a shopper message and returns its clientMessageId. */
  say(text: string, clientMessageId: string = randomUUID()): string {
    this.sendRaw(JSON.stringify({ action: 'sendMessage', clientMessageId, text }));
    return clientMessageId;
  }

  waitFor(match: (event: ServerEvent) => boolean, timeoutMs = 45_000): Promise<ServerEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a server event')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }

  /** The next event of a type that arrives after this call (ignores ones already received). */
  next(match: (event: ServerEvent) => boolean, timeoutMs = 45_000): Promise<ServerEvent> {
    const already = this.events.length;
    return this.waitFor((event) => this.events.indexOf(event) >= already && match(event), timeoutMs);
  }

  replyTo(clientMessageId: string): Promise<Extract<ServerEvent, { type: 'message' }>> {
    return this.waitFor(
      (event) => event.type === 'message' && event.role === 'assistant' && event.replyTo === clientMessageId,
    ) as Promise<Extract<ServerEvent, { type: 'message' }>>;
  }

  async ask(text: string): Promise<Extract<ServerEvent, { type: 'message' }>> {
    return this.replyTo(this.say(text));
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
