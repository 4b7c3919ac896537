import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { rateLimiter, rateLimits } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { answerPing } from '../core/chat/ping';
import { routeDefault } from '../core/chat/route-default';
import { errorEvent } from '../core/protocol';
import { withObservability } from './shared/middleware';
import { bodyText, routeResponse, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    let reply = routeDefault(bodyText(event));
    if (reply.type === 'pong') {
      try {
        reply = await answerPing(
          { limiter: rateLimiter, perMinute: rateLimits.pingsPerMinute },
          { connectionId: event.requestContext.connectionId },
        );
      } catch (error) {
        logger.error('ping failed', { error: error instanceof Error ? error.name : 'unknown' });
        reply = errorEvent('internal_error', 'The service cannot reach its store right now.');
      }
    }
    metrics.addMetric(reply.type === 'pong' ? 'Heartbeat' : 'FrameRejected', 'Count', 1);
    return routeResponse(reply);
  },
);
