import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { DynamoDbConversationRepository } from '../functions/adapters/aws/dynamodb-conversation-repository';
import { readOrCreateSecret } from '../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../functions/core/auth/shopper-token';
import type { StoredMessage } from '../functions/ports/repositories';
import { applyLocalEnvDefaults } from '../local/local-env';
import { readRuntimeInfo } from '../local/runtime-file';
import { ShopperClient } from '../tests/support/shopper-client';

/**
 * kill -9 at random moments after acks (issue 15): `npm start` runs in its own process group (Node and
 * DynamoDB Local's JVM), shoppers send messages without pause, and a random moment after the first ack
 * the whole group is killed with SIGKILL. The stack restarts on the same data folder; every message that
 * was acknowledged must then be stored and, within a bounded wait, answered exactly once.
 *
 *   CRASH_TRIALS=50 CRASH_SHOPPERS=3 npx tsx bench/crash-recovery.ts
 */
applyLocalEnvDefaults('ERROR');
const TRIALS = Number(process.env.CRASH_TRIALS ?? 50);
const SHOPPERS = Number(process.env.CRASH_SHOPPERS ?? 3);
/** After the first ack, the kill comes at a uniformly random moment within this many ms. */
const KILL_WITHIN_MS = Number(process.env.CRASH_KILL_WITHIN_MS ?? 1500);
/** How long a restarted stack may take to answer what was pending. */
const ANSWER_WAIT_MS = Number(process.env.CRASH_ANSWER_WAIT_MS ?? 60_000);
/** Bounded: no new trial starts after this many minutes (the table says how many ran). */
const MAX_MINUTES = Number(process.env.CRASH_MAX_MINUTES ?? 60);

interface Acked {
  customerId: string;
  sessionId: string;
  clientMessageId: string;
  cursor: number;
}

interface RunningStack {
  child: ChildProcess;
  websocketUrl: string;
  dynamodbEndpoint: string;
  conversations: string;
  secret: Uint8Array;
  /** Acknowledged messages the stack put back from its ack journal at start-up (it logs the count). */
  journalRestores: number;
}

/** Every stack started, so none outlives the bench whatever fails. */
const children = new Set<ChildProcess>();
function killAll(): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function startStack(dataDir: string): Promise<RunningStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      AFTERDESK_DATA_DIR: dataDir,
      AFTERDESK_WS_PORT: '0',
      AFTERDESK_WEB_PORT: '0',
      AFTERDESK_DYNAMODB_PORT: '0',
    },
    // Its own process group: SIGKILL to the group takes Node and the JVM down together, as a power cut would.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let journalRestores = 0;
  // Read to the end either way: a full stderr pipe would block the stack.
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    const restored = /(\d+) acknowledged message\(s\) .* restored from the journal/.exec(line);
    if (restored) journalRestores += Number(restored[1]);
    if (process.env.CRASH_DEBUG) console.error(line);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stack did not start within 5 minutes')), 300_000);
    child.once('exit', (code) => reject(new Error(`the stack exited with ${code} while starting`)));
    lines.on('line', (line) => {
      if (!line.startsWith('Afterdesk is ready')) return;
      clearTimeout(timer);
      resolve();
    });
  });
  const info = await readRuntimeInfo(dataDir);
  return {
    child,
    // The replay runs before "ready" is printed, and stderr lines are read as they come.
    get journalRestores() {
      return journalRestores;
    },
    websocketUrl: info.websocketUrl,
    dynamodbEndpoint: info.dynamodbEndpoint,
    conversations: info.tables.conversations,
    secret: new TextEncoder().encode(await readOrCreateSecret(info.secretFile)),
  };
}

function killGroup(stack: RunningStack): Promise<void> {
  return new Promise((resolve) => {
    if (stack.child.exitCode !== null || stack.child.signalCode !== null) return resolve();
    stack.child.once('exit', () => resolve());
    process.kill(-(stack.child.pid as number), 'SIGKILL');
  });
}

/** Shoppers send without pause until the kill; every ack they saw is recorded. */
async function sendUntilKilled(stack: RunningStack, trial: number, acked: Acked[]): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: SHOPPERS }, async (_, index) => {
      const customerId = `crash-${trial}-${index}`;
      const token = await signShopperToken(stack.secret, { customerId }, 600);
      return { customerId, client: await ShopperClient.connect(stack.websocketUrl, { token }) };
    }),
  );
  let firstAck: () => void = () => undefined;
  const firstAcked = new Promise<void>((resolve) => {
    firstAck = resolve;
  });
  let killed = false;
  let sent = 0;
  const loops = clients.map(async ({ customerId, client }) => {
    while (!killed) {
      const clientMessageId = randomUUID();
      client.say('Where is my order?', clientMessageId);
      sent += 1;
      const event = await client
        .waitFor(
          (candidate) =>
            (candidate.type === 'ack' || candidate.type === 'error') &&
            candidate.clientMessageId === clientMessageId,
          5_000,
        )
        .catch(() => undefined);
      if (event?.type !== 'ack') return;
      acked.push({ customerId, sessionId: event.sessionId, clientMessageId, cursor: event.cursor });
      firstAck();
    }
  });
  await firstAcked;
  await new Promise((resolve) => setTimeout(resolve, Math.random() * KILL_WITHIN_MS));
  killed = true;
  await killGroup(stack);
  await Promise.all(loops);
  await Promise.all(clients.map(({ client }) => client.close().catch(() => undefined)));
  return sent;
}

/** After the restart: each acknowledged message stored, and answered once within ANSWER_WAIT_MS. */
async function check(
  stack: RunningStack,
  acked: Acked[],
): Promise<{ lost: number; unanswered: number; doubled: number }> {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamodbEndpoint });
  const conversations = new DynamoDbConversationRepository(db, stack.conversations, 30, 1000);
  const sessions = [...new Set(acked.map((message) => message.sessionId))];
  const transcripts = async () =>
    new Map<string, StoredMessage[]>(
      await Promise.all(
        sessions.map(
          async (sessionId) =>
            [sessionId, await conversations.listMessagesAfter(sessionId, 0, 1000)] as [
              string,
              StoredMessage[],
            ],
        ),
      ),
    );
  const deadline = Date.now() + ANSWER_WAIT_MS;
  let lost = 0;
  let unanswered = 0;
  let doubled = 0;
  for (;;) {
    const all = await transcripts();
    lost = 0;
    unanswered = 0;
    doubled = 0;
    for (const message of acked) {
      const messages = all.get(message.sessionId) ?? [];
      if (!messages.some((stored) => stored.clientMessageId === message.clientMessageId)) lost += 1;
      const replies = messages.filter(
        (stored) => stored.role === 'assistant' && stored.replyTo === message.clientMessageId,
      );
      if (replies.length === 0) unanswered += 1;
      if (replies.length > 1) doubled += 1;
    }
    if ((lost === 0 && unanswered === 0) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // What the store holds around each lost message, so a loss can be explained afterwards: its idempotency
  // key (written in the same transaction), the session's counter and the sequences stored near its cursor.
  const all = await transcripts();
  for (const message of acked) {
    const messages = all.get(message.sessionId) ?? [];
    if (messages.some((stored) => stored.clientMessageId === message.clientMessageId)) continue;
    const pk = `SESSION#${message.sessionId}`;
    const [key, meta] = await Promise.all([
      db.send(
        new GetCommand({
          TableName: stack.conversations,
          Key: { pk, sk: `CMID#${message.clientMessageId}` },
        }),
      ),
      db.send(new GetCommand({ TableName: stack.conversations, Key: { pk, sk: 'META' } })),
    ]);
    console.log(
      `  lost: session ${message.sessionId} cursor ${message.cursor} clientMessageId ${message.clientMessageId}; ` +
        `idempotency key ${key.Item ? `stored (seq ${key.Item.seq})` : 'missing'}; counter ${meta.Item?.seq}; ` +
        `stored seqs ${messages.map((stored) => stored.seq).join(',')}`,
    );
  }
  db.destroy();
  return { lost, unanswered, doubled };
}

const dataDir = await mkdtemp(join(tmpdir(), 'afterdesk-crash-'));
const totals = { acked: 0, sent: 0, lost: 0, unanswered: 0, doubled: 0, restored: 0 };
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
const started = Date.now();
let trials = 0;
let stack = await startStack(dataDir);
try {
  for (let trial = 1; trial <= TRIALS; trial++) {
    if (Date.now() - started > MAX_MINUTES * 60_000) break;
    trials = trial;
    const acked: Acked[] = [];
    totals.sent += await sendUntilKilled(stack, trial, acked);
    stack = await startStack(dataDir);
    const result = await check(stack, acked);
    totals.acked += acked.length;
    totals.lost += result.lost;
    totals.unanswered += result.unanswered;
    totals.doubled += result.doubled;
    totals.restored += stack.journalRestores;
    console.log(
      `trial ${trial}: ${acked.length} acknowledged, ${result.lost} lost, ${result.unanswered} unanswered, ${result.doubled} answered twice, ${stack.journalRestores} restored from the ack journal`,
    );
  }
} finally {
  await killGroup(stack);
  killAll();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(
  `\n| trials | messages sent | acknowledged | lost | unanswered after restart | answered twice | restored from the ack journal | minutes |\n|---|---|---|---|---|---|---|---|\n| ${trials} | ${totals.sent} | ${totals.acked} | ${totals.lost} | ${totals.unanswered} | ${totals.doubled} | ${totals.restored} | ${((Date.now() - started) / 60_000).toFixed(1)} |`,
);
process.exitCode = totals.lost + totals.unanswered + totals.doubled > 0 ? 1 : 0;
