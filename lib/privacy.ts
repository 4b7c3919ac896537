import { Arn, CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Analytics } from './analytics';
import { httpApiWithLoggedStage } from './logged-stage';
import { athenaFactsEnvironment, grantAthenaFacts } from './privacy-facts';
import { SharedFunction } from './shared-function';

export const PRIVACY_ROUTES = ['/privacy/erase', '/privacy/export'] as const;
/** Data-subject requests are a handful a day: this only stops a runaway script. */
export const PRIVACY_THROTTLE = { rateLimit: 1, burstLimit: 5 } as const;

export interface PrivacyProps {
  readonly logKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly environment: Record<string, string>;
  readonly store: dynamodb.Table;
  readonly conversations: dynamodb.Table;
  readonly connections: dynamodb.Table;
  readonly photoBucket: s3.IBucket;
  readonly signingSecret: secretsmanager.ISecret;
  /** An export reads the customer's facts through Athena. */
  readonly analytics: Analytics;
}

/**
 * Data-subject requests in AWS: an HTTP API whose two POST routes take IAM auth only (SigV4; the caller
 * needs the PrivacyAdmin managed policy, which nothing else holds), a throttled stage with access logs that
 * name the caller but never a body, and a function that may find, read and delete one customer's items and
 * photo versions and record the request, nothing else.
 */
export class Privacy extends Construct {
  readonly function: SharedFunction;
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  /** Attach to the people who answer data-subject requests (the data-protection officer's role). */
  readonly adminPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: PrivacyProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.function = new SharedFunction(this, 'Requests', {
      handler: 'privacy',
      description: 'Afterdesk: erases or exports one customer (admin API, IAM auth)',
      memorySize: 512,
      // Below the HTTP API's 30 s integration limit; a large customer is simply asked again (idempotent).
      timeout: Duration.seconds(29),
      logRetention: props.logRetention,
      logKey: props.logKey,
      environment: {
        ...props.environment,
        PHOTO_BUCKET: props.photoBucket.bucketName,
        ...athenaFactsEnvironment(props.analytics),
      },
    });
    const role = this.function.role;
    const allow = (actions: string[], resources: string[]) =>
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
    // Orders and cases by the byCustomer index, partitions by key, the audit and pending-facts items.
    allow(
      ['dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
      [props.store.tableArn, `${props.store.tableArn}/index/byCustomer`],
    );
    // Photo fingerprints are filed under hash bands, not the customer: a filtered Scan finds them.
    allow(['dynamodb:Scan'], [props.store.tableArn]);
    // Sessions and connections have no index by customer: a filtered Scan finds them (docs/privacy.md).
    allow(['dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchWriteItem'], [props.conversations.tableArn]);
    allow(['dynamodb:Scan', 'dynamodb:BatchWriteItem'], [props.connections.tableArn]);
    allow(['s3:ListBucketVersions'], [props.photoBucket.bucketArn]);
    allow(
      ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      ['photos/*', 'incoming/*', 'refused/*'].map((prefix) => props.photoBucket.arnForObjects(prefix)),
    );
    props.signingSecret.grantRead(this.function.fn); // keys the subject hash of the audit record
    grantAthenaFacts(this.function, props.analytics, false); // an export's facts, read only
    const bucketId = stack.getLogicalId(props.photoBucket.node.defaultChild as s3.CfnBucket);
    for (const prefix of ['photos', 'incoming', 'refused'])
      this.function.acknowledgeOnRole(
        `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}/*]`,
        'An erasure deletes every version of every photo, raw upload and refusal marker under one owner ' +
          `folder; object keys are random, so the grant names the ${prefix}/ prefix of this one bucket.`,
      );

    ({ api: this.api, stage: this.stage } = httpApiWithLoggedStage(
      this,
      {
        apiName: `${stack.stackName}-privacy`,
        description: 'Afterdesk data-subject requests (erase, export), IAM auth only',
        defaultAuthorizer: new HttpIamAuthorizer(),
      },
      {
        logKey: props.logKey,
        logRetention: props.logRetention,
        stageName: 'live',
        description: 'Afterdesk privacy admin stage',
        throttle: PRIVACY_THROTTLE,
        // Who called, not whom the request was about: the body never reaches a log.
        accessLogFields: {
          requestId: '$context.requestId',
          requestTime: '$context.requestTimeEpoch',
          routeKey: '$context.routeKey',
          status: '$context.status',
          caller: '$context.identity.userArn',
          integrationStatus: '$context.integrationStatus',
        },
      },
    ));
    const integration = new HttpLambdaIntegration('PrivacyIntegration', this.function.fn);
    for (const path of PRIVACY_ROUTES)
      this.api.addRoutes({ path, methods: [apigwv2.HttpMethod.POST], integration });

    this.adminPolicy = new iam.ManagedPolicy(this, 'AdminPolicy', {
      description: 'Afterdesk: may call the privacy admin API (erase and export one customer)',
      statements: [
        new iam.PolicyStatement({
          actions: ['execute-api:Invoke'],
          resources: PRIVACY_ROUTES.map((path) =>
            Arn.format(
              {
                service: 'execute-api',
                resource: this.api.apiId,
                resourceName: `${this.stage.stageName}/POST${path}`,
              },
              stack,
            ),
          ),
        }),
      ],
    });

    new CfnOutput(this, 'PrivacyApiUrl', {
      description:
        'POST {customerId} to /privacy/erase or /privacy/export, SigV4-signed (afterdesk privacy --stack)',
      value: `${this.api.apiEndpoint}/${this.stage.stageName}`,
    }).overrideLogicalId('PrivacyApiUrl');
    new CfnOutput(this, 'PrivacyAdminPolicyArn', {
      description: 'Managed policy to attach to whoever answers data-subject requests',
      value: this.adminPolicy.managedPolicyArn,
    }).overrideLogicalId('PrivacyAdminPolicyArn');
  }
}
