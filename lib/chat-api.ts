import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat, CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteThrottle, WebSocketApiSpec } from '../topology';
import type { AfterdeskConfig } from './config';
import { SharedFunction } from './shared-function';

export const STAGE_NAME = 'live';

export interface ChatApiProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  /** The API's entry in topology/ (routes, authorizer, `@connections` variable). */
  readonly api: WebSocketApiSpec;
  /** The function behind each handler module the API names (see `routeFunctions`). */
  readonly functions: Readonly<Record<string, SharedFunction>>;
}

/** Shared function settings for route functions. */
export interface RouteFunctionDefaults {
  readonly logRetention: logs.RetentionDays;
  readonly logKey: kms.IKey;
  readonly environment: Record<string, string>;
}

/** Construct id of a handler's function: PascalCase of its module, never 'Default' (left out of logical ids). */
export function functionId(handler: string): string {
  const id = handler.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
  return id === 'Default' ? 'DefaultRoute' : id;
}

/** One function per handler module the API names (its authorizer and routes), sized as the topology says. */
export function routeFunctions(
  scope: Construct,
  api: WebSocketApiSpec,
  defaults: RouteFunctionDefaults,
): Record<string, SharedFunction> {
  const functions: Record<string, SharedFunction> = {};
  const own = Object.values(api.routes).filter((route) => !route.construct);
  for (const spec of [api.authorizer, ...own]) {
    functions[spec.handler] ??= new SharedFunction(scope, functionId(spec.handler), {
      handler: spec.handler,
      description: `Afterdesk: ${spec.description}`,
      memorySize: spec.memorySize,
      timeout: Duration.seconds(spec.timeoutSeconds),
      ...defaults,
    });
  }
  return functions;
}

/** One JSON line per WebSocket event. No payloads: messages carry shopper PII. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTimeEpoch',
  connectionId: '$context.connectionId',
  eventType: '$context.eventType',
  routeKey: '$context.routeKey',
  messageId: '$context.messageId',
  status: '$context.status',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  error: '$context.error.message',
  errorType: '$context.error.responseType',
  authorizerError: '$context.authorizer.error',
  sourceIp: '$context.identity.sourceIp',
};

/**
 * The chat transport: an API Gateway WebSocket API whose `$connect` route runs a REQUEST authorizer on the
 * `token` query parameter (API Gateway runs authorizers only on `$connect`), a throttled `live` stage with
 * JSON access logs in an encrypted log group, and the narrow `@connections` grant for functions that push.
 */
export class ChatApi extends Construct {
  readonly api: apigwv2.WebSocketApi;
  readonly stage: apigwv2.WebSocketStage;
  readonly accessLogs: logs.LogGroup;
  /**
   * `https://{apiId}.execute-api.{region}.{urlSuffix}/live`, the `@connections` endpoint. Built from the API id
   * only (not the stage or routes), so functions behind the routes can take it without a dependency cycle.
   */
  readonly connectionsEndpoint: string;

  constructor(scope: Construct, id: string, props: ChatApiProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { config } = props;

    const { api } = props;
    const fn = (handler: string) => {
      const found = props.functions[handler];
      if (!found) throw new Error(`No function for handler ${handler} of the ${api.name} API`);
      return found.fn;
    };
    const route = (key: string) => {
      const spec = api.routes[key];
      if (!spec) throw new Error(`The ${api.name} API has no ${key} route`);
      return spec;
    };

    const authorizer = new WebSocketLambdaAuthorizer(
      `${functionId(api.name)}TokenAuthorizer`,
      fn(api.authorizer.handler),
      { identitySource: [...api.authorizer.identitySource] },
    );
    const integration = (key: string) =>
      new WebSocketLambdaIntegration(functionId(route(key).handler), fn(route(key).handler));

    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      apiName: `${stack.stackName}-${api.name}`,
      description: api.description,
      routeSelectionExpression: api.routeSelectionExpression,
      connectRouteOptions: {
        integration: integration('$connect'),
        authorizer,
        returnResponse: route('$connect').returnResponse || undefined,
      },
      disconnectRouteOptions: {
        integration: integration('$disconnect'),
        returnResponse: route('$disconnect').returnResponse || undefined,
      },
      defaultRouteOptions: {
        integration: integration('$default'),
        returnResponse: route('$default').returnResponse || undefined,
      },
    });
    const routes = [this.api.node.findChild('$connect-Route')];
    for (const [key, spec] of Object.entries(api.routes)) {
      if (key.startsWith('$') || spec.construct) continue;
      routes.push(
        this.api.addRoute(key, {
          integration: integration(key),
          returnResponse: spec.returnResponse || undefined,
        }),
      );
    }

    this.connectionsEndpoint = `https://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${STAGE_NAME}`;

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: config.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stage = new apigwv2.WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: STAGE_NAME,
      autoDeploy: true,
      description: 'Afterdesk chat stage',
      throttle: config.throttle,
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    // Per-route throttling: the L2 stage has no per-route settings, so set them on the L1 stage.
    const cfnStage = this.stage.node.defaultChild as apigwv2.CfnStage;
    const throttles = { connect: config.connectThrottle, sendMessage: config.sendMessageThrottle };
    cfnStage.routeSettings = Object.fromEntries(
      Object.entries(api.routes)
        .filter(([, spec]) => spec.throttle !== undefined)
        .map(([key, spec]) => {
          const throttle = throttles[spec.throttle as RouteThrottle];
          return [
            key,
            { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit },
          ];
        }),
    );
    // Route settings name routes by key: the routes must exist before the stage refers to them.
    cfnStage.node.addDependency(...routes);

    if (config.apiGatewayAccountRole) this.setAccountLoggingRole(cfnStage);

    this.acknowledgeUnauthorizedRoutes(api);

    // Stable output names for scripts (`aws cloudformation describe-stacks`); the chat API keeps the bare names.
    const outputPrefix = api.name === 'chat' ? '' : functionId(api.name);
    new CfnOutput(this, 'WebSocketUrl', {
      description: `${api.description}: WebSocket URL (append ?token=<token>)`,
      value: this.stage.url,
    }).overrideLogicalId(`${outputPrefix}WebSocketUrl`);
    new CfnOutput(this, 'ConnectionsEndpoint', {
      description: `${api.description}: the @connections management endpoint`,
      value: this.connectionsEndpoint,
    }).overrideLogicalId(`${outputPrefix}ConnectionsEndpoint`);
  }

  /**
   * Allows `execute-api:ManageConnections` for POST (PostToConnection) on this API's `live` stage only:
   * narrower than WebSocketApi.grantManageConnections, which allows every stage and every method.
   */
  grantPostToConnection(grantee: SharedFunction): void {
    const resourceName = `${STAGE_NAME}/POST/@connections/*`;
    const arn = Stack.of(this).formatArn({
      service: 'execute-api',
      resource: this.api.apiId,
      resourceName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    grantee.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [arn] }),
    );
    const apiLogicalId = Stack.of(this).getLogicalId(this.api.node.defaultChild as apigwv2.CfnApi);
    grantee.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${apiLogicalId}>/${resourceName}]`,
      'Connection ids exist only at run time, so PostToConnection is granted on every connection of this ' +
        "API's live stage and the POST method only.",
    );
  }

  /**
   * WebSocket access logging needs the account-wide API Gateway CloudWatch Logs role. It is account state,
   * so the role is retained when the stack goes (other APIs of the account may rely on it).
   */
  private setAccountLoggingRole(cfnStage: apigwv2.CfnStage): void {
    const role = new iam.Role(this, 'ApiGatewayCloudWatchRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'Lets API Gateway write access logs to CloudWatch Logs (account setting)',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs'),
      ],
    });
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The account-level API Gateway logging role is the documented use of this AWS managed policy; API ' +
        'Gateway creates and writes log groups named after each API, which are not known in advance.',
    });
    const account = new CfnAccount(this, 'ApiGatewayAccount', { cloudWatchRoleArn: role.roleArn });
    account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    cfnStage.node.addDependency(account);
  }

  /** Every route but $connect is reached on an admitted connection: each says why it needs no authorizer. */
  private acknowledgeUnauthorizedRoutes(api: WebSocketApiSpec): void {
    for (const [routeKey, spec] of Object.entries(api.routes)) {
      if (routeKey === '$connect' || spec.construct) continue;
      if (!spec.unauthorizedBecause)
        throw new Error(`Route ${routeKey} of the ${api.name} API needs unauthorizedBecause in topology/`);
      const route = this.api.node.findChild(`${routeKey}-Route`);
      Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: spec.unauthorizedBecause });
    }
  }
}
