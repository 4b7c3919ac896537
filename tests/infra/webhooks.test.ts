import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHOPIFY_SECRET_PLACEHOLDER } from '../../functions/core/webhooks/secrets';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';
import { WEBHOOK_ROUTES } from '../../lib/webhook-routes';

let stack: AfterdeskStack;
let template: Template;
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

beforeAll(() => {
  stack = synthApp({ bundle: false }).stack;
  template = Template.fromStack(stack);
});

describe('webhooks HTTP API', () => {
  it('is one HTTP API whose routes are exactly lib/webhook-routes, each a payload 2.0 Lambda proxy to the webhook function', () => {
    const httpApis = template.findResources('AWS::ApiGatewayV2::Api', {
      Properties: { ProtocolType: 'HTTP' },
    });
    expect(Object.keys(httpApis)).toContain(id(stack.webhooks.api));
    const routes = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', {
        Properties: { ApiId: { Ref: id(stack.webhooks.api) } },
      }),
    ).map((route) => route.Properties.RouteKey);
    expect(routes.sort()).toEqual(WEBHOOK_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ApiId: { Ref: id(stack.webhooks.api) },
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [id(stack.webhooks.function.fn), 'Arn'] },
    });
  });

  it('its stage is throttled and writes JSON access logs, without bodies or headers, to an encrypted log group', () => {
    const stage = template.toJSON().Resources[id(stack.webhooks.stage)].Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
    expect(stage.AccessLogSettings.DestinationArn).toEqual({
      'Fn::GetAtt': [id(stack.webhooks.accessLogs), 'Arn'],
    });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(Object.values(format).join(' ')).not.toMatch(/body|header/i);
    const logGroup = template.toJSON().Resources[id(stack.webhooks.accessLogs)].Properties;
    expect(logGroup.KmsKeyId).toBeDefined();
  });

  it('keeps the signing keys in a retained secret: a generated carrier key and a Shopify placeholder no request can match', () => {
    const secret = template.toJSON().Resources[id(stack.webhooks.secret)];
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toMatchObject({
      GenerateStringKey: 'carrier',
      PasswordLength: 64,
      SecretStringTemplate: JSON.stringify({ shopify: SHOPIFY_SECRET_PLACEHOLDER }),
    });
  });

  it('gives the function the secret by ARN and the sizing of a short request handler', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('webhooks'),
      MemorySize: 256,
      Timeout: 10,
      Environment: {
        Variables: Match.objectLike({ WEBHOOK_SECRET_ARN: { Ref: id(stack.webhooks.secret) } }),
      },
    });
  });

  it('outputs both webhook URLs and the secret ARN', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(JSON.stringify(outputs.ShopifyWebhookUrl?.Value)).toContain('/webhooks/shopify');
    expect(JSON.stringify(outputs.CarrierWebhookUrl?.Value)).toContain('/webhooks/carrier');
    expect(outputs.WebhookSecretArn?.Value).toEqual({ Ref: id(stack.webhooks.secret) });
  });
});
