import type { AgentEvent } from '../../../functions/core/console/agent-protocol';
import { t } from './language';

export type { AgentEvent };

type Listener = (event: AgentEvent) => void;

/**
 * The agent API connection: requests carry a requestId their answer echoes; pushes (queue entries,
 * messages, presence) go to the listener. Reconnects with backoff; a refused token ends the session.
 */
export class AgentSocket {
  private socket: WebSocket | undefined;
  private counter = 0;
  private attempt = 0;
  private stopped = false;
  private readonly pending = new Map<string, (event: AgentEvent) => void>();

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly listener: Listener,
    private readonly onState: (state: 'online' | 'reconnecting' | 'refused') => void,
  ) {}

  start(): void {
    const url = new URL(this.url);
    url.searchParams.set('token', this.token);
    const socket = new WebSocket(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.onState('online');
    };
    socket.onmessage = (message) => {
      let event: AgentEvent;
      try {
        event = JSON.parse(String(message.data)) as AgentEvent;
      } catch {
        return;
      }
      const id = 'requestId' in event ? event.requestId : undefined;
      const waiting = id ? this.pending.get(id) : undefined;
      if (id && waiting) {
        this.pending.delete(id);
        waiting(event);
        return;
      }
      this.listener(event);
    };
    socket.onclose = () => {
      for (const resolve of this.pending.values())
        resolve({ type: 'error', code: 'internal_error', message: t('error_internal_error') });
      this.pending.clear();
      if (this.stopped) return;
      // A socket refused before it opened is the authorizer saying no (401): signing in again is the fix.
      if (!opened && this.attempt >= 1) {
        this.onState('refused');
        return;
      }
      this.onState('reconnecting');
      setTimeout(() => this.start(), Math.min(10_000, 500 * 2 ** this.attempt++));
    };
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
  }

  /** A frame whose answers arrive as pushes (video calls); false when the socket is not open. */
  send(body: Record<string, unknown>): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(body));
    return true;
  }

  request(body: Record<string, unknown>): Promise<AgentEvent> {
    const requestId = `r${++this.counter}`;
    return new Promise((resolve) => {
      if (this.socket?.readyState !== WebSocket.OPEN) {
        resolve({ type: 'error', requestId, code: 'internal_error', message: t('error_internal_error') });
        return;
      }
      this.pending.set(requestId, resolve);
      this.socket.send(JSON.stringify({ ...body, requestId }));
    });
  }
}
