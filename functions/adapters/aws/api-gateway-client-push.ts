import {
  type ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ServerEvent } from '../../core/protocol';

const encoder = new TextEncoder();

/** The ClientPush (and AgentPush) adapter. Used in both modes: locally the client points at the loopback gateway's real @connections endpoint. */
export class ApiGatewayClientPush<Event = ServerEvent> {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  /** The agent API pushes its own events through the same adapter, typed by `Event`. */
  async send(connectionId: string, event: Event): Promise<'delivered' | 'gone'> {
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
