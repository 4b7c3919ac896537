import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantBedrockModel } from './bedrock-access';
import type { AfterdeskConfig } from './config';
import { streamMappingSource } from './conversations-stream-source';
import { SharedFunction } from './shared-function';

export interface AssistantProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly environment: Record<string, string>;
  /** The outbox: its stream, filtered to stored shopper messages, starts the turns. */
  readonly conversations: dynamodb.ITable;
  /** Powertools idempotency records: one per session and message. */
  readonly idempotency: dynamodb.ITable;
}

/**
 * The assistant: one model turn per stored shopper message, started by the Conversations stream (the
 * `assistant-turns` mapping of topology/), so model work never holds the 29 s WebSocket integration and a
 * stored message is answered even when every process between storing and answering fails. Turns are
 * idempotent; records that keep failing land in an encrypted queue. Bedrock access is limited to the
 * configured model (and guardrail).
 */
export class Assistant extends Construct {
  readonly function: SharedFunction;
  readonly failures: sqs.Queue;
  readonly eventSource: DynamoEventSource;

  constructor(scope: Construct, id: string, props: AssistantProps) {
    super(scope, id);
    const { config } = props;

    this.function = new SharedFunction(this, 'Assistant', {
      handler: 'assistant',
      description: 'Afterdesk: answers each stored shopper message and streams the reply to the shopper',
      // The embedded model (classifier, entity extraction) lives in memory; more memory also buys CPU.
      memorySize: 1024,
      // A streamed Bedrock turn with a few tool calls; well under the shopper's patience.
      timeout: Duration.seconds(120),
      logRetention: config.logRetention,
      logKey: props.logKey,
      environment: props.environment,
    });

    ({ eventSource: this.eventSource, failures: this.failures } = streamMappingSource(
      this,
      props.conversations,
      'assistant-turns',
      { failuresId: 'FailedTurns' },
    ));
    this.function.fn.addEventSource(this.eventSource);

    // Powertools idempotency claims, completes and (after a failed turn) deletes its own records.
    props.idempotency.grant(
      this.function.fn,
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    );

    this.grantBedrock(config);
  }

  private grantBedrock(config: AfterdeskConfig): void {
    const stack = Stack.of(this);
    grantBedrockModel(this.function, config.bedrockModelId, [
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream',
    ]);
    const role = this.function.role;

    if (config.guardrailId) {
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['bedrock:ApplyGuardrail'],
          resources: [
            stack.formatArn({
              service: 'bedrock',
              resource: 'guardrail',
              resourceName: config.guardrailId,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          ],
        }),
      );
    }
  }
}
