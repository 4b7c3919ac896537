import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { ServerEvent } from '../../core/protocol';

/** The part of API Gateway's WebSocket route event that handlers read. */
export interface WebSocketRouteEvent {
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext: {
    connectionId: string;
    routeKey: string;
    eventType?: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
    domainName?: string;
    stage?: string;
    requestId?: string;
    authorizer?: { customerId?: string; sessionId?: string; principalId?: string } | null;
  };
}

/** With returnResponse on the route, API Gateway sends this body to the client as one frame. */
export function routeResponse(event: ServerEvent | undefined, statusCode = 200): APIGatewayProxyResultV2 {
  return event ? { statusCode, body: JSON.stringify(event) } : { statusCode };
}

export function identityOf(
  event: WebSocketRouteEvent,
): { customerId: string; sessionId: string } | undefined {
  const customerId = event.requestContext.authorizer?.customerId;
  const sessionId = event.requestContext.authorizer?.sessionId;
  return customerId && sessionId ? { customerId, sessionId } : undefined;
}

export function bodyText(event: WebSocketRouteEvent): string | null | undefined {
  return event.isBase64Encoded && event.body
    ? Buffer.from(event.body, 'base64').toString('utf8')
    : event.body;
}
