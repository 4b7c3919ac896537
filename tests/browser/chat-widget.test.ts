import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { WidgetPage } from './widget-page';

let test: TestStack;
const browsers: ShopperBrowser[] = [];

async function shopper(options: Parameters<typeof openShopperBrowser>[0] = {}) {
  const browser = await openShopperBrowser(options);
  browsers.push(browser);
  await browser.page.goto(test.stack.info.webUrl);
  return { ...browser, widget: new WidgetPage(browser.page) };
}

/** Everything the server stored for a session, read over the protocol as a second client would. */
async function storedTexts(sessionId: string): Promise<string[]> {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token('c-ana'),
    session: sessionId,
  });
  try {
    client.sendRaw(JSON.stringify({ action: 'resume', cursor: 0 }));
    await client.waitFor((event) => event.type === 'resumed');
    return client.events.flatMap((event) =>
      event.type === 'message' && event.role === 'shopper' ? [event.text] : [],
    );
  } finally {
    await client.close();
  }
}

const count = (texts: string[], text: string) => texts.filter((each) => each === text).length;

describe('storefront chat widget', () => {
  beforeAll(async () => {
    test = await startTestStack();
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await test?.stop();
  });

  it('answers "Where is my order?" on the demo page in English', async () => {
    const { widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    const reply = await widget.replyTo('Where is my order?');
    expect(reply.role).toBe('assistant');
    expect(reply.text).toContain('JD014600006254');
    expect(await widget.panel().getAttribute('dir')).toBe('ltr');
  });

  it('speaks Arabic right to left when the browser is Arabic', async () => {
    const { widget } = await shopper({ locale: 'ar-SA' });
    await widget.open();
    expect(await widget.panel().getAttribute('dir')).toBe('rtl');
    expect(await widget.panel().getAttribute('lang')).toBe('ar');
    expect(await widget.input().getAttribute('placeholder')).toBe('اكتب رسالة…');
    expect(await widget.page.getByRole('button', { name: 'بدء مكالمة فيديو' }).count()).toBe(1);
    await widget.send('أين طلبي؟');
    const reply = await widget.replyTo('أين طلبي؟');
    expect(reply.role).toBe('assistant');
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('keeps the conversation across a reload, showing each message once', async () => {
    const { page, widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    await widget.replyTo('Where is my order?');
    const session = await widget.storedSession();
    expect(session).toBeTruthy();

    await page.reload();
    await widget.open();
    await widget.replyTo('Where is my order?');
    // A second exchange after the replay: any duplicate of the replay would have arrived before its reply.
    await widget.send('How do I return an item?');
    await widget.replyTo('How do I return an item?');

    expect(await widget.storedSession()).toBe(session);
    const bubbles = await widget.bubbles();
    expect(bubbles.map((bubble) => bubble.role)).toEqual(['shopper', 'assistant', 'shopper', 'assistant']);
    expect(new Set(bubbles.map((bubble) => bubble.cursor)).size).toBe(4);
  });

  it('starts a separate conversation when the demo switches the signed-in shopper', async () => {
    const { page, widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    await widget.replyTo('Where is my order?');

    await page.selectOption('#customer', 'c-sam');
    await widget.waitForState('online');
    await widget.send('How do I return an item?');
    await widget.replyTo('How do I return an item?');

    const texts = (await widget.bubbles()).map((bubble) => bubble.text);
    expect(texts).toHaveLength(2);
    expect(texts).not.toContain('Where is my order?');
    const sessions = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.endsWith(':session'))
        .map((key) => localStorage.getItem(key)),
    );
    expect(new Set(sessions).size).toBe(2);
  });

  it('sends messages typed while offline once each when the network comes back', async () => {
    const { context, widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    await widget.replyTo('Where is my order?');

    await context.setOffline(true);
    await widget.waitForState('offline');
    await widget.send('Is it shipped yet?');
    await widget.send('How do I return an item?');
    const queued = await widget.bubbles();
    expect(queued.filter((bubble) => bubble.pending).map((bubble) => bubble.text)).toEqual([
      'Is it shipped yet?',
      'How do I return an item?',
    ]);

    await context.setOffline(false);
    await widget.replyTo('Is it shipped yet?');
    await widget.replyTo('How do I return an item?');

    const shown = (await widget.bubbles()).map((bubble) => bubble.text);
    expect(count(shown, 'Is it shipped yet?')).toBe(1);
    expect(count(shown, 'How do I return an item?')).toBe(1);
    const stored = await storedTexts((await widget.storedSession()) ?? '');
    expect(count(stored, 'Is it shipped yet?')).toBe(1);
    expect(count(stored, 'How do I return an item?')).toBe(1);
  });
  it('keeps three messages typed offline through a reload and delivers each once when back online', async () => {
    const { context, page, widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    await widget.replyTo('Where is my order?');

    await context.setOffline(true);
    await widget.waitForState('offline');
    const typed = ['Is it shipped yet?', 'Can I change the address?', 'How do I return an item?'];
    for (const text of typed) await widget.send(text);

    // The page must load again, but the chat server stays out of reach until the test lets it through.
    let chatReachable = false;
    await page.routeWebSocket(/.*/, (socket) => {
      if (chatReachable) socket.connectToServer();
      else socket.close({ code: 1006, reason: 'unreachable' });
    });
    await context.setOffline(false);
    await page.reload();
    await widget.launcher().click();
    const waiting = (await widget.bubbles()).filter((bubble) => bubble.pending).map((bubble) => bubble.text);
    expect(waiting).toEqual(typed);

    chatReachable = true;
    for (const text of typed) await widget.replyTo(text);
    const shown = (await widget.bubbles()).map((bubble) => bubble.text);
    const stored = await storedTexts((await widget.storedSession()) ?? '');
    for (const text of typed) {
      expect(count(shown, text), text).toBe(1);
      expect(count(stored, text), text).toBe(1);
    }
  });

  it('shows the same conversation in a second tab of the same browser', async () => {
    const { context, widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    await widget.replyTo('Where is my order?');

    const second = await context.newPage();
    await second.goto(test.stack.info.webUrl);
    const other = new WidgetPage(second);
    await other.open();
    await other.replyTo('Where is my order?');
    expect(await other.storedSession()).toBe(await widget.storedSession());
    await other.send('Is it shipped yet?');
    await other.replyTo('Is it shipped yet?');
    await second.close();
  });

  it('delivers every message exactly once when the server drops the socket mid-conversation', async () => {
    const { widget } = await shopper();
    await widget.open();
    await widget.send('Where is my order?');
    await widget.replyTo('Where is my order?');

    // The connection is cut with no close handshake, then cut again while the next message is in flight.
    expect(test.stack.dropConnections()).toBeGreaterThan(0);
    await widget.send('Is it shipped yet?');
    await widget.replyTo('Is it shipped yet?');
    await widget.send('Can I change the address?');
    test.stack.dropConnections();
    await widget.send('Thank you');
    await widget.replyTo('Can I change the address?');
    await widget.replyTo('Thank you');

    const bubbles = await widget.bubbles();
    const shown = bubbles.filter((bubble) => bubble.role === 'shopper').map((bubble) => bubble.text);
    const stored = await storedTexts((await widget.storedSession()) ?? '');
    expect(shown).toEqual([
      'Where is my order?',
      'Is it shipped yet?',
      'Can I change the address?',
      'Thank you',
    ]);
    expect(stored).toEqual(shown);
    const cursors = bubbles.flatMap((bubble) => (bubble.cursor === undefined ? [] : [bubble.cursor]));
    expect(new Set(cursors).size).toBe(cursors.length);
  });
});
