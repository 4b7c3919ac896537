import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { WEBSOCKET_APIS, type WebSocketApiName } from '../topology';
import { Analytics } from './analytics';
import { Assistant } from './assistant';
import { ChatApi, routeFunctions } from './chat-api';
import type { AfterdeskConfig } from './config';
import { AgentConsole } from './console';
import { ConversationCloser } from './conversation-closer';
import { Data } from './data';
import { GuestAccess } from './guest-access';
import { WidgetHosting } from './hosting';
import { LogEncryption } from './log-encryption';
import { Photos } from './photos';
import { Privacy } from './privacy';
import { PrivacyFacts } from './privacy-facts';
import { ShopperTokenSecret } from './secrets';
import type { SharedFunction } from './shared-function';
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
  /** Each WebSocket API of the topology by name. */
  readonly webSocketApis: Readonly<Record<WebSocketApiName, { readonly api: apigwv2.WebSocketApi }>>;
  readonly assistant: Assistant;
  readonly streamProcessing: StreamProcessing;
  readonly analytics: Analytics;
  readonly conversationCloser: ConversationCloser;
  readonly photos: Photos;
  readonly video: Video;
  readonly signingSecret: ShopperTokenSecret;
  readonly console: AgentConsole;
  readonly webhooks: Webhooks;
  readonly guestAccess: GuestAccess;
  readonly privacy: Privacy;
  readonly privacyFacts: PrivacyFacts;
  readonly widget: WidgetHosting;
  /**
   * Every function that may push to the chat API, by handler name (e.g. 'send-message'), and the webhook
   * function (which pushes nothing, but is held to the same per-function assertions).
   */
  readonly functions: Readonly<Record<string, SharedFunction>>;
  /** Every function a topology entry names (routes, stream mappings, schedules), by handler module. */
  readonly topologyFunctions: Readonly<Record<string, SharedFunction>>;

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

    // The chat API's authorizer and route functions, one per handler module its topology entry names.
    const chatFunctions = routeFunctions(this, WEBSOCKET_APIS.chat, common);
    const routeFn = (handler: string): SharedFunction => {
      const fn = chatFunctions[handler];
      if (!fn) throw new Error(`The chat API has no ${handler} function`);
      return fn;
    };
    const authorizer = routeFn('authorizer');
    const connect = routeFn('connect');
    const disconnect = routeFn('disconnect');
    const sendMessage = routeFn('send-message');
    const resume = routeFn('resume');
    const requestUpload = routeFn('request-upload');

    this.assistant = new Assistant(this, 'Assistant', {
      config,
      logKey,
      environment,
      conversations,
      idempotency: this.data.table('Idempotency'),
    });
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
      logKey,
      logRetention: config.logRetention,
    });

    this.chatApi = new ChatApi(this, 'ChatApi', {
      config,
      logKey,
      api: WEBSOCKET_APIS.chat,
      functions: chatFunctions,
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
      grantPhotoRead: (grantee) => this.photos.grantView(grantee),
      accessLogsBucket: this.analytics.accessLogsBucket,
    });
    this.webSocketApis = { chat: this.chatApi, agent: this.console };
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
    // The agent's side of a call rides the console's own API (the agent API's video routes in topology/).
    this.console.stage.node.addDependency(...this.video.addRoutes(this.console.api, 'agent'));
    this.guestAccess = new GuestAccess(this, 'GuestAccess', {
      logKey,
      logRetention: config.logRetention,
      environment,
      store,
      connections,
      signingSecret: this.signingSecret.secret,
      allowedOrigins: config.photos.allowedOrigins,
    });
    this.webhooks = new Webhooks(this, 'Webhooks', { config, logKey, environment, store, conversations });
    this.privacy = new Privacy(this, 'Privacy', {
      logKey,
      logRetention: config.logRetention,
      environment,
      store,
      conversations,
      connections,
      photoBucket: this.photos.bucket,
      signingSecret: this.signingSecret.secret,
      analytics: this.analytics,
    });
    this.privacyFacts = new PrivacyFacts(this, 'PrivacyFacts', {
      logKey,
      logRetention: config.logRetention,
      environment,
      store,
      analytics: this.analytics,
    });
    this.widget = new WidgetHosting(this, 'Widget', {
      site: this.console,
      websocketUrl: this.chatApi.stage.url,
    });

    this.functions = {
      ...chatFunctions,
      ...this.console.functions,
      assistant: this.assistant.function,
      'conversation-stream': this.streamProcessing.function,
      video: this.video.shopperRoutes,
      'agent-video': this.video.agentRoutes,
      'video-meeting-events': this.video.meetingEvents,
      'guest-token': this.guestAccess.function,
      webhooks: this.webhooks.function,
      privacy: this.privacy.function,
    };
    for (const fn of Object.values(this.functions)) {
      fn.addEnvironment({ [WEBSOCKET_APIS.chat.connectionsEndpointEnv]: this.chatApi.connectionsEndpoint });
    }
    // Stream and schedule functions by handler module too, for the topology check (they push nothing).
    this.topologyFunctions = {
      ...this.functions,
      assistant: this.assistant.function,
      'analytics-stream': this.analytics.function,
      'store-analytics-stream': this.analytics.storeFunction,
      'close-idle-conversations': this.conversationCloser.function,
      'erase-queued-facts': this.privacyFacts.function,
      video: this.video.shopperRoutes,
    };
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
    for (const fn of [this.video.shopperRoutes, this.video.agentRoutes, this.video.meetingEvents]) {
      this.chatApi.grantPostToConnection(fn);
      // Calls ring and signal agents on their console sockets.
      fn.addEnvironment({ [WEBSOCKET_APIS.agent.connectionsEndpointEnv]: this.console.connectionsEndpoint });
      this.console.grantAgentPost(fn);
    }
    this.photos.grantUpload(this.video.agentRoutes);
    // Attached photos and snapshots are checked in Conversations (GetItem, granted below and in lib/video).
    this.photos.recordOutcomesIn(conversations);

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

    requestUpload.grantTableActions(connections, ['GetItem']); // identity fallback when no authorizer context arrives
    this.photos.grantUpload(requestUpload);

    resume.grantTableActions(conversations, ['GetItem', 'Query']);
    resume.grantTableActions(connections, ['GetItem']); // identity fallback when no authorizer context arrives
    this.chatApi.grantPostToConnection(resume); // replays missed messages over @connections

    // The $default route's function: only its ping windows (counter items in Connections), so pong means
    // the store answered.
    connections.grant(routeFn('default').fn, 'dynamodb:UpdateItem');

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
      description:
        "S3 bucket with shoppers' photos (photos/<owner hash>/<id>), normalised from presigned POSTs to incoming/",
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
