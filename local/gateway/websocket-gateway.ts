import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../functions/core/protocol';
import {
  authorizerEvent,
  type ConnectionInfo,
  connectEvent,
  disconnectEvent,
  type GatewayIdentity,
  messageEvent,
  newConnectionId,
} from './events';
import { lambdaContext } from './lambda-context';
import type { StageThrottle } from './stage-throttle';

// biome-ignore lint/suspicious/noExplicitAny: handlers take API Gateway-shaped events of several types.
export type LambdaHandler = (event: any, context: any) => Promise<any>;

export interface GatewayRoutes {
  authorizer: LambdaHandler;
  $connect: LambdaHandler;
  $disconnect: LambdaHandler;
  $default: LambdaHandler;
  /** Keyed on the value of the body's `action` field, as routeSelectionExpression $request.body.action. */
  actions: Record<string, LambdaHandler>;
  /** Routes whose integration response is sent back to the client (returnResponse in CDK). */
  returnResponse: ReadonlySet<string>;
}

export interface GatewayOptions {
  host?: string;
  port?: number;
  stage?: string;
  /** API Gateway closes a connection idle for 10 minutes and any connection after 2 hours. */
  idleTimeoutMs?: number;
  maxConnectionMs?: number;
  /** API Gateway's integration timeout. */
  integrationTimeoutMs?: number;
  onError?: (where: string, error: unknown) => void;
  /** The stage's throttling (stage-throttle.ts); none when absent. */
  throttle?: StageThrottle;
}

export interface GatewayEndpoints {
  port: number;
  websocketUrl: string;
  connectionsEndpoint: string;
}

interface LiveConnection extends ConnectionInfo {
  socket: WebSocket;
  lastActiveAt: number;
  queue: Promise<void>;
  timers: NodeJS.Timeout[];
}

const encoder = new TextEncoder();

/**
 * A loopback stand-in for an API Gateway WebSocket API: the same route selection, event shapes,
 * authorizer semantics, quotas and a real @connections management endpoint, so the Lambda handlers and
 * the real ApiGatewayManagementApiClient run unchanged.
 */
export class LocalWebSocketGateway {
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly live = new Map<string, LiveConnection>();
  private readonly identity: GatewayIdentity;
  private readonly options: Required<Omit<GatewayOptions, 'onError' | 'throttle'>> &
    Pick<GatewayOptions, 'onError' | 'throttle'>;

  constructor(
    private readonly routes: GatewayRoutes,
    options: GatewayOptions = {},
  ) {
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      stage: options.stage ?? 'local',
      idleTimeoutMs: options.idleTimeoutMs ?? 10 * 60_000,
      maxConnectionMs: options.maxConnectionMs ?? 2 * 3600_000,
      integrationTimeoutMs: options.integrationTimeoutMs ?? 29_000,
      onError: options.onError,
      throttle: options.throttle,
    };
    this.identity = { apiId: 'local', stage: this.options.stage, domainName: '127.0.0.1', region: 'local' };
    this.wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
    this.server = createServer((request, response) => {
      this.handleManagementRequest(request, response).catch((error) => {
        this.options.onError?.('@connections', error);
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    this.server.on('upgrade', (request, socket, head) => {
      this.handleUpgrade(request, socket, head).catch((error) => {
        this.options.onError?.('$connect', error);
        rejectUpgrade(socket, 500, 'Internal Server Error');
      });
    });
  }

  async start(): Promise<GatewayEndpoints> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    this.identity.domainName = `${this.options.host}:${port}`;
    return {
      port,
      websocketUrl: `ws://${this.options.host}:${port}`,
      connectionsEndpoint: `http://${this.options.host}:${port}/${this.options.stage}`,
    };
  }

  /** The routes this gateway dispatches: key -> handler module (when named) and returnResponse. */
  routeTable(): Record<string, { handler?: string; returnResponse: boolean }> {
    const { authorizer: _authorizer, actions, returnResponse, ...fixed } = this.routes;
    const table: Record<string, { handler?: string; returnResponse: boolean }> = {};
    for (const [key, handler] of Object.entries({ ...fixed, ...actions })) {
      table[key] = {
        handler: (handler as { handlerModule?: string }).handlerModule,
        returnResponse: returnResponse.has(key),
      };
    }
    return table;
  }

  /** The handler module of the $connect authorizer, when named. */
  get authorizerModule(): string | undefined {
    return (this.routes.authorizer as { handlerModule?: string }).handlerModule;
  }

  get connectionCount(): number {
    return this.live.size;
  }

  /** Cuts every connection without a close handshake, as a dropped mobile network would. */
  dropAllConnections(): number {
    const count = this.live.size;
    for (const connection of this.live.values()) connection.socket.terminate();
    return count;
  }

  /** Closes every connection (running $disconnect for each) and stops listening. */
  async stop(): Promise<void> {
    const closing = [...this.live.values()].map(
      (connection) =>
        new Promise<void>((resolve) => {
          connection.socket.once('close', () => resolve());
          connection.socket.close(1001, 'Going away');
          setTimeout(resolve, 2000).unref();
        }),
    );
    await Promise.all(closing);
    await Promise.all([...this.live.values()].map((connection) => connection.queue));
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (this.options.throttle?.admit('$connect') === false)
      return rejectUpgrade(socket, 429, 'Too Many Requests');
    const connection: ConnectionInfo = {
      connectionId: newConnectionId(),
      connectedAt: Date.now(),
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      userAgent: request.headers['user-agent'] ?? '',
    };
    let policy: {
      principalId?: string;
      policyDocument?: { Statement?: Array<{ Effect?: string }> };
      context?: object;
    };
    try {
      policy = await this.invoke(
        'authorizer',
        this.routes.authorizer,
        authorizerEvent(this.identity, connection, request),
      );
    } catch (error) {
      // API Gateway answers 401 when the authorizer throws "Unauthorized", 500 for anything else.
      if (error instanceof Error && error.message === 'Unauthorized')
        return rejectUpgrade(socket, 401, 'Unauthorized');
      this.options.onError?.('authorizer', error);
      return rejectUpgrade(socket, 500, 'Internal Server Error');
    }
    const allowed =
      policy.policyDocument?.Statement?.every((statement) => statement.Effect === 'Allow') ?? false;
    if (!allowed) return rejectUpgrade(socket, 403, 'Forbidden');
    connection.authorizer = {
      ...stringValues(policy.context ?? {}),
      principalId: String(policy.principalId ?? ''),
      integrationLatency: '0',
    };
    const result = await this.invoke(
      '$connect',
      this.routes.$connect,
      connectEvent(this.identity, connection, request),
    );
    const status = typeof result?.statusCode === 'number' ? result.statusCode : 200;
    if (status < 200 || status > 299) return rejectUpgrade(socket, status, 'Forbidden');
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, connection));
  }

  private accept(socket: WebSocket, info: ConnectionInfo): void {
    const connection: LiveConnection = {
      ...info,
      socket,
      lastActiveAt: Date.now(),
      queue: Promise.resolve(),
      timers: [],
    };
    this.live.set(info.connectionId, connection);
    const idle = setInterval(
      () => {
        if (Date.now() - connection.lastActiveAt >= this.options.idleTimeoutMs)
          socket.close(1001, 'Going away');
      },
      Math.min(this.options.idleTimeoutMs, 30_000),
    );
    const lifetime = setTimeout(() => socket.close(1001, 'Going away'), this.options.maxConnectionMs);
    connection.timers.push(idle, lifetime);
    for (const timer of connection.timers) timer.unref();

    socket.on('message', (data: RawData, isBinary: boolean) => {
      connection.lastActiveAt = Date.now();
      const body = isBinary ? Buffer.from(data as Buffer).toString('base64') : data.toString();
      // API Gateway does not promise ordering across concurrent invocations; one at a time per
      // connection keeps acknowledgements in the order the shopper sent.
      connection.queue = connection.queue.then(() => this.route(connection, body));
    });
    socket.on('close', (code: number, reason: Buffer) => {
      for (const timer of connection.timers) clearInterval(timer);
      this.live.delete(info.connectionId);
      connection.queue = connection.queue.then(() =>
        this.invoke(
          '$disconnect',
          this.routes.$disconnect,
          disconnectEvent(this.identity, connection, code, reason.toString() || 'Client closed'),
        ).then(
          () => undefined,
          (error) => this.options.onError?.('$disconnect', error),
        ),
      );
    });
    socket.on('error', (error) => this.options.onError?.('socket', error));
  }

  private async route(connection: LiveConnection, body: string): Promise<void> {
    const routeKey = this.selectRoute(body);
    const handler = routeKey === '$default' ? this.routes.$default : this.routes.actions[routeKey];
    if (!handler) return;
    if (this.options.throttle?.admit(routeKey) === false) {
      if (connection.socket.readyState === WebSocket.OPEN)
        connection.socket.send(this.options.throttle.refusal(body, connection.connectionId));
      return;
    }
    let reply: string | undefined;
    try {
      const result = await this.invoke(
        routeKey,
        handler,
        messageEvent(this.identity, connection, routeKey, body),
      );
      if (this.routes.returnResponse.has(routeKey) && typeof result?.body === 'string') reply = result.body;
    } catch (error) {
      this.options.onError?.(routeKey, error);
      reply = JSON.stringify({ message: 'Internal server error', connectionId: connection.connectionId });
    }
    if (reply !== undefined && connection.socket.readyState === WebSocket.OPEN) connection.socket.send(reply);
  }

  private selectRoute(body: string): string {
    try {
      const action = (JSON.parse(body) as { action?: unknown })?.action;
      if (typeof action === 'string' && Object.hasOwn(this.routes.actions, action)) return action;
    } catch {
      // Not JSON: API Gateway falls back to $default, and so do we.
    }
    return '$default';
  }

  private async invoke(name: string, handler: LambdaHandler, event: unknown) {
    const timeout = this.options.integrationTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        handler(event, lambdaContext(name, timeout)),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`integration ${name} timed out after ${timeout} ms`)),
            timeout,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async handleManagementRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^(?:\/[^/]+)?\/@connections\/([^/?]+)/.exec(request.url ?? '');
    if (!match?.[1]) return sendJson(response, 404, { message: 'Not Found' });
    const connectionId = decodeURIComponent(match[1]);
    const connection = this.live.get(connectionId);
    if (!connection || connection.socket.readyState !== WebSocket.OPEN) {
      return sendJson(response, 410, { message: 'Gone' }, 'GoneException');
    }
    switch (request.method) {
      case 'POST': {
        const data = await readBody(request, MAX_MESSAGE_BYTES);
        if (data === 'too_large') {
          return sendJson(response, 413, { message: 'Message too long' }, 'PayloadTooLargeException');
        }
        await new Promise<void>((resolve, reject) =>
          connection.socket.send(data, { binary: false }, (error) => (error ? reject(error) : resolve())),
        );
        response.writeHead(200, { 'content-length': '0' }).end();
        return;
      }
      case 'GET':
        return sendJson(response, 200, {
          ConnectedAt: new Date(connection.connectedAt).toISOString(),
          Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
          LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        });
      case 'DELETE':
        connection.socket.close(1000, 'Closed by the server');
        response.writeHead(204).end();
        return;
      default:
        return sendJson(response, 405, { message: 'Method Not Allowed' });
    }
  }
}

function stringValues(context: object): Record<string, string> {
  return Object.fromEntries(Object.entries(context).map(([key, value]) => [key, String(value)]));
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.writable)
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function sendJson(response: ServerResponse, status: number, body: object, errorType?: string): void {
  const payload = encoder.encode(JSON.stringify(body));
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(payload.byteLength),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(payload);
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
