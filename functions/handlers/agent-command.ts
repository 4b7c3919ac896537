import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { consoleDeps } from '../config/console';
import { logger, metrics } from '../config/observability';
import { handleAgentCommand } from '../core/console/agent-commands';
import { agentError } from '../core/console/agent-protocol';
import { agentOf } from './shared/agent-identity';
import { withObservability } from './shared/middleware';
import { bodyText, type WebSocketRouteEvent } from './shared/websocket-event';

/** Every agent API route but $connect/$disconnect: one use case reads the frame's action. */
export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const agent = agentOf(event);
    const answer = agent
      ? await handleAgentCommand(consoleDeps, {
          connectionId: event.requestContext.connectionId,
          agent,
          body: bodyText(event),
        }).catch((error: unknown) => {
          logger.error('agent command failed', { error: error instanceof Error ? error.name : 'unknown' });
          return agentError('internal_error', 'Something went wrong; check the conversation and try again.');
        })
      : agentError('forbidden', 'This connection is not an agent’s.');
    metrics.addMetric(answer.type === 'error' ? 'AgentCommandRefused' : 'AgentCommand', 'Count', 1);
    if (answer.type === 'error') logger.info('agent command refused', { code: answer.code });
    return { statusCode: 200, body: JSON.stringify(answer) };
  },
);
