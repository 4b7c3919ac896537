import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AlertPublisher, KeywordSpikeAlert } from '../../ports/keyword-spikes';

export const ALERT_EVENT_SOURCE = 'afterdesk.analytics';
export const KEYWORD_SPIKE_DETAIL_TYPE = 'KeywordSpike';

/**
 * The cloud AlertPublisher: one event on the seller's custom bus, where their rules route it (email,
 * Slack, a ticket). PutEvents answers 200 even when the entry was refused, so FailedEntryCount is checked.
 */
export class EventBridgeAlertPublisher implements AlertPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly eventBusName: string,
  ) {}

  async publish(alert: KeywordSpikeAlert): Promise<void> {
    const response = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.eventBusName,
            Source: ALERT_EVENT_SOURCE,
            DetailType: KEYWORD_SPIKE_DETAIL_TYPE,
            Detail: JSON.stringify(alert),
          },
        ],
      }),
    );
    if ((response.FailedEntryCount ?? 0) > 0) {
      const entry = response.Entries?.find((candidate) => candidate.ErrorCode);
      throw new Error(
        `keyword spike event refused: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`.trim(),
      );
    }
  }
}
