import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';
import { SHARP_ON_LAMBDA, sharpRuntimePackages } from '../../lib/photo-normaliser';

let stack: AfterdeskStack;
let template: Template;
let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
const id = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnFunction);

beforeAll(() => {
  // Template-only: tests/infra/bundling.test.ts bundles the normaliser for real.
  const result = synthApp({ bundle: false });
  stack = result.stack;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
});

describe('the photo normaliser', () => {
  it('runs on x86_64 (for the installed sharp binaries) with explicit memory, timeout, tracing, its bucket and the outcomes table', () => {
    const fn = resources[id(stack.photos.normaliser.fn)]?.Properties ?? {};
    expect(fn.Runtime).toBe('nodejs24.x');
    expect(fn.Architectures).toEqual(['x86_64']);
    expect(fn.MemorySize).toBe(1024);
    expect(fn.Timeout).toBe(30);
    expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
    const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables.PHOTO_BUCKET).toEqual({ Ref: id(stack.photos.bucket) });
    // No secret or socket endpoint; one table, where it records each upload's outcome (PHOTO# items only).
    expect(Object.keys(variables).sort()).toEqual([
      'AFTERDESK_MODE',
      'CONVERSATIONS_TABLE',
      'NODE_OPTIONS',
      'PHOTO_BUCKET',
      'PHOTO_RETENTION_DAYS',
      'POWERTOOLS_METRICS_NAMESPACE',
      'POWERTOOLS_SERVICE_NAME',
    ]);
    expect(variables.PHOTO_RETENTION_DAYS).toBe('180');
    const logGroup = (fn.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(resources[logGroup]?.Properties.KmsKeyId).toBeDefined();
  });

  it('is invoked by EventBridge for objects created under incoming/ of the photo bucket, with retries and a failure queue', () => {
    const bucket = resources[id(stack.photos.bucket)]?.Properties ?? {};
    expect(bucket.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    // No notifications custom resource (and its managed-policy role) is needed for that.
    expect(template.findResources('Custom::S3BucketNotifications')).toEqual({});
    const queue = { 'Fn::GetAtt': [id(stack.photos.normaliserFailures), 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: {
          bucket: { name: [{ Ref: id(stack.photos.bucket) }] },
          object: { key: [{ prefix: 'incoming/' }] },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [id(stack.photos.normaliser.fn), 'Arn'] },
          RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 4 },
          DeadLetterConfig: { Arn: queue },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: id(stack.photos.normaliser.fn) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: queue } },
    });
    const failures =
      resources[Stack.of(stack).getLogicalId(stack.photos.normaliserFailures.node.defaultChild as CfnQueue)];
    expect(failures?.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('may read and delete uploads, write photos and refusal markers, record outcomes, and nothing else', () => {
    const policy = stack.photos.normaliser.role.node.tryFindChild('DefaultPolicy');
    const policyId = Stack.of(stack).getLogicalId(policy?.node.defaultChild as CfnPolicy);
    const document = resources[policyId]?.Properties.PolicyDocument as
      | { Statement: Array<{ Action: string | string[]; Resource: unknown }> }
      | undefined;
    const statements = document?.Statement ?? [];
    const bucketId = id(stack.photos.bucket);
    const s3 = statements
      .filter((s) => ([] as string[]).concat(s.Action).some((a) => a.startsWith('s3:')))
      .map((s) => [([] as string[]).concat(s.Action), JSON.stringify(s.Resource)]);
    const on = (prefix: string) => expect.stringContaining(`${bucketId}","Arn"]},"/${prefix}*"`);
    expect(s3).toEqual([
      [['s3:GetObject', 's3:DeleteObject'], on('incoming/')],
      [['s3:PutObject'], on('photos/')],
      [['s3:PutObject'], on('refused/')],
    ]);
    // Each upload's outcome, for sendMessage to check: PutItem on PHOTO# partitions of Conversations only.
    const dynamodb = statements.filter((s) =>
      ([] as string[]).concat(s.Action).some((a) => a.startsWith('dynamodb:')),
    );
    expect(dynamodb).toEqual([
      {
        Action: 'dynamodb:PutItem',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [id(stack.data.table('Conversations')), 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PHOTO#*'] } },
      },
    ]);
    // Besides: its own logs (in the role), X-Ray, and the failure queue for its on-failure destination.
    const others = statements
      .flatMap((s) => ([] as string[]).concat(s.Action))
      .filter((a) => !a.startsWith('s3:') && a !== 'dynamodb:PutItem');
    expect(
      others.every((a) => /^(xray|sqs|logs):/.test(a)),
      others.join(),
    ).toBe(true);
  });

  it('keeps raw uploads and refusal markers for a day at most', () => {
    const lifecycle = resources[id(stack.photos.bucket)]?.Properties.LifecycleConfiguration as
      | { Rules: unknown[] }
      | undefined;
    const rules = lifecycle?.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Id: 'ExpireUploads',
          Prefix: 'incoming/',
          ExpirationInDays: 1,
          Status: 'Enabled',
        }),
        expect.objectContaining({
          Id: 'ExpireRefusals',
          Prefix: 'refused/',
          ExpirationInDays: 1,
          Status: 'Enabled',
        }),
      ]),
    );
  });
});

describe('sharp on Lambda', () => {
  it('ships exactly sharp, its dependencies and the linux-x64 binding and libvips, copied from node_modules', () => {
    expect(sharpRuntimePackages()).toEqual([
      '@img/colour',
      '@img/sharp-libvips-linux-x64',
      '@img/sharp-linux-x64',
      'detect-libc',
      'semver',
      'sharp',
    ]);
    expect(SHARP_ON_LAMBDA.external).toEqual(['sharp']);
    const commands = SHARP_ON_LAMBDA.copy('/asset');
    expect(commands).toContain('mkdir -p "/asset/node_modules/@img"');
    expect(commands.filter((c) => c.startsWith('cp -RL '))).toHaveLength(6);
  });

  it('fails synthesis with the fix when the linux-x64 binaries are not installed', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'afterdesk-no-sharp-'));
    fs.mkdirSync(path.join(root, 'node_modules', 'sharp'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'sharp', 'package.json'), '{"dependencies":{}}');
    expect(() => sharpRuntimePackages(root)).toThrow(
      /@img\/sharp-linux-x64.*npm install --no-save --os=linux --cpu=x64 sharp/,
    );
    fs.rmSync(root, { recursive: true, force: true });
  });
});
