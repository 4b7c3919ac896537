import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { routeDefault } from '../core/chat/route-default';
import { withObservability } from './shared/middleware';
import { bodyText, routeResponse, type WebSocketRouteEvent } from './shared/websocket-event';

export const handler = withObservability(
  async (event: WebSocketRouteEvent): Promise<APIGatewayProxyResultV2> => routeResponse(routeDefault(bodyText(event))),
);
