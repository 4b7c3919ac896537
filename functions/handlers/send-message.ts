import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { ackJournal } from '../config/ack-journal';
import { conversations, rateLimits } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { photoReadiness } from '../config/photo-readiness';
import { acceptMessage } from '../core/chat/accept-message';
import { clientMessageIdOfBody } from '../core/chat/read-frame';
import { errorEvent } from '../core/protocol';
import { withObservability } from './shared/middleware';
import { shopperIdentity } from './shared/shopper-identity';
import { bodyText, routeResponse, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    try {
      // Inside the try: the identity lookup reads the store too, and its failure must name the message.
      const identity = await shopperIdentity(event);
      if (!identity)
        return routeResponse(
          errorEvent(
            'forbidden',
            'This connection is not signed in.',
            clientMessageIdOfBody(bodyText(event)),
          ),
        );
      const reply = await acceptMessage(
        {
          conversations,
          photos: photoReadiness,
          customerPerMinute: rateLimits.perCustomerPerMinute,
          journal: ackJournal,
        },
        { connectionId: event.requestContext.connectionId, ...identity, body: bodyText(event) },
      );
      metrics.addMetric(reply.type === 'ack' ? 'MessageAccepted' : 'MessageRejected', 'Count', 1);
      return routeResponse(reply);
    } catch (error) {
      logger.error('sendMessage failed', { error: error instanceof Error ? error.name : 'unknown' });
      // Nothing was acknowledged: the widget resends this clientMessageId, and the store answers once.
      return routeResponse(
        errorEvent(
          'internal_error',
          'The message could not be stored. Please send it again.',
          clientMessageIdOfBody(bodyText(event)),
        ),
      );
    }
  },
);
