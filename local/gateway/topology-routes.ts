import type { WebSocketApiSpec } from '../../topology';
import type { GatewayRoutes, LambdaHandler } from './websocket-gateway';

/** A handler that remembers which module under functions/handlers it runs (for the route table). */
export type NamedHandler = LambdaHandler & { readonly handlerModule: string };

export function namedHandler(handlerModule: string, handler: LambdaHandler): NamedHandler {
  return Object.assign(handler, { handlerModule });
}

/** The gateway's route table for one WebSocket API of the topology. */
export function gatewayRoutes(
  api: WebSocketApiSpec,
  handlerFor: (module: string) => NamedHandler,
): GatewayRoutes {
  const { $connect, $disconnect, $default, ...actions } = api.routes;
  if (!$connect || !$disconnect || !$default)
    throw new Error(`WebSocket API ${api.name} needs $connect, $disconnect and $default routes`);
  return {
    authorizer: handlerFor(api.authorizer.handler),
    $connect: handlerFor($connect.handler),
    $disconnect: handlerFor($disconnect.handler),
    $default: handlerFor($default.handler),
    actions: Object.fromEntries(
      Object.entries(actions).map(([key, route]) => [key, handlerFor(route.handler)]),
    ),
    returnResponse: new Set(
      Object.entries(api.routes)
        .filter(([, route]) => route.returnResponse)
        .map(([key]) => key),
    ),
  };
}
