/**
 * One topology, two runtimes: every WebSocket route, DynamoDB stream mapping and schedule, declared once as
 * plain data. The CDK constructs (lib/chat-api.ts, lib/conversations-stream-source.ts,
 * lib/conversation-closer.ts) and the embedded runtime (local/stack.ts: gateway route tables, stream
 * pollers, timers) both read it; tests/infra/topology.test.ts fails when either disagrees with it.
 *
 * How to add:
 * - a route: one entry in `WEBSOCKET_APIS.<api>.routes` (route key -> handler module under
 *   functions/handlers, whether the integration response goes back to the client, its Lambda sizing).
 *   Then grant its function what it needs in lib/afterdesk-stack.ts (`stack.functions[handler]`).
 * - a second API: one entry in `WEBSOCKET_APIS`, with its authorizer and routes (the agents' API is
 *   built by lib/console.ts, the construct its `construct` names).
 * - a stream consumer: one entry in `STREAM_MAPPINGS`; its construct calls
 *   `streamMappingSource(scope, table, '<mapping name>')` and adds it to its function.
 * - a schedule: one entry in `SCHEDULES`.
 *
 * Plain data only: no CDK, SDK or Node imports, so lib/, local/ and Lambdas may all import it. Filters
 * that name item shapes live beside the decoders (functions/adapters/aws/stream-filters.ts, plain data
 * too) and are registered here.
 */

import {
  ANALYTICS_CONVERSATION_FILTERS,
  CONSOLE_FILTERS,
  CONVERSATION_ACTIVITY_FILTERS,
  STORE_ANALYTICS_FILTERS,
} from '../functions/adapters/aws/stream-filters';
import { AGENT_VIDEO_ROUTES, SHOPPER_VIDEO_ROUTES } from '../lib/video-routes';

/** A module under functions/handlers, named without extension (it is also the Lambda's handler name). */
export type HandlerModule = string;

/** How a function is sized in the cloud; the embedded runtime uses the timeout for its Lambda context. */
export interface FunctionSizing {
  readonly description: string;
  readonly memorySize: number;
  readonly timeoutSeconds: number;
}

/** A named stage throttle class from the CDK config (`<name>Throttle`). */
export type RouteThrottle = 'connect' | 'sendMessage';

export interface RouteSpec extends FunctionSizing {
  readonly handler: HandlerModule;
  /** The handler's return value is sent back to the client (API Gateway `returnResponse`). */
  readonly returnResponse: boolean;
  /** A per-route throttle tighter than the stage's. */
  readonly throttle?: RouteThrottle;
  /** Why a route other than $connect needs no authorizer (cdk-nag AwsSolutions-APIG4). */
  readonly unauthorizedBecause?: string;
  /**
   * The construct of its concern (lib/<construct>.ts) creates this route's function and adds the route
   * itself; the chat API construct leaves it to it. The local gateway dispatches it like any other.
   */
  readonly construct?: 'video';
}

export interface WebSocketApiSpec {
  /**
   * The construct of its concern builds this API in the cloud (lib/console.ts for the agents' API, with its
   * Cognito pool and hosting); without it, lib/chat-api.ts does. Locally every API is a loopback gateway.
   */
  readonly construct?: 'console';
  /** Suffix of the API name in the cloud (`<stack>-<name>`). */
  readonly name: string;
  readonly description: string;
  readonly routeSelectionExpression: '$request.body.action';
  /** The REQUEST authorizer on $connect (API Gateway runs authorizers only there). */
  readonly authorizer: FunctionSizing & {
    readonly handler: HandlerModule;
    /** e.g. `route.request.querystring.token`. */
    readonly identitySource: readonly string[];
  };
  /** The environment variable through which handlers learn this API's `@connections` endpoint. */
  readonly connectionsEndpointEnv: string;
  /** `$connect`, `$disconnect`, `$default` and the actions selected by `$request.body.action`. */
  readonly routes: Readonly<Record<string, RouteSpec>>;
}

const ONLY_ON_CONNECT = 'API Gateway runs WebSocket authorizers only on $connect;';

/** What an agent's console may ask of the agent API, one route each (`$request.body.action`). */
export const AGENT_ACTIONS = [
  'listQueue',
  'openConversation',
  'takeOver',
  'handBack',
  'resolve',
  'reply',
  'typing',
  'setPresence',
  'reassign',
  'caseAction',
  'addNote',
  'readAudit',
  'suggestReply',
  'ping',
] as const;

const AGENT_COMMAND = {
  handler: 'agent-command',
  returnResponse: true,
  description: 'runs agent actions (take over, reply, hand back…)',
  memorySize: 512,
  timeoutSeconds: 20,
  unauthorizedBecause: `${ONLY_ON_CONNECT} agent actions arrive on a connection the Cognito token authorizer admitted, and the handler takes the agent from that authorizer context.`,
} as const satisfies RouteSpec;

export const WEBSOCKET_APIS = {
  chat: {
    name: 'chat',
    description: 'Afterdesk shopper chat',
    routeSelectionExpression: '$request.body.action',
    authorizer: {
      handler: 'authorizer',
      identitySource: ['route.request.querystring.token'],
      description: 'verifies shopper tokens on $connect',
      memorySize: 256,
      timeoutSeconds: 10,
    },
    connectionsEndpointEnv: 'CONNECTIONS_ENDPOINT',
    // Route integrations time out after 29 s: route handlers do short DynamoDB work only.
    routes: {
      $connect: {
        handler: 'connect',
        returnResponse: false,
        throttle: 'connect',
        description: 'records a new connection',
        memorySize: 256,
        timeoutSeconds: 10,
      },
      $disconnect: {
        handler: 'disconnect',
        returnResponse: false,
        description: 'forgets a closed connection',
        memorySize: 256,
        timeoutSeconds: 10,
        unauthorizedBecause: `${ONLY_ON_CONNECT} $disconnect belongs to an already authorized connection and cannot carry an authorizer.`,
      },
      $default: {
        handler: 'default',
        returnResponse: true,
        description: 'answers unknown actions',
        memorySize: 256,
        timeoutSeconds: 5,
        unauthorizedBecause: `${ONLY_ON_CONNECT} $default messages arrive on a connection the $connect authorizer already admitted.`,
      },
      sendMessage: {
        handler: 'send-message',
        returnResponse: true,
        throttle: 'sendMessage',
        description: 'stores a shopper message (the stored message starts the turn)',
        memorySize: 512,
        timeoutSeconds: 15,
        unauthorizedBecause: `${ONLY_ON_CONNECT} sendMessage arrives on an authorized connection and the handler checks session ownership against the stored connection.`,
      },
      resume: {
        handler: 'resume',
        returnResponse: true,
        description: 'replays a conversation after a reconnect',
        memorySize: 256,
        timeoutSeconds: 10,
        unauthorizedBecause: `${ONLY_ON_CONNECT} resume arrives on an authorized connection and the handler checks session ownership against the stored connection.`,
      },
      requestUpload: {
        handler: 'request-upload',
        returnResponse: true,
        // Each grant is a signed upload: keep them to the pace of a person sending photos.
        throttle: 'connect',
        description: 'grants a shopper a photo upload',
        memorySize: 256,
        timeoutSeconds: 10,
        unauthorizedBecause: `${ONLY_ON_CONNECT} requestUpload arrives on an authorized connection and the handler takes the shopper from that connection, never from the message.`,
      },
      // Video calls: lib/video.ts adds these to the chat API; locally they also carry WebRTC signalling.
      ...Object.fromEntries(
        SHOPPER_VIDEO_ROUTES.map((key) => [
          key,
          {
            handler: 'video',
            returnResponse: true,
            construct: 'video',
            description: "the shopper's video call routes",
            memorySize: 256,
            timeoutSeconds: 10,
          } satisfies RouteSpec,
        ]),
      ),
    },
  },
  agent: {
    construct: 'console',
    name: 'agents',
    description: 'Afterdesk agent console',
    routeSelectionExpression: '$request.body.action',
    authorizer: {
      handler: 'agent-authorizer',
      // The token rides in the query string: browsers cannot set headers on a WebSocket.
      identitySource: ['route.request.querystring.token'],
      description: 'verifies agent ID tokens on $connect',
      memorySize: 256,
      timeoutSeconds: 10,
    },
    connectionsEndpointEnv: 'AGENT_CONNECTIONS_ENDPOINT',
    routes: {
      $connect: {
        handler: 'agent-connect',
        returnResponse: false,
        description: 'records an agent connection',
        memorySize: 256,
        timeoutSeconds: 10,
      },
      $disconnect: {
        handler: 'agent-disconnect',
        returnResponse: false,
        description: 'forgets an agent connection',
        memorySize: 256,
        timeoutSeconds: 10,
        unauthorizedBecause: `${ONLY_ON_CONNECT} $disconnect belongs to an already authorized connection.`,
      },
      $default: {
        ...AGENT_COMMAND,
        unauthorizedBecause: `${ONLY_ON_CONNECT} $default belongs to an already authorized connection.`,
      },
      ...Object.fromEntries(AGENT_ACTIONS.map((action) => [action, AGENT_COMMAND])),
      // Video calls on the agent's own socket: lib/video.ts adds these to the agent API (the agent is the one
      // the console's authorizer admitted); locally they also carry WebRTC signalling.
      ...Object.fromEntries(
        AGENT_VIDEO_ROUTES.map((key) => [
          key,
          {
            handler: 'agent-video',
            returnResponse: true,
            construct: 'video',
            description: "the agent's video call routes",
            memorySize: 256,
            timeoutSeconds: 10,
          } satisfies RouteSpec,
        ]),
      ),
    },
  },
} as const satisfies Record<string, WebSocketApiSpec>;

export type WebSocketApiName = keyof typeof WEBSOCKET_APIS;

/** The tables whose streams feed mappings (ids of functions/config/tables.ts). */
export type StreamTable = 'Conversations' | 'Store';

/**
 * A Lambda event filter pattern, matched against the stream record as Lambda sees it (e.g.
 * `{ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['message'] } } } }`). Leaves are arrays of
 * exact values or of `{ prefix }`, `{ suffix }`, `{ 'anything-but': [...] }`, `{ exists }`, `{ numeric }`,
 * `{ 'equals-ignore-case' }` rules.
 */
export type FilterPattern = { readonly [field: string]: FilterPattern | readonly FilterRule[] };
export type FilterRule =
  | string
  | number
  | boolean
  | null
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly 'equals-ignore-case': string }
  | { readonly 'anything-but': string | number | readonly (string | number)[] }
  | { readonly exists: boolean }
  | { readonly numeric: readonly (string | number)[] };

/** The mapping only: its function (sizing, grants, environment) belongs to the construct of its concern. */
export interface StreamMappingSpec {
  readonly table: StreamTable;
  readonly handler: HandlerModule;
  readonly startingPosition: 'LATEST' | 'TRIM_HORIZON';
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /**
   * Batches of one shard in flight at once (1–10, Lambda's ParallelizationFactor); records with the same
   * partition key (one session) still arrive in order, in one batch at a time.
   */
  readonly parallelizationFactor: number;
  /** Retries of a failing batch before its records go to the on-failure destination. */
  readonly retryAttempts: number;
  readonly bisectBatchOnError: boolean;
  readonly maxRecordAgeSeconds: number;
  /** Only records matching one of these reach the handler; the rest are skipped (and checkpointed). */
  readonly filters?: readonly FilterPattern[];
  /** Cloud: an encrypted SQS queue; local: `<dataDir>/failures/<mapping>.ndjson`. */
  readonly onFailure: 'queue';
}

/** Every stream consumer shares this policy unless its entry says otherwise. */
const STREAM_POLICY = {
  startingPosition: 'LATEST',
  batchSize: 100,
  parallelizationFactor: 1,
  retryAttempts: 3,
  bisectBatchOnError: true,
  maxRecordAgeSeconds: 3600,
  onFailure: 'queue',
} as const;

export const STREAM_MAPPINGS = {
  // The outbox: each stored shopper message starts one assistant turn. Retried (the turn is idempotent)
  // until the shopper has long given up waiting; then the record goes to the failure queue.
  'assistant-turns': {
    ...STREAM_POLICY,
    table: 'Conversations',
    handler: 'assistant',
    batchSize: 10,
    maxBatchingWindowSeconds: 0,
    // Sessions are independent: one slow turn (a model call of seconds) must not hold up the turns of
    // every other shopper whose messages landed on the same shard.
    parallelizationFactor: 10,
    retryAttempts: 100,
    maxRecordAgeSeconds: 900,
    filters: [
      {
        eventName: ['INSERT'],
        dynamodb: { NewImage: { type: { S: ['message'] }, role: { S: ['shopper'] } } },
      },
    ],
  },
  'conversation-stream': {
    ...STREAM_POLICY,
    table: 'Conversations',
    handler: 'conversation-stream',
    maxBatchingWindowSeconds: 1,
    filters: CONVERSATION_ACTIVITY_FILTERS as readonly FilterPattern[],
  },
  // Hand-off changes and messages to connected agents: no batching window and small batches keep a
  // hand-off visible in the console within 2 s.
  'console-stream': {
    ...STREAM_POLICY,
    table: 'Conversations',
    handler: 'console-stream',
    batchSize: 25,
    maxBatchingWindowSeconds: 0,
    filters: CONSOLE_FILTERS as readonly FilterPattern[],
  },
  'analytics-stream': {
    ...STREAM_POLICY,
    table: 'Conversations',
    handler: 'analytics-stream',
    maxBatchingWindowSeconds: 5,
    filters: ANALYTICS_CONVERSATION_FILTERS as readonly FilterPattern[],
  },
  'store-analytics-stream': {
    ...STREAM_POLICY,
    table: 'Store',
    handler: 'store-analytics-stream',
    maxBatchingWindowSeconds: 5,
    filters: STORE_ANALYTICS_FILTERS as readonly FilterPattern[],
  },
} as const satisfies Record<string, StreamMappingSpec>;

export type StreamMappingName = keyof typeof STREAM_MAPPINGS;

export interface ScheduleSpec extends FunctionSizing {
  readonly handler: HandlerModule;
  /** EventBridge `rate(n minutes)`; locally a timer with the same period. */
  readonly rateMinutes: number;
  /** Retries of a failed run (EventBridge target retryAttempts); locally a failed run is logged. */
  readonly retryAttempts: number;
}

export const SCHEDULES = {
  'close-idle-conversations': {
    handler: 'close-idle-conversations',
    rateMinutes: 5,
    // A failed run needs no retry: the next one finds the same idle contacts.
    retryAttempts: 0,
    description: 'closes conversations idle past CONVERSATION_IDLE_MINUTES',
    memorySize: 256,
    timeoutSeconds: 60,
  },
  // "Analytics within a day" (docs/privacy.md): erasures queue their facts' keys, this rewrites them away.
  'erase-queued-facts': {
    handler: 'erase-queued-facts',
    rateMinutes: 1440,
    // A failed entry stays queued and is tried again by the next day's run.
    retryAttempts: 0,
    description: 'rewrites the analytics facts of queued erasures without the customers rows',
    memorySize: 256,
    // Each affected Parquet object is one Athena UNLOAD; what does not fit in a run waits for the next.
    timeoutSeconds: 900,
  },
} as const satisfies Record<string, ScheduleSpec>;

export type ScheduleName = keyof typeof SCHEDULES;

/** Typed entries of a topology record (Object.entries loses the key type). */
export function entriesOf<K extends string, V>(record: Readonly<Record<K, V>>): Array<[K, V]> {
  return Object.entries(record) as Array<[K, V]>;
}
