import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { connections } from '../config/dynamodb';
import { metrics } from '../config/observability';
import { withObservability } from './shared/middleware';
import type { WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
    await connections.delete(event.requestContext.connectionId);
    metrics.addMetric('ShopperDisconnected', 'Count', 1);
    return { statusCode: 200 };
  },
);
