import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * An encrypted, TLS-only queue that is itself a failure destination. Nothing consumes it automatically,
 * so it has no dead-letter queue of its own; `whatFails` completes the acknowledgement's reason.
 */
export function failureQueue(scope: Construct, id: string, whatFails: string): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the on-failure destination of ${whatFails}; it needs no dead-letter queue of its own.`,
  });
  return queue;
}
