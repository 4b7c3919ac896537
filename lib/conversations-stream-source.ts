import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { failureQueue } from './failure-queue';

/**
 * The event-source-mapping policy every consumer of the Conversations stream shares: per-record failure
 * reports, bisection, finite retries, a maximum record age and an SQS on-failure destination.
 */
export function conversationsStreamSource(
  scope: Construct,
  table: dynamodb.ITable,
  options: { consumer: string; maxBatchingWindow: Duration },
): { eventSource: DynamoEventSource; failures: sqs.Queue } {
  const failures = failureQueue(
    scope,
    'FailedRecords',
    `the ${options.consumer} Conversations stream mapping (it receives the shard and sequence range of records that failed)`,
  );
  const eventSource = new DynamoEventSource(table, {
    startingPosition: lambda.StartingPosition.LATEST,
    batchSize: 100,
    maxBatchingWindow: options.maxBatchingWindow,
    reportBatchItemFailures: true,
    bisectBatchOnError: true,
    retryAttempts: 3,
    maxRecordAge: Duration.hours(1),
    onFailure: new SqsDlq(failures),
  });
  return { eventSource, failures };
}
