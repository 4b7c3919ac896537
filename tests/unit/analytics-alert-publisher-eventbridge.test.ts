import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventBridgeAlertPublisher } from '../../functions/adapters/aws/eventbridge-alert-publisher';
import type { KeywordSpikeAlert } from '../../functions/ports/keyword-spikes';

const eventBridge = mockClient(EventBridgeClient);

beforeEach(() => {
  eventBridge.reset();
});

const alert: KeywordSpikeAlert = {
  sku: 'LAMP-1',
  defects: ['broken'],
  mentions: 7,
  baseline: 0.5,
  windowStart: '2026-11-20T10:00:00.000Z',
  windowEnd: '2026-11-20T11:00:00.000Z',
  sampleIntents: ['complaint'],
};

describe('the EventBridge alert publisher', () => {
  it('puts one KeywordSpike event from afterdesk.analytics on the alert bus', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 0,
      Entries: [{ EventId: '11710aed-b79e-4468-a20b-bb3c0c3b4860' }],
    });
    await new EventBridgeAlertPublisher(new EventBridgeClient({}), 'Afterdesk-alerts').publish(alert);

    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(1);
    const entries = calls[0]?.args[0].input.Entries ?? [];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      EventBusName: 'Afterdesk-alerts',
      Source: 'afterdesk.analytics',
      DetailType: 'KeywordSpike',
    });
    expect(JSON.parse(entries[0]?.Detail ?? '{}')).toEqual(alert);
  });

  it('throws when EventBridge refuses the entry, so the alert hour is given back', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal service error.' }],
    });
    await expect(
      new EventBridgeAlertPublisher(new EventBridgeClient({}), 'Afterdesk-alerts').publish(alert),
    ).rejects.toThrow(/InternalFailure/);
  });

  it('throws when the call itself fails', async () => {
    eventBridge.on(PutEventsCommand).rejects(new Error('AccessDeniedException'));
    await expect(
      new EventBridgeAlertPublisher(new EventBridgeClient({}), 'Afterdesk-alerts').publish(alert),
    ).rejects.toThrow('AccessDeniedException');
  });
});
