import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { ServerEvent } from '../functions/core/protocol';
import { applyLocalEnvDefaults } from '../local/local-env';
import { startTestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';
import { ResumeCursor } from '../web/widget/src/resume-cursor';

/**
 * Two quick messages, a dropped connection right after the second ack, then a resume: does every stored
 * reply reach the shopper? Each trial runs under two rules for the resume cursor — the old one (the highest
 * cursor seen, acks included) and the protocol's contract (web/widget/src/resume-cursor.ts) — on the real
 * local stack. A reply is skipped when the server stored it but the shopper never received it.
 */
const TRIALS = Number(process.env.BENCH_TRIALS ?? 50);
const WAIT_MS = Number(process.env.BENCH_WAIT_MS ?? 4000);

applyLocalEnvDefaults('ERROR');
process.env.MAX_MESSAGES_PER_MINUTE ??= '1000';

type Rule = 'highest-seen' | 'contract';
type Message = Extract<ServerEvent, { type: 'message' }>;

function cursorOf(rule: Rule, events: readonly ServerEvent[]): number {
  if (rule === 'highest-seen')
    return events.reduce(
      (max, event) => ('cursor' in event && event.type !== 'resumed' ? Math.max(max, event.cursor) : max),
      0,
    );
  const cursor = new ResumeCursor();
  for (const event of events) {
    if (event.type === 'ack') cursor.acknowledged(event.clientMessageId, event.cursor);
    if (event.type === 'message') cursor.received(event);
  }
  return cursor.value;
}

const repliesIn = (events: readonly ServerEvent[]) =>
  new Set(
    events
      .filter((event): event is Message => event.type === 'message' && event.role === 'assistant')
      .map((event) => event.cursor),
  );

async function trial(stack: Awaited<ReturnType<typeof startTestStack>>, rule: Rule, index: number) {
  const url = stack.stack.info.websocketUrl;
  const token = await stack.token(`resume-${rule}-${index}`);
  const first = await ShopperClient.connect(url, { token });
  const m1 = first.say('Where is my order A1001?', randomUUID());
  const m2 = first.say('And how do I return the shoes?', randomUUID());
  const ack2 = await first.waitFor((event) => event.type === 'ack' && event.clientMessageId === m2);
  first.socket.terminate();
  const before = [...first.events];
  const sessionId = (ack2 as Extract<ServerEvent, { type: 'ack' }>).sessionId;
  const second = await ShopperClient.connect(url, { token, session: sessionId });
  second.sendRaw(JSON.stringify({ action: 'resume', cursor: cursorOf(rule, before) }));
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  const received = new Set([...repliesIn(before), ...repliesIn(second.events)]);
  await second.close();
  // What the server stored, read on a fresh connection from the start.
  const audit = await ShopperClient.connect(url, { token, session: sessionId });
  audit.sendRaw(JSON.stringify({ action: 'resume', cursor: 0 }));
  await audit.waitFor((event) => event.type === 'resumed');
  const stored = repliesIn(audit.events);
  await audit.close();
  const skipped = [...stored].filter((cursor) => !received.has(cursor)).length;
  const answered = [m1, m2].every((id) =>
    audit.events.some((event) => event.type === 'message' && event.replyTo === id),
  );
  return { skipped, answered };
}

async function main() {
  const stack = await startTestStack();
  try {
    const results: Record<
      Rule,
      { trials: number; skippedReplies: number; trialsWithSkip: number; unanswered: number }
    > = {
      'highest-seen': { trials: 0, skippedReplies: 0, trialsWithSkip: 0, unanswered: 0 },
      contract: { trials: 0, skippedReplies: 0, trialsWithSkip: 0, unanswered: 0 },
    };
    for (let i = 0; i < TRIALS; i++) {
      for (const rule of ['highest-seen', 'contract'] as const) {
        const { skipped, answered } = await trial(stack, rule, i);
        const result = results[rule];
        result.trials++;
        result.skippedReplies += skipped;
        if (skipped > 0) result.trialsWithSkip++;
        if (!answered) result.unanswered++;
      }
    }
    console.log(JSON.stringify({ date: new Date().toISOString(), loadavg: loadavg(), results }, null, 2));
  } finally {
    await stack.stop();
  }
}

await main();
