import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';

let stack: AfterdeskStack;
let template: Template;

function id(construct: { node: { defaultChild?: unknown } }): string {
  return Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnFunction | CfnTable | CfnQueue);
}

beforeAll(() => {
  stack = synthApp({ bundle: false }).stack;
  template = Template.fromStack(stack);
});

describe('Conversations stream processing', () => {
  it('the stream mapping reports batch item failures, bisects, retries finitely and has an on-failure destination', () => {
    const mappings = template.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: { Ref: id(stack.streamProcessing.function.fn) } },
    });
    expect(Object.keys(mappings)).toHaveLength(1);
    const p = Object.values(mappings)[0]?.Properties;

    expect(p.EventSourceArn).toEqual({ 'Fn::GetAtt': [id(stack.data.table('Conversations')), 'StreamArn'] });
    expect(p.FunctionName).toEqual({ Ref: id(stack.streamProcessing.function.fn) });
    expect(p.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(p.BisectBatchOnFunctionError).toBe(true);
    expect(p.MaximumRetryAttempts).toBe(3);
    expect(p.MaximumRecordAgeInSeconds).toBe(3600);
    expect(p.BatchSize).toBe(100);
    expect(p.StartingPosition).toBe('LATEST');
    expect(p.DestinationConfig.OnFailure.Destination).toEqual({
      'Fn::GetAtt': [id(stack.streamProcessing.failures), 'Arn'],
    });
  });

  it('every stream mapping invokes its function only for the records it decodes (FilterCriteria)', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings.length).toBeGreaterThanOrEqual(3);
    for (const mapping of mappings) {
      const filters = mapping.Properties.FilterCriteria?.Filters as Array<{ Pattern: string }> | undefined;
      expect(filters?.length, JSON.stringify(mapping.Properties.FunctionName)).toBeGreaterThan(0);
      expect(filters?.length).toBeLessThanOrEqual(5);
      for (const filter of filters ?? []) expect(JSON.parse(filter.Pattern)).toHaveProperty('eventName');
    }
  });

  it('failure queues are encrypted and refuse plain-HTTP access', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    // Conversation summary, message facts, Store facts, the assistant's, the console's queue feed, and
    // the photo normaliser's (stack.photos.normaliserFailures).
    expect(Object.keys(queues)).toHaveLength(6);
    for (const [queueId, queue] of Object.entries(queues)) {
      const p = queue.Properties;
      expect(p.SqsManagedSseEnabled === true || p.KmsMasterKeyId !== undefined, queueId).toBe(true);
      expect(p.MessageRetentionPeriod, queueId).toBe(14 * 24 * 3600);
    }
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
    for (const queueId of Object.keys(queues)) {
      const policy = policies.find((p) => JSON.stringify(p.Properties.Queues).includes(queueId));
      const statements = policy?.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>;
      expect(
        statements.some(
          (s) =>
            s.Effect === 'Deny' &&
            JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
        ),
        queueId,
      ).toBe(true);
    }
  });

  it('the stream function may read the stream and may send only to its own failure queue', () => {
    const role = stack.streamProcessing.function.role;
    const policyId = Stack.of(stack).getLogicalId(
      role.node.findChild('DefaultPolicy').node.defaultChild as CfnTable,
    );
    const statements = template.toJSON().Resources[policyId].Properties.PolicyDocument.Statement as Array<{
      Action: string | string[];
      Resource: unknown;
    }>;
    const streamRead = statements.find((s) =>
      ([] as string[]).concat(s.Action).includes('dynamodb:GetRecords'),
    );
    expect(streamRead).toBeDefined();
    const sqsStatements = statements.filter((s) =>
      ([] as string[]).concat(s.Action).some((a) => a.startsWith('sqs:')),
    );
    expect(sqsStatements).toHaveLength(1);
    expect(sqsStatements[0]?.Resource).toEqual({
      'Fn::GetAtt': [id(stack.streamProcessing.failures), 'Arn'],
    });
  });
});
