import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { DynamoDbPhotoReadiness } from '../functions/adapters/aws/dynamodb-photo-readiness';
import { readOrCreateSecret } from '../functions/adapters/local/file-signing-secret';
import { sharedOcrWorker } from '../functions/adapters/local/ocr-worker';
import { registerParquetWriter } from '../functions/adapters/local/parquet-analytics-sink';
import {
  CONNECTIONS_TABLE,
  CONVERSATIONS_TABLE,
  IDEMPOTENCY_TABLE,
  STORE_TABLE,
} from '../functions/config/tables';
import {
  entriesOf,
  type FilterPattern,
  SCHEDULES,
  type ScheduleName,
  type ScheduleSpec,
  STREAM_MAPPINGS,
  type StreamMappingName,
  type StreamMappingSpec,
  type StreamTable,
  WEBSOCKET_APIS,
  type WebSocketApiName,
  type WebSocketApiSpec,
} from '../topology';
import type { LocalConfig } from './config';
import { prepareLocalAgents } from './console/agent-api';
import type { DemoAgent } from './console/demo-agents';
import { releaseAbandonedTurns } from './dynamodb/abandoned-turns';
import { ensureTables, tableName } from './dynamodb/create-tables';
import { replayAckJournal } from './dynamodb/replay-ack-journal';
import { startSupervisedDynamoDbLocal } from './dynamodb/supervisor';
import { lambdaContext } from './gateway/lambda-context';
import { StageThrottle, stageThrottleSettings, type ThrottleFrameStyle } from './gateway/stage-throttle';
import { gatewayRoutes, type NamedHandler, namedHandler } from './gateway/topology-routes';
import {
  type GatewayEndpoints,
  type LambdaHandler,
  LocalWebSocketGateway,
} from './gateway/websocket-gateway';
import { loadHandler } from './handler-modules';
import { type RuntimeInfo, removeRuntimeInfo, writeRuntimeInfo } from './runtime-file';
import { seedDemoStore } from './seed/demo-store';
import { type StreamPoller, type StreamPollerSettings, startStreamPoller } from './streams/poller';
import { startWebServer } from './web/server';

export interface LocalStack {
  info: RuntimeInfo;
  /** Each WebSocket API of the topology on its own loopback gateway (`chat` is `info.websocketUrl`). */
  apis: Record<WebSocketApiName, GatewayEndpoints>;
  stop(): Promise<void>;
  /** Resolves when the stream pollers have processed everything written so far. */
  streamsDrained(): Promise<void>;
  /** Cuts every shopper connection abruptly (tests of weak networks); returns how many were cut. */
  dropConnections(): number;
  /** Runs the idle-conversation closer now, as its timer would (resolves when that run is over). */
  closeIdleConversations(): Promise<void>;
  /** What this stack actually registered: gateway routes, pollers and timers (compared with topology/). */
  topology(): LocalTopology;
  /** The seeded demo agents (two agents and a supervisor) and their passwords for this data folder. */
  demoAgents: readonly DemoAgent[];
}

export interface LocalTopology {
  apis: Record<
    WebSocketApiName,
    { authorizer?: string; routes: Record<string, { handler?: string; returnResponse: boolean }> }
  >;
  mappings: Record<StreamMappingName, StreamPollerSettings & { handler: string }>;
  schedules: Record<ScheduleName, { handler: string; intervalMs: number }>;
}

export interface StartOptions {
  /** Keep DynamoDB in memory instead of the data folder (tests). */
  inMemory?: boolean;
  seed?: boolean;
  log?: (line: string) => void;
  /** Gateway quotas can be shortened for tests. */
  idleTimeoutMs?: number;
  /** API Gateway's 2-hour connection lifetime, shortened by tests. */
  maxConnectionMs?: number;
  pollIntervalMs?: number;
  /** Time without a message after which a conversation closes (CONVERSATION_IDLE_MINUTES, default 30). */
  conversationIdleMs?: number;
  /**
   * Fault injection for tests and instrumentation for benchmarks: wraps the handler a topology entry names
   * (a route's, e.g. 'send-message', or a stream mapping's, e.g. 'assistant'), so a test can make
   * invocations fail or crash part-way, as a Lambda would, and a benchmark can attribute work to a handler.
   */
  wrapHandler?: (module: string, handler: LambdaHandler) => LambdaHandler;
  /** How often the idle-conversation closer runs; default its topology rate (as in the cloud). */
  closeIdleIntervalMs?: number;
  /**
   * The WebSocket stages' throttles; default the CDK stage's (lib/stage-throttles.ts). A capacity benchmark
   * raises them, as a deployment may through CDK context, to measure the stack rather than the throttle.
   */
  stageThrottles?: Parameters<typeof stageThrottleSettings>[1];
  /** `api-gateway`: throttled messages get API Gateway's own frame instead of the typed error (tests). */
  stageThrottleFrame?: ThrottleFrameStyle;
}

/**
 * The embedded default: DynamoDB Local, the WebSocket gateway with the real handlers, stream pollers,
 * the web server and the demo seed, all on loopback, in one process plus DynamoDB Local's JVM.
 */
export async function startLocalStack(config: LocalConfig, options: StartOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`stop failed: ${String(error)}`));
  };
  try {
    await mkdir(config.dataDir, { recursive: true });
    const secretFile = join(config.dataDir, 'store-secret');
    const ackJournalFile = join(config.dataDir, 'acked-messages.ndjson');
    await readOrCreateSecret(secretFile);

    const dynamo = await startSupervisedDynamoDbLocal({
      port: config.dynamodbPort,
      dataDir: options.inMemory ? undefined : join(config.dataDir, 'dynamodb'),
      log,
      // In memory a restarted DynamoDB Local is empty: its tables, and the demo data the demo runs on,
      // come back before it is reported up.
      afterRestart: async () => {
        await ensureTables(rawClient, config.tablePrefix);
        if (options.inMemory && options.seed !== false) await seedDemoStore(seedClient, seedTable);
      },
    });
    stops.push(() => dynamo.stop());
    // The one OCR worker the local photo reader starts on the first photo.
    stops.push(() => sharedOcrWorker.stop());
    const rawClient = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: process.env.AWS_REGION ?? 'us-east-1',
    });
    stops.push(async () => rawClient.destroy());
    const seedClient = createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
    const seedTable = tableName(config.tablePrefix, STORE_TABLE);
    await ensureTables(rawClient, config.tablePrefix);
    const tables = {
      store: tableName(config.tablePrefix, STORE_TABLE),
      conversations: tableName(config.tablePrefix, CONVERSATIONS_TABLE),
      connections: tableName(config.tablePrefix, CONNECTIONS_TABLE),
      idempotency: tableName(config.tablePrefix, IDEMPOTENCY_TABLE),
    };
    // Turns a killed process was running can run again now (see releaseAbandonedTurns).
    await releaseAbandonedTurns(rawClient, tables.idempotency);

    const handlers = new Map<string, LambdaHandler>();
    // In the cloud a record reaches its function a poll later; here every function runs in this process,
    // so a mapping without a batching window is told as soon as a function may have written, and its
    // poll interval is only a safety net for writes made outside functions (the CLI, seeding, tests).
    const eager: StreamPoller[] = [];
    const loadNudging = async (module: string): Promise<LambdaHandler> => {
      const handler = await loadHandler(module);
      return async (event, context) => {
        try {
          return await handler(event, context);
        } finally {
          for (const poller of eager) poller.nudge();
        }
      };
    };
    // Handlers load after the environment is set (they read it at cold start); gateways start before that.
    const late = (module: string): NamedHandler =>
      namedHandler(module, (event, context) => {
        const handler = handlers.get(module);
        if (!handler) throw new Error(`handler ${module} is not loaded`);
        return handler(event, context);
      });
    const gateways = {} as Record<WebSocketApiName, LocalWebSocketGateway>;
    const apiEndpoints = {} as Record<WebSocketApiName, GatewayEndpoints>;
    for (const [apiName, api] of entriesOf<WebSocketApiName, WebSocketApiSpec>(WEBSOCKET_APIS)) {
      const gateway = new LocalWebSocketGateway(gatewayRoutes(api, late), {
        port: { chat: config.wsPort, agent: config.agentWsPort ?? 0 }[apiName],
        idleTimeoutMs: options.idleTimeoutMs,
        maxConnectionMs: options.maxConnectionMs,
        throttle: new StageThrottle(
          stageThrottleSettings(api, options.stageThrottles),
          undefined,
          options.stageThrottleFrame,
        ),
        onError: (where, error) =>
          log(`${apiName} gateway ${where}: ${error instanceof Error ? error.message : String(error)}`),
      });
      apiEndpoints[apiName] = await gateway.start();
      stops.push(() => gateway.stop());
      gateways[apiName] = gateway;
    }
    const endpoints = apiEndpoints.chat;
    const gateway = gateways.chat;
    const agentEndpoints = apiEndpoints.agent;
    const localAgents = await prepareLocalAgents(config.dataDir);

    // Before the handlers load: they read the upload endpoint's address at cold start.
    const photoDir = join(config.dataDir, 'uploads');
    const web = await startWebServer({
      port: config.webPort,
      dataDir: config.dataDir,
      websocketUrl: endpoints.websocketUrl,
      secretFile,
      photoDir,
      photoOutcomes: new DynamoDbPhotoReadiness(seedClient, tables.conversations),
      guestToken: late('guest-token'),
      console: {
        agentWebSocketUrl: agentEndpoints.websocketUrl,
        agents: localAgents.agents,
        key: localAgents.key,
        secret: new TextEncoder().encode(await readOrCreateSecret(secretFile)),
        photoDir,
      },
    });
    stops.push(() => web.stop());

    registerParquetWriter((await import('./analytics/duckdb')).writeFacts);
    // Handlers read their configuration once at cold start, exactly as in Lambda, so set it first.
    Object.assign(process.env, {
      AFTERDESK_MODE: 'local',
      STORE_TABLE: tables.store,
      CONVERSATIONS_TABLE: tables.conversations,
      CONNECTIONS_TABLE: tables.connections,
      IDEMPOTENCY_TABLE: tables.idempotency,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      ...Object.fromEntries(
        entriesOf<WebSocketApiName, WebSocketApiSpec>(WEBSOCKET_APIS).map(([apiName, api]) => [
          api.connectionsEndpointEnv,
          apiEndpoints[apiName].connectionsEndpoint,
        ]),
      ),
      SIGNING_SECRET_FILE: secretFile,
      ACK_JOURNAL_FILE: ackJournalFile,
      WEBHOOK_SECRET_FILE: join(config.dataDir, 'webhook-secrets.json'),
      CHAT_MODEL: 'embedded',
      ANALYTICS_DATA_DIR: config.dataDir,
      PHOTO_UPLOAD_URL: web.uploadUrl,
      PHOTO_DIR: photoDir,
      LOCAL_AGENT_ISSUER: new URL('console', web.url).href,
      LOCAL_AGENT_KEY_FILE: localAgents.keyFile,
      CONSOLE_PHOTO_BASE_URL: web.url,
    });
    if (options.conversationIdleMs !== undefined)
      process.env.CONVERSATION_IDLE_MINUTES = String(options.conversationIdleMs / 60_000);
    for (const api of Object.values<WebSocketApiSpec>(WEBSOCKET_APIS)) {
      for (const module of [
        api.authorizer.handler,
        ...Object.values(api.routes).map((route) => route.handler),
      ])
        if (!handlers.has(module)) {
          const loaded = await loadNudging(module);
          handlers.set(module, options.wrapHandler?.(module, loaded) ?? loaded);
        }
    }
    // Guest access is an HTTP route (the web server's /api/guest/token), not a WebSocket route.
    handlers.set('guest-token', await loadNudging('guest-token'));

    const tableNames: Record<StreamTable, string> = {
      Conversations: tables.conversations,
      Store: tables.store,
    };
    /** One event source mapping of the topology, run as Lambda would run it. */
    const startMapping = async (name: StreamMappingName, mapping: StreamMappingSpec) => {
      const loaded = await loadNudging(mapping.handler);
      const handler = options.wrapHandler?.(mapping.handler, loaded) ?? loaded;
      const failureFile = join(config.dataDir, 'failures', `${name}.ndjson`);
      const poller = startStreamPoller({
        endpoint: dynamo.endpoint,
        tableName: tableNames[mapping.table],
        handler: (event: DynamoDBStreamEvent) =>
          handler(event, lambdaContext(name, 60_000)) as Promise<DynamoDBBatchResponse>,
        // A mapping with no batching window (the assistant's) is nudged after every function; the others
        // wait as their window would.
        pollIntervalMs: options.pollIntervalMs ?? 100,
        startingPosition: mapping.startingPosition,
        batchSize: mapping.batchSize,
        parallelizationFactor: mapping.parallelizationFactor,
        maxRetries: mapping.retryAttempts,
        bisectBatchOnError: mapping.bisectBatchOnError,
        maxRecordAgeSeconds: mapping.maxRecordAgeSeconds,
        filters: 'filters' in mapping ? (mapping.filters as readonly FilterPattern[]) : undefined,
        checkpointFile: options.inMemory ? undefined : join(config.dataDir, 'checkpoints', `${name}.json`),
        onFailure: async (records, condition) => {
          await mkdir(join(config.dataDir, 'failures'), { recursive: true });
          const lines = records.map((record) =>
            JSON.stringify({
              at: new Date().toISOString(),
              condition,
              eventID: record.eventID,
              keys: record.dynamodb?.Keys,
            }),
          );
          await appendFile(failureFile, `${lines.join('\n')}\n`);
          log(`${name}: ${records.length} record(s) sent to ${failureFile}`);
        },
      });
      stops.push(() => poller.stop());
      if (mapping.maxBatchingWindowSeconds === 0) eager.push(poller);
      return poller;
    };
    const pollers = {} as Record<StreamMappingName, StreamPoller>;
    for (const [name, mapping] of entriesOf<StreamMappingName, StreamMappingSpec>(STREAM_MAPPINGS))
      pollers[name] = await startMapping(name, mapping);
    // As a created event source mapping is: nothing written from now on is missed (LATEST is taken).
    await Promise.all(Object.values<StreamPoller>(pollers).map((poller) => poller.ready()));
    // After the pollers: a message put back now is a new stream record, and its turn starts from it.
    const replayClient = createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
    const restored = await replayAckJournal(replayClient, tables.conversations, ackJournalFile).finally(() =>
      replayClient.destroy(),
    );
    if (restored > 0)
      log(`${restored} acknowledged message(s) the database had lost were restored from the journal`);

    // The cloud's EventBridge schedules as timers, one run at a time each.
    const scheduleRuns = {} as Record<ScheduleName, () => Promise<void>>;
    const scheduleIntervals = {} as Record<ScheduleName, number>;
    for (const [name, schedule] of entriesOf<ScheduleName, ScheduleSpec>(SCHEDULES)) {
      const handler = await loadNudging(schedule.handler);
      let running: Promise<void> | undefined;
      const run = (): Promise<void> => {
        running ??= Promise.resolve()
          .then(() => handler({} as ScheduledEvent, lambdaContext(name, 60_000)))
          .then(
            () => undefined,
            (error: unknown) => log(`${name}: ${error instanceof Error ? error.message : String(error)}`),
          )
          .finally(() => {
            running = undefined;
          });
        return running;
      };
      const intervalMs =
        (name === 'close-idle-conversations' ? options.closeIdleIntervalMs : undefined) ??
        schedule.rateMinutes * 60_000;
      const timer = setInterval(run, intervalMs);
      timer.unref();
      stops.push(async () => {
        clearInterval(timer);
        await running;
      });
      scheduleRuns[name] = run;
      scheduleIntervals[name] = intervalMs;
    }

    if (options.seed !== false) await seedDemoStore(seedClient, seedTable);

    const info: RuntimeInfo = {
      pid: process.pid,
      websocketUrl: endpoints.websocketUrl,
      connectionsEndpoint: endpoints.connectionsEndpoint,
      webUrl: web.url,
      consoleUrl: new URL('console/', web.url).href,
      agentWebsocketUrl: agentEndpoints.websocketUrl,
      dynamodbEndpoint: dynamo.endpoint,
      tables,
      secretFile,
    };
    await writeRuntimeInfo(config.dataDir, info);
    stops.push(() => removeRuntimeInfo(config.dataDir));

    let stopped: Promise<void> | undefined;
    return {
      info,
      apis: apiEndpoints,
      stop: () => {
        stopped ??= stopAll();
        return stopped;
      },
      streamsDrained: async () => {
        await Promise.all(Object.values<StreamPoller>(pollers).map((poller) => poller.drained()));
      },
      dropConnections: () => gateway.dropAllConnections(),
      closeIdleConversations: scheduleRuns['close-idle-conversations'],
      topology: () => ({
        apis: Object.fromEntries(
          entriesOf(gateways).map(([apiName, api]) => [
            apiName,
            { authorizer: api.authorizerModule, routes: api.routeTable() },
          ]),
        ) as LocalTopology['apis'],
        mappings: Object.fromEntries(
          entriesOf(pollers).map(([name, poller]) => [
            name,
            { ...poller.settings, handler: STREAM_MAPPINGS[name].handler },
          ]),
        ) as LocalTopology['mappings'],
        schedules: Object.fromEntries(
          entriesOf(scheduleIntervals).map(([name, intervalMs]) => [
            name,
            { handler: SCHEDULES[name].handler, intervalMs },
          ]),
        ) as LocalTopology['schedules'],
      }),
      demoAgents: localAgents.agents,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
