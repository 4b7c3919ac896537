import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Builders for the exact event shapes API Gateway gives WebSocket Lambda integrations. */
export interface ConnectionInfo {
  connectionId: string;
  connectedAt: number;
  sourceIp: string;
  userAgent: string;
  authorizer?: Record<string, string>;
}

export interface GatewayIdentity {
  apiId: string;
  stage: string;
  domainName: string;
  region: string;
}

export function newConnectionId(): string {
  return `${randomBytes(12).toString('base64url').slice(0, 15)}=`;
}

function requestContext(
  gateway: GatewayIdentity,
  connection: ConnectionInfo,
  routeKey: string,
  eventType: string,
) {
  const now = Date.now();
  return {
    routeKey,
    eventType,
    extendedRequestId: randomBytes(8).toString('base64url'),
    requestTime: new Date(now).toUTCString(),
    messageDirection: 'IN',
    stage: gateway.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: now,
    identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
    requestId: randomBytes(8).toString('base64url'),
    domainName: gateway.domainName,
    connectionId: connection.connectionId,
    apiId: gateway.apiId,
  };
}

function headersOf(request: IncomingMessage) {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    headers[name] = values.join(',');
    multiValueHeaders[name] = values;
  }
  return { headers, multiValueHeaders };
}

function queryOf(request: IncomingMessage) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    single[key] = value;
    multi[key] = [...(multi[key] ?? []), value];
  }
  const empty = Object.keys(single).length === 0;
  return {
    queryStringParameters: empty ? undefined : single,
    multiValueQueryStringParameters: empty ? undefined : multi,
  };
}

export function authorizerEvent(
  gateway: GatewayIdentity,
  connection: ConnectionInfo,
  request: IncomingMessage,
) {
  return {
    type: 'REQUEST' as const,
    methodArn: `arn:aws:execute-api:${gateway.region}:000000000000:${gateway.apiId}/${gateway.stage}/$connect`,
    ...headersOf(request),
    ...queryOf(request),
    stageVariables: {},
    requestContext: requestContext(gateway, connection, '$connect', 'CONNECT'),
  };
}

export function connectEvent(gateway: GatewayIdentity, connection: ConnectionInfo, request: IncomingMessage) {
  return {
    ...headersOf(request),
    ...queryOf(request),
    requestContext: {
      ...requestContext(gateway, connection, '$connect', 'CONNECT'),
      authorizer: connection.authorizer,
    },
    isBase64Encoded: false,
  };
}

export function messageEvent(
  gateway: GatewayIdentity,
  connection: ConnectionInfo,
  routeKey: string,
  body: string,
) {
  return {
    requestContext: {
      ...requestContext(gateway, connection, routeKey, 'MESSAGE'),
      messageId: randomUUID().replaceAll('-', '').slice(0, 16),
      authorizer: connection.authorizer,
    },
    body,
    isBase64Encoded: false,
  };
}

export function disconnectEvent(
  gateway: GatewayIdentity,
  connection: ConnectionInfo,
  statusCode: number,
  reason: string,
) {
  return {
    headers: { Host: gateway.domainName },
    multiValueHeaders: { Host: [gateway.domainName] },
    requestContext: {
      ...requestContext(gateway, connection, '$disconnect', 'DISCONNECT'),
      disconnectStatusCode: statusCode,
      disconnectReason: reason,
      authorizer: connection.authorizer,
    },
    isBase64Encoded: false,
  };
}
