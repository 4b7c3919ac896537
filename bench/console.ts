import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { AgentEvent } from '../functions/core/console/agent-protocol';
import type { ServerEvent } from '../functions/core/protocol';
import { openShopperBrowser } from '../tests/browser/chromium';
import { AgentClient, signInAgent } from '../tests/support/agent-client';
import { startTestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';
import { buildConsole, CONSOLE_HTML } from '../web/console/build';

/**
 * The agent console's figures (docs/benchmarks.md): hand-off → visible in the console, agent message →
 * shown to the shopper, the console's gzipped initial load and its time to a usable sign-in form.
 * Bounded: ROUNDS hand-offs on one local stack, one Chromium load.
 */
// DynamoDB Local accepts any static credentials; without them the SDK's provider chain fails before the stack
// starts (the test setup sets the same values).
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_EC2_METADATA_DISABLED ??= 'true';

const ROUNDS = Number(process.env.CONSOLE_BENCH_ROUNDS ?? 10);
const SHOPPERS = ['c-ana', 'c-jonas', 'c-sofia', 'c-mei', 'c-minjun', 'c-sam'];

const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const bundle = await buildConsole();
const html = readFileSync(CONSOLE_HTML);
const gzipped = gzipSync(bundle, { level: 9 }).length + gzipSync(html, { level: 9 }).length;

const test = await startTestStack();
try {
  const [demo] = test.stack.demoAgents;
  if (!demo) throw new Error('no demo agent');
  const agent = await AgentClient.connect(
    test.stack.info.agentWebsocketUrl,
    await signInAgent(test.stack.info.webUrl, demo.email, demo.password),
  );
  await agent.request({ action: 'setPresence', status: 'online' });
  const visible: number[] = [];
  const delivered: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const customerId = SHOPPERS[round % SHOPPERS.length] ?? 'c-ana';
    const shopper = await ShopperClient.connect(test.stack.info.websocketUrl, {
      token: await test.token(customerId),
    });
    const reply = await shopper.ask('Hello');
    const sessionId = reply.sessionId;
    // From the shopper's message to the entry on the agent's socket: turn, hand-off write, stream, push.
    const asked = performance.now();
    shopper.say('I want to talk to a human, please.');
    await agent.waitFor(
      (event: AgentEvent) =>
        event.type === 'queueEntry' && event.entry.sessionId === sessionId && event.isNew,
      30_000,
    );
    visible.push(performance.now() - asked);
    await agent.request({ action: 'takeOver', sessionId });
    const sent = performance.now();
    const text = `Hello, this is Mei (${round}).`;
    await agent.request({ action: 'reply', sessionId, text });
    await shopper.waitFor(
      (event: ServerEvent) => event.type === 'message' && event.role === 'agent' && event.text === text,
    );
    delivered.push(performance.now() - sent);
    await agent.request({ action: 'handBack', sessionId });
    await shopper.close();
  }
  await agent.close();

  const browser = await openShopperBrowser();
  const loads: number[] = [];
  try {
    for (let load = 0; load < 3; load++) {
      const started = performance.now();
      await browser.page.goto(test.stack.info.consoleUrl);
      await browser.page.getByRole('button', { name: 'Sign in' }).waitFor();
      loads.push(performance.now() - started);
    }
  } finally {
    await browser.close();
  }

  const round = (value: number) => Math.round(value);
  console.log(`console initial load: ${gzipped} bytes gzipped (index.html + console.js)`);
  console.log(
    `hand-off → visible in console: p50 ${round(median(visible))} ms, p95 ${round(p95(visible))} ms (n=${visible.length})`,
  );
  console.log(
    `agent message → shown to shopper: p50 ${round(median(delivered))} ms, p95 ${round(p95(delivered))} ms (n=${delivered.length})`,
  );
  console.log(
    `console to a usable sign-in form (Chromium, local): median ${round(median(loads))} ms of ${loads.length}`,
  );
  console.log(
    `load average: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await test.stop();
}
