import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { WidgetPage } from './widget-page';

// API Gateway closes a connection after 10 idle minutes; the gateway here does it after 5 s, so real time
// stays short while the page's own clock (Playwright's fake timers) jumps minutes and hours ahead.
const IDLE_TIMEOUT_MS = 5_000;

let test: TestStack;
let browser: ShopperBrowser | undefined;

beforeAll(async () => {
  test = await startTestStack({ idleTimeoutMs: IDLE_TIMEOUT_MS });
});

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await test?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A shopper page whose clock the test controls, counting the sockets it opens and every state shown. */
async function shopper() {
  browser = await openShopperBrowser();
  const { page } = browser;
  await page.addInitScript(() => {
    const scope = window as unknown as { sockets: number; states: string[] };
    scope.sockets = 0;
    scope.states = [];
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        scope.sockets++;
      }
    };
    new MutationObserver(() => {
      const state = document.querySelector('afterdesk-chat')?.getAttribute('data-state');
      if (state && scope.states.at(-1) !== state) scope.states.push(state);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.clock.install();
  await page.goto(test.stack.info.webUrl);
  const widget = new WidgetPage(page);
  await widget.open();
  await widget.send('Where is my order?');
  await widget.replyTo('Where is my order?');
  const observed = () =>
    page.evaluate(() => {
      const scope = window as unknown as { sockets: number; states: string[] };
      return { sockets: scope.sockets, states: [...scope.states] };
    });
  return { page, widget, observed };
}

describe('connection limits the shopper never notices', () => {
  it('heartbeats keep an idle conversation on the same connection past the idle timeout', async () => {
    const { page, widget, observed } = await shopper();
    // On a busy machine the first answer can take longer than the idle timeout: count from here.
    await widget.waitForState('online');
    const before = (await observed()).sockets;
    // Four and a half quiet minutes, four times over, each taking a real 2.5 s: only the ping keeps it open.
    for (let round = 0; round < 4; round++) {
      await sleep(IDLE_TIMEOUT_MS / 2);
      await page.clock.fastForward('04:31');
    }
    await sleep(IDLE_TIMEOUT_MS / 2);
    expect((await observed()).sockets).toBe(before);
    await widget.send('Is it shipped yet?');
    await widget.replyTo('Is it shipped yet?');
    expect((await observed()).sockets).toBe(before);
  });

  it('reconnects at once and silently when the gateway closes an idle connection', async () => {
    const { widget, observed } = await shopper();
    // No heartbeat runs (the page clock stands still), so the gateway closes the socket (1001).
    await sleep(IDLE_TIMEOUT_MS * 2 + 1_000);
    await widget.waitForState('online');
    const after = await observed();
    expect(after.sockets).toBeGreaterThanOrEqual(2);
    expect(after.states).not.toContain('reconnecting');
    await widget.send('Is it shipped yet?');
    await widget.replyTo('Is it shipped yet?');
    const texts = (await widget.bubbles()).map((bubble) => bubble.text);
    expect(texts.filter((text) => text === 'Where is my order?')).toHaveLength(1);
  });

  it('moves to a fresh connection before the 2-hour limit without losing or repeating a message', async () => {
    const { page, widget, observed } = await shopper();
    await page.clock.fastForward('01:50:01');
    await page.waitForFunction(() => (window as unknown as { sockets: number }).sockets >= 2);
    await widget.waitForState('online');
    await widget.send('Can I change the address?');
    await widget.replyTo('Can I change the address?');
    const { states } = await observed();
    expect(states).not.toContain('reconnecting');
    const shopperTexts = (await widget.bubbles())
      .filter((bubble) => bubble.role === 'shopper')
      .map((bubble) => bubble.text);
    expect(shopperTexts).toEqual(['Where is my order?', 'Can I change the address?']);
  });
});
