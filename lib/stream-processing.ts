import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AfterdeskConfig } from './config';
import { streamMappingSource } from './conversations-stream-source';
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

    ({ eventSource: this.eventSource, failures: this.failures } = streamMappingSource(
      this,
      props.conversations,
      'conversation-stream',
    ));
    this.function.fn.addEventSource(this.eventSource);
  }
}
