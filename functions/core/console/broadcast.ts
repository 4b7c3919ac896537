import type { AgentConnection, AgentConnectionStore, AgentPush } from '../../ports/console';
import { type AgentEvent, forAgents } from './agent-protocol';

/**
 * Sends one event to every connected agent (or those `only` selects). A closed connection (410) is
 * forgotten, never retried; one agent's failure never stops the others from hearing.
 */
export async function broadcast(
  deps: { agents: AgentConnectionStore; agentPush: AgentPush },
  event: AgentEvent | ((connection: AgentConnection) => AgentEvent | undefined),
  only?: (connection: AgentConnection) => boolean,
): Promise<number> {
  const connections = (await deps.agents.listConnections()).filter(
    (connection) => only?.(connection) ?? true,
  );
  const results = await Promise.allSettled(
    connections.map(async (connection) => {
      const body = typeof event === 'function' ? event(connection) : event;
      if (!body) return false;
      const outcome = await deps.agentPush.send(connection.connectionId, forAgents(body));
      if (outcome === 'gone') await deps.agents.removeConnection(connection.connectionId);
      return outcome === 'delivered';
    }),
  );
  return results.filter((result) => result.status === 'fulfilled' && result.value).length;
}
