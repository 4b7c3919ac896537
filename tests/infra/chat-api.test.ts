import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AfterdeskStack } from '../../lib/afterdesk-stack';
import { synthApp } from '../../lib/app';
import { SHOPPER_VIDEO_ROUTES } from '../../lib/video-routes';

type Props = Record<string, unknown>;

let stack: AfterdeskStack;
let template: Template;

function fnLogicalId(handler: string): string {
  const fn = stack.functions[handler];
  if (!fn) throw new Error(`no function ${handler}`);
  return Stack.of(fn).getLogicalId(fn.fn.node.defaultChild as CfnFunction);
}

/** The shopper chat API's own resources: the stack also holds the agents' API (lib/console). */
function chatApiRef(): { Ref: string } {
  return { Ref: stack.getLogicalId(stack.chatApi.api.node.defaultChild as CfnApi) };
}

function ofChatApi(type: string): ReturnType<Template['findResources']> {
  const ref = JSON.stringify(chatApiRef());
  return Object.fromEntries(
    Object.entries(template.findResources(type)).filter(
      ([, resource]) => JSON.stringify(resource.Properties.ApiId) === ref,
    ),
  );
}

function routes(): Record<string, Props> {
  const byKey: Record<string, Props> = {};
  for (const route of Object.values(ofChatApi('AWS::ApiGatewayV2::Route'))) {
    byKey[route.Properties.RouteKey as string] = route.Properties as Props;
  }
  return byKey;
}

/** The handler function a route's integration calls. */
function integratedFunction(route: Props): string {
  const target = JSON.stringify(route.Target);
  const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1];
  const integration = integrationId ? template.toJSON().Resources[integrationId] : undefined;
  const uri = JSON.stringify(integration?.Properties.IntegrationUri);
  return /"Fn::GetAtt":\["([^"]+)","Arn"\]/.exec(uri)?.[1] ?? '';
}

beforeAll(() => {
  stack = synthApp({ bundle: false }).stack;
  template = Template.fromStack(stack);
});

describe('WebSocket API', () => {
  it('selects routes on $request.body.action', () => {
    // The shopper chat API and the agents' API (lib/console); the HTTP APIs (guest access, webhooks) have their own tests.
    const websocketApis = template.findResources('AWS::ApiGatewayV2::Api', {
      Properties: { ProtocolType: 'WEBSOCKET' },
    });
    expect(Object.keys(websocketApis)).toHaveLength(2);
    // Plus three HTTP APIs: guest access, webhooks and the privacy admin API.
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 5);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    });
  });

  it('the WebSocket routes and authorizer are wired', () => {
    const r = routes();
    expect(Object.keys(r).sort()).toEqual(
      [
        '$connect',
        '$default',
        '$disconnect',
        'requestUpload',
        'resume',
        'sendMessage',
        ...SHOPPER_VIDEO_ROUTES,
      ].sort(),
    );

    const expected: Record<string, string> = {
      $connect: 'connect',
      $disconnect: 'disconnect',
      $default: 'default',
      sendMessage: 'send-message',
      resume: 'resume',
      requestUpload: 'request-upload',
    };
    for (const [key, handler] of Object.entries(expected)) {
      expect(integratedFunction(r[key] as Props), key).toBe(fnLogicalId(handler));
    }
    // Every shopper video route goes to the one shopper video function, on an authorized connection.
    const videoTargets = new Set(SHOPPER_VIDEO_ROUTES.map((key) => integratedFunction(r[key] as Props)));
    expect(videoTargets.size).toBe(1);
    for (const key of SHOPPER_VIDEO_ROUTES) expect(r[key]?.AuthorizationType ?? 'NONE', key).toBe('NONE');

    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    const authorizer = Object.entries(ofChatApi('AWS::ApiGatewayV2::Authorizer'))[0];
    expect(JSON.stringify(authorizer?.[1].Properties.AuthorizerUri)).toContain(fnLogicalId('authorizer'));

    expect(r.$connect?.AuthorizationType).toBe('CUSTOM');
    expect(r.$connect?.AuthorizerId).toEqual({ Ref: authorizer?.[0] });
    for (const key of ['$disconnect', '$default', 'sendMessage', 'resume', 'requestUpload']) {
      expect(r[key]?.AuthorizationType ?? 'NONE', key).toBe('NONE');
    }
  });

  it('sendMessage, resume, requestUpload, $default and the video routes return the Lambda result to the client', () => {
    const r = routes();
    for (const key of ['sendMessage', 'resume', 'requestUpload', '$default', ...SHOPPER_VIDEO_ROUTES]) {
      expect(r[key]?.RouteResponseSelectionExpression, key).toBe('$default');
    }
    expect(r.$connect?.RouteResponseSelectionExpression).toBeUndefined();
    expect(r.$disconnect?.RouteResponseSelectionExpression).toBeUndefined();
    expect(Object.keys(ofChatApi('AWS::ApiGatewayV2::RouteResponse'))).toHaveLength(
      4 + SHOPPER_VIDEO_ROUTES.length,
    );
  });

  it('API Gateway may invoke each route function, and only from this API', () => {
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission'));
    for (const handler of [
      'authorizer',
      'connect',
      'disconnect',
      'default',
      'send-message',
      'resume',
      'request-upload',
    ]) {
      const mine = permissions.filter(
        (p) =>
          JSON.stringify(p.Properties.FunctionName) ===
          JSON.stringify({ 'Fn::GetAtt': [fnLogicalId(handler), 'Arn'] }),
      );
      expect(mine.length, handler).toBeGreaterThan(0);
      for (const p of mine) {
        expect(p.Properties.Principal, handler).toBe('apigateway.amazonaws.com');
        expect(JSON.stringify(p.Properties.SourceArn), handler).toContain('ChatApi');
      }
    }
  });
});

describe('live stage', () => {
  it('stage has access logs and throttling', () => {
    const stages = ofChatApi('AWS::ApiGatewayV2::Stage');
    const [stage] = Object.values(stages);
    expect(Object.keys(stages)).toHaveLength(1);
    const p = stage?.Properties;
    expect(p.StageName).toBe('live');
    expect(p.AutoDeploy).toBe(true);
    expect(p.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    expect(p.RouteSettings.$connect).toEqual({ throttlingRateLimit: 20, throttlingBurstLimit: 40 });
    expect(p.RouteSettings.sendMessage).toEqual({ throttlingRateLimit: 50, throttlingBurstLimit: 100 });

    const format = JSON.parse(p.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.requestId).toBe('$context.requestId');
    expect(format.connectionId).toBe('$context.connectionId');
    expect(format.routeKey).toBe('$context.routeKey');

    const logGroupId = p.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string;
    const logGroup = template.toJSON().Resources[logGroupId];
    expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup.Properties.KmsKeyId).toBeDefined();
    expect(logGroup.Properties.RetentionInDays).toEqual(expect.any(Number));
  });

  it('per-route throttling and limits follow CDK context', () => {
    const custom = synthApp({
      bundle: false,
      context: {
        throttleRateLimit: 10,
        throttleBurstLimit: 20,
        sendMessageRateLimit: '5',
        sendMessageBurstLimit: '7',
      },
    });
    Template.fromStack(custom.stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 }),
      RouteSettings: Match.objectLike({ sendMessage: { throttlingRateLimit: 5, throttlingBurstLimit: 7 } }),
    });
  });

  it('the stage waits for the routes its settings name and for the account logging role', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const dependsOn = stage?.DependsOn as string[];
    expect(dependsOn.some((d) => /connectRoute[0-9A-F]{8}$/.test(d))).toBe(true);
    expect(dependsOn.some((d) => /sendMessageRoute[0-9A-F]{8}$/.test(d))).toBe(true);
    const account = Object.keys(template.findResources('AWS::ApiGateway::Account'));
    expect(account).toHaveLength(1);
    expect(dependsOn).toContain(account[0]);
  });

  it('outputs the WebSocket URL and the connections endpoint', () => {
    template.hasOutput('WebSocketUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
    const url = JSON.stringify(template.toJSON().Outputs.WebSocketUrl.Value);
    expect(url).toContain('wss://');
    expect(url).toContain('/live');
    template.hasOutput('ConnectionsEndpoint', Match.anyValue());
  });
});

describe('@connections access', () => {
  it('only the assistant, resume, the console and the video functions may post to shopper connections, on the live stage and POST only', () => {
    const holders: string[] = [];
    for (const [id, policy] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
      for (const s of policy.Properties.PolicyDocument.Statement as Array<{
        Action: unknown;
        Resource: unknown;
      }>) {
        const chat = JSON.stringify(s.Resource).includes(chatApiRef().Ref);
        if (chat && ([] as unknown[]).concat(s.Action).some((a) => String(a).startsWith('execute-api:'))) {
          holders.push(id);
          expect(s.Action).toBe('execute-api:ManageConnections');
          expect(JSON.stringify(s.Resource)).toMatch(/\/live\/POST\/@connections\/\*"/);
        }
      }
    }
    // The console pushes agents' replies and "a person joined" to the shopper's socket too.
    // Video: join information and call events go to each party's own socket.
    expect(holders).toHaveLength(7);
    expect(holders.sort()).toEqual([
      expect.stringMatching(/^AssistantRole/),
      expect.stringMatching(/^ConsoleAgentCommand/),
      expect.stringMatching(/^ConsoleConsoleStream/),
      expect.stringMatching(/^Resume/),
      expect.stringMatching(/^VideoAgentVideo/),
      expect.stringMatching(/^VideoMeetingEvents/),
      expect.stringMatching(/^VideoShopperVideo/),
    ]);
  });
});

describe('guest access HTTP API', () => {
  const guestApi = () => {
    const apis = template.findResources('AWS::ApiGatewayV2::Api', { Properties: { ProtocolType: 'HTTP' } });
    // Three HTTP APIs: guest access, the webhooks (tests/infra/webhooks.test.ts) and privacy (tests/infra/privacy.test.ts).
    const guest = Object.keys(apis).filter((id) => id.startsWith('GuestAccess'));
    expect(Object.keys(apis)).toHaveLength(3);
    expect(guest).toHaveLength(1);
    return guest[0] as string;
  };

  it('has one POST route to the guest-token function, CORS for the storefront origins only', () => {
    const apiId = guestApi();
    const api = template.findResources('AWS::ApiGatewayV2::Api')[apiId];
    expect(api?.Properties.CorsConfiguration).toMatchObject({ AllowMethods: ['POST'] });
    const guestRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).filter(
      (route) => JSON.stringify(route.Properties.ApiId) === JSON.stringify({ Ref: apiId }),
    );
    expect(guestRoutes.map((route) => route.Properties.RouteKey)).toEqual(['POST /guest/token']);
    const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')).filter(
      (integration) => JSON.stringify(integration.Properties.ApiId) === JSON.stringify({ Ref: apiId }),
    );
    expect(integrations).toHaveLength(1);
    expect(JSON.stringify(integrations[0]?.Properties.IntegrationUri)).toContain(fnLogicalId('guest-token'));
  });

  it('throttles its stage and logs access without bodies to an encrypted log group', () => {
    const apiId = guestApi();
    const stages = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')).filter(
      (stage) => JSON.stringify(stage.Properties.ApiId) === JSON.stringify({ Ref: apiId }),
    );
    expect(stages).toHaveLength(1);
    const p = stages[0]?.Properties;
    expect(p.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 });
    const format = p.AccessLogSettings.Format as string;
    expect(format).toContain('$context.status');
    expect(format).not.toMatch(/body|querystring/i);
    const logGroupId = (p.AccessLogSettings.DestinationArn as { 'Fn::GetAtt': string[] })[
      'Fn::GetAtt'
    ][0] as string;
    expect(template.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties.KmsKeyId).toBeDefined();
  });
});
