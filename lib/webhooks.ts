import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { SHOPIFY_SECRET_PLACEHOLDER } from '../functions/core/webhooks/secrets';
import type { AfterdeskConfig } from './config';
import { httpApiWithLoggedStage } from './logged-stage';
import { SharedFunction } from './shared-function';
import { WEBHOOK_HANDLER, WEBHOOK_ROUTES } from './webhook-routes';

export interface WebhooksProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  readonly environment: Record<string, string>;
  readonly store: dynamodb.ITable;
  readonly conversations: dynamodb.ITable;
}

/** One JSON line per request. No bodies or headers: orders carry shoppers' PII, headers carry signatures. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  error: '$context.error.message',
  sourceIp: '$context.identity.sourceIp',
};

/**
 * Shopify and carrier webhooks: an API Gateway HTTP API (routes from lib/webhook-routes.ts) in front of one
 * function that verifies each delivery's HMAC against the webhook secret, dedupes it by delivery id
 * (markers in Conversations, expiring by TTL) and upserts the order in Store. The secret holds
 * `{ "shopify": ..., "carrier": ... }`: the carrier key is generated, the Shopify one is the seller's to
 * put (until then every Shopify delivery is refused).
 */
export class Webhooks extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly function: SharedFunction;
  readonly secret: secretsmanager.Secret;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);

    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description:
        'Afterdesk: webhook signing secrets as JSON, "shopify" (put the Shopify webhook secret here) and "carrier" (generated)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ shopify: SHOPIFY_SECRET_PLACEHOLDER }),
        generateStringKey: 'carrier',
        passwordLength: 64,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "The Shopify key is Shopify's (rotated in the Shopify admin, then put here) and the carrier key is shared " +
        'with the sender; a rotation Lambda would break deliveries until the other side changed too. Both keys ' +
        'are checked as several values during a rotation (docs/webhooks.md).',
    });

    this.function = new SharedFunction(this, 'Function', {
      handler: WEBHOOK_HANDLER,
      description: 'Afterdesk: verifies Shopify and carrier webhooks and upserts orders and shipments',
      memorySize: 256,
      timeout: Duration.seconds(10),
      logRetention: props.config.logRetention,
      logKey: props.logKey,
      environment: { ...props.environment, WEBHOOK_SECRET_ARN: this.secret.secretArn },
    });
    this.secret.grantRead(this.function.fn);
    // On the tables only, not their indexes (table.grant adds `<table>/index/*`, which nothing here reads).
    // Orders: read, then a conditional put of the whole item (the import's shape); nothing is deleted.
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [props.store.tableArn],
      }),
    );
    // Delivery markers: a conditional put to claim, an update to complete or release.
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.conversations.tableArn],
      }),
    );

    ({
      api: this.api,
      stage: this.stage,
      accessLogs: this.accessLogs,
    } = httpApiWithLoggedStage(
      this,
      { description: 'Afterdesk webhooks (Shopify orders and fulfillments, carrier tracking)' },
      {
        logKey: props.logKey,
        logRetention: props.config.logRetention,
        stageName: '$default',
        throttle: props.config.throttle,
        accessLogFields: ACCESS_LOG_FIELDS,
      },
    ));

    const integration = new HttpLambdaIntegration('Integration', this.function.fn, {
      payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
    });
    for (const route of WEBHOOK_ROUTES) {
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration,
      });
      if (!created) continue;
      Validations.of(created).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          route.sender === 'shopify'
            ? 'Shopify cannot sign requests for IAM or send a bearer token; the handler verifies the ' +
              'X-Shopify-Hmac-Sha256 HMAC of the raw body before anything else and refuses the rest (401).'
            : 'Carriers and tracking relays sign the body and timestamp with a shared HMAC key (docs/webhooks.md); ' +
              'the handler verifies it before anything else and refuses the rest (401).',
      });
    }

    const base = this.api.apiEndpoint;
    for (const route of WEBHOOK_ROUTES) {
      const name = route.sender === 'shopify' ? 'ShopifyWebhookUrl' : 'CarrierWebhookUrl';
      new CfnOutput(this, name, {
        key: name,
        description: `${route.method} target of the ${route.sender} webhook (docs/webhooks.md)`,
        value: `${base}${route.path}`,
      });
    }
    new CfnOutput(this, 'WebhookSecretArn', {
      key: 'WebhookSecretArn',
      description: 'Secrets Manager secret with the webhook signing keys (JSON: shopify, carrier)',
      value: this.secret.secretArn,
    });
  }
}
