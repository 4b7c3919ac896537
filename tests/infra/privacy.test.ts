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
    const s3 = statements.filter((s) => JSON.stringify(s.Action).includes('s3:'));
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
  });

  it('publishes the API URL and the admin policy for the CLI and the seller, and leaves cdk-nag nothing', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(outputs.PrivacyApiUrl).toBeDefined();
    expect(outputs.PrivacyAdminPolicyArn).toBeDefined();
    expect(findings.filter((f) => f.constructPaths.some((p) => p.includes('/Privacy/')))).toEqual([]);
  });
});
