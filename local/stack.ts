import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { readOrCreateSecret } from '../functions/adapters/local/file-signing-secret';
import {
  drainAssistantJobs,
  registerAssistantRunner,
} from '../functions/adapters/local/in-process-assistant-queue';
import { sharedOcrWorker } from '../functions/adapters/local/ocr-worker';
import { registerParquetWriter } from '../functions/adapters/local/parquet-analytics-sink';
import { CONNECTIONS_TABLE, CONVERSATIONS_TABLE, STORE_TABLE } from '../functions/config/tables';
import { SHOPPER_VIDEO_ROUTES } from '../lib/video-routes';
import type { LocalConfig } from './config';
import { agentGatewayRoutes, loadConsoleHandlers, prepareLocalAgents } from './console/agent-api';
import type { DemoAgent } from './console/demo-agents';
import { ensureTables, tableName } from './dynamodb/create-tables';
import { startDynamoDbLocal } from './dynamodb/launcher';
import { lambdaContext } from './gateway/lambda-context';
import { type LambdaHandler, LocalWebSocketGateway } from './gateway/websocket-gateway';
import { type RuntimeInfo, removeRuntimeInfo, writeRuntimeInfo } from './runtime-file';
import { seedDemoStore } from './seed/demo-store';
import { startStreamPoller } from './streams/poller';
import { startWebServer } from './web/server';

export interface LocalStack {
  info: RuntimeInfo;
  stop(): Promise<void>;
  /** Resolves when the stream pollers have processed everything written so far. */
  streamsDrained(): Promise<void>;
  /** Cuts every shopper connection abruptly (tests of weak networks); returns how many were cut. */
  dropConnections(): number;
  /** Runs the idle-conversation closer now, as its timer would (resolves when that run is over). */
  closeIdleConversations(): Promise<void>;
  /** The seeded demo agents (two agents and a supervisor) and their passwords for this data folder. */
  demoAgents: readonly DemoAgent[];
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
  /** How often the idle-conversation closer runs; the cloud schedule is every 5 minutes. Default 1 minute. */
  closeIdleIntervalMs?: number;
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
    await readOrCreateSecret(secretFile);

    const dynamo = await startDynamoDbLocal({
      port: config.dynamodbPort,
      dataDir: options.inMemory ? undefined : join(config.dataDir, 'dynamodb'),
    });
    stops.push(() => dynamo.stop());
    // The one OCR worker the local photo reader starts on the first photo.
    stops.push(() => sharedOcrWorker.stop());
    const rawClient = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: process.env.AWS_REGION ?? 'us-east-1',
    });
    stops.push(async () => rawClient.destroy());
    await ensureTables(rawClient, config.tablePrefix);
    const tables = {
      store: tableName(config.tablePrefix, STORE_TABLE),
      conversations: tableName(config.tablePrefix, CONVERSATIONS_TABLE),
      connections: tableName(config.tablePrefix, CONNECTIONS_TABLE),
    };

    const handlers: Record<string, LambdaHandler> = {};
    const late =
      (name: string): LambdaHandler =>
      (event, context) => {
        const handler = handlers[name];
        if (!handler) throw new Error(`handler ${name} is not loaded`);
        return handler(event, context);
      };
    const gateway = new LocalWebSocketGateway(
      {
        authorizer: late('authorizer'),
        $connect: late('connect'),
        $disconnect: late('disconnect'),
        $default: late('default'),
        actions: {
          sendMessage: late('sendMessage'),
          resume: late('resume'),
          requestUpload: late('requestUpload'),
          // Video calls: the same routes as the cloud's; locally they also carry WebRTC signalling.
          ...Object.fromEntries(SHOPPER_VIDEO_ROUTES.map((route) => [route, late('video')])),
        },
        returnResponse: new Set([
          'sendMessage',
          'resume',
          'requestUpload',
          '$default',
          ...SHOPPER_VIDEO_ROUTES,
        ]),
      },
      {
        port: config.wsPort,
        idleTimeoutMs: options.idleTimeoutMs,
        maxConnectionMs: options.maxConnectionMs,
        onError: (where, error) =>
          log(`gateway ${where}: ${error instanceof Error ? error.message : String(error)}`),
      },
    );
    const endpoints = await gateway.start();
    stops.push(() => gateway.stop());
    // The agents' WebSocket API: a second gateway, as the stack has a second API Gateway API.
    const agentGateway = new LocalWebSocketGateway(
      agentGatewayRoutes((name) => late(name)),
      {
        port: config.agentWsPort ?? 0,
        idleTimeoutMs: options.idleTimeoutMs,
        maxConnectionMs: options.maxConnectionMs,
        onError: (where, error) =>
          log(`agent gateway ${where}: ${error instanceof Error ? error.message : String(error)}`),
      },
    );
    const agentEndpoints = await agentGateway.start();
    stops.push(() => agentGateway.stop());
    const localAgents = await prepareLocalAgents(config.dataDir);

    // Before the handlers load: they read the upload endpoint's address at cold start.
    const photoDir = join(config.dataDir, 'uploads');
    const web = await startWebServer({
      port: config.webPort,
      dataDir: config.dataDir,
      websocketUrl: endpoints.websocketUrl,
      secretFile,
      photoDir,
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
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      CONNECTIONS_ENDPOINT: endpoints.connectionsEndpoint,
      SIGNING_SECRET_FILE: secretFile,
      WEBHOOK_SECRET_FILE: join(config.dataDir, 'webhook-secrets.json'),
      CHAT_MODEL: 'embedded',
      ANALYTICS_DATA_DIR: config.dataDir,
      PHOTO_UPLOAD_URL: web.uploadUrl,
      PHOTO_DIR: photoDir,
      AGENT_CONNECTIONS_ENDPOINT: agentEndpoints.connectionsEndpoint,
      LOCAL_AGENT_ISSUER: new URL('console', web.url).href,
      LOCAL_AGENT_KEY_FILE: localAgents.keyFile,
      CONSOLE_PHOTO_BASE_URL: web.url,
    });
    if (options.conversationIdleMs !== undefined)
      process.env.CONVERSATION_IDLE_MINUTES = String(options.conversationIdleMs / 60_000);
    Object.assign(handlers, {
      authorizer: (await import('../functions/handlers/authorizer')).handler,
      connect: (await import('../functions/handlers/connect')).handler,
      disconnect: (await import('../functions/handlers/disconnect')).handler,
      default: (await import('../functions/handlers/default')).handler,
      sendMessage: (await import('../functions/handlers/send-message')).handler,
      resume: (await import('../functions/handlers/resume')).handler,
      requestUpload: (await import('../functions/handlers/request-upload')).handler,
      ...(await loadConsoleHandlers()),
      video: (await import('../functions/handlers/video')).handler,
    });
    const assistant = (await import('../functions/handlers/assistant')).handler;
    registerAssistantRunner((job) => assistant(job, lambdaContext('assistant', 60_000)));
    stops.push(() => drainAssistantJobs());

    /** One event source mapping on a table's stream (Conversations by default), as Lambda would run it. */
    const startMapping = async (name: string, handler: LambdaHandler, tableName = tables.conversations) => {
      const failureFile = join(config.dataDir, 'failures', `${name}.ndjson`);
      const poller = await startStreamPoller({
        endpoint: dynamo.endpoint,
        tableName,
        handler: (event: DynamoDBStreamEvent) =>
          handler(event, lambdaContext(name, 60_000)) as Promise<DynamoDBBatchResponse>,
        pollIntervalMs: options.pollIntervalMs ?? 100,
        startingPosition: 'LATEST',
        checkpointFile: options.inMemory ? undefined : join(config.dataDir, 'checkpoints', `${name}.json`),
        onFailure: async (records, reason) => {
          await mkdir(join(config.dataDir, 'failures'), { recursive: true });
          const lines = records.map((record) =>
            JSON.stringify({
              at: new Date().toISOString(),
              reason,
              eventID: record.eventID,
              keys: record.dynamodb?.Keys,
            }),
          );
          await appendFile(failureFile, `${lines.join('\n')}\n`);
          log(`${name}: ${records.length} record(s) sent to ${failureFile}`);
        },
      });
      stops.push(() => poller.stop());
      return poller;
    };
    const poller = await startMapping(
      'conversation-stream',
      (await import('../functions/handlers/conversation-stream')).handler,
    );
    // A second mapping on the same stream: message facts for analytics (Parquet under dataDir).
    const analyticsPoller = await startMapping(
      'analytics-stream',
      (await import('../functions/handlers/analytics-stream')).handler,
    );
    // The agents' live queue: hand-off changes and messages pushed to connected agents.
    const consolePoller = await startMapping('console-stream', late('console-stream'));
    // The Store stream: return and ticket facts.
    const storePoller = await startMapping(
      'store-analytics-stream',
      (await import('../functions/handlers/store-analytics-stream')).handler,
      tables.store,
    );

    // The cloud's EventBridge schedule as a timer: each close becomes a conversation fact on the stream.
    const closer = (await import('../functions/handlers/close-idle-conversations')).handler;
    let closing: Promise<void> | undefined;
    const closeIdle = (): Promise<void> => {
      closing ??= closer({} as ScheduledEvent, lambdaContext('close-idle-conversations', 60_000))
        .then(
          () => undefined,
          (error: unknown) =>
            log(`close-idle-conversations: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          closing = undefined;
        });
      return closing;
    };
    const closeTimer = setInterval(closeIdle, options.closeIdleIntervalMs ?? 60_000);
    closeTimer.unref();
    stops.push(async () => {
      clearInterval(closeTimer);
      await closing;
    });

    if (options.seed !== false)
      await seedDemoStore(
        createDocumentClient({ region: 'us-east-1', endpoint: dynamo.endpoint }),
        tables.store,
      );

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
      stop: () => {
        stopped ??= stopAll();
        return stopped;
      },
      streamsDrained: async () => {
        await Promise.all([
          poller.drained(),
          analyticsPoller.drained(),
          storePoller.drained(),
          consolePoller.drained(),
        ]);
      },
      dropConnections: () => gateway.dropAllConnections(),
      closeIdleConversations: closeIdle,
      demoAgents: localAgents.agents,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
