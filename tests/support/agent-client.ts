import { WebSocket } from 'ws';
import type { AgentEvent } from '../../functions/core/console/agent-protocol';

/** A scripted agent on the agent API: requests answered by requestId, pushes recorded. */
export class AgentClient {
  readonly pushes: AgentEvent[] = [];
  private counter = 0;
  private readonly pending = new Map<string, (event: AgentEvent) => void>();
  private waiters: Array<{ match: (event: AgentEvent) => boolean; resolve: (event: AgentEvent) => void }> =
    [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as AgentEvent;
      const id = 'requestId' in event ? event.requestId : undefined;
      const resolve = id ? this.pending.get(id) : undefined;
      if (id && resolve) {
        this.pending.delete(id);
        resolve(event);
        return;
      }
      this.pushes.push(event);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(event)) return true;
        waiter.resolve(event);
        return false;
      });
    });
  }

  static connect(url: string, token: string): Promise<AgentClient> {
    const target = new URL(url);
    target.searchParams.set('token', token);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(target);
      socket.once('open', () => resolve(new AgentClient(socket)));
      socket.once('unexpected-response', (_request, response) =>
        reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { statusCode: response.statusCode })),
      );
      socket.once('error', reject);
    });
  }

  request(body: Record<string, unknown>): Promise<AgentEvent> {
    const requestId = `t${++this.counter}`;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.socket.send(JSON.stringify({ ...body, requestId }));
    });
  }

  waitFor(match: (event: AgentEvent) => boolean, timeoutMs = 15_000): Promise<AgentEvent> {
    const seen = this.pushes.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for an agent push')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

/** Signs in like the console does (locally: the web server's sign-in, Cognito's part). */
export async function signInAgent(webUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(new URL('console/api/sign-in', webUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { idToken?: string; error?: string };
  if (!body.idToken) throw new Error(`sign-in refused: ${body.error}`);
  return body.idToken;
}
