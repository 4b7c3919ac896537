import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { STREAM_MAPPINGS, type StreamMappingName, type StreamMappingSpec } from '../topology';
import { failureQueue } from './failure-queue';

export interface StreamMappingSourceOptions {
  /** Construct id of the failure queue; distinct when one scope holds several mappings. */
  readonly failuresId?: string;
}

/**
 * The event source mapping a topology entry declares (topology/index.ts): per-record failure reports,
 * its batch size and window, bisection, finite retries, a maximum record age, its filters and an SQS
 * on-failure destination. The local pollers read the same entry.
 */
export function streamMappingSource(
  scope: Construct,
  table: dynamodb.ITable,
  name: StreamMappingName,
  options: StreamMappingSourceOptions = {},
): { eventSource: DynamoEventSource; failures: sqs.Queue } {
  const mapping: StreamMappingSpec = STREAM_MAPPINGS[name];
  const failures = failureQueue(
    scope,
    options.failuresId ?? 'FailedRecords',
    `the ${name} mapping on the ${mapping.table} stream (it receives the shard and sequence range of records that failed)`,
  );
  const eventSource = new DynamoEventSource(table, {
    startingPosition: lambda.StartingPosition[mapping.startingPosition],
    batchSize: mapping.batchSize,
    maxBatchingWindow: Duration.seconds(mapping.maxBatchingWindowSeconds),
    parallelizationFactor: mapping.parallelizationFactor,
    reportBatchItemFailures: true,
    bisectBatchOnError: mapping.bisectBatchOnError,
    retryAttempts: mapping.retryAttempts,
    maxRecordAge: Duration.seconds(mapping.maxRecordAgeSeconds),
    filters: mapping.filters?.map((pattern) =>
      lambda.FilterCriteria.filter(pattern as Record<string, unknown>),
    ),
    onFailure: new SqsDlq(failures),
  });
  return { eventSource, failures };
}
