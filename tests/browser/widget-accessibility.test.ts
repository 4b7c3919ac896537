import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
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

const focusedInWidget = (widget: WidgetPage) =>
  widget.page.evaluate(() => {
    const host = document.querySelector('afterdesk-chat');
    if (document.activeElement !== host) return undefined;
    const inner = host?.shadowRoot?.activeElement;
    return inner ? `${inner.tagName.toLowerCase()}.${inner.className}` : undefined;
  });

describe('storefront chat widget accessibility', () => {
  beforeAll(async () => {
    test = await startTestStack();
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await test?.stop();
  });

  it('can be opened, used and closed with the keyboard alone', async () => {
    const { page, widget } = await shopper();
    for (let tab = 0; tab < 30 && (await focusedInWidget(widget)) !== 'button.launcher'; tab++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedInWidget(widget)).toBe('button.launcher');

    await page.keyboard.press('Enter');
    expect(await focusedInWidget(widget)).toBe('textarea.');
    expect(await widget.launcher().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.type('Where is my order?');
    await page.keyboard.press('Enter');
    await widget.replyTo('Where is my order?');

    await page.keyboard.press('Escape');
    expect(await widget.panel().isHidden()).toBe(true);
    expect(await focusedInWidget(widget)).toBe('button.launcher');
    expect(await widget.launcher().getAttribute('aria-expanded')).toBe('false');
  });

  for (const locale of ['en-US', 'ar-SA']) {
    it(`has no axe-core violations with a conversation open (${locale})`, async () => {
      const { page, widget } = await shopper({ locale });
      await widget.open();
      const question = locale === 'ar-SA' ? 'أين طلبي؟' : 'Where is my order?';
      await widget.send(question);
      await widget.replyTo(question);
      const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
      await page.addScriptTag({ content: await readFile(axePath, 'utf8') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> } }).axe;
        const results = await axe.run({ include: [['afterdesk-chat']] });
        return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
      });
      expect(violations).toEqual([]);
    });
  }
});

interface AxeResults {
  violations: Array<{ id: string; help: string }>;
}
