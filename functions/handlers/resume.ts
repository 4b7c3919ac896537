import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { clientPush } from '../config/client-push';
import { conversations } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { resumeSession } from '../core/chat/resume-session';
import { errorEvent } from '../core/protocol';
import { withObservability } from './shared/middleware';
import { shopperIdentity } from './shared/shopper-identity';
import { bodyText, routeResponse, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const identity = await shopperIdentity(event);
    if (!identity) return routeResponse(errorEvent('forbidden', 'This connection is not signed in.'));
    try {
      const reply = await resumeSession(
        { conversations, push: clientPush },
        {
          connectionId: event.requestContext.connectionId,
          sessionId: identity.sessionId,
          body: bodyText(event),
        },
      );
      metrics.addMetric('SessionResumed', 'Count', 1);
      return routeResponse(reply);
    } catch (error) {
      logger.error('resume failed', { error: error instanceof Error ? error.name : 'unknown' });
      return routeResponse(
        errorEvent('internal_error', 'Could not resume the conversation. Please try again.'),
      );
    }
  },
);
