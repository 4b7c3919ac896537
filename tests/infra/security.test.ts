import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnEventBus } from 'aws-cdk-lib/aws-events';
import type { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { buildApp, NAG_PLUGIN_NAME, type SynthResult, synthApp } from '../../lib/app';

type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
};

let result: SynthResult;
let stack: AfterdeskStack;
let template: Template;

function actions(s: Statement): string[] {
  return ([] as string[]).concat(s.Action);
}

function resources(s: Statement): unknown[] {
  return ([] as unknown[]).concat(s.Resource);
}

function allStatements(t: Template): Array<{ policy: string; statement: Statement }> {
  const out: Array<{ policy: string; statement: Statement }> = [];
  for (const [policy, resource] of Object.entries(t.findResources('AWS::IAM::Policy'))) {
    for (const statement of resource.Properties.PolicyDocument.Statement as Statement[]) {
      out.push({ policy, statement });
    }
  }
  return out;
}

function statementsOf(s: AfterdeskStack, t: Template, handler: string): Statement[] {
  const fn = s.functions[handler];
  if (!fn) throw new Error(`no function ${handler}`);
  const policy = fn.role.node.tryFindChild('DefaultPolicy');
  if (!policy) return [];
  const policyId = Stack.of(s).getLogicalId(policy.node.defaultChild as CfnPolicy);
  return t.toJSON().Resources[policyId].Properties.PolicyDocument.Statement as Statement[];
}

/** `{ Conversations: ['read', 'write'], ... }`: the DynamoDB access a function has, per table. */
function tableAccess(handler: string): Record<string, string[]> {
  const names = new Map<string, string>();
  for (const def of stack.data.definitions) {
    names.set(Stack.of(stack).getLogicalId(stack.data.table(def.id).node.defaultChild as CfnTable), def.id);
  }
  const access: Record<string, Set<string>> = {};
  for (const s of statementsOf(stack, template, handler)) {
    const acts = actions(s).filter((a) => a.startsWith('dynamodb:'));
    if (acts.length === 0) continue;
    for (const r of resources(s)) {
      const table = [...names.entries()].find(([id]) => JSON.stringify(r).includes(`"${id}"`))?.[1];
      if (!table) continue;
      access[table] ??= new Set();
      if (acts.some((a) => ['dynamodb:GetItem', 'dynamodb:Query'].includes(a))) access[table].add('read');
      if (
        acts.some((a) => ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'].includes(a))
      ) {
        access[table].add('write');
      }
      if (acts.includes('dynamodb:DeleteItem')) access[table].add('delete');
      if (acts.includes('dynamodb:DescribeStream')) access[table].add('stream');
    }
  }
  return Object.fromEntries(Object.entries(access).map(([k, v]) => [k, [...v].sort()]));
}

beforeAll(() => {
  result = synthApp({ bundle: false });
  stack = result.stack;
  template = Template.fromStack(stack);
});

describe('cdk-nag AwsSolutions', () => {
  it('the cdk-nag AwsSolutions report has no unacknowledged findings', () => {
    // Errors would already have failed synthesis; warnings only show in the report.
    const nag = result.findings.filter((f) => f.plugin === NAG_PLUGIN_NAME);
    expect(nag).toEqual([]);
    const direct = new AwsSolutionsChecks().validateScope(result.app);
    expect(direct.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
      [],
    );
  });

  it('the nag check is live: an unacknowledged finding fails synthesis', () => {
    const { app, stack: probe } = buildApp({ bundle: false });
    new sqs.Queue(probe, 'UnacknowledgedQueue', { enforceSSL: true });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });

  it('every acknowledgement names one finding, sits on a resource construct and gives a reason', () => {
    const acks: Array<{ path: string; id: string; reason: string; scope: IConstruct }> = [];
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acks.push({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason, scope: c });
        }
      }
      for (const child of c.node.children) visit(child);
    };
    visit(result.app);

    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(
        ack.scope instanceof App || ack.scope instanceof Stack,
        `blanket acknowledgement at ${ack.path}`,
      ).toBe(false);
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-[A-Z]+[0-9]+/);
      if (/^AwsSolutions-IAM[45]/.test(ack.id))
        expect(ack.id, ack.path).toMatch(/\[(Resource|Action|Policy)::.+\]$/);
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
    }
  });
});

describe('IAM', () => {
  it('no IAM policy grants * on dynamodb', () => {
    for (const { policy, statement } of allStatements(template)) {
      for (const a of actions(statement)) expect(a, policy).not.toMatch(/^(\*|dynamodb:\*)$/);
      if (resources(statement).includes('*')) {
        // ListStreams has no resource-level permissions; every data-plane action names its table.
        for (const a of actions(statement).filter((x) => x.startsWith('dynamodb:'))) {
          expect(a, policy).toBe('dynamodb:ListStreams');
        }
      }
      for (const r of resources(statement)) {
        if (typeof r === 'string' && r !== '*') expect(r, policy).not.toMatch(/:table\/\*/);
      }
    }
  });

  it("only X-Ray, DynamoDB ListStreams and Comprehend text analysis statements use Resource '*'", () => {
    const allowed = new Set([
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'dynamodb:ListStreams',
      // Comprehend's synchronous text analysis supports no resource-level permissions.
      'comprehend:BatchDetectSentiment',
      'comprehend:BatchDetectKeyPhrases',
      'comprehend:DetectPiiEntities',
      // Amazon Translate's TranslateText (no terminologies) supports no resource-level permissions.
      'translate:TranslateText',
      // CloudFront invalidations of the console's files after a deploy (CDK BucketDeployment).
      'cloudfront:CreateInvalidation',
      'cloudfront:GetInvalidation',
    ]);
    for (const { policy, statement } of allStatements(template)) {
      if (!resources(statement).includes('*')) continue;
      for (const a of actions(statement)) expect(allowed.has(a), `${policy}: ${a}`).toBe(true);
    }
  });

  it('every function has only the table access its handler needs', () => {
    expect(tableAccess('authorizer')).toEqual({ Conversations: ['read'] });
    // Exact actions: nothing but disconnect and the analytics stores ever deletes.
    expect(tableAccess('connect')).toEqual({ Connections: ['write'], Conversations: ['read', 'write'] });
    expect(tableAccess('disconnect')).toEqual({ Connections: ['delete'] });
    expect(tableAccess('send-message')).toEqual({
      // write: the per-customer rate windows (one UpdateItem each)
      Connections: ['read', 'write'],
      Conversations: ['read', 'write'],
    });
    expect(tableAccess('resume')).toEqual({ Connections: ['read'], Conversations: ['read'] });
    expect(tableAccess('request-upload')).toEqual({ Connections: ['read'] });
    // The ping windows only: pong means the store answered.
    expect(tableAccess('default')).toEqual({ Connections: ['write'] });
    // The assistant reads the Conversations stream (its outbox) and keeps its idempotency records.
    expect(tableAccess('assistant')).toEqual({
      Store: ['read', 'write'],
      Conversations: ['read', 'stream', 'write'],
      Idempotency: ['delete', 'read', 'write'],
    });
    expect(tableAccess('video')).toEqual({
      Connections: ['read'],
      Conversations: ['read', 'write'],
      Store: ['read', 'write'],
    });
    expect(tableAccess('agent-video')).toEqual({
      Conversations: ['read', 'write'],
      Store: ['read', 'write'],
    });
    expect(tableAccess('video-meeting-events')).toEqual({ Store: ['read', 'write'] });
    expect(tableAccess('conversation-stream')).toEqual({ Conversations: ['stream', 'write'] });
    // Reads the one order a guest names; writes only its attempt counters.
    expect(tableAccess('guest-token')).toEqual({ Store: ['read'], Connections: ['write'] });
    expect(
      statementsOf(stack, template, 'guest-token')
        .flatMap(actions)
        .filter((a) => a.startsWith('dynamodb:'))
        .sort(),
    ).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    // Erasure: finds a customer's items (Query, and Scan where no index exists: sessions, connections, and
    // photo fingerprints filed under hash bands in the Store) and deletes them in batches.
    expect(
      statementsOf(stack, template, 'privacy')
        .flatMap(actions)
        .filter((a) => a.startsWith('dynamodb:'))
        .sort(),
    ).toEqual(
      [
        'dynamodb:BatchWriteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:Query',
        'dynamodb:Scan',
        'dynamodb:Scan',
        'dynamodb:Scan',
      ].sort(),
    );
    expect(statementsOf(stack, template, 'default').flatMap(actions).sort()).toEqual(
      [
        'dynamodb:UpdateItem',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
  });

  it('only the functions that push to shoppers may post to connections', () => {
    const pushers = Object.keys(stack.functions).filter((h) =>
      statementsOf(stack, template, h).some((s) => actions(s).includes('execute-api:ManageConnections')),
    );
    // The console pushes to shoppers too: an agent's reply and "a person joined" go to the shopper's socket.
    // The video functions send call events (join information, signalling) to each party's own socket.
    expect(pushers.sort()).toEqual(
      [
        'agent-command',
        'agent-video',
        'assistant',
        'console-stream',
        'resume',
        'video',
        'video-meeting-events',
      ].sort(),
    );
  });

  it('only the analytics stream function may put events, and only on the alert bus', () => {
    const busArn = {
      'Fn::GetAtt': [
        Stack.of(stack).getLogicalId(stack.analytics.alertBus.node.defaultChild as CfnEventBus),
        'Arn',
      ],
    };
    const analyticsPolicy = stack.analytics.function.role.node.tryFindChild('DefaultPolicy');
    const statements = allStatements(template).filter(({ statement }) =>
      actions(statement).some((a) => a.startsWith('events:')),
    );
    expect(
      statements.map(({ policy, statement }) => [policy, actions(statement), statement.Resource]),
    ).toEqual([
      [
        Stack.of(stack).getLogicalId(analyticsPolicy?.node.defaultChild as CfnPolicy),
        ['events:PutEvents'],
        busArn,
      ],
    ]);
  });

  it('browsers only ever upload to incoming/; the assistant and the console read normalised photos/; sendMessage has no S3 access', () => {
    const bucketId = stack.getLogicalId(stack.photos.bucket.node.defaultChild as CfnBucket);
    const photoAccess = (handler: string) =>
      statementsOf(stack, template, handler)
        .filter((s) => actions(s).some((a) => a.startsWith('s3:')))
        .map((s) => ({ actions: actions(s), resource: JSON.stringify(s.Resource) }))
        .filter((s) => s.resource.includes(bucketId));
    const on = (prefix: string) => expect.stringContaining(`${bucketId}","Arn"]},"/${prefix}*"`);
    // The presigned POST is signed for incoming/ only: no browser writes a photo key.
    expect(photoAccess('request-upload')).toEqual([{ actions: ['s3:PutObject'], resource: on('incoming/') }]);
    // Whether an attached photo is ready is read from DynamoDB (the normaliser's outcome record), not S3.
    expect(photoAccess('send-message')).toEqual([]);
    // The console presigns GETs so agents see the (normalised) photos of the conversation they open.
    for (const handler of ['agent-command', 'console-stream'])
      expect(photoAccess(handler), handler).toEqual([{ actions: ['s3:GetObject'], resource: on('photos/') }]);
    // The assistant reads the photos shoppers attach, to look at them before answering.
    expect(photoAccess('assistant')).toEqual([{ actions: ['s3:GetObject'], resource: on('photos/') }]);
    // The agent's video routes store snapshots as photos of the case: an upload grant (checked in DynamoDB).
    expect(photoAccess('agent-video')).toEqual([{ actions: ['s3:PutObject'], resource: on('incoming/') }]);
    // Erasure lists and deletes every version of one owner's photos; it never reads their bytes.
    expect(photoAccess('privacy')).toEqual([
      { actions: ['s3:ListBucketVersions'], resource: `{"Fn::GetAtt":["${bucketId}","Arn"]}` },
      {
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
        resource: expect.stringMatching(/\/photos\/\*.*\/incoming\/\*.*\/refused\/\*/),
      },
    ]);
    for (const handler of Object.keys(stack.functions).filter(
      (h) =>
        ![
          'request-upload',
          'send-message',
          'analytics-stream',
          'agent-video',
          'assistant',
          'agent-command',
          'console-stream',
          'privacy',
        ].includes(h),
    ))
      expect(photoAccess(handler), handler).toEqual([]);
  });

  it('photos are private, encrypted, expire, and accept browser POSTs only', () => {
    const bucket =
      template.toJSON().Resources[stack.getLogicalId(stack.photos.bucket.node.defaultChild as CfnBucket)]
        .Properties;
    expect(bucket.BucketEncryption).toBeDefined();
    expect(bucket.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ ExpirationInDays: 180, Status: 'Enabled' })]),
    );
    expect(bucket.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['POST'] }),
    ]);
  });

  it('only the authorizer, the video routes (which sign join tickets) and the guest-token function read the signing secret', () => {
    const readersOf = (secret: IConstruct) => {
      const ref = JSON.stringify({ Ref: stack.getLogicalId(secret.node.defaultChild as CfnElement) });
      return Object.keys(stack.functions).filter((h) =>
        statementsOf(stack, template, h).some(
          (s) => actions(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource) === ref,
        ),
      );
    };
    expect(readersOf(stack.signingSecret.secret)).toEqual([
      'authorizer',
      'video',
      'agent-video',
      'guest-token',
      // keys the subject hash of each privacy request's audit record
      'privacy',
    ]);
    // The webhook keys are another secret, read by the webhook function alone.
    expect(readersOf(stack.webhooks.secret)).toEqual(['webhooks']);
    const anyReader = Object.keys(stack.functions).filter((h) =>
      statementsOf(stack, template, h).some((s) => actions(s).includes('secretsmanager:GetSecretValue')),
    );
    expect(anyReader).toEqual(['authorizer', 'video', 'agent-video', 'guest-token', 'webhooks', 'privacy']);
  });

  it('the webhook function gets and puts Store items and puts and updates delivery markers, on the tables only', () => {
    expect(tableAccess('webhooks')).toEqual({
      Store: ['read', 'write'],
      Conversations: ['write'],
    });
    const dynamo = statementsOf(stack, template, 'webhooks').filter((s) =>
      actions(s).some((a) => a.startsWith('dynamodb:')),
    );
    expect(dynamo.map((s) => actions(s).sort())).toEqual([
      ['dynamodb:GetItem', 'dynamodb:PutItem'],
      ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
    ]);
    for (const s of dynamo) expect(JSON.stringify(s.Resource)).not.toContain('/index/');
  });

  it('function logs may be written only to their own log group', () => {
    for (const handler of Object.keys(stack.functions)) {
      const logs = statementsOf(stack, template, handler).filter((s) =>
        actions(s).some((a) => a.startsWith('logs:')),
      );
      expect(logs, handler).toHaveLength(1);
      expect(resources(logs[0] as Statement), handler).toHaveLength(1);
      expect(JSON.stringify(logs[0]?.Resource), handler).toMatch(/Logs[0-9A-F]{8}","Arn"/);
    }
  });
});

describe('Bedrock', () => {
  it('of the chat functions only the assistant may call Bedrock, and only the configured inference profile and its model', () => {
    for (const handler of Object.keys(stack.functions)) {
      const bedrock = statementsOf(stack, template, handler).filter((s) =>
        actions(s).some((a) => a.startsWith('bedrock:')),
      );
      if (handler !== 'assistant') {
        expect(bedrock, handler).toEqual([]);
        continue;
      }
      expect(bedrock).toHaveLength(2);
      for (const s of bedrock) {
        expect(actions(s).sort()).toEqual(['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']);
        expect(resources(s)).toHaveLength(1);
      }
      const [profile, model] = bedrock.map((s) => JSON.stringify(s.Resource));
      expect(profile).toContain(':inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0');
      expect(model).toContain(':bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0');
      expect(JSON.stringify(bedrock[1]?.Condition)).toContain('bedrock:InferenceProfileArn');
    }
  });

  it('a plain foundation model id is granted in this Region only, and a guardrail adds ApplyGuardrail', () => {
    const custom = synthApp({
      bundle: false,
      context: {
        bedrockModelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
        guardrailId: 'gr0abc123',
        chatModel: 'embedded',
      },
    });
    expect(custom.findings.filter((f) => f.plugin === NAG_PLUGIN_NAME)).toEqual([]);
    const t = Template.fromStack(custom.stack);
    const statements = statementsOf(custom.stack, t, 'assistant');
    const invoke = statements.filter((s) => actions(s).includes('bedrock:InvokeModel'));
    expect(invoke).toHaveLength(1);
    const arn = JSON.stringify(invoke[0]?.Resource);
    expect(arn).toContain('{"Ref":"AWS::Region"}');
    expect(arn).toContain('::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(arn).not.toContain('*');

    const guardrail = statements.filter((s) => actions(s).includes('bedrock:ApplyGuardrail'));
    expect(guardrail).toHaveLength(1);
    expect(JSON.stringify(guardrail[0]?.Resource)).toContain(':guardrail/gr0abc123');

    const fn = Object.values(t.findResources('AWS::Lambda::Function'))[0];
    expect(fn?.Properties.Environment.Variables).toMatchObject({
      CHAT_MODEL: 'embedded',
      GUARDRAIL_ID: 'gr0abc123',
    });
  });

  it('rejects an invalid chat model setting', () => {
    expect(() => buildApp({ bundle: false, context: { chatModel: 'gpt' } })).toThrow(/chatModel/);
  });
});
