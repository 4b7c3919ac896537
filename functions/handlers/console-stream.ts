import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { consoleEventOf } from '../adapters/aws/console-stream-events';
import { consoleDeps } from '../config/console';
import { logger, metrics } from '../config/observability';
import { applyConsoleEvent } from '../core/console/handoff-feed';
import { withObservability } from './shared/middleware';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function recordHandler(record: DynamoDBRecord): Promise<void> {
  const event = consoleEventOf(record);
  if (!event) return;
  await applyConsoleEvent(consoleDeps, event);
  metrics.addMetric(
    event.kind === 'handoffChanged' ? 'QueueEntryPushed' : 'ConsoleMessagePushed',
    'Count',
    1,
  );
}

/** Stored hand-off changes and messages → the agents' live queue and open conversations. */
export const handler = withObservability(async (event: DynamoDBStreamEvent, context: Context) => {
  const response = await processPartialResponse(event, recordHandler, processor, {
    context,
    // A hand-off change and the messages around it must reach agents in the order they were stored.
    processInParallel: false,
  });
  if (response.batchItemFailures.length > 0)
    logger.warn('console stream records failed', {
      failed: response.batchItemFailures.length,
      total: event.Records.length,
    });
  return response;
});
