import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { AGENT_AVAILABILITY_PARTITIONS } from '../functions/adapters/aws/dynamodb-console-store';
import { CHIME_MEDIA_REGIONS, type ChimeMediaRegion } from '../functions/core/video/regions';
import type { AfterdeskConfig } from './config';
import { SharedFunction } from './shared-function';

import { AGENT_VIDEO_ROUTES, SHOPPER_VIDEO_ROUTES } from './video-routes';

export { AGENT_VIDEO_ROUTES, SHOPPER_VIDEO_ROUTES };

export interface VideoConfig {
  /** Media regions the seller allows (data residency); each call uses the one nearest the shopper. */
  readonly mediaRegions: readonly ChimeMediaRegion[];
  /** Off by default. When on, the shopper consents first and calls are captured to an encrypted bucket. */
  readonly recording: false | { readonly retentionDays: number };
}

/** `-c videoMediaRegions=eu-central-1,eu-west-1 -c videoRecordingDays=30` (no days: recording off). */
export function videoConfigFromContext(scope: Construct): VideoConfig {
  const regions = String(scope.node.tryGetContext('videoMediaRegions') ?? Stack.of(scope).region)
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const known = (r: string): r is ChimeMediaRegion => (CHIME_MEDIA_REGIONS as readonly string[]).includes(r);
  // A token region (env-agnostic synth) cannot be checked: fall back to the first Chime region.
  const mediaRegions = regions.filter(known);
  if (regions.some((r) => !known(r) && !r.startsWith('${Token')))
    throw new Error(
      `Context "videoMediaRegions" lists regions Chime does not host media in: ${regions.join(', ')}`,
    );
  const days = scope.node.tryGetContext('videoRecordingDays');
  const retentionDays = days === undefined || days === '' ? 0 : Number(days);
  if (!Number.isInteger(retentionDays) || retentionDays < 0)
    throw new Error('Context "videoRecordingDays" must be a whole number of days');
  return {
    mediaRegions: mediaRegions.length ? mediaRegions : ['us-east-1'],
    recording: retentionDays > 0 ? { retentionDays } : false,
  };
}

export interface VideoProps {
  readonly config: AfterdeskConfig;
  readonly video: VideoConfig;
  readonly logKey: kms.IKey;
  readonly store: dynamodb.Table;
  readonly conversations: dynamodb.Table;
  readonly connections: dynamodb.Table;
  readonly environment: Record<string, string>;
  /** Where recordings' access is logged, when recording is on. */
  readonly accessLogsBucket: s3.IBucket;
}

/**
 * Video verification in AWS: the route functions that open and end Chime SDK meetings, the EventBridge rule
 * that feeds Chime's meeting events (source aws.chime) into the video-session state machine, and, only
 * when the seller turns recording on, an encrypted bucket with a retention period for media capture.
 * Chime permissions are the four calls the adapter makes, on meetings of this account and region only.
 */
export class Video extends Construct {
  readonly shopperRoutes: SharedFunction;
  readonly agentRoutes: SharedFunction;
  readonly meetingEvents: SharedFunction;
  readonly meetingEventsRule: events.Rule;
  readonly recordings?: s3.Bucket;

  constructor(scope: Construct, id: string, props: VideoProps) {
    super(scope, id);
    // Access logs are delivered under a bucket policy, not the legacy ACL (see Photos); set before children.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const environment = {
      ...props.environment,
      VIDEO_MEDIA_REGIONS: props.video.mediaRegions.join(','),
      VIDEO_RECORDING: String(props.video.recording !== false),
    };
    const fn = (id: string, handler: string, description: string) =>
      new SharedFunction(this, id, {
        handler,
        description: `Afterdesk: ${description}`,
        memorySize: 256,
        // Route integrations time out after 29 s; a meeting is created in well under a second.
        timeout: Duration.seconds(10),
        logRetention: props.config.logRetention,
        logKey: props.logKey,
        environment,
      });
    this.shopperRoutes = fn('ShopperVideo', 'video', "the shopper's video call routes");
    this.agentRoutes = fn('AgentVideo', 'agent-video', "the agent's video call routes");
    this.meetingEvents = fn(
      'MeetingEvents',
      'video-meeting-events',
      "applies Chime's meeting events to calls",
    );

    for (const route of [this.shopperRoutes, this.agentRoutes]) {
      this.grantMeetings(route, [
        'chime:CreateMeetingWithAttendees',
        'chime:GetMeeting',
        'chime:GetAttendee',
        'chime:DeleteMeeting',
      ]);
      // Call items (put under a version condition), presence, orders and the store policy: nothing deletes.
      props.store.grant(route.fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem');
      // The session record, the hand-off request and sequence numbers; outcome and snapshot messages.
      props.conversations.grant(route.fn, 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:PutItem');
      this.acknowledgeIndex(route, props.store, 'finds the calls of a case');
      // Whom a call rings: the console's presence and agent-connection partitions, no transcript.
      route.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: [props.conversations.tableArn],
          conditions: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...AGENT_AVAILABILITY_PARTITIONS] },
          },
        }),
      );
    }
    props.connections.grantReadData(this.shopperRoutes.fn); // identity fallback when no authorizer context arrives
    this.grantMeetings(this.meetingEvents, ['chime:DeleteMeeting']);
    props.store.grant(this.meetingEvents.fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem');
    this.acknowledgeIndex(this.meetingEvents, props.store, 'finds the call of the case an event names');

    this.meetingEventsRule = new events.Rule(this, 'MeetingEventsRule', {
      description: 'Afterdesk: Chime SDK meeting events (joins, ends) into video sessions',
      eventPattern: {
        source: ['aws.chime'],
        detailType: ['Chime Meeting State Change'],
        detail: { eventType: ['chime:AttendeeJoined', 'chime:MeetingEnded'] },
      },
      targets: [
        new targets.LambdaFunction(this.meetingEvents.fn, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      ],
    });

    if (props.video.recording)
      this.recordings = this.recordingBucket(props, props.video.recording.retentionDays);
  }

  /** The video routes of one WebSocket API; API Gateway runs authorizers on $connect only. */
  addRoutes(api: apigwv2.WebSocketApi, party: 'shopper' | 'agent'): apigwv2.WebSocketRoute[] {
    const fn = party === 'shopper' ? this.shopperRoutes : this.agentRoutes;
    const routes = party === 'shopper' ? SHOPPER_VIDEO_ROUTES : AGENT_VIDEO_ROUTES;
    return routes.map((key) => {
      const route = api.addRoute(key, {
        integration: new WebSocketLambdaIntegration(`${party}-${key}`, fn.fn),
        returnResponse: true,
      });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `API Gateway runs WebSocket authorizers only on $connect; ${key} arrives on an authorized connection ` +
          `and the handler takes the ${party} from that connection, never from the frame.`,
      });
      return route;
    });
  }

  private grantMeetings(fn: SharedFunction, actions: string[]): void {
    const stack = Stack.of(this);
    const resourceName = 'meeting/*';
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions,
        resources: [
          stack.formatArn({
            service: 'chime',
            resource: 'meeting',
            resourceName: '*',
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:chime:<AWS::Region>:<AWS::AccountId>:${resourceName}]`,
      'Meeting ids exist only once Chime creates them, so the grant covers meetings of this account and ' +
        'region; the actions are the ones the adapter calls, nothing else.',
    );
  }

  private acknowledgeIndex(fn: SharedFunction, table: dynamodb.Table, why: string): void {
    const logicalId = Stack.of(this).getLogicalId(table.node.defaultChild as dynamodb.CfnTable);
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
      `The function ${why} through the byCustomer index; the grant covers the indexes of this one table only.`,
    );
  }

  /** Chime's media pipelines write the capture here; nothing else may, and only over TLS. */
  private recordingBucket(props: VideoProps, retentionDays: number): s3.Bucket {
    const bucket = new s3.Bucket(this, 'Recordings', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'recordings/',
      lifecycleRules: [{ id: 'ExpireRecordings', expiration: Duration.days(retentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stack = Stack.of(this);
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'ChimeMediaCapture',
        principals: [new iam.ServicePrincipal('mediapipelines.chime.amazonaws.com')],
        actions: ['s3:PutObject', 's3:PutObjectAcl'],
        resources: [bucket.arnForObjects('captures/*')],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:chime:*:${stack.account}:*` },
        },
      }),
    );
    for (const route of [this.shopperRoutes, this.agentRoutes]) {
      route.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['chime:CreateMediaCapturePipeline'],
          resources: [
            stack.formatArn({
              service: 'chime',
              resource: 'media-pipeline',
              resourceName: '*',
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          ],
        }),
      );
      route.acknowledgeOnRole(
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:chime:<AWS::Region>:<AWS::AccountId>:media-pipeline/*]',
        'Media pipeline ids exist only once Chime creates them; the grant covers capture pipelines of this account and region.',
      );
      route.addEnvironment({ VIDEO_RECORDING_BUCKET: bucket.bucketName });
    }
    return bucket;
  }
}
