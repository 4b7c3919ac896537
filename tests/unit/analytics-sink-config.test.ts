import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { FirehoseAnalyticsSink } from '../../functions/adapters/aws/firehose-analytics-sink';
import {
  buildAnalyticsSink,
  deliveryStreamEnvVar,
  loadAnalyticsSinkEnv,
} from '../../functions/config/analytics-sink';
import { FACT_SCHEMA_VERSION, type TicketFact } from '../../functions/core/analytics/facts';

const firehose = mockClient(FirehoseClient);
afterEach(() => firehose.reset());

const ticket: TicketFact = {
  schema_version: FACT_SCHEMA_VERSION,
  ticket_id: 'C-0001',
  conversation_id: 's-1',
  category: 'quality',
  owner: 'supply-chain',
  state: 'closed',
  opened_at: '2026-11-20T10:00:00.000Z',
  closed_at: '2026-11-20T12:30:00.000Z',
  time_to_close_hours: 2.5,
  updated_at: '2026-11-20T12:30:00.000Z',
  dt: '2026-11-20',
};

const AWS_ENV = {
  AFTERDESK_MODE: 'aws',
  ANALYTICS_DELIVERY_STREAM_RETURN_FACTS: 'afterdesk-return-facts',
  ANALYTICS_DELIVERY_STREAM_TICKET_FACTS: 'afterdesk-ticket-facts',
};

describe('analytics sink configuration', () => {
  it('names a delivery stream variable per fact, message facts keeping ANALYTICS_DELIVERY_STREAM', () => {
    expect(deliveryStreamEnvVar('message_facts')).toBe('ANALYTICS_DELIVERY_STREAM');
    expect(deliveryStreamEnvVar('return_facts')).toBe('ANALYTICS_DELIVERY_STREAM_RETURN_FACTS');
    expect(deliveryStreamEnvVar('ticket_facts')).toBe('ANALYTICS_DELIVERY_STREAM_TICKET_FACTS');
  });

  it('in AWS mode needs the stream of every fact the handler writes, and names the missing one', () => {
    expect(loadAnalyticsSinkEnv(['return_facts', 'ticket_facts'], AWS_ENV).deliveryStreams).toEqual({
      return_facts: 'afterdesk-return-facts',
      ticket_facts: 'afterdesk-ticket-facts',
    });
    const { ANALYTICS_DELIVERY_STREAM_TICKET_FACTS: _ticket, ...withoutTicket } = AWS_ENV;
    expect(() => loadAnalyticsSinkEnv(['return_facts', 'ticket_facts'], withoutTicket)).toThrow(
      /ANALYTICS_DELIVERY_STREAM_TICKET_FACTS/,
    );
  });

  it('in local mode needs a data folder instead', () => {
    expect(() => loadAnalyticsSinkEnv(['return_facts'], { AFTERDESK_MODE: 'local' })).toThrow(
      /ANALYTICS_DATA_DIR/,
    );
    expect(
      loadAnalyticsSinkEnv(['return_facts'], { AFTERDESK_MODE: 'local', AFTERDESK_DATA_DIR: '/data' })
        .AFTERDESK_DATA_DIR,
    ).toBe('/data');
  });

  it("puts each fact's rows to that fact's Firehose stream", async () => {
    firehose.on(PutRecordBatchCommand).resolves({
      FailedPutCount: 0,
      Encrypted: true,
      RequestResponses: [{ RecordId: 'rec-1' }],
    });
    const sink = await buildAnalyticsSink(loadAnalyticsSinkEnv(['return_facts', 'ticket_facts'], AWS_ENV));
    expect(sink).toBeInstanceOf(FirehoseAnalyticsSink);
    await sink.write('ticket_facts', [ticket]);
    const [call] = firehose.commandCalls(PutRecordBatchCommand);
    expect(call?.args[0].input.DeliveryStreamName).toBe('afterdesk-ticket-facts');
    const record = new TextDecoder().decode(call?.args[0].input.Records?.[0]?.Data);
    expect(JSON.parse(record)).toEqual(ticket);
    await expect(sink.write('message_facts', [] as never)).resolves.toBeUndefined();
    await expect(sink.write('conversation_facts', [{} as never])).rejects.toThrow(/no Firehose stream/);
  });
});
