import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { metrics } from '../config/observability';
import { routeDefault } from '../core/chat/route-default';
import { withObservability } from './shared/middleware';
import { bodyText, routeResponse, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const reply = routeDefault(bodyText(event));
    metrics.addMetric(reply.type === 'pong' ? 'Heartbeat' : 'FrameRejected', 'Count', 1);
    return routeResponse(reply);
  },
);
