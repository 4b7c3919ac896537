import { BatchDetectSentimentCommand, ComprehendClient } from '@aws-sdk/client-comprehend';
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ComprehendSentiment } from '../../functions/adapters/aws/comprehend-sentiment';
import { FirehoseAnalyticsSink } from '../../functions/adapters/aws/firehose-analytics-sink';
import type { MessageFact } from '../../functions/core/analytics/facts';
import type { Sentiment } from '../../functions/ports/sentiment';

const firehose = mockClient(FirehoseClient);
const comprehend = mockClient(ComprehendClient);

beforeEach(() => {
  firehose.reset();
  comprehend.reset();
});

const fact = (n: number) => ({ event_id: `e-${n}`, redacted_text: `text ${n}` }) as unknown as MessageFact;

describe('the Firehose analytics sink', () => {
  it('sends one newline-delimited JSON record per fact and resends only the records Firehose failed', async () => {
    firehose
      .on(PutRecordBatchCommand)
      .resolvesOnce({
        FailedPutCount: 1,
        Encrypted: true,
        RequestResponses: [
          { RecordId: 'r-0' },
          { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' },
          { RecordId: 'r-2' },
        ],
      })
      .resolves({ FailedPutCount: 0, Encrypted: true, RequestResponses: [{ RecordId: 'r-1b' }] });
    const sink = new FirehoseAnalyticsSink(
      new FirehoseClient({}),
      { message_facts: 'afterdesk-messages' },
      async () => {},
    );
    await sink.write('message_facts', [fact(0), fact(1), fact(2)]);

    const calls = firehose.commandCalls(PutRecordBatchCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.args[0].input.DeliveryStreamName).toBe('afterdesk-messages');
    const decode = (data: Uint8Array | undefined) => new TextDecoder().decode(data);
    expect(decode(calls[0]?.args[0].input.Records?.[0]?.Data)).toBe(`${JSON.stringify(fact(0))}\n`);
    expect(
      calls[1]?.args[0].input.Records?.map((record) => JSON.parse(decode(record.Data)).event_id),
    ).toEqual(['e-1']);
  });

  it('throws when records keep failing, so the stream batch is retried', async () => {
    firehose.on(PutRecordBatchCommand).resolves({
      FailedPutCount: 1,
      Encrypted: true,
      RequestResponses: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'Internal failure.' }],
    });
    const sink = new FirehoseAnalyticsSink(
      new FirehoseClient({}),
      { message_facts: 'afterdesk-messages' },
      async () => {},
    );
    await expect(sink.write('message_facts', [fact(0)])).rejects.toThrow(/rejected 1 record/);
  });
});

describe('Comprehend sentiment', () => {
  const fallbackCalls: string[][] = [];
  const fallback: Sentiment = {
    detect: async (texts) => {
      fallbackCalls.push(texts.map((input) => input.text));
      return texts.map(() => ({
        label: 'neutral',
        scores: { positive: 0, negative: 0, neutral: 1, mixed: 0 },
      }));
    },
  };

  it('batches covered languages to Comprehend and sends the others, and its failures, to the fallback', async () => {
    fallbackCalls.length = 0;
    comprehend.on(BatchDetectSentimentCommand, { LanguageCode: 'en' }).resolves({
      ResultList: [
        {
          Index: 0,
          Sentiment: 'NEGATIVE',
          SentimentScore: { Positive: 0.01, Negative: 0.95, Neutral: 0.03, Mixed: 0.01 },
        },
      ],
      ErrorList: [{ Index: 1, ErrorCode: 'INTERNAL_SERVER_ERROR', ErrorMessage: 'Unknown error' }],
    });
    const results = await new ComprehendSentiment(new ComprehendClient({}), fallback).detect([
      { text: 'It arrived broken and I am furious', lang: 'en' },
      { text: 'Where is it?', lang: 'en' },
      { text: 'สินค้ามาช้ามาก', lang: 'th' },
    ]);
    expect(results[0]).toMatchObject({
      label: 'negative',
      scores: { positive: 0.01, negative: 0.95, neutral: 0.03, mixed: 0.01 },
    });
    // Comprehend's label, weighed with the message's own cues ("furious"): urgent enough to raise a hand-off.
    expect(results[0]?.urgency).toBeGreaterThanOrEqual(0.55);
    expect(results[1]?.label).toBe('neutral');
    expect(fallbackCalls.flat().sort()).toEqual(['Where is it?', 'สินค้ามาช้ามาก'].sort());
    const input = comprehend.commandCalls(BatchDetectSentimentCommand)[0]?.args[0].input;
    expect(input?.TextList).toHaveLength(2);
  });
});
