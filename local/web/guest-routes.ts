import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { lambdaContext } from '../gateway/lambda-context';
import type { LambdaHandler } from '../gateway/websocket-gateway';

export const LOCAL_GUEST_TOKEN_PATH = '/api/guest/token';
/** The Lambda reads at most 2 KB; the local server stops reading a little after that. */
const MAX_BODY_BYTES = 4096;

/**
 * POST /api/guest/token: the same guest-token handler the HTTP API invokes in AWS, called in process with
 * an HTTP API (payload 2.0) event, the peer address as its source IP.
 */
export async function handleGuestToken(
  request: IncomingMessage,
  response: ServerResponse,
  handler: LambdaHandler,
): Promise<void> {
  if (request.method !== 'POST') {
    response.writeHead(405, {
      allow: 'POST',
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify({ error: 'method_not_allowed', message: 'POST an order number and email.' }));
    return;
  }
  const body = await readBody(request);
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: 'POST /guest/token',
    rawPath: '/guest/token',
    rawQueryString: '',
    headers: { 'content-type': request.headers['content-type'] ?? '' },
    body: body ?? '',
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: request.headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      requestId: randomUUID(),
      routeKey: 'POST /guest/token',
      stage: 'live',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      http: {
        method: 'POST',
        path: '/guest/token',
        protocol: 'HTTP/1.1',
        sourceIp: request.socket.remoteAddress ?? 'unknown',
        userAgent: request.headers['user-agent'] ?? '',
      },
    },
  } satisfies APIGatewayProxyEventV2;
  const result = (await handler(event, lambdaContext('guest-token', 10_000))) as Exclude<
    APIGatewayProxyResultV2,
    string
  >;
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.body ?? '');
}

/** The body as text, or undefined when it is larger than any proof (the handler then answers invalid). */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      request.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
