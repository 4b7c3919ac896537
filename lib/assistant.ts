import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantBedrockModel } from './bedrock-access';
import type { AfterdeskConfig } from './config';
import { failureQueue } from './failure-queue';
import { SharedFunction } from './shared-function';

export interface AssistantProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly environment: Record<string, string>;
}

/** How long a failed turn stays useful: after this a shopper has long given up waiting for the reply. */
export const ASSISTANT_MAX_EVENT_AGE = Duration.minutes(15);
/** One retry: a turn is idempotent on its reply sequence, and a second failure is not transient. */
export const ASSISTANT_RETRY_ATTEMPTS = 1;

/**
 * The assistant: one model turn per invocation, invoked asynchronously (InvocationType Event) by sendMessage
 * so that model work never holds the 29 s WebSocket integration. Failed turns land in an encrypted queue.
 * Bedrock access is limited to the configured model (and guardrail).
 */
export class Assistant extends Construct {
  readonly function: SharedFunction;
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: AssistantProps) {
    super(scope, id);
    const { config } = props;

    this.function = new SharedFunction(this, 'Assistant', {
      handler: 'assistant',
      description: 'Afterdesk: runs one assistant turn and streams the reply to the shopper',
      // The embedded model (classifier, entity extraction) lives in memory; more memory also buys CPU.
      memorySize: 1024,
      // A streamed Bedrock turn with a few tool calls; well under the shopper's patience.
      timeout: Duration.seconds(120),
      logRetention: config.logRetention,
      logKey: props.logKey,
      environment: props.environment,
    });

    this.failures = failureQueue(this, 'FailedTurns', 'the asynchronous assistant invocations');

    this.function.fn.configureAsyncInvoke({
      onFailure: new SqsDestination(this.failures),
      maxEventAge: ASSISTANT_MAX_EVENT_AGE,
      retryAttempts: ASSISTANT_RETRY_ATTEMPTS,
    });

    this.grantBedrock(config);
  }

  /** Lets `grantee` start turns: lambda:InvokeFunction on this function's unqualified ARN only. */
  grantInvoke(grantee: SharedFunction): void {
    grantee.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.function.fn.functionArn],
      }),
    );
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
