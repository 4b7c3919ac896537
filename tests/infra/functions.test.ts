import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { buildApp, synthApp } from '../../lib/app';

type Resource = { Type: string; Properties: Record<string, unknown> };

let stack: AfterdeskStack;
let template: Template;
let functions: Record<string, Resource>;

const HANDLERS = [
  'authorizer',
  'connect',
  'disconnect',
  'default',
  'send-message',
  'resume',
  'request-upload',
  'assistant',
  'conversation-stream',
  'agent-authorizer',
  'agent-connect',
  'agent-disconnect',
  'agent-command',
  'console-stream',
  'video',
  'agent-video',
  'video-meeting-events',
  'guest-token',
  'webhooks',
  'privacy',
];

function logicalId(handler: string): string {
  const fn = stack.functions[handler];
  if (!fn) throw new Error(`no function ${handler}`);
  return Stack.of(fn).getLogicalId(fn.fn.node.defaultChild as CfnFunction);
}

function props(handler: string): Record<string, unknown> {
  const resource = functions[logicalId(handler)];
  if (!resource) throw new Error(`no resource for ${handler}`);
  return resource.Properties;
}

function env(handler: string): Record<string, unknown> {
  return (props(handler).Environment as { Variables: Record<string, unknown> }).Variables;
}

beforeAll(() => {
  // Template-only assertions: skip esbuild here (tests/infra/bundling.test.ts bundles for real).
  const result = synthApp({ bundle: false });
  stack = result.stack;
  template = Template.fromStack(stack);
  functions = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
});

describe('shared function defaults', () => {
  it('builds one function per handler entry', () => {
    expect(Object.keys(stack.functions).sort()).toEqual([...HANDLERS].sort());
    // + the analytics stream functions (stack.analytics.function and stack.analytics.storeFunction) and the
    // idle-conversation closer (stack.conversationCloser.function), and the deploy-time function that copies
    // the console's files to its bucket (CDK's BucketDeployment), and the photo normaliser
    // (stack.photos.normaliser, x86_64 for sharp: tests/infra/photos.test.ts), and the daily rewrite of
    // erased customers' facts (stack.privacyFacts.function)
    expect(Object.keys(functions)).toHaveLength(HANDLERS.length + 6);
  });

  it('every function runs nodejs24.x on arm64 with explicit memory, timeout and tracing', () => {
    for (const handler of HANDLERS) {
      const p = props(handler);
      expect(p.Runtime, handler).toBe('nodejs24.x');
      expect(p.Architectures, handler).toEqual(['arm64']);
      expect(p.MemorySize, handler).toEqual(expect.any(Number));
      expect(p.MemorySize as number, handler).toBeGreaterThanOrEqual(256);
      expect(p.Timeout, handler).toEqual(expect.any(Number));
      expect(p.Timeout as number, handler).toBeLessThanOrEqual(120);
      expect(p.TracingConfig, handler).toEqual({ Mode: 'Active' });
      expect(p.Handler, handler).toBe('index.handler');
    }
  });

  it('route handlers finish well inside the 29 s WebSocket integration timeout', () => {
    for (const handler of ['authorizer', 'connect', 'disconnect', 'default', 'send-message', 'resume']) {
      expect(props(handler).Timeout as number, handler).toBeLessThanOrEqual(20);
    }
  });

  it('every function logs JSON to its own encrypted log group with retention', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup');
    const seen = new Set<string>();
    for (const handler of HANDLERS) {
      const logging = props(handler).LoggingConfig as { LogFormat: string; LogGroup: { Ref: string } };
      expect(logging.LogFormat, handler).toBe('JSON');
      const group = logGroups[logging.LogGroup.Ref];
      expect(group, handler).toBeDefined();
      expect(group?.Properties.RetentionInDays, handler).toEqual(expect.any(Number));
      expect(group?.Properties.KmsKeyId, handler).toBeDefined();
      seen.add(logging.LogGroup.Ref);
    }
    expect(seen.size).toBe(HANDLERS.length);
  });

  it('no function role carries the AWSLambdaBasicExecutionRole managed policy', () => {
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: Match.serializedJson(Match.stringLikeRegexp('lambda')) },
    });
    for (const [id, role] of Object.entries(roles)) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
  });

  it('every function has the Powertools service, source maps and the aws mode', () => {
    for (const handler of HANDLERS) {
      expect(env(handler), handler).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'afterdesk',
        NODE_OPTIONS: '--enable-source-maps',
        AFTERDESK_MODE: 'aws',
      });
    }
  });

  it('functions learn table names, the secret, the connections endpoint and model settings from env', () => {
    for (const handler of HANDLERS) {
      const e = env(handler);
      for (const key of ['STORE_TABLE', 'CONVERSATIONS_TABLE', 'CONNECTIONS_TABLE', 'SIGNING_SECRET_ARN']) {
        expect(e[key], `${handler} ${key}`).toEqual({ Ref: expect.any(String) });
      }
      expect(JSON.stringify(e.CONNECTIONS_ENDPOINT), handler).toMatch(/https:\/\/.*execute-api.*\/live/);
      expect(e.BEDROCK_MODEL_ID, handler).toBe('us.anthropic.claude-3-5-haiku-20241022-v1:0');
      expect(e.CHAT_MODEL, handler).toBe('bedrock');
      expect(e.HYBRID_ROUTING, handler).toBe('true');
      expect(e.HYBRID_INTENTS, handler).toBe('track_order');
      expect(e.GUARDRAIL_ID, handler).toBe('');
    }
    expect(env('assistant').IDEMPOTENCY_TABLE).toEqual({ Ref: expect.any(String) });
  });
});

describe('hybrid routing settings', () => {
  it('the intents the embedded model answers alone come from context and reach the assistant', () => {
    const built = buildApp({ bundle: false, context: { hybridIntents: 'track_order,refund_status' } });
    const assistant = built.stack.functions.assistant;
    if (!assistant) throw new Error('no assistant function');
    const resource = Template.fromStack(built.stack).toJSON().Resources[
      Stack.of(assistant.fn).getLogicalId(assistant.fn.node.defaultChild as CfnFunction)
    ] as Resource;
    const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.HYBRID_INTENTS).toBe('track_order,refund_status');
  });

  it('an unknown intent id in hybridIntents stops the synth with its name', () => {
    expect(() => buildApp({ bundle: false, context: { hybridIntents: 'track_order,where_is_it' } })).toThrow(
      /hybridIntents.*where_is_it/,
    );
  });
});

describe('assistant invocation', () => {
  it('the stored shopper message starts the turn: a filtered Conversations stream mapping with an on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId('assistant') },
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('"role":\\{"S":\\["shopper"\\]') }] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('FailedTurns'), 'Arn'] } },
      },
    });
    // The one asynchronous invocation config is the photo normaliser's (EventBridge), never the assistant's.
    const invokeConfigs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig'));
    const normaliser = stack.photos.normaliser.fn.node.defaultChild as CfnFunction;
    expect(invokeConfigs.map((config) => config.Properties.FunctionName)).toEqual([
      { Ref: Stack.of(stack).getLogicalId(normaliser) },
    ]);
  });

  it('nothing may invoke the assistant directly', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    for (const policy of Object.values(policies)) {
      const statements = policy.Properties.PolicyDocument.Statement as Array<{ Action: unknown }>;
      for (const s of statements) {
        const actions = ([] as unknown[]).concat(s.Action);
        expect(actions.some((a) => typeof a === 'string' && a.startsWith('lambda:Invoke'))).toBe(false);
      }
    }
  });

  it('only the assistant may touch the idempotency table, with exact actions', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const users: string[] = [];
    for (const [id, policy] of Object.entries(policies)) {
      const statements = policy.Properties.PolicyDocument.Statement as Array<{
        Action: unknown;
        Resource: unknown;
      }>;
      for (const s of statements) {
        if (!JSON.stringify(s.Resource).includes('Idempotency')) continue;
        users.push(id);
        expect(([] as unknown[]).concat(s.Action).sort()).toEqual([
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ]);
      }
    }
    expect(users).toEqual([expect.stringMatching(/^AssistantRole/)]);
  });
});
