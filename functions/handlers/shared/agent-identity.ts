import type { AgentIdentity } from '../../core/console/agent-identity';
import type { WebSocketRouteEvent } from './websocket-event';

/** The agent the $connect authorizer verified; later routes never trust what the client says it is. */
export function agentOf(event: WebSocketRouteEvent): AgentIdentity | undefined {
  const context = event.requestContext.authorizer as Record<string, unknown> | null | undefined;
  const agentId = context?.agentId;
  const email = context?.email;
  const firstName = context?.firstName;
  const role = context?.role;
  if (typeof agentId !== 'string' || typeof email !== 'string' || typeof firstName !== 'string')
    return undefined;
  if (role !== 'agent' && role !== 'supervisor') return undefined;
  return { agentId, email, firstName, role };
}
