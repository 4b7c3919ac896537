import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { conversations } from '../config/dynamodb';
import { logger, metrics } from '../config/observability';
import { classifyChange } from '../core/chat/conversation-activity';
import { withObservability } from './shared/middleware';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

type Image = Record<string, AttributeValue>;

async function recordHandler(record: DynamoDBRecord): Promise<void> {
  const change = classifyChange({
    eventName: record.eventName,
    principalId: record.userIdentity?.principalId,
    newImage: record.dynamodb?.NewImage ? unmarshall(record.dynamodb.NewImage as Image) : undefined,
    oldImage: record.dynamodb?.OldImage ? unmarshall(record.dynamodb.OldImage as Image) : undefined,
  });
  switch (change.kind) {
    case 'message':
      await conversations.recordActivity(change.activity);
      return;
    case 'expired':
      metrics.addMetric('ConversationItemExpired', 'Count', 1);
      return;
    case 'erased':
      metrics.addMetric('ConversationItemErased', 'Count', 1);
      return;
    case 'ignored':
      return;
  }
}

/** Failed records are reported one by one; the mapping retries them and then sends them to the DLQ. */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  const response = await processPartialResponse(event, recordHandler, processor, { context });
  metrics.addMetric('StreamRecords', 'Count', event.Records.length);
  if (response.batchItemFailures.length > 0) {
    logger.warn('stream records failed', {
      failed: response.batchItemFailures.length,
      total: event.Records.length,
    });
  }
  return response;
});
