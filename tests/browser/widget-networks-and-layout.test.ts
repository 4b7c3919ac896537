import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { emulateSlow3G } from './slow-network';
import { WidgetPage } from './widget-page';

let test: TestStack;
let browser: ShopperBrowser | undefined;
// Kept after the run (test-results/ is ignored by git) so a person can look at them.
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

beforeAll(async () => {
  test = await startTestStack();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await test?.stop();
});

describe('the widget on a slow network and on every screen', () => {
  it('loads and answers on Slow 3G, showing the typing state before the answer', async () => {
    browser = await openShopperBrowser();
    const { page } = browser;
    await emulateSlow3G(page);
    const started = Date.now();
    await page.goto(test.stack.info.webUrl, { waitUntil: 'commit' });
    const widget = new WidgetPage(page);
    await widget.open();
    const interactive = Date.now() - started;
    // The indicator may show for only a few milliseconds before the answer: watch for it inside the page.
    await page.evaluate(() => {
      const log = document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector('.log');
      const observer = new MutationObserver(() => {
        if (!log?.querySelector('.msg.typing')) return;
        (window as unknown as { typingSeen: boolean }).typingSeen = true;
        observer.disconnect();
      });
      if (log) observer.observe(log, { childList: true });
    });
    const sentAt = Date.now();
    await widget.send('Where is my order?');
    const reply = await widget.replyTo('Where is my order?');
    const firstReply = Date.now() - sentAt;
    expect(reply.text).toContain('JD014600006254');
    expect(await page.evaluate(() => (window as unknown as { typingSeen?: boolean }).typingSeen)).toBe(true);
    // Figures for docs/benchmarks.md come from bench/widget-network.ts; this prints them for the log only.
    console.log(`Slow 3G: interactive after ${interactive} ms, first reply after ${firstReply} ms`);
    // Once answered, the question is marked as read.
    expect(await page.locator('afterdesk-chat .msg.shopper .read').count()).toBe(1);
  });

  it('fills a phone screen and sits in the corner on a desktop, whatever the storefront CSS', async () => {
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1280, height: 800 }],
    ] as const) {
      browser = await openShopperBrowser({ viewport });
      const { page } = browser;
      await page.goto(test.stack.info.webUrl);
      // A hostile storefront stylesheet: the Shadow DOM must keep the widget as designed.
      await page.addStyleTag({
        content:
          '* { font-size: 40px !important; color: red !important; } button { display: none !important; }',
      });
      const widget = new WidgetPage(page);
      await widget.open();
      await widget.send('Where is my order?');
      await widget.replyTo('Where is my order?');
      const panel = await widget.panel().boundingBox();
      const send = page.locator('afterdesk-chat .send');
      expect(await send.isVisible()).toBe(true);
      expect(await send.evaluate((element) => getComputedStyle(element).fontSize)).toBe('15px');
      if (name === 'phone') expect(panel).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      else {
        expect(panel?.width).toBe(370);
        expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBe(1280 - 20);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `widget-${name}.png`) });
      await browser.close();
      browser = undefined;
    }
  });
});
