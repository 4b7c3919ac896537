import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { MAX_WEBHOOK_BODY_BYTES, WEBHOOK_HANDLER, WEBHOOK_ROUTES } from '../../lib/webhook-routes';
import { lambdaContext } from '../gateway/lambda-context';

type WebhookHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

let loaded: Promise<WebhookHandler> | undefined;
// Loaded on the first delivery: the handler reads its configuration at cold start, which the local stack
// sets only after the web server is listening.
const webhookHandler = (): Promise<WebhookHandler> => {
  loaded ??= import('../../functions/handlers/webhooks').then((module) => module.handler as WebhookHandler);
  return loaded;
};

/**
 * The HTTP API's webhook routes on the local web server: the same handler, given the event API Gateway
 * (payload format 2.0) would give it, with the body base64-encoded so the signed bytes arrive untouched.
 */
export async function handleWebhookRequest(
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const route = WEBHOOK_ROUTES.find((known) => known.path === url.pathname);
  if (!route) return false;
  if (request.method !== route.method) {
    response.writeHead(405, { allow: route.method, 'content-type': 'application/json' });
    response.end(JSON.stringify({ outcome: 'method_not_allowed', message: `Use ${route.method}.` }));
    return true;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // API Gateway would refuse it too; read no further than one byte past the limit.
    if (size > MAX_WEBHOOK_BODY_BYTES + 1) break;
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  const now = Date.now();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: route.path,
    rawQueryString: url.search.slice(1),
    headers,
    body: body.toString('base64'),
    isBase64Encoded: true,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: route.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: `local-${now}`,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
  };
  const handler = await webhookHandler();
  const result = await handler(event, lambdaContext(WEBHOOK_HANDLER, 10_000));
  response.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
  response.end(result.body ?? '');
  return true;
}
