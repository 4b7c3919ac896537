import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';
import { WEBSOCKET_APIS } from '../../topology';

let stack: AfterdeskStack;
let template: Template;

beforeAll(() => {
  stack = synthApp({ bundle: false }).stack;
  template = Template.fromStack(stack);
});

describe('agent console infrastructure', () => {
  it('creates an invite-only Cognito user pool with agent and supervisor groups and a secretless console client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['agent', 'supervisor']);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('puts a Cognito-verifying REQUEST authorizer on the agent API $connect route and declares every action', () => {
    const apis = template.findResources('AWS::ApiGatewayV2::Api');
    const agentApi = Object.entries(apis).find(([, api]) =>
      String(api.Properties.Description).includes('agent'),
    );
    expect(agentApi).toBeDefined();
    const apiId = agentApi?.[0] ?? '';
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      ApiId: { Ref: apiId },
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).filter(
      (route) => JSON.stringify(route.Properties.ApiId) === JSON.stringify({ Ref: apiId }),
    );
    const keys = routes.map((route) => route.Properties.RouteKey as string);
    // The console's actions and the agent's video routes, as topology/ declares the agent API.
    expect(keys.sort()).toEqual(Object.keys(WEBSOCKET_APIS.agent.routes).sort());
    const connect = routes.find((route) => route.Properties.RouteKey === '$connect');
    expect(connect?.Properties.AuthorizationType).toBe('CUSTOM');
    const env = JSON.stringify(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('verifies agent ID tokens') },
      }),
    );
    expect(env).toContain('AGENT_USER_POOL_ID');
    expect(env).toContain('AGENT_USER_POOL_CLIENT_ID');
  });

  it('serves the console from a private, encrypted bucket through CloudFront with origin access control', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    const site = stack.getLogicalId(stack.console.bucket.node.defaultChild as never);
    const bucket = template.toJSON().Resources[site];
    expect(bucket.Properties.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    template.hasOutput('ConsoleUrl', {});
    template.hasOutput('AgentWebSocketUrl', {});
  });

  it('feeds the console from the Conversations stream with filters, retries and an on-failure queue', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (mapping) => JSON.stringify(mapping.Properties.FunctionName).includes('ConsoleStream'),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 3,
    });
    expect(JSON.stringify(mappings[0]?.Properties.DestinationConfig)).toContain('ConsoleFailedRecords');
    expect(JSON.stringify(mappings[0]?.Properties.FilterCriteria)).toContain('message');
  });

  it('lets only the agent command function translate, and no console function delete from the Store table', () => {
    const policies = Object.entries(template.findResources('AWS::IAM::Policy'));
    const translating = policies.filter(([, policy]) =>
      JSON.stringify(policy).includes('translate:TranslateText'),
    );
    expect(translating).toHaveLength(1);
    expect(translating[0]?.[0]).toMatch(/AgentCommand/);
    for (const [name, policy] of policies.filter(([id]) => /^Console/.test(id)))
      expect(JSON.stringify(policy), name).not.toContain(
        'dynamodb:DeleteItem"],"Effect":"Allow","Resource":[{"Fn::GetAtt":["DataStore',
      );
  });
});
