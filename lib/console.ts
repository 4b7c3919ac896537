import { readFileSync } from 'node:fs';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { type RouteSpec, WEBSOCKET_APIS } from '../topology';
import { buildConsoleSync, CONSOLE_HTML } from '../web/console/build';
import { buildVideoChunkSync, VIDEO_CHUNK_FILES } from '../web/video/build';
import { functionId, routeFunctions } from './chat-api';
import type { AfterdeskConfig } from './config';
import { streamMappingSource } from './conversations-stream-source';
import { loggedWebSocketStage } from './logged-stage';
import { SharedFunction } from './shared-function';

/** The agents' API and the console's stream consumer, as topology/ declares them. */
const AGENT_API = WEBSOCKET_APIS.agent;
type ConsoleHandler =
  | typeof AGENT_API.authorizer.handler
  | 'agent-connect'
  | 'agent-disconnect'
  | 'agent-command'
  | 'console-stream';

const STAGE_NAME = 'live';

/** Where the widget's versions live in the site bucket (lib/hosting.ts), beside the console's files. */
export const SITE_WIDGET_PREFIX = 'widget/';

export interface ConsoleProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly environment: Record<string, string>;
  readonly store: dynamodb.ITable;
  readonly conversations: dynamodb.ITable;
  /** The shopper API's @connections endpoint: agent messages go to the shopper's own socket. */
  readonly shopperConnectionsEndpoint: string;
  readonly grantShopperPost: (grantee: SharedFunction) => void;
  readonly photoBucket: s3.IBucket;
  /** s3:GetObject on the photos/ prefix: what a presigned GET for an agent needs. */
  readonly grantPhotoRead: (grantee: SharedFunction) => void;
  readonly accessLogsBucket: s3.IBucket;
  /** Skip the console bundle (fast CDK assertion tests that do not look at the hosted files). */
  readonly bundleConsole?: boolean;
}

/**
 * The people's side of the desk in AWS: a Cognito user pool (groups agent and supervisor), a second
 * WebSocket API whose $connect authorizer verifies Cognito ID tokens with aws-jwt-verify, the console's
 * functions and stream mapping (declared once in topology/: the `agent` API, the `console-stream` mapping), and the console
 * itself, served from a private S3 bucket through CloudFront.
 */
export class AgentConsole extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly api: apigwv2.WebSocketApi;
  readonly stage: apigwv2.WebSocketStage;
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** The site bucket behind origin access control: one origin, shared by every behaviour (lib/hosting.ts). */
  readonly siteOrigin: cloudfront.IOrigin;
  readonly functions: Readonly<Record<ConsoleHandler, SharedFunction>>;
  readonly connectionsEndpoint: string;
  private readonly logRetention: logs.RetentionDays;
  private readonly logKey: kms.IKey;
  private siteDeployRole?: iam.Role;
  private siteDeployLogs?: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { config } = props;

    this.userPool = new cognito.UserPool(this, 'Agents', {
      userPoolName: `${stack.stackName}-agents`,
      // The seller's admin invites agents; nobody signs themselves up to a support desk.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { givenName: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of ['agent', 'supervisor'] as const)
      new cognito.CfnUserPoolGroup(this, `${group === 'agent' ? 'Agent' : 'Supervisor'}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description:
          group === 'agent'
            ? 'Answers hand-offs in the console'
            : 'Reassigns conversations and reads the audit trail',
      });
    this.userPoolClient = this.userPool.addClient('Console', {
      userPoolClientName: 'afterdesk-console',
      // A browser app keeps no secret; password and SRP sign-in only, over TLS to Cognito.
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.days(1),
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL with TOTP (agents enrol an authenticator app); REQUIRED would lock out agents the ' +
        'seller invites before their first sign-in enrols a device. Sellers who need it set it in Cognito.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is a paid Cognito plan a seller may choose; the default ' +
        'stack stays on Essentials with a strong password policy, optional TOTP and no self sign-up.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG3',
      reason:
        'Threat protection (advanced security) is a paid Cognito feature plan; the pool stays on the Essentials ' +
        'plan by default, with password policy, optional TOTP and no self sign-up.',
    });

    const environment = {
      ...props.environment,
      AGENT_USER_POOL_ID: this.userPool.userPoolId,
      AGENT_USER_POOL_CLIENT_ID: this.userPoolClient.userPoolClientId,
      CONNECTIONS_ENDPOINT: props.shopperConnectionsEndpoint,
      PHOTO_BUCKET: props.photoBucket.bucketName,
    };
    const routed = routeFunctions(this, AGENT_API, {
      logRetention: config.logRetention,
      logKey: props.logKey,
      environment,
    });
    const routeFn = (handler: string): SharedFunction => {
      const found = routed[handler];
      if (!found) throw new Error(`The agent API has no ${handler} function`);
      return found;
    };
    this.functions = {
      'agent-authorizer': routeFn('agent-authorizer'),
      'agent-connect': routeFn('agent-connect'),
      'agent-disconnect': routeFn('agent-disconnect'),
      'agent-command': routeFn('agent-command'),
      'console-stream': new SharedFunction(this, functionId('console-stream'), {
        handler: 'console-stream',
        description: 'Afterdesk: pushes hand-off changes and messages to agents',
        memorySize: 512,
        timeout: Duration.seconds(60),
        logRetention: config.logRetention,
        logKey: props.logKey,
        environment,
      }),
    };

    const authorizer = new WebSocketLambdaAuthorizer(
      'AgentTokenAuthorizer',
      routeFn(AGENT_API.authorizer.handler).fn,
      { identitySource: [...AGENT_API.authorizer.identitySource] },
    );
    const integrations = new Map<string, WebSocketLambdaIntegration>();
    const integrationFor = (handler: string) => {
      let integration = integrations.get(handler);
      if (!integration) {
        integration = new WebSocketLambdaIntegration(`${handler}-integration`, routeFn(handler).fn);
        integrations.set(handler, integration);
      }
      return integration;
    };
    const routes = AGENT_API.routes;
    this.api = new apigwv2.WebSocketApi(this, 'AgentApi', {
      apiName: `${stack.stackName}-${AGENT_API.name}`,
      description: AGENT_API.description,
      routeSelectionExpression: AGENT_API.routeSelectionExpression,
      connectRouteOptions: { integration: integrationFor(routes.$connect.handler), authorizer },
      disconnectRouteOptions: { integration: integrationFor(routes.$disconnect.handler) },
      defaultRouteOptions: {
        integration: integrationFor(routes.$default.handler),
        returnResponse: routes.$default.returnResponse,
      },
    });
    const actionRoutes = Object.entries<RouteSpec>(routes)
      // Routes of another concern (video) are added by its construct, with its own function.
      .filter(([key, spec]) => !key.startsWith('$') && !spec.construct)
      .map(([key, spec]) => {
        const added = this.api.addRoute(key, {
          integration: integrationFor(spec.handler),
          returnResponse: spec.returnResponse,
        });
        if (!spec.unauthorizedBecause)
          throw new Error(`Agent route ${key} needs unauthorizedBecause in topology/`);
        Validations.of(added).acknowledge({ id: 'AwsSolutions-APIG4', reason: spec.unauthorizedBecause });
        return added;
      });
    for (const key of ['$disconnect', '$default'] as const)
      Validations.of(this.api.node.findChild(`${key}-Route`)).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: routes[key].unauthorizedBecause,
      });

    ({ stage: this.stage } = loggedWebSocketStage(this, this.api, {
      logKey: props.logKey,
      logRetention: config.logRetention,
      stageName: STAGE_NAME,
      description: 'Afterdesk agent console stage',
      throttle: config.throttle,
      accessLogFields: {
        requestId: '$context.requestId',
        requestTime: '$context.requestTimeEpoch',
        connectionId: '$context.connectionId',
        eventType: '$context.eventType',
        routeKey: '$context.routeKey',
        status: '$context.status',
        integrationLatency: '$context.integrationLatency',
        error: '$context.error.message',
        authorizerError: '$context.authorizer.error',
      },
      // The ids this API was first deployed with: nothing is replaced on update.
      ids: { accessLogs: 'AgentApiAccessLogs', stage: 'AgentApiStage' },
    }));
    this.stage.node.addDependency(...actionRoutes);
    this.connectionsEndpoint = `https://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${STAGE_NAME}`;

    // Least privilege, per function.
    const { conversations, store } = props;
    const all = Object.values(this.functions);
    for (const grantee of all.filter((f) => f !== this.functions['agent-authorizer']))
      grantee.addEnvironment({ [AGENT_API.connectionsEndpointEnv]: this.connectionsEndpoint });
    conversations.grant(this.functions['agent-connect'].fn, 'dynamodb:PutItem');
    conversations.grant(this.functions['agent-disconnect'].fn, 'dynamodb:DeleteItem');
    for (const reader of [this.functions['agent-command'], this.functions['console-stream']]) {
      conversations.grantReadWriteData(reader.fn);
      store.grantReadData(reader.fn);
      this.grantAgentPost(reader);
      props.grantShopperPost(reader);
      props.grantPhotoRead(reader);
    }
    // Agents approve returns and close claims: updates to existing Store items, never deletes.
    store.grant(
      this.functions['agent-command'].fn,
      'dynamodb:UpdateItem',
      'dynamodb:PutItem',
      'dynamodb:ConditionCheckItem',
    );
    this.functions['agent-command'].role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['translate:TranslateText'], resources: ['*'] }),
    );
    this.functions['agent-command'].acknowledgeOnRole(
      'AwsSolutions-IAM5[Resource::*]',
      "Amazon Translate's TranslateText supports no resource-level permissions (terminologies are not used), " +
        "so it is granted on '*' to the agent command function only.",
    );
    for (const reader of [this.functions['agent-command'], this.functions['console-stream']]) {
      const storeId = Stack.of(this).getLogicalId(store.node.defaultChild as dynamodb.CfnTable);
      reader.acknowledgeOnRole(
        `AwsSolutions-IAM5[Resource::<${storeId}.Arn>/index/*]`,
        'Reads orders and claims of one customer through the byCustomer index of the Store table only.',
      );
    }

    const streamSource = streamMappingSource(this, conversations, 'console-stream');
    this.functions['console-stream'].fn.addEventSource(streamSource.eventSource);

    // The console: static files in a private bucket, read by CloudFront through origin access control.
    this.bucket = new s3.Bucket(this, 'ConsoleSite', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'console-site/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'ConsoleHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: `default-src 'self'; img-src 'self' data: https://*.amazonaws.com; style-src 'self' 'unsafe-inline'; connect-src 'self' wss://*.execute-api.${stack.region}.amazonaws.com https://cognito-idp.${stack.region}.amazonaws.com https://*.chime.aws wss://*.chime.aws; frame-ancestors 'none'`,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    this.siteOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new cloudfront.Distribution(this, 'ConsoleDistribution', {
      comment: 'Afterdesk agent console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: this.siteOrigin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: 'console-cdn/',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Agents work from many countries (and travel); the sign-in is what protects the console, not geography.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'The distribution serves static files (the console, its call chunk, the widget versions); every request that matters goes to Cognito or the agent API, which authenticate it.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The default CloudFront certificate (no custom domain) allows TLSv1 on the viewer side; a seller adding a domain gets TLSv1.2_2021 from minimumProtocolVersion.',
    });

    this.logRetention = config.logRetention;
    this.logKey = props.logKey;
    if (props.bundleConsole !== false) {
      this.deploySiteFiles('ConsoleFiles', {
        distribution: this.distribution,
        // The widget's versions (lib/hosting.ts) share the site; pruning here must leave them alone.
        exclude: [`${SITE_WIDGET_PREFIX}*`],
        sources: [
          s3deploy.Source.data('index.html', readFileSync(CONSOLE_HTML, 'utf8')),
          s3deploy.Source.data('console.js', buildConsoleSync()),
          // Fetched beside console.js when an agent takes a call (web/console/src/video-actions.ts); in AWS
          // calls are Chime meetings, so the local WebRTC chunk has no use here.
          s3deploy.Source.data(VIDEO_CHUNK_FILES.chime, buildVideoChunkSync('chime')),
          s3deploy.Source.jsonData('config.json', {
            mode: 'cognito',
            region: stack.region,
            userPoolClientId: this.userPoolClient.userPoolClientId,
            agentWebSocketUrl: this.stage.url,
          }),
        ],
      });
    }

    new CfnOutput(this, 'ConsoleUrl', {
      description: 'The agent console (sign in with a user of the agents user pool)',
      value: `https://${this.distribution.distributionDomainName}/`,
    }).overrideLogicalId('ConsoleUrl');
    new CfnOutput(this, 'AgentWebSocketUrl', {
      description: 'The agents WebSocket API (append ?token=<Cognito ID token>)',
      value: this.stage.url,
    }).overrideLogicalId('AgentWebSocketUrl');
    new CfnOutput(this, 'AgentUserPoolId', {
      description: 'Cognito user pool of agents and supervisors (groups agent, supervisor)',
      value: this.userPool.userPoolId,
    }).overrideLogicalId('AgentUserPoolId');
  }

  /**
   * Copies files to the site bucket at deploy time (the console's own, and the widget's from lib/hosting.ts),
   * all through one deploy-time role and encrypted log group instead of CDK's default basic execution role.
   */
  deploySiteFiles(
    id: string,
    options: Omit<s3deploy.BucketDeploymentProps, 'role' | 'logGroup' | 'destinationBucket' | 'memoryLimit'>,
  ): s3deploy.BucketDeployment {
    if (!this.siteDeployRole) {
      const deployLogs = new logs.LogGroup(this, 'ConsoleFilesLogs', {
        retention: this.logRetention,
        encryptionKey: this.logKey,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.siteDeployRole = new iam.Role(this, 'ConsoleFilesRole', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: "Copies the Afterdesk console's and widget's files to their bucket at deploy time",
      });
      deployLogs.grantWrite(this.siteDeployRole);
      this.siteDeployLogs = deployLogs;
    }
    const deployment = new s3deploy.BucketDeployment(this, id, {
      ...options,
      role: this.siteDeployRole,
      logGroup: this.siteDeployLogs,
      destinationBucket: this.bucket,
      memoryLimit: 256,
    });
    acknowledgeDeploymentFindings(deployment, this.bucket, this.siteDeployRole);
    return deployment;
  }

  /** PostToConnection on the agent API's live stage only. */
  grantAgentPost(grantee: SharedFunction): void {
    const resourceName = `${STAGE_NAME}/POST/@connections/*`;
    grantee.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['execute-api:ManageConnections'],
        resources: [
          Stack.of(this).formatArn({
            service: 'execute-api',
            resource: this.api.apiId,
            resourceName,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
    const apiLogicalId = Stack.of(this).getLogicalId(this.api.node.defaultChild as apigwv2.CfnApi);
    grantee.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<${apiLogicalId}>/${resourceName}]`,
      'Agent connection ids exist only at run time: PostToConnection on the agent API live stage, POST only.',
    );
  }
}

/** BucketDeployment brings its own CDK-managed function and role; each finding acknowledged with why. */
function acknowledgeDeploymentFindings(
  deployment: s3deploy.BucketDeployment,
  siteBucket: s3.Bucket,
  role: iam.Role,
): void {
  const stack = Stack.of(deployment);
  const site = stack.getLogicalId(siteBucket.node.defaultChild as s3.CfnBucket);
  const copy =
    "The CDK BucketDeployment custom resource (deploy time only) copies the console's and widget's files from " +
    'the CDK asset bucket to the site bucket and invalidates CloudFront';
  const reasons: Record<string, string> = {
    'AwsSolutions-L1': `${copy}; CDK pins the runtime of its own deploy-time function.`,
    'AwsSolutions-IAM5[Action::s3:Abort*]': `${copy}: S3 multipart upload actions added by the CDK grant.`,
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${copy}: it prunes files of an earlier console version (never the widget's versioned folders).`,
    'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${copy}: bucket metadata reads added by the CDK grant.`,
    'AwsSolutions-IAM5[Action::s3:GetObject*]': `${copy}: it reads the uploaded asset.`,
    'AwsSolutions-IAM5[Action::s3:List*]': `${copy}: it lists what to copy and prune.`,
    'AwsSolutions-IAM5[Resource::*]': `${copy}; cloudfront:CreateInvalidation takes no resource-level permission in the CDK grant.`,
    [`AwsSolutions-IAM5[Resource::<${site}.Arn>/*]`]: `${copy}: every object of the site bucket is a console or widget file.`,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]': `${copy}: the asset's key is known only at deploy time, inside the CDK asset bucket.`,
  };
  const scopes = [
    role,
    ...stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment')),
  ];
  for (const scope of scopes)
    for (const [id, reason] of Object.entries(reasons)) Validations.of(scope).acknowledge({ id, reason });
}
