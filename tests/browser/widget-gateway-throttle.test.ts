import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_THROTTLES } from '../../lib/stage-throttles';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { WidgetPage } from './widget-page';

let test: TestStack;
let browser: ShopperBrowser | undefined;

beforeAll(async () => {
  // One sendMessage token, refilled every 5 s, refused with API Gateway's own frame (no type, no id):
  // a second message sent right after the first is throttled as a deployed stage would throttle it.
  test = await startTestStack({
    stageThrottles: { ...DEFAULT_STAGE_THROTTLES, sendMessage: { rateLimit: 0.2, burstLimit: 1 } },
    stageThrottleFrame: 'api-gateway',
  });
  // Starting a stack on a shared 2-core machine can take minutes.
}, 300_000);

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await test?.stop();
});

describe("the widget and API Gateway's own throttle frame", () => {
  it('keeps the refused message, tells the shopper once, and resends it until it is answered', async () => {
    browser = await openShopperBrowser();
    const { page } = browser;
    await page.addInitScript(() => {
      const scope = window as unknown as { gatewayFrames: string[] };
      scope.gatewayFrames = [];
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (event) => {
            if (typeof event.data === 'string' && !JSON.parse(event.data).type)
              scope.gatewayFrames.push(event.data);
          });
        }
      };
    });
    await page.goto(test.stack.info.webUrl);
    const widget = new WidgetPage(page);
    await widget.open();

    await widget.send('Where is my order?');
    await widget.send('Can I change the address?');

    await widget.replyTo('Where is my order?');
    await widget.replyTo('Can I change the address?');
    const frames = await page.evaluate(
      () => (window as unknown as { gatewayFrames: string[] }).gatewayFrames,
    );
    expect(frames.length).toBeGreaterThan(0);
    expect(JSON.parse(frames[0] as string)).toMatchObject({ message: 'Too Many Requests' });
    expect(JSON.parse(frames[0] as string)).not.toHaveProperty('clientMessageId');
    const notices = await page.locator('afterdesk-chat .msg.notice').allTextContents();
    expect(notices).toEqual(['You are sending messages quickly; yours will be sent in a moment.']);
    const shopper = (await widget.bubbles()).filter((bubble) => bubble.role === 'shopper');
    // Each question stored once, neither left pending nor marked failed.
    expect(shopper.map((bubble) => bubble.text)).toEqual(['Where is my order?', 'Can I change the address?']);
    expect(shopper.every((bubble) => !bubble.pending)).toBe(true);
    expect(await page.locator('afterdesk-chat .msg.failed').count()).toBe(0);
  });
});
