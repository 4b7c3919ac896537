import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { httpApiWithLoggedStage } from './logged-stage';
import { SharedFunction } from './shared-function';

export const GUEST_TOKEN_PATH = '/guest/token';
/**
 * The whole API's pace: a person types an order number and an email a few times at most. Per-client and
 * per-order attempt limits are enforced durably by the function; this only stops floods reaching it.
 */
export const GUEST_TOKEN_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;

export interface GuestAccessProps {
  readonly logKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly environment: Record<string, string>;
  /** Orders are read (GetItem) to check the email. */
  readonly store: dynamodb.ITable;
  /** Attempt counters live in Connections (TTL on), beside the chat's rate windows. */
  readonly connections: dynamodb.ITable;
  readonly signingSecret: secretsmanager.ISecret;
  /** Storefront origins whose pages may call the endpoint from the widget (CORS). */
  readonly allowedOrigins: readonly string[];
}

/**
 * Guest access in AWS: an HTTP API with one unauthenticated POST route (a guest has no token yet: the
 * route is how they get one), a throttled stage with JSON access logs in an encrypted log group, and a
 * function that may read orders, count attempts and read the signing secret, nothing else.
 */
export class GuestAccess extends Construct {
  readonly function: SharedFunction;
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;

  constructor(scope: Construct, id: string, props: GuestAccessProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.function = new SharedFunction(this, 'GuestToken', {
      handler: 'guest-token',
      description: 'Afterdesk: gives a guest a token for one order they prove with its number and email',
      memorySize: 256,
      timeout: Duration.seconds(10),
      logRetention: props.logRetention,
      logKey: props.logKey,
      environment: props.environment,
    });
    // On the tables themselves, not their indexes (Table.grant adds index/*): GetItem and UpdateItem
    // never touch an index.
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [props.store.tableArn] }),
    );
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [props.connections.tableArn] }),
    );
    props.signingSecret.grantRead(this.function.fn);

    ({ api: this.api, stage: this.stage } = httpApiWithLoggedStage(
      this,
      {
        apiName: `${stack.stackName}-guest`,
        description: 'Afterdesk guest access: order number and email for a one-order token',
        corsPreflight: {
          allowOrigins: [...props.allowedOrigins],
          allowMethods: [apigwv2.CorsHttpMethod.POST],
          allowHeaders: ['content-type'],
          maxAge: Duration.hours(1),
        },
      },
      {
        logKey: props.logKey,
        logRetention: props.logRetention,
        stageName: 'live',
        description: 'Afterdesk guest access stage',
        throttle: GUEST_TOKEN_THROTTLE,
        // No body, no query string: the proof never reaches a log.
        accessLogFields: {
          requestId: '$context.requestId',
          requestTime: '$context.requestTimeEpoch',
          routeKey: '$context.routeKey',
          status: '$context.status',
          integrationStatus: '$context.integrationStatus',
          integrationLatency: '$context.integrationLatency',
          sourceIp: '$context.identity.sourceIp',
        },
      },
    ));
    const [route] = this.api.addRoutes({
      path: GUEST_TOKEN_PATH,
      methods: [apigwv2.HttpMethod.POST],
      integration: new HttpLambdaIntegration('GuestTokenIntegration', this.function.fn),
    });

    if (route)
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'A guest has no credential yet: this route is where they prove an order (number and email) to get ' +
          'one. It is throttled at the stage and limited per client and per order in the function.',
      });

    new CfnOutput(this, 'GuestTokenUrl', {
      description: 'POST {orderId, email} here for a guest token (the widget data-guest-url)',
      value: `${this.api.apiEndpoint}/live${GUEST_TOKEN_PATH}`,
    }).overrideLogicalId('GuestTokenUrl');
  }
}
