import { performance } from 'node:perf_hooks';
import { isClearCut } from '../functions/core/assistant/hybrid-chat-model';
import { DEFAULT_HYBRID_INTENTS } from '../functions/core/assistant/hybrid-intents';
import { runAssistantTurn, SYSTEM_PROMPT } from '../functions/core/assistant/run-turn';
import { AssistantTools } from '../functions/core/assistant/tools';
import { EmbeddedChatModel } from '../functions/core/embedded-model/embedded-chat-model';
import { readHeldOutIntents } from '../models/data';

const HELD_OUT = readHeldOutIntents();

import type { Order } from '../functions/core/orders';

/**
 * Hybrid routing in the cloud, measured on the team's held-out messages (17 languages, every intent) as a
 * stand-in for a seller's traffic mix: what share the embedded model answers alone for a given
 * `hybridIntents` setting, how often it takes a message it should not have (the risk), what the routing
 * check adds to every message, how long the embedded answer takes, and the Bedrock calls and dollars that
 * skipping the LLM saves.
 *
 * Bedrock itself cannot be reached from here, so its side is an estimate: input tokens are the characters
 * of the system prompt, the tool specifications and the message divided by 4 (Anthropic's rule of thumb
 * for Latin script; other scripts cost more tokens, so this understates the saving), two model calls per
 * tool-using turn, 80 output tokens per call, at the on-demand list price of the default model. In a
 * deployed stack the real figures are the ModelCallMsBedrock / ModelCallMsEmbedded and RoutedTo* metrics.
 */
const PRICE_PER_MILLION = { input: 0.8, output: 4 }; // USD, Claude 3.5 Haiku on-demand, us-east-1
const OUTPUT_TOKENS_PER_CALL = 80;
const CALLS_PER_TOOL_TURN = 2;
/** Each routed message is answered this many times, so one garbage collection does not make the p99. */
const TIMING_ROUNDS = 5;
const SETTINGS: ReadonlyArray<readonly string[]> = [
  DEFAULT_HYBRID_INTENTS,
  ['track_order', 'refund_status'],
  ['track_order', 'refund_status', 'cancel_order', 'size_advice'],
];

const order: Order = {
  orderId: 'C7781',
  customerId: 'c-bench',
  email: 'bench@example.com',
  placedAt: '2026-11-01T10:00:00Z',
  country: 'FR',
  currency: 'EUR',
  status: 'shipped',
  items: [{ sku: 'RUN-42-BLK', name: 'Trail runner', quantity: 1, unitPrice: 89.9 }],
  shipment: { carrier: 'DHL', trackingNumber: 'JD014600006254', status: 'in_transit', events: [] },
};
const tools = new AssistantTools(
  {
    getOrder: async (id) => (id === order.orderId ? order : undefined),
    listOrdersForCustomer: async () => [order],
    putOrder: async () => undefined,
  },
  { requestHandoff: async () => 'queued' },
);

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number);
const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(2));

const fixedInputTokens = Math.ceil((SYSTEM_PROMPT.length + JSON.stringify(tools.specs).length) / 4);
const averageMessageTokens = Math.ceil(
  HELD_OUT.reduce((sum, example) => sum + example.text.length, 0) / HELD_OUT.length / 4,
);
const inputTokensPerCall = fixedInputTokens + averageMessageTokens;
const dollarsPerTurn =
  (CALLS_PER_TOOL_TURN *
    (inputTokensPerCall * PRICE_PER_MILLION.input + OUTPUT_TOKENS_PER_CALL * PRICE_PER_MILLION.output)) /
  1_000_000;

async function embeddedTurn(text: string): Promise<void> {
  await runAssistantTurn(
    { model: new EmbeddedChatModel(), tools },
    {
      history: [{ role: 'user', content: [{ type: 'text', text }] }],
      context: { customerId: order.customerId, sessionId: 's-bench-hybrid' },
    },
  );
}

// Warm up once so first-use training and module loading are not charged to the first setting's messages.
isClearCut('where is my order', new Set(['track_order']));
await embeddedTurn('where is my order C7781?');

console.log(`# Hybrid routing — ${new Date().toISOString()} — Node ${process.version}\n`);
console.log(
  `${HELD_OUT.length} held-out messages. Estimated Bedrock input per call: ${inputTokensPerCall} tokens ` +
    `(${fixedInputTokens} system prompt + tool specs, ${averageMessageTokens} message); ` +
    `about $${(dollarsPerTurn * 1000).toFixed(2)} per 1,000 tool-using turns on the LLM.\n`,
);
console.log(
  '| hybridIntents | routed to embedded | of those, labelled one of the intents | routing check p50 / p99 ms | embedded turn p50 / p99 ms | Bedrock calls avoided per 1,000 messages | $ saved per 1,000 messages |',
);
console.log('|---|---|---|---|---|---|---|');

for (const setting of SETTINGS) {
  const intents = new Set(setting);
  const checks: number[] = [];
  const turns: number[] = [];
  let routed = 0;
  let routedCorrectly = 0;
  for (const example of HELD_OUT) {
    const start = performance.now();
    const clearCut = isClearCut(example.text, intents);
    checks.push(performance.now() - start);
    if (!clearCut) continue;
    routed++;
    if (intents.has(example.intent)) routedCorrectly++;
    for (let round = 0; round < TIMING_ROUNDS; round++) {
      const turnStart = performance.now();
      await embeddedTurn(example.text);
      turns.push(performance.now() - turnStart);
    }
  }
  checks.sort((a, b) => a - b);
  turns.sort((a, b) => a - b);
  const share = routed / HELD_OUT.length;
  console.log(
    `| ${setting.join(', ')} | ${(share * 100).toFixed(1)}% (${routed}) | ${
      routed === 0 ? '—' : `${((routedCorrectly / routed) * 100).toFixed(1)}%`
    } | ${ms(percentile(checks, 0.5))} / ${ms(percentile(checks, 0.99))} | ${ms(percentile(turns, 0.5))} / ${ms(
      percentile(turns, 0.99),
    )} | ${Math.round(share * 1000 * CALLS_PER_TOOL_TURN)} | $${(share * 1000 * dollarsPerTurn).toFixed(2)} |`,
  );
}
