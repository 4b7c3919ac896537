import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { buildApp, synthApp } from '../../lib/app';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let stack: AfterdeskStack;
let template: Template;

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnFunction | CfnTable | CfnPolicy);

beforeAll(() => {
  stack = synthApp({ bundle: false }).stack;
  template = Template.fromStack(stack);
});

describe('idle conversation closer', () => {
  it('runs every 5 minutes on an EventBridge schedule, with the idle threshold in its environment', () => {
    const fn = stack.conversationCloser.function;
    const rules = Object.values(template.findResources('AWS::Events::Rule')).filter((rule) =>
      JSON.stringify(rule.Properties.Targets).includes(logicalId(fn.fn)),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    expect(rules[0]?.Properties.State).toBe('ENABLED');
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
      (permission) => JSON.stringify(permission.Properties.FunctionName).includes(logicalId(fn.fn)),
    );
    expect(permissions.map((permission) => permission.Properties.Principal)).toEqual([
      'events.amazonaws.com',
    ]);

    const props = template.toJSON().Resources[logicalId(fn.fn)].Properties;
    expect(props.Environment.Variables.CONVERSATION_IDLE_MINUTES).toBe('30');
    expect(props.Environment.Variables.CONVERSATIONS_TABLE).toEqual({
      Ref: logicalId(stack.data.table('Conversations')),
    });
  });

  it('may only read and clear open-contact entries and update session items of Conversations', () => {
    const policy = stack.conversationCloser.function.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error('no policy on the closer role');
    const statements = template.toJSON().Resources[logicalId(policy as never)].Properties.PolicyDocument
      .Statement as Statement[];
    const dynamo = statements.filter((s) =>
      ([] as string[]).concat(s.Action).some((a) => a.startsWith('dynamodb:')),
    );
    const table = logicalId(stack.data.table('Conversations'));
    expect(dynamo).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['dynamodb:Query', 'dynamodb:DeleteItem'],
        Resource: { 'Fn::GetAtt': [table, 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OPENCONTACTS#*'] } },
      }),
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::GetAtt': [table, 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] } },
      }),
    ]);
    const others = statements
      .flatMap((s) => ([] as string[]).concat(s.Action))
      .filter((a) => !a.startsWith('dynamodb:'))
      .sort();
    expect(others).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  it('takes the idle threshold from the conversationIdleMinutes context', () => {
    const built = buildApp({ bundle: false, context: { conversationIdleMinutes: 45 } });
    const fn = built.stack.conversationCloser.function.fn;
    const props = Template.fromStack(built.stack).toJSON().Resources[
      Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnFunction)
    ].Properties;
    expect(props.Environment.Variables.CONVERSATION_IDLE_MINUTES).toBe('45');
  });

  it('keeps Conversations free of global indexes, so DynamoDB Local still expires its items by TTL', () => {
    const table = template.toJSON().Resources[logicalId(stack.data.table('Conversations'))].Properties;
    expect(table.GlobalSecondaryIndexes).toBeUndefined();
  });
});
