import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { Analytics } from './analytics';
import { Assistant } from './assistant';
import { ChatApi } from './chat-api';
import type { AfterdeskConfig } from './config';
import { AgentConsole } from './console';
import { ConversationCloser } from './conversation-closer';
import { Data } from './data';
import { LogEncryption } from './log-encryption';
import { Photos } from './photos';
import { ShopperTokenSecret } from './secrets';
import { SharedFunction } from './shared-function';
import { StreamProcessing } from './stream-processing';
import { Video, videoConfigFromContext } from './video';
import { Webhooks } from './webhooks';

export interface AfterdeskStackProps extends StackProps {
  readonly config: AfterdeskConfig;
}

/**
 * Afterdesk in one stack: data, the shopper-token secret, the chat WebSocket API and its route functions,
 * the asynchronous assistant and the Conversations stream consumer. Every function gets only the grants its
 * handler needs.
 */
export class AfterdeskStack extends Stack {
  readonly data: Data;
  readonly chatApi: ChatApi;
  readonly assistant: Assistant;
  readonly streamProcessing: StreamProcessing;
  readonly analytics: Analytics;
  readonly conversationCloser: ConversationCloser;
  readonly photos: Photos;
  readonly video: Video;
  readonly signingSecret: ShopperTokenSecret;
  readonly console: AgentConsole;
  readonly webhooks: Webhooks;
  /** Every function by handler name (e.g. 'send-message'). */
  readonly functions: Readonly<Record<string, SharedFunction>>;

  constructor(scope: Construct, id: string, props: AfterdeskStackProps) {
    super(scope, id, props);
    const { config } = props;

    const logKey = new LogEncryption(this, 'LogEncryption').key;
    this.data = new Data(this, 'Data');
    this.signingSecret = new ShopperTokenSecret(this, 'ShopperTokenSecret');

    const store = this.data.table('Store');
    const conversations = this.data.table('Conversations');
    const connections = this.data.table('Connections');

    // Configuration every handler may read at cold start. Permissions are granted separately, per function.
    const environment: Record<string, string> = {
      ...this.data.environment(),
      SIGNING_SECRET_ARN: this.signingSecret.secret.secretArn,
      BEDROCK_MODEL_ID: config.bedrockModelId,
      GUARDRAIL_ID: config.guardrailId,
      GUARDRAIL_VERSION: config.guardrailVersion,
      CHAT_MODEL: config.chatModel,
      HYBRID_ROUTING: String(config.hybridRouting),
      HYBRID_INTENTS: config.hybridIntents.join(','),
    };
    const common = { logRetention: config.logRetention, logKey, environment };

    const routeFunction = (
      id: string,
      handler: string,
      description: string,
      memorySize: number,
      timeoutSeconds: number,
    ): SharedFunction =>
      new SharedFunction(this, id, {
        handler,
        description: `Afterdesk: ${description}`,
        memorySize,
        timeout: Duration.seconds(timeoutSeconds),
        ...common,
      });

    // Construct ids avoid 'Default', which CDK leaves out of logical ids.
    // Route integrations time out after 29 s; route handlers do short DynamoDB work only.
    const authorizer = routeFunction(
      'Authorizer',
      'authorizer',
      'verifies shopper tokens on $connect',
      256,
      10,
    );
    const connect = routeFunction('Connect', 'connect', 'records a new connection', 256, 10);
    const disconnect = routeFunction('Disconnect', 'disconnect', 'forgets a closed connection', 256, 10);
    const defaultRoute = routeFunction('DefaultRoute', 'default', 'answers unknown actions', 256, 5);
    const sendMessage = routeFunction(
      'SendMessage',
      'send-message',
      'stores a shopper message and starts a turn',
      512,
      15,
    );
    const resume = routeFunction('Resume', 'resume', 'replays a conversation after a reconnect', 256, 10);
    const requestUpload = routeFunction(
      'RequestUpload',
      'request-upload',
      'grants a shopper a photo upload',
      256,
      10,
    );

    this.assistant = new Assistant(this, 'Assistant', { config, logKey, environment });
    this.streamProcessing = new StreamProcessing(this, 'StreamProcessing', {
      config,
      logKey,
      conversations,
      environment,
    });

    this.analytics = new Analytics(this, 'Analytics', {
      config,
      logKey,
      conversations,
      store,
      environment,
    });
    this.conversationCloser = new ConversationCloser(this, 'ConversationCloser', {
      config,
      logKey,
      conversations,
      environment,
      idleMinutes: config.conversationIdleMinutes,
    });
    this.photos = new Photos(this, 'Photos', {
      config: config.photos,
      accessLogsBucket: this.analytics.accessLogsBucket,
    });

    this.chatApi = new ChatApi(this, 'ChatApi', {
      config,
      logKey,
      authorizer,
      connect,
      disconnect,
      defaultRoute,
      sendMessage,
      resume,
      requestUpload,
    });

    this.console = new AgentConsole(this, 'Console', {
      config,
      logKey,
      environment,
      store,
      conversations,
      shopperConnectionsEndpoint: this.chatApi.connectionsEndpoint,
      grantShopperPost: (grantee) => this.chatApi.grantPostToConnection(grantee),
      photoBucket: this.photos.bucket,
      grantPhotoRead: (grantee) => this.photos.grantCheck(grantee),
      accessLogsBucket: this.analytics.accessLogsBucket,
    });
    this.video = new Video(this, 'Video', {
      config,
      video: videoConfigFromContext(this),
      logKey,
      store,
      conversations,
      connections,
      environment,
      accessLogsBucket: this.analytics.accessLogsBucket,
    });
    this.video.addRoutes(this.chatApi.api, 'shopper');
    this.webhooks = new Webhooks(this, 'Webhooks', { config, logKey, environment, store, conversations });

    this.functions = {
      ...this.console.functions,
      authorizer,
      connect,
      disconnect,
      default: defaultRoute,
      'send-message': sendMessage,
      resume,
      'request-upload': requestUpload,
      assistant: this.assistant.function,
      'conversation-stream': this.streamProcessing.function,
      video: this.video.shopperRoutes,
      'agent-video': this.video.agentRoutes,
      'video-meeting-events': this.video.meetingEvents,
      webhooks: this.webhooks.function,
    };
    for (const fn of Object.values(this.functions)) {
      fn.addEnvironment({ CONNECTIONS_ENDPOINT: this.chatApi.connectionsEndpoint });
    }
    sendMessage.addEnvironment({ ASSISTANT_FUNCTION_NAME: this.assistant.function.fn.functionName });
    for (const fn of [
      sendMessage,
      requestUpload,
      this.assistant.function,
      this.video.shopperRoutes,
      this.video.agentRoutes,
    ])
      fn.addEnvironment({ PHOTO_BUCKET: this.photos.bucket.bucketName });
    // Video: join information and call events go to each party's own socket; agents snapshot into photos.
    this.signingSecret.secret.grantRead(this.video.shopperRoutes.fn); // signs join tickets
    this.signingSecret.secret.grantRead(this.video.agentRoutes.fn);
    for (const fn of [this.video.shopperRoutes, this.video.agentRoutes, this.video.meetingEvents])
      this.chatApi.grantPostToConnection(fn);
    this.photos.grantUpload(this.video.agentRoutes);
    this.photos.grantCheck(this.video.agentRoutes);

    // Least privilege, per function.
    this.signingSecret.secret.grantRead(authorizer.fn);
    authorizer.grantTableActions(conversations, ['GetItem']); // session ownership check

    connect.grantTableActions(connections, ['PutItem']);
    connect.grantTableActions(conversations, ['GetItem', 'UpdateItem']); // session binding

    connections.grant(disconnect.fn, 'dynamodb:DeleteItem');

    // Per-customer message windows: counter items in Connections (one conditional ADD each).
    sendMessage.grantTableActions(connections, ['GetItem', 'UpdateItem']);
    // The message, its idempotency key and the session's sequence and rate counters; nothing is deleted.
    sendMessage.grantTableActions(conversations, ['GetItem', 'PutItem', 'UpdateItem']);
    this.assistant.grantInvoke(sendMessage);
    this.photos.grantCheck(sendMessage);

    requestUpload.grantTableActions(connections, ['GetItem']); // identity fallback when no authorizer context arrives
    this.photos.grantUpload(requestUpload);

    resume.grantTableActions(conversations, ['GetItem', 'Query']);
    resume.grantTableActions(connections, ['GetItem']); // identity fallback when no authorizer context arrives
    this.chatApi.grantPostToConnection(resume); // replays missed messages over @connections

    // defaultRoute: only its ping windows (counter items in Connections), so pong means the store answered.
    connections.grant(defaultRoute.fn, 'dynamodb:UpdateItem');

    const assistantFn = this.assistant.function;
    assistantFn.grantTableActions(store, ['GetItem', 'Query']);
    // Returns, claims and cancellations are written by the assistant's tools; nothing it does deletes.
    store.grant(assistantFn.fn, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem');
    this.acknowledgeIndexAccess(
      assistantFn,
      store,
      'reads orders and customers through the byCustomer index',
    );
    // History, replies, sequence reservations and hand-off requests; nothing is deleted.
    assistantFn.grantTableActions(conversations, ['GetItem', 'Query', 'PutItem', 'UpdateItem']);
    this.chatApi.grantPostToConnection(assistantFn);
    this.photos.grantRead(assistantFn);

    this.streamProcessing.function.grantTableActions(conversations, ['UpdateItem']); // the session summary

    new CfnOutput(this, 'SigningSecretArn', {
      description:
        'Secrets Manager secret whose value signs shopper tokens (HS256); share with the storefront',
      value: this.signingSecret.secret.secretArn,
    });
    for (const def of this.data.definitions) {
      new CfnOutput(this, `${def.id}TableName`, { value: this.data.table(def.id).tableName });
    }
    new CfnOutput(this, 'PhotoBucketName', {
      description: "S3 bucket with shoppers' photos (photos/<owner hash>/<id>), uploaded by presigned POST",
      value: this.photos.bucket.bucketName,
    });
    new CfnOutput(this, 'AnalyticsBucketName', {
      description: 'S3 bucket with the analytics facts (Parquet under <fact>/dt=YYYY-MM-DD/)',
      value: this.analytics.bucket.bucketName,
    });
    new CfnOutput(this, 'AnalyticsDatabaseName', {
      description: 'Glue database with the fact tables',
      value: this.analytics.databaseName,
    });
    new CfnOutput(this, 'AnalyticsWorkGroupName', {
      description: 'Athena workgroup that runs the named analytics queries',
      value: this.analytics.workGroup.ref,
    });
    new CfnOutput(this, 'AnalyticsDeliveryStreamName', {
      description: 'Firehose stream that receives message facts',
      value: this.analytics.deliveryStream.ref,
    });
    new CfnOutput(this, 'AlertEventBusName', {
      description: 'EventBridge bus with keyword spike alerts (source afterdesk.analytics, KeywordSpike)',
      value: this.analytics.alertBus.eventBusName,
    });
  }

  /** Table grants on a table with indexes include `<table>/index/*`: acknowledge that finding for this table. */
  private acknowledgeIndexAccess(fn: SharedFunction, table: dynamodb.Table, why: string): void {
    const logicalId = this.getLogicalId(table.node.defaultChild as dynamodb.CfnTable);
    fn.acknowledgeOnRole(
      `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
      `The function ${why}; the grant covers the indexes of this one table only.`,
    );
  }
}
