import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { WebSocket } from 'ws';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../../functions/core/auth/shopper-token';
import type { ServerEvent } from '../../functions/core/protocol';
import { applyLocalEnvDefaults } from '../local-env';
import { type LocalStack, startLocalStack } from '../stack';
import { firstFailure, type ObservedTurn, type Scenario } from './conversation-scenario';

export interface TurnResult extends ObservedTurn {
  say: string;
  millis: number;
  failure?: string;
}

export interface ScenarioResult {
  scenario: Scenario & { file: string };
  resolved: boolean;
  /** `turn <n>: <expectation>` for the first turn that failed. */
  failure?: string;
  handoff: boolean;
  turns: TurnResult[];
}

export interface ConversationEnvironment {
  run(scenario: Scenario & { file: string }): Promise<ScenarioResult>;
  stop(): Promise<void>;
}

const REPLY_TIMEOUT_MS = 20_000;

type Reply = Extract<ServerEvent, { type: 'message' } | { type: 'error' }>;

/** One shopper session over the real WebSocket, answering one message at a time. */
class Session {
  private pending?: { clientMessageId: string; resolve: (reply: Reply) => void };
  sessionId?: string;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as ServerEvent;
      if (event.type === 'ack') this.sessionId = event.sessionId;
      const waiting = this.pending;
      if (!waiting) return;
      const answers =
        (event.type === 'message' &&
          event.role === 'assistant' &&
          event.replyTo === waiting.clientMessageId) ||
        (event.type === 'error' && event.clientMessageId === waiting.clientMessageId);
      if (answers) {
        this.pending = undefined;
        waiting.resolve(event as Reply);
      }
    });
  }

  static open(url: string, token: string): Promise<Session> {
    const target = new URL(url);
    target.searchParams.set('token', token);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(target);
      socket.once('open', () => resolve(new Session(socket)));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`connection refused: HTTP ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  ask(text: string, locale?: string): Promise<Reply> {
    const clientMessageId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new Error(`no reply within ${REPLY_TIMEOUT_MS / 1000} s`));
      }, REPLY_TIMEOUT_MS);
      this.pending = {
        clientMessageId,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
      };
      this.socket.send(JSON.stringify({ action: 'sendMessage', clientMessageId, text, locale }));
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

/**
 * Starts the whole local product (in-memory DynamoDB Local, seeded demo store, loopback ports) in a throwaway
 * folder. Everything it starts is stopped by `stop()`, which also removes the folder.
 */
export async function startConversationEnvironment(
  options: { log?: (line: string) => void } = {},
): Promise<ConversationEnvironment> {
  // The handlers' metrics and info logs would bury the report on stdout.
  applyLocalEnvDefaults('ERROR');
  // Scenarios replay the demo shoppers back to back, far faster than a person types: the flood limits
  // guard the product against abuse and are not what the evaluation measures.
  process.env.MAX_MESSAGES_PER_MINUTE ??= '1000';
  process.env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE ??= '10000';
  const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-eval-conversations-'));
  let stack: LocalStack | undefined;
  let secret: Uint8Array;
  try {
    stack = await startLocalStack(
      { dataDir, wsPort: 0, webPort: 0, dynamodbPort: 0, tablePrefix: 'eval' },
      { inMemory: true, pollIntervalMs: 50, log: options.log },
    );
    secret = new TextEncoder().encode(await readOrCreateSecret(stack.info.secretFile));
  } catch (error) {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.info.dynamodbEndpoint,
      region: process.env.AWS_REGION ?? 'us-east-1',
    }),
  );

  const handoffRequested = async (sessionId: string | undefined): Promise<boolean> => {
    if (!sessionId) return false;
    const { Item } = await db.send(
      new GetCommand({
        TableName: stack.info.tables.conversations,
        Key: { pk: `SESSION#${sessionId}`, sk: 'META' },
        ProjectionExpression: 'handoffStatus',
      }),
    );
    return Item?.handoffStatus === 'queued' || Item?.handoffStatus === 'assigned';
  };

  const storeItems = async (): Promise<Array<Record<string, unknown>>> => {
    await stack.streamsDrained();
    const items: Array<Record<string, unknown>> = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({ TableName: stack.info.tables.store, ConsistentRead: true, ExclusiveStartKey }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  };
  const canonical = (item: Record<string, unknown>) => JSON.stringify(item, Object.keys(item).sort());
  const keyOf = (item: Record<string, unknown>) => `${String(item.pk)}\u0000${String(item.sk)}`;

  // A whole-table digest: "nothing changed" has to cover items the scenario did not think of.
  const storeDigest = async (): Promise<string> =>
    createHash('sha256')
      .update((await storeItems()).map(canonical).sort().join('\n'))
      .digest('hex');

  // Every scenario starts from the seeded store: otherwise an earlier scenario's case, return or
  // cancellation changes what a later one is answered, and the figure measures file order, not the NLU.
  let seeded: Map<string, Record<string, unknown>>;
  try {
    seeded = new Map((await storeItems()).map((item) => [keyOf(item), item]));
  } catch (error) {
    db.destroy();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const restoreSeed = async (): Promise<void> => {
    const current = await storeItems();
    const present = new Set<string>();
    for (const item of current) {
      const key = keyOf(item);
      present.add(key);
      const original = seeded.get(key);
      if (!original)
        await db.send(
          new DeleteCommand({ TableName: stack.info.tables.store, Key: { pk: item.pk, sk: item.sk } }),
        );
      else if (canonical(original) !== canonical(item))
        await db.send(new PutCommand({ TableName: stack.info.tables.store, Item: original }));
    }
    for (const [key, item] of seeded)
      if (!present.has(key))
        await db.send(new PutCommand({ TableName: stack.info.tables.store, Item: item }));
    await stack.streamsDrained();
  };

  const run = async (scenario: Scenario & { file: string }): Promise<ScenarioResult> => {
    await restoreSeed();
    const token = await signShopperToken(secret, { customerId: scenario.customer }, 600);
    const session = await Session.open(stack.info.websocketUrl, token);
    const turns: TurnResult[] = [];
    let failure: string | undefined;
    try {
      for (const [index, turn] of scenario.turns.entries()) {
        const before = turn.expect.storeUnchanged ? await storeDigest() : undefined;
        const started = performance.now();
        let reply: Reply | undefined;
        let error: string | undefined;
        try {
          reply = await session.ask(turn.say, scenario.locale);
        } catch (cause) {
          error = cause instanceof Error ? cause.message : String(cause);
        }
        const millis = performance.now() - started;
        const observed: ObservedTurn = {
          text: reply?.type === 'message' ? reply.text : '',
          intent: reply?.type === 'message' ? reply.intent : undefined,
          language: reply?.type === 'message' ? reply.language : undefined,
          handoff: await handoffRequested(session.sessionId),
          storeChanged: before === undefined ? undefined : before !== (await storeDigest()),
          error: error ?? (reply?.type === 'error' ? `${reply.code}: ${reply.message}` : undefined),
        };
        const turnFailure = firstFailure(turn.expect, observed);
        turns.push({ ...observed, say: turn.say, millis, failure: turnFailure });
        if (turnFailure && !failure) failure = `turn ${index + 1}: ${turnFailure}`;
        // A timed-out socket cannot be trusted to pair later replies with their messages.
        if (error) break;
      }
    } finally {
      await session.close();
    }
    return {
      scenario,
      resolved: failure === undefined && turns.length === scenario.turns.length,
      failure,
      handoff: turns.some((turn) => turn.handoff),
      turns,
    };
  };

  let stopped: Promise<void> | undefined;
  return {
    run,
    stop: () => {
      stopped ??= (async () => {
        db.destroy();
        await stack.stop();
        await rm(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

export interface Share {
  key: string;
  resolved: number;
  total: number;
}

export interface ConversationReport {
  results: ScenarioResult[];
  byIntent: Share[];
  byLanguage: Share[];
  /** Scenarios without a pattern are left out. */
  byPattern: Share[];
  handoffShare: number;
  resolvedShare: number;
  p50Millis: number;
  p95Millis: number;
}

function shares(results: ScenarioResult[], keyOf: (result: ScenarioResult) => string): Share[] {
  const groups = new Map<string, Share>();
  for (const result of results) {
    const key = keyOf(result);
    const share = groups.get(key) ?? { key, resolved: 0, total: 0 };
    share.total++;
    if (result.resolved) share.resolved++;
    groups.set(key, share);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Nearest-rank percentile; 0 for no samples. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;
}

export function summarise(results: ScenarioResult[]): ConversationReport {
  const latencies = results.flatMap((result) => result.turns.map((turn) => turn.millis));
  const total = results.length;
  return {
    results,
    byIntent: shares(results, (result) => result.scenario.intent),
    byLanguage: shares(results, (result) => result.scenario.lang),
    byPattern: shares(
      results.filter((result) => result.scenario.pattern),
      (result) => result.scenario.pattern ?? '',
    ),
    handoffShare: total ? results.filter((result) => result.handoff).length / total : 0,
    resolvedShare: total ? results.filter((result) => result.resolved).length / total : 0,
    p50Millis: percentile(latencies, 0.5),
    p95Millis: percentile(latencies, 0.95),
  };
}

/** Runs scenarios one after another: the Store snapshots of `storeUnchanged` need a quiet table. */
export async function runScenarios(
  environment: ConversationEnvironment,
  scenarios: Array<Scenario & { file: string }>,
  onResult: (result: ScenarioResult) => void = () => undefined,
  signal?: AbortSignal,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (signal?.aborted) break;
    let result: ScenarioResult;
    try {
      result = await environment.run(scenario);
    } catch (error) {
      result = {
        scenario,
        resolved: false,
        failure: `could not run: ${error instanceof Error ? error.message : String(error)}`,
        handoff: false,
        turns: [],
      };
    }
    results.push(result);
    onResult(result);
  }
  return results;
}
