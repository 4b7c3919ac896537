import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../../functions/core/auth/shopper-token';
import type { ServerEvent } from '../../functions/core/protocol';
import { runningLocalStack } from '../local-stack-info';

/**
 * A one-shot shopper: connects over the real WebSocket, sends one message, prints the assistant's reply.
 * The session id goes to stderr so `--session` can continue the conversation.
 */
export async function runChat(
  text: string,
  options: { customer?: string; session?: string; timeout?: string },
): Promise<number> {
  if (!options.customer) throw new Error('--customer <id> is required');
  if (!text.trim()) throw new Error('give the message to send, e.g. "Where is my order?"');
  const stack = await runningLocalStack();
  const secret = new TextEncoder().encode(await readOrCreateSecret(stack.secretFile));
  const token = await signShopperToken(secret, { customerId: options.customer }, 600);
  const url = new URL(stack.websocketUrl);
  url.searchParams.set('token', token);
  if (options.session) url.searchParams.set('session', options.session);

  const reply = await exchange(url, text, Number(options.timeout ?? 30) * 1000);
  if (reply.type === 'error') {
    console.error(`error ${reply.code}: ${reply.message}`);
    return 1;
  }
  console.error(`session: ${reply.sessionId}`);
  console.log(reply.text);
  return 0;
}

type Reply = Extract<ServerEvent, { type: 'message' } | { type: 'error' }>;

function exchange(url: URL, text: string, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const clientMessageId = randomUUID();
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no reply within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      socket.close();
      outcome();
    };
    socket.on('unexpected-response', (_request, response) =>
      finish(() => reject(new Error(`connection refused: HTTP ${response.statusCode}`))),
    );
    socket.on('error', (error) => finish(() => reject(error)));
    socket.on('open', () => socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId, text })));
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as ServerEvent;
      if (event.type === 'error') finish(() => resolve(event));
      else if (event.type === 'message' && event.role === 'assistant' && event.replyTo === clientMessageId) {
        finish(() => resolve(event));
      }
    });
  });
}
