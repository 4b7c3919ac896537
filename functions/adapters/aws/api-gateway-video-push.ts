import {
  type ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { VideoParty } from '../../core/video/session';
import type { VideoPush } from '../../ports/video-meetings';

const encoder = new TextEncoder();

/** Each party over its own API's @connections endpoint: the shopper's chat API, the agents' console API. */
export class ApiGatewayVideoPush implements VideoPush {
  constructor(private readonly clients: Record<VideoParty, ApiGatewayManagementApiClient>) {}

  async send(party: VideoParty, connectionId: string, event: object): Promise<'delivered' | 'gone'> {
    try {
      await this.clients[party].send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: encoder.encode(JSON.stringify(event)),
        }),
      );
      return 'delivered';
    } catch (error) {
      if (error instanceof GoneException) return 'gone';
      throw error;
    }
  }
}
