import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { consoleDeps } from '../config/console';
import { withObservability } from './shared/middleware';
import type { WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    await consoleDeps.agents.removeConnection(event.requestContext.connectionId);
    return { statusCode: 200 };
  },
);
