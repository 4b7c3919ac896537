import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PENDING_FACT_ERASURES_PK } from '../functions/adapters/aws/dynamodb-pending-fact-erasures';
import { SCHEDULES } from '../topology';
import { type Analytics, FACT_TABLES, factPrefix } from './analytics';
import { SharedFunction } from './shared-function';

/** Where a rewritten fact object waits between UNLOAD and its copy into the partition. */
export const PRIVACY_STAGING_PREFIX = 'privacy-staging/';

/** What a function needs to reach the facts through Athena: the environment it reads them from. */
export function athenaFactsEnvironment(analytics: Analytics): Record<string, string> {
  return {
    ANALYTICS_WORKGROUP: analytics.workGroup.ref,
    ANALYTICS_DATABASE: analytics.databaseName,
    FACTS_BUCKET: analytics.bucket.bucketName,
  };
}

/**
 * Lets a function run Athena queries over the fact tables in the analytics workgroup: start and read its
 * queries, read the Glue schema, read the facts and write the workgroup's results (Athena acts with the
 * caller's credentials). With `rewrite`, also UNLOAD into the staging prefix and copy and delete fact
 * objects (the erasure rewrite).
 */
export function grantAthenaFacts(fn: SharedFunction, analytics: Analytics, rewrite: boolean): void {
  const stack = Stack.of(fn);
  const allow = (sid: string, actions: string[], resources: string[]) =>
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ sid, actions, resources }));
  allow(
    `${fn.node.id}Athena`,
    ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults'],
    [stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: analytics.workGroup.ref })],
  );
  const glueArn = (resource: string, resourceName?: string) =>
    stack.formatArn({ service: 'glue', resource, resourceName });
  allow(
    `${fn.node.id}GlueSchema`,
    ['glue:GetDatabase', 'glue:GetTable'],
    [
      glueArn('catalog'),
      glueArn('database', analytics.databaseName),
      ...FACT_TABLES.map((fact) => glueArn('table', `${analytics.databaseName}/${fact}`)),
    ],
  );
  allow(
    `${fn.node.id}Buckets`,
    ['s3:GetBucketLocation', 's3:ListBucket'],
    [analytics.bucket.bucketArn, analytics.resultsBucket.bucketArn],
  );
  const factObjects = FACT_TABLES.map((fact) => analytics.bucket.arnForObjects(`${factPrefix(fact)}*`));
  const staging = analytics.bucket.arnForObjects(`${PRIVACY_STAGING_PREFIX}*`);
  allow(`${fn.node.id}ReadFacts`, ['s3:GetObject'], rewrite ? [...factObjects, staging] : factObjects);
  const results = analytics.resultsBucket.arnForObjects('results/*');
  allow(
    `${fn.node.id}QueryResults`,
    ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
    [results],
  );
  if (rewrite) {
    allow(
      `${fn.node.id}RewriteFacts`,
      ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
      [...factObjects, staging],
    );
  }
  const factsId = stack.getLogicalId(analytics.bucket.node.defaultChild as s3.CfnBucket);
  const resultsId = stack.getLogicalId(analytics.resultsBucket.node.defaultChild as s3.CfnBucket);
  for (const fact of FACT_TABLES)
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${factsId}.Arn>/${factPrefix(fact)}*]`,
      rewrite
        ? `Athena reads ${fact} objects with this role, and an erasure replaces those holding a customer's rows; Firehose names the objects at delivery, so the grant names the ${factPrefix(fact)} prefix of the facts bucket only.`
        : `Athena reads a customer's ${fact} rows with this role; Firehose names the objects at delivery, so the grant names the ${factPrefix(fact)} prefix of the facts bucket only.`,
    );
  if (rewrite)
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${factsId}.Arn>/${PRIVACY_STAGING_PREFIX}*]`,
      'Athena UNLOAD names the files it writes; the rewrite writes, copies and deletes them under the privacy-staging/ prefix of the facts bucket only.',
    );
  fn.acknowledgeOnRole(
    `AwsSolutions-IAM5[Resource::<${resultsId}.Arn>/results/*]`,
    "Athena writes each query's results under a name it chooses, within the workgroup's results/ prefix only.",
  );
}

export interface PrivacyFactsProps {
  readonly logKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
  readonly environment: Record<string, string>;
  readonly store: dynamodb.ITable;
  readonly analytics: Analytics;
}

/**
 * The daily fact rewrite of erasures (schedule `erase-queued-facts` in topology/): reads and removes the
 * `PRIVACY#FACTS` queue entries and records completions (`PRIVACY#<month>`) in the Store table, nothing
 * else there; rewrites fact objects through Athena.
 */
export class PrivacyFacts extends Construct {
  readonly function: SharedFunction;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: PrivacyFactsProps) {
    super(scope, id);
    const schedule = SCHEDULES['erase-queued-facts'];
    this.function = new SharedFunction(this, 'EraseQueuedFacts', {
      handler: schedule.handler,
      description: `Afterdesk: ${schedule.description}`,
      memorySize: schedule.memorySize,
      timeout: Duration.seconds(schedule.timeoutSeconds),
      logRetention: props.logRetention,
      logKey: props.logKey,
      environment: { ...props.environment, ...athenaFactsEnvironment(props.analytics) },
    });
    const leadingKeys = (pattern: string) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [pattern] },
    });
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PendingFactErasures',
        actions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
        resources: [props.store.tableArn],
        conditions: leadingKeys(PENDING_FACT_ERASURES_PK),
      }),
    );
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'RecordCompletions',
        actions: ['dynamodb:PutItem'],
        resources: [props.store.tableArn],
        conditions: leadingKeys('PRIVACY#*'),
      }),
    );
    grantAthenaFacts(this.function, props.analytics, true);
    this.schedule = new events.Rule(this, 'Schedule', {
      description: 'Afterdesk: rewrites analytics facts of queued erasures',
      schedule: events.Schedule.rate(Duration.minutes(schedule.rateMinutes)),
      targets: [new targets.LambdaFunction(this.function.fn, { retryAttempts: schedule.retryAttempts })],
    });
  }
}
