import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import {
  CONVERSATION_STREAM_FACTS,
  deliveryStreamEnvVar,
  STORE_FACTS,
} from '../functions/config/analytics-sink';
import { type ColumnType, FACT_COLUMNS, type FactName } from '../functions/core/analytics/facts';
import { grantBedrockModel } from './bedrock-access';
import { type AfterdeskConfig, ANALYTICS_IA_TRANSITION_DAYS } from './config';
import { streamMappingSource } from './conversations-stream-source';
import { PROJECT_ROOT, SharedFunction } from './shared-function';

/** Where the named queries live: one `<name>.sql` per `AWS::Athena::NamedQuery`. */
export const QUERIES_DIR = path.join(PROJECT_ROOT, 'analytics', 'queries');

/** The fact tables, in FACT_COLUMNS order. */
export const FACT_TABLES = Object.keys(FACT_COLUMNS) as FactName[];

/** Glue (Hive DDL) spelling of each FACT_COLUMNS type. Hive `varchar` needs a length, so text is `string`. */
export const GLUE_TYPES: Readonly<Record<ColumnType, string>> = {
  varchar: 'string',
  integer: 'int',
  bigint: 'bigint',
  double: 'double',
  boolean: 'boolean',
  timestamp: 'timestamp',
  'array<varchar>': 'array<string>',
};

/** The S3 prefix (and Glue table location) of a fact's Parquet files. */
export function factPrefix(fact: FactName): string {
  return `${fact}/`;
}

/** Where Firehose puts a fact's records it could not convert: outside every table location. */
export function deliveryErrorsPrefix(fact: FactName): string {
  return `errors/${fact}/`;
}

const pascal = (fact: FactName) =>
  fact.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

/** Message facts keep the construct ids they were first deployed with, so an update replaces nothing. */
const deliveryIds = (fact: FactName) =>
  fact === 'message_facts'
    ? {
        logStream: 'DeliveryLogStream',
        role: 'DeliveryRole',
        policy: 'DeliveryPolicy',
        stream: 'MessageFactsDelivery',
      }
    : {
        logStream: `${pascal(fact)}DeliveryLogStream`,
        role: `${pascal(fact)}DeliveryRole`,
        policy: `${pascal(fact)}DeliveryPolicy`,
        stream: `${pascal(fact)}Delivery`,
      };

export interface NamedQueryFile {
  /** File name without `.sql`, e.g. `top-issues`. */
  readonly name: string;
  /** The text of the first `--` comment line, if the file starts with one. */
  readonly description?: string;
  readonly sql: string;
}

/** Reads `analytics/queries/*.sql` (sorted by name), as synthesis does. */
export function readNamedQueries(dir: string = QUERIES_DIR): NamedQueryFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      const first = sql.split(/\r?\n/).find((line) => line.trim() !== '');
      const comment = first?.trim().startsWith('--')
        ? first
            .trim()
            .replace(/^--\s*/, '')
            .trim()
        : '';
      return {
        name: file.slice(0, -'.sql'.length),
        description: comment ? comment.slice(0, 1024) : undefined,
        sql,
      };
    });
}

export interface AnalyticsProps {
  readonly config: AfterdeskConfig;
  readonly logKey: kms.IKey;
  /** The Conversations table; its stream feeds message facts, and it holds the idempotency records. */
  readonly conversations: dynamodb.ITable;
  /** The Store table; its stream (returns, claims) feeds return and ticket facts. */
  readonly store: dynamodb.ITable;
  /** Configuration every handler may read at cold start. */
  readonly environment: Record<string, string>;
}

/**
 * The cloud analytics path. The analytics stream function turns Conversations stream records into message
 * facts and puts them to a Firehose stream, which converts the JSON to Parquet with the Glue table's schema
 * and writes `message_facts/dt=YYYY-MM-DD/` (UTC) in the facts bucket. Glue tables (one per fact, partition
 * projection on `dt`, so no crawler and no partition maintenance) let the Athena workgroup run the named
 * queries of `analytics/queries/`.
 *
 * Encryption: S3-managed keys (SSE-S3) on every bucket. The facts hold no raw text and no PII (text goes
 * through redactPii first), and SSE-S3 lets Firehose, Glue and Athena (with SSE_S3 results) work without
 * key-policy plumbing or per-request KMS charges on every Athena scan.
 *
 * Versioning is off: fact files are write-once (Firehose never overwrites an object), Athena results are
 * disposable, and the lifecycle expiry should really delete data after the retention period instead of
 * leaving noncurrent versions behind.
 */
export class Analytics extends Construct {
  readonly bucket: s3.Bucket;
  readonly resultsBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly databaseName: string;
  readonly database: glue.CfnDatabase;
  readonly tables: Readonly<Record<FactName, glue.CfnTable>>;
  /** Firehose stream per fact table, each writing `<fact>/dt=YYYY-MM-DD/` with its own role. */
  readonly deliveryStreams: Readonly<Record<FactName, firehose.CfnDeliveryStream>>;
  readonly deliveryRoles: Readonly<Record<FactName, iam.Role>>;
  /** The message facts stream and role (deliveryStreams.message_facts, deliveryRoles.message_facts). */
  readonly deliveryStream: firehose.CfnDeliveryStream;
  readonly deliveryRole: iam.Role;
  readonly deliveryLogGroup: logs.LogGroup;
  /** Keyword spike alerts (`afterdesk.analytics` / `KeywordSpike`), for the seller's own rules to route. */
  readonly alertBus: events.EventBus;
  readonly function: SharedFunction;
  readonly failures: sqs.Queue;
  readonly eventSource: DynamoEventSource;
  /** Store stream → return and ticket facts. */
  readonly storeFunction: SharedFunction;
  readonly storeFailures: sqs.Queue;
  readonly storeEventSource: DynamoEventSource;
  readonly workGroup: athena.CfnWorkGroup;
  readonly namedQueries: Readonly<Record<string, athena.CfnNamedQuery>>;

  constructor(scope: Construct, id: string, props: AnalyticsProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    const settings = config.analytics;

    // --- Buckets -------------------------------------------------------------------------------------
    // Server access logs are delivered under a bucket policy for logging.s3.amazonaws.com (scoped to the
    // source buckets of this account) instead of the legacy LogDeliveryWrite ACL, so every bucket here
    // keeps ACLs disabled. Set on this construct only, before its buckets exist.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the server access log destination of the analytics buckets; logging its own access ' +
        'would write log records about log records.',
    });

    this.bucket = new s3.Bucket(this, 'Facts', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'facts/',
      lifecycleRules: [
        {
          id: 'FactsToInfrequentAccessThenExpire',
          transitions: [
            {
              storageClass: s3.StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(ANALYTICS_IA_TRANSITION_DAYS),
            },
          ],
          expiration: Duration.days(settings.retentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        // Records Firehose could not convert: for diagnosis, not for queries.
        { id: 'ExpireDeliveryErrors', prefix: 'errors/', expiration: Duration.days(30) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.resultsBucket = new s3.Bucket(this, 'QueryResults', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'query-results/',
      lifecycleRules: [
        {
          id: 'ExpireQueryResults',
          expiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- Glue catalog ---------------------------------------------------------------------------------
    this.databaseName = `${config.stackName.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_analytics`;
    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId: stack.account,
      databaseInput: {
        name: this.databaseName,
        description: 'Afterdesk analytics facts (Parquet in S3, partitioned by UTC day dt)',
      },
    });

    const tables: Partial<Record<FactName, glue.CfnTable>> = {};
    for (const fact of FACT_TABLES) {
      const location = this.bucket.s3UrlForObject(factPrefix(fact));
      const table = new glue.CfnTable(this, `Table-${fact}`, {
        catalogId: stack.account,
        databaseName: this.databaseName,
        tableInput: {
          name: fact,
          description: `Afterdesk ${fact} (schema in functions/core/analytics/facts.ts)`,
          tableType: 'EXTERNAL_TABLE',
          parameters: {
            classification: 'parquet',
            EXTERNAL: 'TRUE',
            'parquet.compression': 'SNAPPY',
            // Partition projection: Athena computes the dt partitions, no crawler or MSCK REPAIR needed.
            'projection.enabled': 'true',
            'projection.dt.type': 'date',
            'projection.dt.format': 'yyyy-MM-dd',
            'projection.dt.range': `${settings.startDate},NOW`,
            'projection.dt.interval': '1',
            'projection.dt.interval.unit': 'DAYS',
            'storage.location.template': `${location}dt=\${dt}/`,
          },
          partitionKeys: [{ name: 'dt', type: 'string', comment: 'UTC day, YYYY-MM-DD' }],
          storageDescriptor: {
            location,
            columns: FACT_COLUMNS[fact].map((c) => ({ name: c.name, type: GLUE_TYPES[c.type] })),
            inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
            outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
            serdeInfo: {
              serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
              parameters: { 'serialization.format': '1' },
            },
          },
        },
      });
      table.node.addDependency(this.database);
      tables[fact] = table;
    }
    this.tables = tables as Record<FactName, glue.CfnTable>;

    // --- Firehose: one delivery stream per fact, JSON -> Parquet -------------------------------------
    this.deliveryLogGroup = new logs.LogGroup(this, 'DeliveryLogs', {
      retention: config.logRetention,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const streams: Partial<Record<FactName, firehose.CfnDeliveryStream>> = {};
    const roles: Partial<Record<FactName, iam.Role>> = {};
    for (const fact of FACT_TABLES) {
      const delivery = this.factDelivery(fact, config);
      streams[fact] = delivery.stream;
      roles[fact] = delivery.role;
    }
    this.deliveryStreams = streams as Record<FactName, firehose.CfnDeliveryStream>;
    this.deliveryRoles = roles as Record<FactName, iam.Role>;
    this.deliveryStream = this.deliveryStreams.message_facts;
    this.deliveryRole = this.deliveryRoles.message_facts;

    // --- The analytics stream function -----------------------------------------------------------------
    this.alertBus = new events.EventBus(this, 'AlertBus', { eventBusName: `${config.stackName}-alerts` });
    this.function = new SharedFunction(this, 'AnalyticsStream', {
      handler: 'analytics-stream',
      description: 'Afterdesk: turns Conversations stream records into message and conversation facts',
      memorySize: 512,
      timeout: Duration.seconds(60),
      logRetention: config.logRetention,
      logKey: props.logKey,
      environment: {
        ...props.environment,
        ...Object.fromEntries(
          CONVERSATION_STREAM_FACTS.map((fact) => [
            deliveryStreamEnvVar(fact),
            this.deliveryStreams[fact].ref,
          ]),
        ),
        ALERT_EVENT_BUS_NAME: this.alertBus.eventBusName,
      },
    });
    ({ eventSource: this.eventSource, failures: this.failures } = streamMappingSource(
      this,
      props.conversations,
      'analytics-stream',
    ));
    this.function.fn.addEventSource(this.eventSource);

    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PutConversationStreamFacts',
        actions: ['firehose:PutRecordBatch'],
        resources: CONVERSATION_STREAM_FACTS.map((fact) => this.deliveryStreams[fact].attrArn),
      }),
    );
    this.alertBus.grantPutEventsTo(this.function.fn);
    // Processed-event markers, spike counters (old hours deleted), contact state and its open-contact
    // entries (deleted on close), hand-off priority, and the question a reply answers.
    this.function.grantTableActions(props.conversations, [
      'GetItem',
      'Query',
      'PutItem',
      'UpdateItem',
      'DeleteItem',
    ]);
    // What a shopper message is about (its order, the product, the open case) for its fact: reads only.
    this.function.grantTableActions(props.store, ['GetItem', 'Query']);
    const storeId = Stack.of(this).getLogicalId(props.store.node.defaultChild as dynamodb.CfnTable);
    this.function.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${storeId}.Arn>/index/*]`,
      "Reads one customer's open claims through the byCustomer index of the Store table only, to name the item a message is about.",
    );
    this.function.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ComprehendTextAnalysis',
        actions: [
          'comprehend:BatchDetectSentiment',
          'comprehend:BatchDetectKeyPhrases',
          'comprehend:DetectPiiEntities',
        ],
        resources: ['*'],
      }),
    );
    this.function.acknowledgeOnRole(
      'AwsSolutions-IAM5[Resource::*]',
      "Two kinds of statement need Resource '*' because their actions support no resource-level " +
        'permissions: X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and Comprehend ' +
        'BatchDetectSentiment, BatchDetectKeyPhrases and DetectPiiEntities, which act on request text, ' +
        'not on an AWS resource.',
    );
    // Sentiment for the languages Comprehend lacks: Converse on the stack's one configured model.
    grantBedrockModel(this.function, config.bedrockModelId, ['bedrock:InvokeModel']);

    // --- The Store stream function: return and ticket facts -------------------------------------------
    const storeScope = new Construct(this, 'StoreFacts');
    this.storeFunction = new SharedFunction(storeScope, 'StoreAnalyticsStream', {
      handler: 'store-analytics-stream',
      description: 'Afterdesk: turns Store stream records (returns, claims) into return and ticket facts',
      memorySize: 256,
      timeout: Duration.seconds(60),
      logRetention: config.logRetention,
      logKey: props.logKey,
      environment: {
        ...props.environment,
        ...Object.fromEntries(
          STORE_FACTS.map((fact) => [deliveryStreamEnvVar(fact), this.deliveryStreams[fact].ref]),
        ),
      },
    });
    ({ eventSource: this.storeEventSource, failures: this.storeFailures } = streamMappingSource(
      storeScope,
      props.store,
      'store-analytics-stream',
    ));
    this.storeFunction.fn.addEventSource(this.storeEventSource);
    this.storeFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PutStoreFacts',
        actions: ['firehose:PutRecordBatch'],
        resources: STORE_FACTS.map((fact) => this.deliveryStreams[fact].attrArn),
      }),
    );
    // Processed-event markers only: a conditional put to claim, an update to complete or release.
    this.storeFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ProcessedEventMarkers',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.conversations.tableArn],
      }),
    );

    // --- Athena ---------------------------------------------------------------------------------------
    this.workGroup = new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: `${config.stackName}-analytics`,
      description: 'Afterdesk analytics: the named queries over the fact tables',
      state: 'ENABLED',
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: settings.bytesScannedCutoff,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: {
          outputLocation: this.resultsBucket.s3UrlForObject('results/'),
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });

    const namedQueries: Record<string, athena.CfnNamedQuery> = {};
    for (const query of readNamedQueries()) {
      const namedQuery = new athena.CfnNamedQuery(this, `Query-${query.name}`, {
        name: query.name,
        description: query.description,
        database: this.databaseName,
        workGroup: this.workGroup.ref,
        queryString: query.sql,
      });
      namedQuery.node.addDependency(this.database);
      namedQueries[query.name] = namedQuery;
    }
    this.namedQueries = namedQueries;
  }

  /**
   * A fact's Firehose delivery: JSON records converted to Parquet with the fact's Glue table, written under
   * `<fact>/dt=YYYY-MM-DD/`, by a role that may touch only that prefix, its error prefix, that table and
   * its own log stream.
   */
  private factDelivery(
    fact: FactName,
    config: AfterdeskConfig,
  ): { stream: firehose.CfnDeliveryStream; role: iam.Role } {
    const stack = Stack.of(this);
    const ids = deliveryIds(fact);
    const prefix = factPrefix(fact);
    const errorsPrefix = deliveryErrorsPrefix(fact);
    const logStream = new logs.LogStream(this, ids.logStream, {
      logGroup: this.deliveryLogGroup,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(this, ids.role, {
      // Firehose passes the account id as the external id (its documented trust policy).
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', {
        conditions: { StringEquals: { 'sts:ExternalId': stack.account } },
      }),
      description: `Firehose delivery of Afterdesk ${fact}: Glue schema, facts bucket, error logs`,
    });
    const glueArn = (resource: string, resourceName?: string) =>
      stack.formatArn({ service: 'glue', resource, resourceName });
    // The permissions Firehose documents for an S3 destination with record format conversion.
    const policy = new iam.Policy(this, ids.policy, {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'FactsBucket',
          actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
          resources: [this.bucket.bucketArn],
        }),
        new iam.PolicyStatement({
          sid: 'FactsObjects',
          actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
          resources: [this.bucket.arnForObjects(`${prefix}*`), this.bucket.arnForObjects(`${errorsPrefix}*`)],
        }),
        new iam.PolicyStatement({
          sid: 'GlueSchema',
          actions: ['glue:GetTable', 'glue:GetTableVersion', 'glue:GetTableVersions'],
          resources: [
            glueArn('catalog'),
            glueArn('database', this.databaseName),
            glueArn('table', `${this.databaseName}/${fact}`),
          ],
        }),
        new iam.PolicyStatement({
          sid: 'ErrorLogs',
          actions: ['logs:PutLogEvents'],
          resources: [
            stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: `${this.deliveryLogGroup.logGroupName}:log-stream:${logStream.logStreamName}`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
      ],
    });
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
      reason:
        'Firehose names each object it writes (dt partition, stream name, timestamp, random suffix) at ' +
        `delivery time, so it may write any key under the ${prefix} prefix of the facts bucket only.`,
    });
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${errorsPrefix}*]`,
      reason:
        'Firehose writes records it could not convert under keys it names at delivery time, so it may write ' +
        `any key under the ${errorsPrefix} prefix of the facts bucket only.`,
    });

    const stream = new firehose.CfnDeliveryStream(this, ids.stream, {
      deliveryStreamName: `${config.stackName}-${fact.replace(/_/g, '-')}`,
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
      extendedS3DestinationConfiguration: {
        bucketArn: this.bucket.bucketArn,
        roleArn: role.roleArn,
        // dt is the UTC day Firehose received the record: for message facts the day of occurred_at except
        // for records delivered late across midnight; for return and ticket rows the day of the change.
        prefix: `${prefix}dt=!{timestamp:yyyy-MM-dd}/`,
        errorOutputPrefix: `${errorsPrefix}!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/`,
        // Record format conversion needs a buffer of at least 64 MiB; 5 minutes keeps files few and large.
        bufferingHints: { sizeInMBs: 64, intervalInSeconds: 300 },
        // Parquet compresses its own pages (SNAPPY below); the S3 compression must stay off.
        compressionFormat: 'UNCOMPRESSED',
        cloudWatchLoggingOptions: {
          enabled: true,
          logGroupName: this.deliveryLogGroup.logGroupName,
          logStreamName: logStream.logStreamName,
        },
        dataFormatConversionConfiguration: {
          enabled: true,
          schemaConfiguration: {
            catalogId: stack.account,
            region: stack.region,
            databaseName: this.databaseName,
            tableName: fact,
            roleArn: role.roleArn,
            versionId: 'LATEST',
          },
          // OpenX parses the facts' ISO-8601 UTC timestamps (2026-11-20T10:00:00.000Z) into `timestamp`.
          inputFormatConfiguration: { deserializer: { openXJsonSerDe: {} } },
          outputFormatConfiguration: { serializer: { parquetSerDe: { compression: 'SNAPPY' } } },
        },
      },
    });
    // The role must hold its permissions, and the table must exist, before Firehose validates them.
    stream.node.addDependency(policy, this.tables[fact]);
    return { stream, role };
  }
}
