import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import type { PhotosConfig } from './config';
import type { SharedFunction } from './shared-function';

/** Where shoppers' photos live; keys are `photos/<owner hash>/<uuid>.<ext>`, made by the requestUpload route. */
const PHOTO_PREFIX = 'photos/';

export interface PhotosProps {
  readonly config: PhotosConfig;
  readonly accessLogsBucket: s3.IBucket;
}

/**
 * The photo bucket: private, encrypted, TLS only, with photos expiring after the retention period.
 * Browsers upload straight to it with presigned POSTs (CORS for the storefront's origins), so photos never
 * pass through the WebSocket (32 KB frames) or a Lambda.
 */
export class Photos extends Construct {
  readonly bucket: s3.Bucket;

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
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The presigned POST is signed with the granting function's role, so that role needs PutObject. */
  grantUpload(fn: SharedFunction): void {
    this.allow(fn, 's3:PutObject');
    this.acknowledgePrefix(fn, 'signs presigned POSTs for new photos, whose keys are random');
  }

  /** HeadObject needs s3:GetObject: checking that an attached photo exists. */
  grantCheck(fn: SharedFunction): void {
    this.allow(fn, 's3:GetObject');
    this.acknowledgePrefix(fn, 'checks that a photo attached to a message was uploaded');
  }

  /** GetObject: the assistant reads a photo's bytes (and its fingerprint metadata) to look at it. */
  grantRead(fn: SharedFunction): void {
    this.allow(fn, 's3:GetObject');
    this.acknowledgePrefix(fn, 'reads the photos shoppers attach, to look at them before answering');
  }

  // One action on the photo prefix: the bucket's grant helpers add list, abort and wildcard actions.
  private allow(fn: SharedFunction, action: string): void {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [action],
        resources: [this.bucket.arnForObjects(`${PHOTO_PREFIX}*`)],
      }),
    );
  }

  private acknowledgePrefix(fn: SharedFunction, why: string): void {
    const logicalId = this.bucket.stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${PHOTO_PREFIX}*]`,
      `The function ${why}; the grant covers the photos/ prefix of this one bucket only.`,
    );
  }
}
