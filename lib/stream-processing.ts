import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AfterdeskConfig } from './config';
import { failureQueue } from './failure-queue';
import { SharedFunction } from './shared-function';

export interface StreamProcessingProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly conversations: dynamodb.ITable;
  readonly environment: Record<string, string>;
}

/**
 * The Conversations stream consumer. Partial batch responses, bisection on error, finite retries, a maximum
 * record age and an on-failure queue keep one poison record from blocking its shard.
 */
export class StreamProcessing extends Construct {
  readonly function: SharedFunction;
  readonly failures: sqs.Queue;
  readonly eventSource: DynamoEventSource;

  constructor(scope: Construct, id: string, props: StreamProcessingProps) {
    super(scope, id);

    this.function = new SharedFunction(this, 'ConversationStream', {
      handler: 'conversation-stream',
      description: 'Afterdesk: processes Conversations stream records (facts, TTL expiry)',
      memorySize: 512,
      timeout: Duration.seconds(60),
      logRetention: props.config.logRetention,
      logKey: props.logKey,
      environment: props.environment,
    });

    this.failures = failureQueue(
      this,
      'FailedRecords',
      'the Conversations stream mapping (it receives the shard and sequence range of records that failed)',
    );

    this.eventSource = new DynamoEventSource(props.conversations, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: 3,
      maxRecordAge: Duration.hours(1),
      onFailure: new SqsDlq(this.failures),
    });
    this.function.fn.addEventSource(this.eventSource);
  }
}
