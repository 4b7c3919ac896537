import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { failureQueue } from './failure-queue';

export interface TableStreamSourceOptions {
  /** Who consumes the stream, for the failure queue's description (e.g. 'analytics'). */
  readonly consumer: string;
  /** The table whose stream this is, for the same description. */
  readonly tableLabel: string;
  readonly maxBatchingWindow: Duration;
  /** Construct id of the failure queue; distinct when one scope holds several mappings. */
  readonly failuresId?: string;
  /** The records the consumer is invoked for (functions/adapters/aws/stream-filters). */
  readonly filters: readonly Record<string, unknown>[];
}

/**
 * The event-source-mapping policy every DynamoDB stream consumer shares: per-record failure reports,
 * bisection, finite retries, a maximum record age and an SQS on-failure destination.
 */
export function tableStreamSource(
  scope: Construct,
  table: dynamodb.ITable,
  options: TableStreamSourceOptions,
): { eventSource: DynamoEventSource; failures: sqs.Queue } {
  const failures = failureQueue(
    scope,
    options.failuresId ?? 'FailedRecords',
    `the ${options.consumer} ${options.tableLabel} stream mapping (it receives the shard and sequence range of records that failed)`,
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
    filters: options.filters.map((pattern) => lambda.FilterCriteria.filter(pattern)),
  });
  return { eventSource, failures };
}

/** The Conversations stream's consumers: the same policy. */
export function conversationsStreamSource(
  scope: Construct,
  table: dynamodb.ITable,
  options: Omit<TableStreamSourceOptions, 'tableLabel'>,
): { eventSource: DynamoEventSource; failures: sqs.Queue } {
  return tableStreamSource(scope, table, { ...options, tableLabel: 'Conversations' });
}
