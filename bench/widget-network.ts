/**
 * The widget on real and weak networks, in Debian's Chromium against the local stack:
 * - time to interactive on the demo page (navigation to the launcher opening the panel), unthrottled and
 *   on Slow 3G (DevTools' preset for HTTP, the same latency for WebSocket frames: tests/browser/slow-network.ts);
 * - time from pressing Enter to the "typing" indicator and to the first words of the answer;
 * - messages lost or duplicated across 100 forced reconnects (the server cuts the socket after each send).
 *
 *   npx tsx bench/widget-network.ts [--reconnects 100]
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { applyLocalEnvDefaults } from '../local/local-env';
import { openShopperBrowser } from '../tests/browser/chromium';
import { emulateSlow3G } from '../tests/browser/slow-network';
import { WidgetPage } from '../tests/browser/widget-page';
import { startTestStack, type TestStack } from '../tests/support/local-stack';
import { ShopperClient } from '../tests/support/shopper-client';

applyLocalEnvDefaults('ERROR');
// 100 messages in a minute or two: the per-session limit (30/min) would make this a rate-limit benchmark.
process.env.MAX_MESSAGES_PER_MINUTE = '1000';
const { values } = parseArgs({ options: { reconnects: { type: 'string', default: '100' } } });
const RECONNECTS = Number(values.reconnects);
const RUNS = 5;
const QUESTIONS = 10;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ??
  NaN;

async function throttle(page: Page, slow: boolean): Promise<void> {
  if (slow) await emulateSlow3G(page);
}

/** Navigation start to the panel open after a click on the launcher: when a shopper can first use it. */
async function timeToInteractive(test: TestStack, slow: boolean): Promise<number> {
  const browser = await openShopperBrowser();
  try {
    await throttle(browser.page, slow);
    const started = performance.now();
    await browser.page.goto(test.stack.info.webUrl, { waitUntil: 'commit' });
    await browser.page.locator('afterdesk-chat .launcher').click({ timeout: 60_000 });
    await browser.page.locator('afterdesk-chat .panel').waitFor({ state: 'visible' });
    return performance.now() - started;
  } finally {
    await browser.close();
  }
}

/** Enter to the typing indicator and to the first words of the answer, measured inside the page. */
async function replyTimes(test: TestStack, slow: boolean) {
  const browser = await openShopperBrowser();
  const typing: number[] = [];
  const firstWords: number[] = [];
  try {
    await browser.page.goto(test.stack.info.webUrl);
    await throttle(browser.page, slow);
    const widget = new WidgetPage(browser.page);
    await widget.open();
    for (let index = 0; index < QUESTIONS; index++) {
      const text = `Where is my order? (${index})`;
      const times = await browser.page.evaluate(async (question) => {
        const root = document.querySelector('afterdesk-chat')?.shadowRoot;
        const log = root?.querySelector('.log');
        const input = root?.querySelector('textarea');
        if (!log || !input) throw new Error('no widget');
        const before = log.querySelectorAll('.msg.assistant:not(.typing)').length;
        let typingAt: number | undefined;
        const answered = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (typingAt === undefined && log.querySelector('.msg.typing')) typingAt = performance.now();
            const answers = log.querySelectorAll('.msg.assistant:not(.typing)');
            const last = answers[answers.length - 1];
            if (answers.length > before && last?.querySelector('p')?.textContent) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(log, { childList: true, subtree: true, characterData: true });
        });
        input.value = question;
        const sentAt = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        const answeredAt = await answered;
        return { typing: (typingAt ?? answeredAt) - sentAt, firstWords: answeredAt - sentAt };
      }, text);
      typing.push(times.typing);
      firstWords.push(times.firstWords);
    }
  } finally {
    await browser.close();
  }
  return { typing, firstWords };
}

/** Cuts the socket after every message; then compares what the shopper saw with what the server stored. */
async function forcedReconnects(test: TestStack) {
  const browser = await openShopperBrowser();
  try {
    await browser.page.goto(test.stack.info.webUrl);
    const widget = new WidgetPage(browser.page);
    await widget.open();
    let drops = 0;
    const sent: string[] = [];
    for (let index = 1; index <= RECONNECTS; index++) {
      const text = `Where is my order? #${index}`;
      sent.push(text);
      await widget.send(text);
      // Sometimes while the message is in flight, sometimes after its ack.
      await new Promise((resolve) => setTimeout(resolve, (index * 37) % 60));
      // Cut a live socket every time: if the widget is still reconnecting from the last cut, wait for it.
      while (test.stack.dropConnections() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      drops++;
    }
    for (const text of sent) await widget.replyTo(text);
    const shown = (await widget.bubbles()).filter((bubble) => bubble.role === 'shopper').map((b) => b.text);
    const stored = await storedShopperTexts(test, (await widget.storedSession()) ?? '');
    const count = (list: string[], text: string) => list.filter((each) => each === text).length;
    return {
      drops,
      lostOnScreen: sent.filter((text) => count(shown, text) === 0).length,
      duplicatedOnScreen: sent.filter((text) => count(shown, text) > 1).length,
      lostOnServer: sent.filter((text) => count(stored, text) === 0).length,
      duplicatedOnServer: sent.filter((text) => count(stored, text) > 1).length,
      sameOrder: JSON.stringify(shown) === JSON.stringify(stored),
    };
  } finally {
    await browser.close();
  }
}

async function storedShopperTexts(test: TestStack, sessionId: string): Promise<string[]> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token('c-ana'),
    session: sessionId,
  });
  try {
    let cursor = 0;
    for (;;) {
      const from = client.events.length;
      client.sendRaw(JSON.stringify({ action: 'resume', cursor }));
      const resumed = await client.waitFor(
        (event) => client.events.indexOf(event) >= from && event.type === 'resumed',
      );
      if (resumed.type !== 'resumed' || resumed.replayed < 200) break;
      cursor = resumed.cursor;
    }
    return client.events.flatMap((event) =>
      event.type === 'message' && event.role === 'shopper' ? [event.text] : [],
    );
  } finally {
    await client.close();
  }
}

const test = await startTestStack();
try {
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  console.log(`date: ${new Date().toISOString()}\n`);
  console.log(
    '| network | time to interactive (median of 5) | Enter → typing p50 / p95 | Enter → first words p50 / p95 |',
  );
  console.log('|---|---|---|---|');
  for (const slow of [false, true]) {
    const tti: number[] = [];
    for (let run = 0; run < RUNS; run++) tti.push(await timeToInteractive(test, slow));
    const { typing, firstWords } = await replyTimes(test, slow);
    console.log(
      `| ${slow ? 'Slow 3G' : 'loopback, unthrottled'} | ${median(tti).toFixed(0)} ms | ` +
        `${median(typing).toFixed(0)} / ${percentile(typing, 95).toFixed(0)} ms | ` +
        `${median(firstWords).toFixed(0)} / ${percentile(firstWords, 95).toFixed(0)} ms |`,
    );
  }
  const started = performance.now();
  const result = await forcedReconnects(test);
  console.log(`\n${RECONNECTS} forced reconnects in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  console.log(
    `| sockets cut | lost (screen / server) | duplicated (screen / server) | screen = server order |`,
  );
  console.log('|---|---|---|---|');
  console.log(
    `| ${result.drops} | ${result.lostOnScreen} / ${result.lostOnServer} | ` +
      `${result.duplicatedOnScreen} / ${result.duplicatedOnServer} | ${result.sameOrder ? 'yes' : 'NO'} |`,
  );
  if (result.lostOnServer || result.duplicatedOnServer || result.lostOnScreen || result.duplicatedOnScreen)
    process.exitCode = 1;
} finally {
  await test.stop();
}
