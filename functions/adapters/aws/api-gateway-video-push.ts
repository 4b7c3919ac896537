import type { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import type { VideoParty } from '../../core/video/session';
import type { VideoPush } from '../../ports/video-meetings';
import { ApiGatewayClientPush } from './api-gateway-client-push';

/** Each party over its own API's @connections endpoint: the shopper's chat API, the agents' console API. */
export class ApiGatewayVideoPush implements VideoPush {
  private readonly pushes: Record<VideoParty, ApiGatewayClientPush<object>>;

  constructor(clients: Record<VideoParty, ApiGatewayManagementApiClient>) {
    this.pushes = {
      shopper: new ApiGatewayClientPush<object>(clients.shopper),
      agent: new ApiGatewayClientPush<object>(clients.agent),
    };
  }

  send(party: VideoParty, connectionId: string, event: object): Promise<'delivered' | 'gone'> {
    return this.pushes[party].send(connectionId, event);
  }
}
