import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_CONFIG } from '../../lib/config';
import { StageThrottle, stageThrottleSettings } from '../../local/gateway/stage-throttle';
import { type GatewayRoutes, LocalWebSocketGateway } from '../../local/gateway/websocket-gateway';
import { WEBSOCKET_APIS } from '../../topology';

const calls: string[] = [];
const routes: GatewayRoutes = {
  authorizer: async () => ({
    principalId: 'c-1',
    policyDocument: { Statement: [{ Effect: 'Allow' }] },
    context: { customerId: 'c-1' },
  }),
  $connect: async () => ({ statusCode: 200 }),
  $disconnect: async () => ({ statusCode: 200 }),
  $default: async () => ({ statusCode: 200, body: '{"type":"pong"}' }),
  actions: {
    sendMessage: async (event: { body: string }) => {
      const { clientMessageId } = JSON.parse(event.body) as { clientMessageId: string };
      calls.push(clientMessageId);
      return { statusCode: 200, body: JSON.stringify({ type: 'ack', clientMessageId }) };
    },
  },
  returnResponse: new Set(['$default', 'sendMessage']),
};

let gateway: LocalWebSocketGateway | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await gateway?.stop();
  gateway = undefined;
  calls.length = 0;
});

/** A gateway whose throttle runs on a clock the test moves. */
async function start(limits: { stage: number; connect: number; sendMessage: number }) {
  let now = 0;
  const limit = (burst: number) => ({ rateLimit: 1, burstLimit: burst });
  const throttle = new StageThrottle(
    {
      stage: limit(limits.stage),
      routes: { $connect: limit(limits.connect), sendMessage: limit(limits.sendMessage) },
    },
    () => now,
  );
  gateway = new LocalWebSocketGateway(routes, { throttle });
  const { websocketUrl } = await gateway.start();
  return { websocketUrl, advance: (ms: number) => (now += ms) };
}

function open(url: string): Promise<{ socket: WebSocket; frames: unknown[] } | { status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url}?token=t`);
    const frames: unknown[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
    socket.once('open', () => {
      sockets.push(socket);
      resolve({ socket, frames });
    });
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', reject);
  });
}

async function connected(url: string) {
  const result = await open(url);
  if (!('socket' in result)) throw new Error(`connection refused with ${result.status}`);
  return result;
}

async function answers(frames: unknown[], count: number): Promise<unknown[]> {
  while (frames.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  return frames.slice(0, count);
}

describe('stage throttling on the local gateway', () => {
  it('refuses messages over the route burst with a typed rate_limited error carrying the clientMessageId', async () => {
    const { websocketUrl, advance } = await start({ stage: 10, connect: 10, sendMessage: 2 });
    const { socket, frames } = await connected(websocketUrl);
    for (const id of ['m-1', 'm-2', 'm-3'])
      socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId: id, text: 'hi' }));
    const [first, second, third] = await answers(frames, 3);
    expect(first).toEqual({ type: 'ack', clientMessageId: 'm-1' });
    expect(second).toEqual({ type: 'ack', clientMessageId: 'm-2' });
    expect(third).toMatchObject({ type: 'error', code: 'rate_limited', clientMessageId: 'm-3' });
    expect((third as { message: string }).message).toMatch(/Too Many Requests.*resend in 1 s/);
    expect(calls).toEqual(['m-1', 'm-2']);

    // A second later the bucket holds a token again: the resent message passes.
    advance(1000);
    socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId: 'm-3', text: 'hi' }));
    expect((await answers(frames, 4))[3]).toEqual({ type: 'ack', clientMessageId: 'm-3' });
  });

  it('limits the stage across connections, and each route on its own bucket', async () => {
    const { websocketUrl } = await start({ stage: 1, connect: 10, sendMessage: 1 });
    const a = await connected(websocketUrl);
    const b = await connected(websocketUrl);
    a.socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId: 'a-1', text: 'hi' }));
    await answers(a.frames, 1);
    b.socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId: 'b-1', text: 'hi' }));
    // The $default route has its own (stage default) bucket, untouched by sendMessage.
    b.socket.send('{"action":"ping"}');
    const [refused, pong] = await answers(b.frames, 2);
    expect(refused).toMatchObject({ type: 'error', code: 'rate_limited', clientMessageId: 'b-1' });
    expect(pong).toEqual({ type: 'pong' });
    b.socket.send('{"action":"ping"}');
    expect((await answers(b.frames, 3))[2]).toMatchObject({ type: 'error', code: 'rate_limited' });
  });

  it('answers a connection storm over the $connect burst with 429, as API Gateway does', async () => {
    const { websocketUrl } = await start({ stage: 10, connect: 2, sendMessage: 10 });
    await connected(websocketUrl);
    await connected(websocketUrl);
    expect(await open(websocketUrl)).toEqual({ status: 429 });
  });

  it('uses the limits the CDK stage deploys, per route of the topology', () => {
    const settings = stageThrottleSettings(WEBSOCKET_APIS.chat);
    expect(settings.stage).toEqual(DEFAULT_CONFIG.throttle);
    expect(settings.routes.$connect).toEqual(DEFAULT_CONFIG.connectThrottle);
    expect(settings.routes.sendMessage).toEqual(DEFAULT_CONFIG.sendMessageThrottle);
    expect(settings.routes.requestUpload).toEqual(DEFAULT_CONFIG.connectThrottle);
    expect(settings.routes.resume).toBeUndefined();
  });
});
