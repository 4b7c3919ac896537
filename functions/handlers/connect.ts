import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { connections, conversations } from '../config/dynamodb';
import { metrics } from '../config/observability';
import { connectShopper } from '../core/chat/connect-shopper';
import { withObservability } from './shared/middleware';
import { identityOf, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    const identity = identityOf(event);
    if (!identity) return { statusCode: 401 };
    const result = await connectShopper(
      { conversations, connections },
      { connectionId: event.requestContext.connectionId, ...identity },
    );
    metrics.addMetric(result === 'connected' ? 'ShopperConnected' : 'ConnectionForbidden', 'Count', 1);
    return { statusCode: result === 'connected' ? 200 : 403 };
  },
);
