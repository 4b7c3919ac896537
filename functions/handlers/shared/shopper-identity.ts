import { connections } from '../../config/dynamodb';
import { identityOf, type WebSocketRouteEvent } from './websocket-event';

/**
 * The verified shopper behind a message route. API Gateway hands later routes the context the $connect
 * authorizer returned; the connection record written at $connect backs that up, so a route never trusts
 * anything the client sends about who it is.
 */
export async function shopperIdentity(
  event: WebSocketRouteEvent,
): Promise<{ customerId: string; sessionId: string } | undefined> {
  const fromAuthorizer = identityOf(event);
  if (fromAuthorizer) return fromAuthorizer;
  const record = await connections.get(event.requestContext.connectionId);
  return record ? { customerId: record.customerId, sessionId: record.sessionId } : undefined;
}
