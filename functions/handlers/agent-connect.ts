import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { consoleDeps } from '../config/console';
import { metrics } from '../config/observability';
import { agentOf } from './shared/agent-identity';
import { withObservability } from './shared/middleware';
import type { WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const agent = agentOf(event);
    if (!agent) return { statusCode: 401 };
    await consoleDeps.agents.addConnection({
      connectionId: event.requestContext.connectionId,
      agentId: agent.agentId,
      firstName: agent.firstName,
      role: agent.role,
      connectedAt: new Date().toISOString(),
    });
    metrics.addMetric('AgentConnected', 'Count', 1);
    return { statusCode: 200 };
  },
);
