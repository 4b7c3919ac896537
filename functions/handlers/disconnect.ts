import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { connections } from '../config/dynamodb';
import { withObservability } from './shared/middleware';
import type { WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => {
  await connections.delete(event.requestContext.connectionId);
  return { statusCode: 200 };
});
