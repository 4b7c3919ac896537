import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../functions/core/protocol';
import { startTestStack, type TestStack } from '../support/local-stack';
import { ShopperClient } from '../support/shopper-client';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { CAMERA_MAKE, phonePhoto } from './photo-fixture';
import { WidgetPage } from './widget-page';

let test: TestStack;
let browser: ShopperBrowser;

beforeAll(async () => {
  test = await startTestStack();
  browser = await openShopperBrowser();
});

afterAll(async () => {
  await browser?.close();
  await test?.stop();
});

/** The stored shopper messages of a session, read over the protocol as an agent's console would. */
async function storedMessages(sessionId: string) {
  const client = await ShopperClient.connect(test.stack.info.websocketUrl, {
    token: await test.token('c-ana'),
    session: sessionId,
  });
  try {
    client.sendRaw(JSON.stringify({ action: 'resume', cursor: 0 }));
    await client.waitFor((event) => event.type === 'resumed');
    return client.events.filter(
      (event): event is Extract<ServerEvent, { type: 'message' }> =>
        event.type === 'message' && event.role === 'shopper',
    );
  } finally {
    await client.close();
  }
}

describe('a shopper sends a photo from the widget', () => {
  it('shrinks it, strips its EXIF location, uploads it, and the message carries only the reference', async () => {
    const { page } = browser;
    await page.goto(test.stack.info.webUrl);
    const widget = new WidgetPage(page);
    await widget.open();
    const original = await phonePhoto(page);
    expect(original.includes(Buffer.from(CAMERA_MAKE))).toBe(true);

    await widget.input().fill('The zip is broken');
    await page.locator('afterdesk-chat input[type=file]').setInputFiles({
      name: 'IMG_2041.jpg',
      mimeType: 'image/jpeg',
      buffer: original,
    });
    // The shopper sees the photo at once, before the upload finishes.
    await page.waitForSelector('afterdesk-chat .msg.shopper img.photo');
    const reply = await widget.replyTo('The zip is broken');
    expect(reply.role).toBe('assistant');

    const [stored] = await storedMessages((await widget.storedSession()) ?? '');
    expect(stored?.text).toBe('The zip is broken');
    const key = stored?.attachments?.[0]?.key ?? '';
    expect(key).toMatch(/^photos\/[0-9a-f]{16}\/[0-9a-f-]{36}\.(webp|jpg)$/);

    const uploaded = await readFile(join(test.dataDir, 'uploads', key));
    expect(uploaded.length).toBeLessThan(original.length / 4);
    expect(uploaded.includes(Buffer.from('Exif'))).toBe(false);
    expect(uploaded.includes(Buffer.from(CAMERA_MAKE))).toBe(false);
    const size = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes]));
      return { width: bitmap.width, height: bitmap.height };
    }, uploaded.toString('base64'));
    expect(size).toEqual({ width: 1568, height: 1176 });
  });

  it('marks the photo as not sent and says so when the upload is refused', async () => {
    const { page } = browser;
    await page.goto(test.stack.info.webUrl);
    const widget = new WidgetPage(page);
    await widget.open();
    await page.route('**/uploads', (route) => route.fulfill({ status: 403, body: '{"error":"denied"}' }));
    await page.locator('afterdesk-chat input[type=file]').setInputFiles({
      name: 'label.jpg',
      mimeType: 'image/jpeg',
      buffer: await phonePhoto(page, 800, 600),
    });
    await page.waitForSelector('afterdesk-chat .msg.shopper.failed');
    const notice = await page.locator('afterdesk-chat .msg.notice').last().textContent();
    expect(notice).toBe('The photo could not be sent. Please try again.');
    await page.unroute('**/uploads');
  });
});
