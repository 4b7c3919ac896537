import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { ERROR_CODES, type ServerEvent } from '../functions/core/protocol';
import { LocalCustomerFacts } from '../local/analytics/customer-facts';
import { runNamedQuery } from '../local/analytics/duckdb';
import { applyLocalEnvDefaults } from '../local/local-env';
import { startTestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';

/**
 * 10,000 fuzzed frames (malformed Unicode, bad JSON, wrong types, unknown actions, huge cursors, oversized
 * fields) from a hostile shopper, while an innocent shopper keeps asking questions. Counts: frames without a
 * typed answer, errors outside the protocol's codes, whether the stack still answers, the innocent shopper's
 * message facts, and whether the analytics queries answer throughout.
 */
const FRAMES = Number(process.env.BENCH_FRAMES ?? 10_000);
const INNOCENT = Number(process.env.BENCH_INNOCENT ?? 20);

applyLocalEnvDefaults('ERROR');
process.env.MAX_MESSAGES_PER_MINUTE ??= '1000';
process.env.MAX_MESSAGES_PER_CUSTOMER_PER_MINUTE ??= '10000';
process.env.MAX_PINGS_PER_MINUTE ??= '1000';

const SURROGATES = [
  '\ud800',
  '\udfff',
  '\udc00x',
  'a\ud83d',
  '\ud83d\ude00\ud800',
  '\u0000',
  '\uffff',
  '\u202e',
];
let counter = 0;
const rnd = (n: number) => Math.floor(Math.random() * n);
const pickOne = <T>(items: readonly T[]) => items[rnd(items.length)] as T;

function fuzzFrame(): { body: string; expectsAnswer: boolean } {
  counter++;
  const id = `fuzz-${counter.toString().padStart(8, '0')}`;
  const text = `order ${pickOne(SURROGATES)} ${pickOne(SURROGATES)} where`;
  const kinds: Array<() => string> = [
    () => JSON.stringify({ action: 'sendMessage', clientMessageId: id, text }),
    () => `{"action":"sendMessage","clientMessageId":"${id}","text":"hi \\ud800 \\udfff"}`,
    () => JSON.stringify({ action: 'sendMessage', clientMessageId: id, text: 42 }),
    () => JSON.stringify({ action: 'sendMessage', clientMessageId: `${id}\ud800`, text }),
    () => JSON.stringify({ action: 'sendMessage', clientMessageId: id, text: '   ' }),
    () =>
      JSON.stringify({
        action: 'sendMessage',
        clientMessageId: id,
        text,
        attachments: [{ key: '../etc/passwd' }],
      }),
    () => JSON.stringify({ action: 'resume', cursor: pickOne([-1, 1e13, 1.5, '3', null, 2 ** 53]) }),
    () => JSON.stringify({ action: pickOne(['nope', '', '\ud800', 'sendmessage']) }),
    () => pickOne(['not json', '{', '[]', 'null', '"x"', '{"action":', '\ud800']),
    () => JSON.stringify({ action: 'requestUpload', requestId: id, contentType: 'image/gif', bytes: -1 }),
    () => JSON.stringify({ action: 'ping' }),
  ];
  return { body: pickOne(kinds)(), expectsAnswer: true };
}

/** The answer a route gives a frame (replies and replays are pushed besides). */
const isAnswer = (event: ServerEvent) =>
  event.type === 'ack' || event.type === 'error' || event.type === 'pong' || event.type === 'resumed';

const typed = (event: ServerEvent) =>
  event.type !== 'error' || (ERROR_CODES as readonly string[]).includes(event.code);

async function main() {
  const test = await startTestStack();
  const started = new Date().toISOString();
  try {
    const url = test.stack.info.websocketUrl;
    const hostile = await ShopperClient.connect(url, { token: await test.token('c-fuzzer') });
    const innocent = await ShopperClient.connect(url, { token: await test.token('c-innocent') });
    const innocentIds: string[] = [];
    let queriesFailed = 0;
    for (let sent = 0; sent < FRAMES; sent += 500) {
      for (let i = 0; i < 500 && sent + i < FRAMES; i++) hostile.sendRaw(fuzzFrame().body);
      // Wait for this block's answers before the next: one answer per frame.
      await hostile.waitFor(
        () => hostile.events.filter(isAnswer).length >= Math.min(FRAMES, sent + 500),
        600_000,
      );
      if (innocentIds.length < INNOCENT)
        innocentIds.push(innocent.say(`Where is my order A100${innocentIds.length}?`, randomUUID()));
      try {
        await runNamedQuery(test.dataDir, 'top-issues', {
          since: '2020-01-01 00:00:00',
          until: '2100-01-01 00:00:00',
          timezone: 'UTC',
        });
      } catch {
        queriesFailed++;
      }
    }
    await Promise.all(innocentIds.map((id) => innocent.replyTo(id)));
    // The innocent shopper's facts: every question and every answer reaches the Parquet facts.
    const sessionId = (innocent.events.find((event) => event.type === 'ack') as { sessionId: string })
      .sessionId;
    const facts = new LocalCustomerFacts(test.dataDir);
    const footprint = {
      customerId: 'c-innocent',
      principals: ['c-innocent'],
      orderIds: [],
      returnIds: [],
      claimIds: [],
      sessionIds: [sessionId],
    };
    const deadline = Date.now() + 180_000;
    let innocentFacts = 0;
    while (Date.now() < deadline) {
      innocentFacts = (await facts.read(footprint)).message_facts?.length ?? 0;
      if (innocentFacts >= 2 * innocentIds.length) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    hostile.sendRaw('{"action":"ping"}');
    const alive = (await hostile.next((event) => event.type === 'pong', 30_000)).type === 'pong';
    const answers = hostile.events.filter(isAnswer).length - 1;
    const untyped = hostile.events.filter((event) => !typed(event)).length;
    console.log(
      JSON.stringify(
        {
          started,
          finished: new Date().toISOString(),
          loadavg: loadavg().map((value) => Number(value.toFixed(2))),
          frames: FRAMES,
          answers,
          unanswered: FRAMES - answers,
          untypedErrors: untyped,
          internalErrors: hostile.events.filter(
            (event) => event.type === 'error' && event.code === 'internal_error',
          ).length,
          stackAliveAfter: alive,
          innocentQuestions: innocentIds.length,
          innocentFactsExpected: 2 * innocentIds.length,
          innocentFacts,
          queriesFailed,
        },
        null,
        2,
      ),
    );
    await hostile.close();
    await innocent.close();
  } finally {
    await test.stop();
  }
}

await main();
