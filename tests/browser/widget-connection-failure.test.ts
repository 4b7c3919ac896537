import { createServer, type Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { WidgetPage } from './widget-page';

let test: TestStack;
const browsers: ShopperBrowser[] = [];

/**
 * A TCP relay in front of the chat gateway that can be switched off: while down, every connection is
 * cut before the WebSocket handshake, as when the gateway or the network path to it is gone.
 */
class SwitchableRelay {
  down = false;
  private readonly server: Server;
  private readonly open = new Set<Socket>();

  constructor(private readonly target: URL) {
    this.server = createServer((client) => {
      if (this.down) {
        client.destroy();
        return;
      }
      const upstream = new Socket();
      upstream.connect(Number(this.target.port), this.target.hostname);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => b.destroy());
        this.open.add(a);
        a.on('close', () => this.open.delete(a));
      }
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return `ws://127.0.0.1:${port}${this.target.pathname}`;
  }

  cutAll(): void {
    for (const socket of this.open) socket.destroy();
  }

  stop(): Promise<void> {
    this.cutAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function shopper(locale: string) {
  const browser = await openShopperBrowser({ locale });
  browsers.push(browser);
  await browser.page.goto(test.stack.info.webUrl);
  await browser.page.waitForSelector('afterdesk-chat[data-state]');
  return { ...browser, widget: new WidgetPage(browser.page) };
}

const bubbleNote = (widget: WidgetPage, text: string) =>
  widget.page.locator('afterdesk-chat .msg.shopper', { hasText: text }).locator('.note').first();

describe('widget when the chat cannot connect', () => {
  beforeAll(async () => {
    test = await startTestStack();
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await test?.stop();
  });

  it('shows a localised "can\'t connect" state with Retry when the token endpoint fails, then recovers on Retry', async () => {
    const { page, widget } = await shopper('de-DE');
    let tokenDown = true;
    await page.route('**/api/demo/token**', (route) =>
      tokenDown ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
    );
    await widget.launcher().click();
    await widget.waitForState('unavailable');
    const banner = page.locator('afterdesk-chat .trouble');
    await expect(banner.locator('span').textContent()).resolves.toBe(
      'Wir können gerade keine Verbindung zum Kundenservice herstellen.',
    );
    await expect(banner.locator('.retry').textContent()).resolves.toBe('Erneut versuchen');

    // A message typed now is not left on "Sending…": it says it was not sent and offers a retry.
    await widget.send('Wo ist meine Bestellung?');
    await expect(bubbleNote(widget, 'Wo ist meine Bestellung?').textContent()).resolves.toBe(
      'Nicht gesendet — erneut versuchen',
    );

    tokenDown = false;
    await banner.locator('.retry').click();
    await widget.waitForState('online');
    const reply = await widget.replyTo('Wo ist meine Bestellung?');
    expect(reply.role).toBe('assistant');
    expect(await banner.isHidden()).toBe(true);
  });

  it('shows the same state when the socket cannot be opened, turns "Sending…" into "Not sent — retry", and sends it on retry', async () => {
    const relay = new SwitchableRelay(new URL(test.stack.info.websocketUrl));
    const relayUrl = await relay.start();
    try {
      const { page, widget } = await shopper('en-US');
      await page.evaluate((url) => {
        const element = document.querySelector('afterdesk-chat') as HTMLElement;
        element.dataset.websocketUrl = url;
      }, relayUrl);
      await widget.open();
      await widget.send('Where is my order?');
      await widget.replyTo('Where is my order?');

      relay.down = true;
      relay.cutAll();
      await widget.waitForState('unavailable');
      await widget.send('Can I change the address?');
      await expect(bubbleNote(widget, 'Can I change the address?').textContent()).resolves.toBe(
        'Not sent — retry',
      );

      relay.down = false;
      await bubbleNote(widget, 'Can I change the address?').click();
      await widget.waitForState('online');
      const reply = await widget.replyTo('Can I change the address?');
      expect(reply.role).toBe('assistant');
      const bubbles = await widget.bubbles();
      expect(bubbles.filter((bubble) => bubble.text === 'Can I change the address?')).toHaveLength(1);
      expect(bubbles.some((bubble) => bubble.pending)).toBe(false);
    } finally {
      await relay.stop();
    }
  });

  it('lets a guest who is not signed in prove an order, in their language, and chat about it', async () => {
    const { page, widget } = await shopper('es-ES');
    // The storefront says nobody is signed in; the store offers guest access.
    await page.route('**/api/demo/token**', (route) => route.fulfill({ status: 401, body: '{}' }));
    await page.evaluate(() => {
      const element = document.querySelector('afterdesk-chat') as HTMLElement;
      element.dataset.guestUrl = '/api/guest/token';
    });
    await widget.launcher().click();
    await widget.waitForState('guest');
    const form = page.locator('afterdesk-chat form.guest');
    await expect(form.locator('label[for="guest-order"]').textContent()).resolves.toBe('Número de pedido');
    expect(await page.locator('afterdesk-chat form.compose').isHidden()).toBe(true);

    await form.locator('#guest-order').fill('A1007');
    await form.locator('#guest-email').fill('nadie@example.com');
    await form.locator('button').click();
    await expect
      .poll(() => form.locator('.error').textContent())
      .toBe('No encontramos ningún pedido con ese número y correo. Revisa ambos e inténtalo de nuevo.');

    await form.locator('#guest-email').fill('SAM@example.com');
    await form.locator('button').click();
    await widget.waitForState('online');
    await widget.send('¿Dónde está mi pedido A1007?');
    const reply = await widget.replyTo('¿Dónde está mi pedido A1007?');
    expect(reply.text).toContain('A1007');
  });
});
