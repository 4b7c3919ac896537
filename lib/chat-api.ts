import { ArnFormat, CfnOutput, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat, CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AfterdeskConfig } from './config';
import type { SharedFunction } from './shared-function';

export const STAGE_NAME = 'live';

/** Route keys chosen by `$request.body.action`. */
export const ROUTES = {
  connect: '$connect',
  disconnect: '$disconnect',
  default: '$default',
  sendMessage: 'sendMessage',
  resume: 'resume',
  requestUpload: 'requestUpload',
} as const;

export interface ChatApiProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly authorizer: SharedFunction;
  readonly connect: SharedFunction;
  readonly disconnect: SharedFunction;
  readonly defaultRoute: SharedFunction;
  readonly sendMessage: SharedFunction;
  readonly resume: SharedFunction;
  readonly requestUpload: SharedFunction;
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

    const authorizer = new WebSocketLambdaAuthorizer('ShopperTokenAuthorizer', props.authorizer.fn, {
      identitySource: ['route.request.querystring.token'],
    });

    this.api = new apigwv2.WebSocketApi(this, 'Api', {
      apiName: `${stack.stackName}-chat`,
      description: 'Afterdesk shopper chat',
      routeSelectionExpression: '$request.body.action',
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('Connect', props.connect.fn),
        authorizer,
      },
      disconnectRouteOptions: {
        integration: new WebSocketLambdaIntegration('Disconnect', props.disconnect.fn),
      },
      defaultRouteOptions: {
        integration: new WebSocketLambdaIntegration('DefaultRoute', props.defaultRoute.fn),
        returnResponse: true,
      },
    });
    const sendMessageRoute = this.api.addRoute(ROUTES.sendMessage, {
      integration: new WebSocketLambdaIntegration('SendMessage', props.sendMessage.fn),
      returnResponse: true,
    });
    const resumeRoute = this.api.addRoute(ROUTES.resume, {
      integration: new WebSocketLambdaIntegration('Resume', props.resume.fn),
      returnResponse: true,
    });

    const requestUploadRoute = this.api.addRoute(ROUTES.requestUpload, {
      integration: new WebSocketLambdaIntegration('RequestUpload', props.requestUpload.fn),
      returnResponse: true,
    });

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
    cfnStage.routeSettings = {
      [ROUTES.connect]: {
        throttlingRateLimit: config.connectThrottle.rateLimit,
        throttlingBurstLimit: config.connectThrottle.burstLimit,
      },
      [ROUTES.sendMessage]: {
        throttlingRateLimit: config.sendMessageThrottle.rateLimit,
        throttlingBurstLimit: config.sendMessageThrottle.burstLimit,
      },
      // Each grant is a signed upload: keep them to the pace of a person sending photos.
      [ROUTES.requestUpload]: {
        throttlingRateLimit: config.connectThrottle.rateLimit,
        throttlingBurstLimit: config.connectThrottle.burstLimit,
      },
    };
    // Route settings name routes by key: the routes must exist before the stage refers to them.
    const connectRoute = this.api.node.findChild('$connect-Route');
    cfnStage.node.addDependency(connectRoute, sendMessageRoute, resumeRoute, requestUploadRoute);

    if (config.apiGatewayAccountRole) this.setAccountLoggingRole(cfnStage);

    this.acknowledgeUnauthorizedRoutes();

    // Stable output names for scripts (`aws cloudformation describe-stacks`).
    new CfnOutput(this, 'WebSocketUrl', {
      description: 'Chat WebSocket URL (append ?token=<shopper token>)',
      value: this.stage.url,
    }).overrideLogicalId('WebSocketUrl');
    new CfnOutput(this, 'ConnectionsEndpoint', {
      description: 'The @connections management endpoint',
      value: this.connectionsEndpoint,
    }).overrideLogicalId('ConnectionsEndpoint');
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

  private acknowledgeUnauthorizedRoutes(): void {
    const reasons: Record<string, string> = {
      [ROUTES.disconnect]:
        'API Gateway runs WebSocket authorizers only on $connect; $disconnect belongs to an already ' +
        'authorized connection and cannot carry an authorizer.',
      [ROUTES.default]:
        'API Gateway runs WebSocket authorizers only on $connect; $default messages arrive on a connection ' +
        'the $connect authorizer already admitted.',
      [ROUTES.sendMessage]:
        'API Gateway runs WebSocket authorizers only on $connect; sendMessage arrives on an authorized ' +
        'connection and the handler checks session ownership against the stored connection.',
      [ROUTES.requestUpload]:
        'API Gateway runs WebSocket authorizers only on $connect; requestUpload arrives on an authorized ' +
        'connection and the handler takes the shopper from that connection, never from the message.',
      [ROUTES.resume]:
        'API Gateway runs WebSocket authorizers only on $connect; resume arrives on an authorized ' +
        'connection and the handler checks session ownership against the stored connection.',
    };
    for (const [routeKey, reason] of Object.entries(reasons)) {
      const route = this.api.node.findChild(`${routeKey}-Route`);
      Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    }
  }
}
