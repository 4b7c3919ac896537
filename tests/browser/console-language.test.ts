import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack';
import { openShopperBrowser, type ShopperBrowser } from './chromium';
import { chooseConsoleLanguage } from './console-page';
import { WidgetPage } from './widget-page';

let test: TestStack;
const browsers: ShopperBrowser[] = [];
const WAIT = { timeout: 45_000 };
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS;

async function browser(locale = 'en-US') {
  const opened = await openShopperBrowser({ locale, bypassCSP: true });
  browsers.push(opened);
  return opened;
}

async function axeViolations(page: Page): Promise<string[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ content: await readFile(axePath, 'utf8') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string; help: string }> }> };
      }
    ).axe;
    const results = await axe.run(document);
    return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
  });
}

const html = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** Signs in with labels in the console's current language. */
async function signIn(
  page: Page,
  labels: { email: string; password: string },
  email: string,
  password: string,
) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.locator('#queue').waitFor(WAIT);
}

async function openFirstHandOff(page: Page) {
  await page.locator('#queue li button').first().click(WAIT);
  await page.locator('#reply').waitFor(WAIT);
}

beforeAll(async () => {
  test = await startTestStack();
  // One hand-off waiting in the queue for every agent below.
  const { page } = await browser('es-ES');
  await page.goto(test.stack.info.webUrl);
  await page.selectOption('#customer', 'c-sofia');
  const sofia = new WidgetPage(page);
  await sofia.open();
  await sofia.send('Quiero hablar con una persona, por favor.');
  await sofia.replyTo('Quiero hablar con una persona, por favor.');
}, 180_000);

afterAll(async () => {
  await Promise.all(browsers.map((opened) => opened.close()));
  await test?.stop();
});

describe("the agent console in the agent's own language", () => {
  it('speaks Japanese when the agent picks it, keeps the choice, and stays axe-clean', async () => {
    const [mei] = test.stack.demoAgents;
    if (!mei) throw new Error('demo agents missing');
    const { page } = await browser('en-US');
    await page.goto(test.stack.info.consoleUrl);
    await chooseConsoleLanguage(page, 'ja');
    expect(await page.getByRole('button', { name: 'サインイン' }).count()).toBe(1);
    await signIn(page, { email: 'メールアドレス', password: 'パスワード' }, mei.email, mei.password);

    // The hand-off queue, in Japanese.
    await page.getByRole('heading', { name: '担当者待ち' }).waitFor(WAIT);
    expect(await page.getByRole('list', { name: 'キュー' }).count()).toBe(1);
    await page.locator('#queue li button').first().waitFor(WAIT);
    expect(await page.locator('#queue li button').first().textContent()).toMatch(/注文 [A-Z0-9-]+/);
    expect(await page.locator('#queue li button').first().textContent()).toMatch(/待ち時間/);

    // The conversation view and case panel, in Japanese.
    await openFirstHandOff(page);
    await page.getByRole('button', { name: '引き継ぐ' }).waitFor(WAIT);
    expect(await page.getByRole('list', { name: 'やり取り' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: '返信' }).isDisabled()).toBe(true);
    expect(await page.getByText('返信できるのは担当者だけです。').count()).toBe(1);
    expect(await page.getByRole('heading', { name: '社内メモ' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Take over' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Taking over speaks Japanese too (Mei keeps it: the next agents see it owned), and the choice survives a reload.
    await page.getByRole('button', { name: '引き継ぐ' }).click();
    await page.getByRole('button', { name: 'アシスタントに戻す' }).waitFor(WAIT);
    expect(await page.locator('#ownership').textContent()).toContain('担当：Mei');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/console-ja-open.png`, fullPage: true });
    await page.reload();
    await page.getByRole('heading', { name: '担当者待ち' }).waitFor(WAIT);
    expect(await html(page)).toEqual({ lang: 'ja', dir: 'ltr' });
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/console-ja.png`, fullPage: true });
  }, 300_000);

  it('reads right to left in Arabic, with the queue on the right, and stays axe-clean', async () => {
    const lucas = test.stack.demoAgents[1];
    if (!lucas) throw new Error('demo agents missing');
    const { page } = await browser('en-US');
    await page.goto(test.stack.info.consoleUrl);
    await chooseConsoleLanguage(page, 'ar');
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await signIn(page, { email: 'البريد الإلكتروني', password: 'كلمة المرور' }, lucas.email, lucas.password);

    await page.getByRole('heading', { name: 'بانتظار موظف' }).waitFor(WAIT);
    await page.locator('#queue li button').first().waitFor(WAIT);
    expect(await page.locator('#queue li button').first().textContent()).toMatch(/الطلب/);
    await openFirstHandOff(page);
    await page.locator('#ownership').filter({ hasText: 'المسؤول: Mei' }).waitFor(WAIT);
    expect(await page.getByRole('list', { name: 'سجل المحادثة' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'ملاحظات داخلية' }).count()).toBe(1);
    expect(await page.getByText('لا يردّ إلا المسؤول عن المحادثة.').count()).toBe(1);

    // Right to left: the queue column sits on the right, the case panel on the left, nothing spills over.
    const queue = await page.locator('section[aria-labelledby="queue-title"]').boundingBox();
    const panel = await page.locator('section.panel').boundingBox();
    if (!queue || !panel) throw new Error('console columns missing');
    expect(queue.x).toBeGreaterThan(panel.x);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).toBe(true);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/console-ar.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }, 300_000);

  it("follows the agent's profile language when this browser has no choice, and switches live from the picker", async () => {
    const amira = test.stack.demoAgents[2];
    if (!amira?.locale) throw new Error('a demo agent with a profile language is missing');
    const { page } = await browser('en-US');
    await page.goto(test.stack.info.consoleUrl);
    // Before sign-in the browser's language applies; the profile (Arabic) takes over once she is known.
    expect((await html(page)).lang).toBe('en');
    await signIn(page, { email: 'Email', password: 'Password' }, amira.email, amira.password);
    await page.getByRole('heading', { name: 'بانتظار موظف' }).waitFor(WAIT);
    expect(await html(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    // A choice in the picker redraws the open console in place, without signing out.
    await openFirstHandOff(page);
    await chooseConsoleLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor(WAIT);
    expect(await html(page)).toEqual({ lang: 'en', dir: 'ltr' });
    // A supervisor may hand back what Mei owns.
    expect(await page.getByRole('button', { name: 'Hand back' }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Transcript' }).count()).toBe(1);
  }, 300_000);
});
