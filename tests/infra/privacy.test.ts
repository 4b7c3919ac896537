import type { CfnElement } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp, type ValidationFinding } from '../../lib/app';
import { PRIVACY_THROTTLE } from '../../lib/privacy';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON, read by path below.
type Json = any;
type Resource = { Type: string; Properties: Record<string, Json> };

let stack: AfterdeskStack;
let template: Template;
let findings: readonly ValidationFinding[];
const id = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);

beforeAll(() => {
  const result = synthApp({ bundle: false });
  stack = result.stack;
  findings = result.findings;
  template = Template.fromStack(stack);
});

const ofApi = (type: string): Resource[] =>
  Object.values(template.findResources(type) as Record<string, Resource>).filter(
    (resource) =>
      JSON.stringify(resource.Properties.ApiId) === JSON.stringify({ Ref: id(stack.privacy.api) }),
  );

const statementsOf = (role: { node: { defaultChild?: unknown } }) =>
  Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(id(role)))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, Json>>);

describe('the daily rewrite of queued fact erasures', () => {
  it('runs once a day, without retries (a failed entry waits for the next day)', () => {
    const rules = Object.values(
      template.findResources('AWS::Events::Rule') as Record<string, Resource>,
    ).filter((rule) => JSON.stringify(rule.Properties.Targets).includes(id(stack.privacyFacts.function.fn)));
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties.ScheduleExpression).toBe('rate(1 day)');
    expect(rules[0]?.Properties.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 0 });
  });

  it('may touch only the queue and audit items of the Store table, the workgroup, the fact tables and fact objects', () => {
    const statements = statementsOf(stack.privacyFacts.function.role);
    const dynamo = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));
    expect(dynamo.map((s) => [[s.Action].flat(), s.Condition])).toEqual([
      [
        ['dynamodb:Query', 'dynamodb:DeleteItem'],
        { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PRIVACY#FACTS'] } },
      ],
      [['dynamodb:PutItem'], { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PRIVACY#*'] } }],
    ]);
    const athena = statements.find((s) => JSON.stringify(s.Action).includes('athena:'));
    expect(athena?.Action).toEqual([
      'athena:StartQueryExecution',
      'athena:GetQueryExecution',
      'athena:GetQueryResults',
    ]);
    expect(JSON.stringify(athena?.Resource)).toContain(':workgroup/');
    const writes = statements.filter((s) => [s.Action].flat().includes('s3:DeleteObject'));
    expect(writes).toHaveLength(1);
    const resources = JSON.stringify(writes[0]?.Resource);
    expect(resources).toContain('/message_facts/*');
    expect(resources).toContain('/privacy-staging/*');
    expect(resources).not.toContain('"*"');
    expect(resources).not.toContain('/errors/');
    expect(statements.some((s) => JSON.stringify(s.Resource).includes(id(stack.photos.bucket)))).toBe(false);
  });

  it('leaves cdk-nag nothing', () => {
    expect(findings.filter((f) => f.constructPaths.some((p) => p.includes('/PrivacyFacts/')))).toEqual([]);
  });
});

describe('privacy admin API', () => {
  it('has exactly the erase and export routes, both with IAM auth, to the privacy function', () => {
    const routes = ofApi('AWS::ApiGatewayV2::Route');
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      'POST /privacy/erase',
      'POST /privacy/export',
    ]);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    const integrations = ofApi('AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(1);
    expect(JSON.stringify(integrations[0]?.Properties.IntegrationUri)).toContain(
      id(stack.privacy.function.fn),
    );
  });

  it('throttles its stage and logs the caller, never a body, to an encrypted log group', () => {
    const stages = ofApi('AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const p = stages[0]?.Properties as Record<string, Json>;
    expect(p.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: PRIVACY_THROTTLE.rateLimit,
      ThrottlingBurstLimit: PRIVACY_THROTTLE.burstLimit,
    });
    const format = p.AccessLogSettings.Format as string;
    expect(format).toContain('$context.identity.userArn');
    expect(format).not.toMatch(/body|querystring/i);
    const logGroupId = p.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    expect(template.toJSON().Resources[logGroupId].Properties.KmsKeyId).toBeDefined();
  });

  it('lets only holders of the admin managed policy invoke it, on its two routes of its stage', () => {
    const policies = Object.values(
      template.findResources('AWS::IAM::ManagedPolicy') as Record<string, Resource>,
    );
    const invokers = policies.filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('execute-api:Invoke'),
    );
    expect(invokers).toHaveLength(1);
    const statements = invokers[0]?.Properties.PolicyDocument.Statement as Array<Record<string, Json>>;
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Action).toBe('execute-api:Invoke');
    const resources = JSON.stringify(statements[0]?.Resource);
    expect(resources).toContain('/live/POST/privacy/erase');
    expect(resources).toContain('/live/POST/privacy/export');
    expect(resources).not.toContain('*');
    // Attached to nobody by the stack: the seller attaches it to the people who answer requests.
    expect(invokers[0]?.Properties.Roles ?? []).toEqual([]);
  });

  it("grants the function exact actions: its tables' items, the photo versions under photos/, incoming/ and refused/, the signing secret", () => {
    const roleId = id(stack.privacy.function.role);
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Record<string, Json>>);
    const photoBucket = id(stack.photos.bucket);
    const s3 = statements.filter(
      (s) => JSON.stringify(s.Action).includes('s3:') && JSON.stringify(s.Resource).includes(photoBucket),
    );
    expect(s3.map((s) => s.Action)).toEqual([
      's3:ListBucketVersions',
      ['s3:DeleteObject', 's3:DeleteObjectVersion'],
    ]);
    for (const prefix of ['/photos/*', '/incoming/*', '/refused/*'])
      expect(JSON.stringify(s3[1]?.Resource)).toContain(prefix);
    const dynamo = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'));
    for (const s of dynamo) expect(JSON.stringify(s.Resource)).not.toContain('index/*');
    expect(dynamo.flatMap((s) => [s.Action].flat()).filter((a) => a === 'dynamodb:DeleteItem')).toEqual([]);
    expect(statements.some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'))).toBe(true);
    // An export reads facts through Athena: it may not write or delete a fact object.
    const factsBucket = id(stack.analytics.bucket);
    const onFacts = statements.filter((s) => JSON.stringify(s.Resource).includes(factsBucket));
    expect(onFacts.flatMap((s) => [s.Action].flat()).sort()).toEqual([
      's3:GetBucketLocation',
      's3:GetObject',
      's3:ListBucket',
    ]);
  });

  it('publishes the API URL and the admin policy for the CLI and the seller, and leaves cdk-nag nothing', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(outputs.PrivacyApiUrl).toBeDefined();
    expect(outputs.PrivacyAdminPolicyArn).toBeDefined();
    expect(findings.filter((f) => f.constructPaths.some((p) => p.includes('/Privacy/')))).toEqual([]);
  });
});
