import type { ServerEvent } from '../core/protocol';

export interface ClientPush {
  /** 'gone' means the connection is closed (API Gateway 410): drop it, never retry. */
  send(connectionId: string, event: ServerEvent): Promise<'delivered' | 'gone'>;
}
