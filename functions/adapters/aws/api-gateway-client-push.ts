import {
  type ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ServerEvent } from '../../core/protocol';
import type { ClientPush } from '../../ports/client-push';

const encoder = new TextEncoder();

/** Used in both modes: locally the client points at the loopback gateway's real @connections endpoint. */
export class ApiGatewayClientPush implements ClientPush {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  async send(connectionId: string, event: ServerEvent): Promise<'delivered' | 'gone'> {
    try {
      await this.client.send(
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
