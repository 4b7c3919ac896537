import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { PHOTO_PREFIX, REFUSAL_PREFIX, UPLOAD_PREFIX } from '../functions/core/photos/photo-keys';
import type { PhotosConfig } from './config';
import { failureQueue } from './failure-queue';
import { SHARP_ON_LAMBDA } from './photo-normaliser';
import { SharedFunction } from './shared-function';

export interface PhotosProps {
  readonly config: PhotosConfig;
  readonly accessLogsBucket: s3.IBucket;
  readonly logKey: kms.IKey;
  readonly logRetention: logs.RetentionDays;
}

/** Raw uploads and refusal markers live a day at most, whatever the photo retention. */
const TRANSIENT_DAYS = 1;

/**
 * The photo bucket: private, encrypted, TLS only, with photos expiring after the retention period.
 * Browsers upload straight to it with presigned POSTs (CORS for the storefront's origins), so photos never
 * pass through the WebSocket (32 KB frames). A POST lands under `incoming/`; S3 tells EventBridge, which
 * invokes the normaliser: it writes the upright, metadata-free, fingerprinted photo under `photos/` (or a
 * refusal marker under `refused/`) and deletes the upload. Only the normaliser can read `incoming/` or
 * write `photos/`, so raw bytes never reach Bedrock, the evidence or an agent.
 */
export class Photos extends Construct {
  readonly bucket: s3.Bucket;
  readonly normaliser: SharedFunction;
  readonly uploadArrived: events.Rule;
  readonly normaliserFailures: sqs.Queue;

  constructor(scope: Construct, id: string, props: PhotosProps) {
    super(scope, id);
    // Access logs are delivered under a bucket policy, not the legacy ACL (see Analytics).
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'photos/',
      cors: [
        {
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [...props.config.allowedOrigins],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          id: 'ExpirePhotos',
          expiration: Duration.days(props.config.retentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        // An upload the normaliser never finished (it failed after every retry) is not kept.
        { id: 'ExpireUploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(TRANSIENT_DAYS) },
        { id: 'ExpireRefusals', prefix: REFUSAL_PREFIX, expiration: Duration.days(TRANSIENT_DAYS) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Object Created events go to EventBridge, set on the bucket itself: a Lambda notification through
    // the L2 would add CDK's notifications custom resource (a Python function with a managed-policy role).
    (this.bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };

    this.normaliser = new SharedFunction(this, 'Normaliser', {
      handler: 'normalise-photo',
      description: 'Afterdesk: normalises each uploaded photo before anything reads it',
      // libvips decodes up to 50 MP (core/photos/refusals MAX_INPUT_PIXELS), ~200 MB as RGBA.
      memorySize: 1024,
      timeout: Duration.seconds(30),
      logRetention: props.logRetention,
      logKey: props.logKey,
      // Each upload's outcome is kept as long as the photo (DynamoDbPhotoReadiness).
      environment: {
        PHOTO_BUCKET: this.bucket.bucketName,
        PHOTO_RETENTION_DAYS: String(props.config.retentionDays),
      },
      nativeModules: SHARP_ON_LAMBDA,
    });
    this.allow(this.normaliser, ['s3:GetObject', 's3:DeleteObject'], UPLOAD_PREFIX);
    this.allow(this.normaliser, ['s3:PutObject'], PHOTO_PREFIX);
    this.allow(this.normaliser, ['s3:PutObject'], REFUSAL_PREFIX);
    this.acknowledgePrefix(this.normaliser, UPLOAD_PREFIX, 'reads and then deletes each raw upload');
    this.acknowledgePrefix(this.normaliser, PHOTO_PREFIX, 'writes each normalised photo under its key');
    this.acknowledgePrefix(this.normaliser, REFUSAL_PREFIX, 'records why an upload was refused');

    this.normaliserFailures = failureQueue(
      this,
      'NormaliserFailures',
      'the photo normaliser (events it was not invoked for, and invocations that failed after retries)',
    );
    // Refusals are answers, not failures; what fails here (S3 throttling, a crash) is retried, then queued.
    this.normaliser.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new destinations.SqsDestination(this.normaliserFailures),
    });
    this.uploadArrived = new events.Rule(this, 'UploadArrived', {
      description: 'Afterdesk: a photo upload arrived, to normalise',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [this.bucket.bucketName] },
          object: { key: events.Match.prefix(UPLOAD_PREFIX) },
        },
      },
      targets: [
        new targets.LambdaFunction(this.normaliser.fn, {
          retryAttempts: 4,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: this.normaliserFailures,
        }),
      ],
    });
  }

  /**
   * The presigned POST is signed with the granting function's role, so that role needs PutObject, on
   * `incoming/` only: browsers never write a photo key.
   */
  grantUpload(fn: SharedFunction): void {
    this.allow(fn, ['s3:PutObject'], UPLOAD_PREFIX);
    this.acknowledgePrefix(fn, UPLOAD_PREFIX, 'signs presigned POSTs for new uploads, whose keys are random');
  }

  /**
   * The normaliser records each upload's outcome (ready, or refused and why) in `table`, where sendMessage
   * and the video snapshot route check it with a GetItem instead of S3 (no S3 client in those bundles).
   * PutItem only, and only on `PHOTO#` partitions: it cannot touch a conversation.
   */
  recordOutcomesIn(table: dynamodb.ITable): void {
    this.normaliser.addEnvironment({ CONVERSATIONS_TABLE: table.tableName });
    this.normaliser.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PHOTO#*'] } },
      }),
    );
  }

  /** GetObject on normalised photos only: the console presigns GETs for agents. */
  grantView(fn: SharedFunction): void {
    this.allow(fn, ['s3:GetObject'], PHOTO_PREFIX);
    this.acknowledgePrefix(fn, PHOTO_PREFIX, "presigns GETs so agents see the conversation's photos");
  }

  /** GetObject: the assistant reads a photo's bytes (and its fingerprint metadata) to look at it. */
  grantRead(fn: SharedFunction): void {
    this.allow(fn, ['s3:GetObject'], PHOTO_PREFIX);
    this.acknowledgePrefix(
      fn,
      PHOTO_PREFIX,
      'reads the photos shoppers attach, to look at them before answering',
    );
  }

  // Exact actions on one prefix: the bucket's grant helpers add list, abort and wildcard actions.
  private allow(fn: SharedFunction, actions: string[], prefix: string): void {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${prefix}*`)] }),
    );
  }

  private acknowledgePrefix(fn: SharedFunction, prefix: string, why: string): void {
    const logicalId = this.bucket.stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
      `The function ${why}; the grant covers the ${prefix} prefix of this one bucket only.`,
    );
  }
}
