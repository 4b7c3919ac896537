import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDocumentClient } from '../functions/adapters/aws/dynamodb-client';
import { DynamoDbOrderRepository } from '../functions/adapters/aws/dynamodb-order-repository';
import type { Order } from '../functions/core/orders';
import { applyLocalEnvDefaults } from '../local/local-env';
import { startTestStack } from '../tests/support/local-stack';
import { customerOf, type LoadRun, percentile, type RunResult, trackingOf } from './chat-load';
import { attributeToHandler, countDynamoDbCalls, dynamoDbCalls, resetDynamoDbCalls } from './dynamodb-calls';

/**
 * Chat latency under load: N shoppers on real WebSockets each ask where their order is, against the whole
 * local stack. Shoppers behave like people: one message at a time, with a random think time between a
 * reply and the next question, sized so that N shoppers offer each TARGET rate of messages per second. A
 * closed-loop run (no think time) then finds the peak rate. The same run measures the floor: the DynamoDB
 * Local round trips one message needs on its critical path, issued raw by the same number of shoppers
 * with the same think times, with no gateway, handler or model in between.
 *
 * The shoppers (and the floor's raw calls) run in a separate process (bench/chat-load.ts), so the load
 * generator does not share the stack's event loop. The stack's process counts every DynamoDB call by
 * handler (bench/dynamodb-calls.ts): calls per message on the critical path (the sendMessage route and the
 * assistant's turn) and off it (the stream consumers).
 */
const MESSAGES_PER_SHOPPER = Number(process.env.BENCH_MESSAGES ?? 20);
const LEVELS = (process.env.BENCH_SHOPPERS ?? '100,200').split(',').map(Number);
const TARGET_RATES = (process.env.BENCH_RATES ?? '100,300').split(',').map(Number);
/** Handlers a shopper waits on between sending and reading the reply. */
const CRITICAL_PATH = new Set(['send-message', 'assistant', 'authorizer', 'connect']);

applyLocalEnvDefaults('ERROR');
// Simulated shoppers send far faster than people; the per-session limit would stop the benchmark.
process.env.MAX_MESSAGES_PER_MINUTE ??= '1000';
process.env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE ??= '1000';

function benchOrder(index: number): Order {
  return {
    orderId: `B${String(index).padStart(4, '0')}`,
    customerId: customerOf(index),
    email: `${customerOf(index)}@example.com`,
    placedAt: '2026-11-20T10:00:00Z',
    country: 'DE',
    currency: 'EUR',
    status: 'shipped',
    items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', size: 'EU 42', quantity: 1, unitPrice: 89.9 }],
    shipment: {
      carrier: 'DHL',
      trackingNumber: trackingOf(index),
      status: 'in_transit',
      estimatedDelivery: '2026-11-28',
      events: [{ at: '2026-11-21T08:00:00Z', location: 'Leipzig, DE', description: 'Departed hub' }],
    },
  };
}

const run = promisify(execFile);
async function load(spec: LoadRun): Promise<RunResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'chat-load.ts')],
    {
      env: { ...process.env, BENCH_LOAD: JSON.stringify(spec) },
      maxBuffer: 64 * 2 ** 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as RunResult;
}

/** Calls per message by handler, command and table, and the totals on and off the critical path. */
function callsPerMessage(messages: number): {
  critical: number;
  off: number;
  streamReads: number;
  table: string[];
} {
  let critical = 0;
  let off = 0;
  let streamReads = 0;
  const table: string[] = [];
  for (const [key, count] of [...dynamoDbCalls()].sort((a, b) => b[1] - a[1])) {
    const [handler = '', command = '', tableName = ''] = key.split('\t');
    const perMessage = count / messages;
    if (CRITICAL_PATH.has(handler)) critical += perMessage;
    else if (handler === 'stream pollers') streamReads += perMessage;
    else off += perMessage;
    if (perMessage >= 0.01)
      table.push(`| ${handler} | ${command} | ${tableName} | ${perMessage.toFixed(2)} |`);
  }
  return { critical, off, streamReads, table };
}

/** CPU seconds a process has used (user + system), from /proc: the emulator runs in its own JVM. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The DynamoDB Local JVM serving this port (the stack's supervisor starts it). */
function emulatorPid(endpoint: string): number | undefined {
  const port = new URL(endpoint).port;
  try {
    const found = execFileSync('pgrep', ['-f', `DynamoDBLocal.*-port ${port}`], { encoding: 'utf8' });
    return Number(found.trim().split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

countDynamoDbCalls();
// The stage's default throttles (sendMessage 50/s, $connect 20/s) would refuse the offered load: the bench
// measures what the stack can carry, so they are raised here as a deployment may raise them.
const UNTHROTTLED = { rateLimit: 100_000, burstLimit: 100_000 };
const test = await startTestStack({
  log: () => undefined,
  wrapHandler: attributeToHandler,
  stageThrottles: { stage: UNTHROTTLED, connect: UNTHROTTLED, sendMessage: UNTHROTTLED },
});
try {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: test.stack.info.dynamodbEndpoint });
  const orders = new DynamoDbOrderRepository(db, test.stack.info.tables.store);
  for (let i = 0; i < Math.max(...LEVELS); i++) await orders.putOrder(benchOrder(i));
  const base = {
    websocketUrl: test.stack.info.websocketUrl,
    secretFile: test.stack.info.secretFile,
    dynamodbEndpoint: test.stack.info.dynamodbEndpoint,
    tables: test.stack.info.tables,
  };

  const cpu = cpus();
  console.log(
    `# Chat latency — ${new Date().toISOString()} — ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}`,
  );
  console.log(
    `${MESSAGES_PER_SHOPPER} messages per shopper, one at a time; embedded model; DynamoDB Local in memory; load generator in its own process.\n`,
  );
  const lines = [
    '| shoppers | load | messages | p50 ms | p99 ms | msg/s | floor p50 ms | floor p99 ms | p50 ÷ floor | p99 ÷ floor | DynamoDB calls/msg (critical path) | (stream consumers) | stream reads/msg (local pollers) | wrong replies |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  // Warm-up, not measured: DynamoDB Local's JIT and ours need a few thousand requests to settle.
  await load({
    ...base,
    mode: 'warmup',
    shoppers: Number(process.env.BENCH_WARMUP_SHOPPERS ?? 50),
    thinkMs: 0,
    messages: Number(process.env.BENCH_WARMUP_ROUNDS ?? 40),
  });
  // The stream pollers must not still be working on warm-up messages while the first run is measured.
  await test.stack.streamsDrained();

  const runs = LEVELS.flatMap((shoppers) => [
    ...TARGET_RATES.map((rate) => ({
      shoppers,
      thinkMs: (shoppers / rate) * 1000,
      load: `${rate} msg/s offered`,
    })),
    ...(process.env.BENCH_CLOSED_LOOP === '0' ? [] : [{ shoppers, thinkMs: 0, load: 'closed loop' }]),
  ]);
  const emulator = emulatorPid(test.stack.info.dynamodbEndpoint);
  const cpuNow = () => ({
    stack: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    emulator: emulator ? processCpuSeconds(emulator) : Number.NaN,
  });
  for (const each of runs) {
    resetDynamoDbCalls();
    const cpuBefore = cpuNow();
    const e2e = await load({
      ...base,
      mode: 'e2e',
      shoppers: each.shoppers,
      thinkMs: each.thinkMs,
      messages: MESSAGES_PER_SHOPPER,
    });
    await test.stack.streamsDrained();
    const cpuAfter = cpuNow();
    // Each shopper's 'hello' before measuring is a message too.
    const handled = e2e.latencies.length + each.shoppers;
    const calls = callsPerMessage(handled);
    const cpuPerMessage = {
      stack: ((cpuAfter.stack - cpuBefore.stack) * 1000) / handled,
      emulator: ((cpuAfter.emulator - cpuBefore.emulator) * 1000) / handled,
    };
    const floor = await load({
      ...base,
      mode: 'floor',
      shoppers: each.shoppers,
      thinkMs: each.thinkMs,
      messages: MESSAGES_PER_SHOPPER,
    });
    const [p50, p99, f50, f99] = [
      percentile(e2e.latencies, 50),
      percentile(e2e.latencies, 99),
      percentile(floor.latencies, 50),
      percentile(floor.latencies, 99),
    ];
    lines.push(
      `| ${each.shoppers} | ${each.load} | ${e2e.latencies.length} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${e2e.steadyRate.toFixed(0)} | ${f50.toFixed(1)} | ${f99.toFixed(1)} | ${(p50 / f50).toFixed(2)} | ${(p99 / f99).toFixed(2)} | ${calls.critical.toFixed(2)} | ${calls.off.toFixed(2)} | ${calls.streamReads.toFixed(2)} | ${e2e.wrong} |`,
    );
    console.log(lines.at(-1));
    console.log(
      `CPU per message, until the stream consumers were drained: stack process ${cpuPerMessage.stack.toFixed(1)} ms, DynamoDB Local ${cpuPerMessage.emulator.toFixed(1)} ms`,
    );
    console.log(['| handler | call | table | per message |', '|---|---|---|---|', ...calls.table].join('\n'));
  }
  console.log(`\n${lines.join('\n')}`);
  console.log(
    `\nload average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}`,
  );
} finally {
  await test.stop();
}
