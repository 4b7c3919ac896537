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
const WAIT_MS = 30_000;

async function browser(locale = 'en-US') {
  const opened = await openShopperBrowser({ locale, bypassCSP: true });
  browsers.push(opened);
  return opened;
}

async function shopper(customerId: string, locale: string) {
  const { page } = await browser(locale);
  await page.goto(test.stack.info.webUrl);
  await page.selectOption('#customer', customerId);
  const widget = new WidgetPage(page);
  await widget.open();
  return widget;
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

/** Signs in with the keyboard alone: Tab to the fields, type, Enter. */
async function signInByKeyboard(page: Page, email: string, password: string) {
  await page.goto(test.stack.info.consoleUrl);
  await page.locator('#console-language').waitFor({ timeout: WAIT_MS });
  // This test finds controls by their English names, so it says English rather than relying on defaults.
  await chooseConsoleLanguage(page, 'en');
  await page.getByLabel('Email').focus();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('list', { name: 'Queue' }).waitFor({ timeout: WAIT_MS });
}

const agentBubbles = (widget: WidgetPage) =>
  widget.bubbles().then((bubbles) => bubbles.filter((bubble) => bubble.role === 'agent'));

beforeAll(async () => {
  test = await startTestStack();
});

afterAll(async () => {
  await Promise.all(browsers.map((opened) => opened.close()));
  await test?.stop();
});

describe('agent console beside the shopper widget', () => {
  it('shows hand-offs live (angrier first), lets one agent take over, reply and hand back, and stays axe-clean', async () => {
    const [mei, lucas] = test.stack.demoAgents;
    if (!mei || !lucas) throw new Error('demo agents missing');
    const agent = (await browser('en-US')).page;
    await signInByKeyboard(agent, mei.email, mei.password);
    const queue = agent.getByRole('list', { name: 'Queue' });

    // Two hand-offs in two languages: a calm Spanish one first, then an angry French one.
    const sofia = await shopper('c-sofia', 'es-ES');
    await sofia.send('Quiero hablar con una persona, por favor.');
    await sofia.replyTo('Quiero hablar con una persona, por favor.');
    const ana = await shopper('c-ana', 'fr-FR');
    await ana.send('C’est inacceptable, colis perdu, je veux parler à un humain immédiatement !');
    await ana.replyTo('C’est inacceptable, colis perdu, je veux parler à un humain immédiatement !');

    await agent.waitForFunction(
      () => document.querySelectorAll('ul[aria-label="Queue"] li button').length >= 2,
      undefined,
      { timeout: WAIT_MS },
    );
    const items = await queue.getByRole('listitem').allTextContents();
    expect(items[0]).toMatch(/fr · /);
    expect(items[1]).toMatch(/es · /);
    expect(items[0]).toMatch(/Order [A-Z0-9-]+/);

    // Mei takes over the French conversation and replies with Enter.
    await queue.getByRole('button').first().click();
    await agent.getByRole('button', { name: 'Take over' }).click();
    await agent.getByRole('button', { name: 'Hand back' }).waitFor({ timeout: WAIT_MS });
    await ana.page.waitForFunction(
      () => (document.querySelector('afterdesk-chat') as HTMLElement | null)?.dataset.handoff === 'joined',
      undefined,
      { timeout: WAIT_MS },
    );
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Bonjour Ana, je regarde votre colis tout de suite.');
    await reply.press('Enter');
    await ana.page.waitForFunction(
      () =>
        Array.from(
          document.querySelector('afterdesk-chat')?.shadowRoot?.querySelectorAll('.msg.agent p') ?? [],
        ).some((p) => p.textContent?.includes('je regarde votre colis')),
      undefined,
      { timeout: WAIT_MS },
    );
    expect((await agentBubbles(ana)).map((bubble) => bubble.text)).toContain(
      'Bonjour Ana, je regarde votre colis tout de suite.',
    );

    // The shopper's follow-up reaches the console, labelled untranslated (no model locally); the assistant stays silent.
    await ana.send('Merci, j’attends votre réponse.');
    const followUp = agent
      .getByRole('list', { name: 'Transcript' })
      .getByText('Merci, j’attends votre réponse.');
    await followUp.waitFor({ timeout: WAIT_MS });
    expect(await agent.getByText(/Untranslated \(fr\)/).count()).toBeGreaterThan(0);
    await test.stack.streamsDrained();
    const afterFollowUp = await ana.bubbles();
    const asked = afterFollowUp.find((bubble) => bubble.text === 'Merci, j’attends votre réponse.');
    expect(
      afterFollowUp.filter((bubble) => bubble.role === 'assistant' && bubble.replyTo === asked?.clientId),
    ).toEqual([]);
    expect(await axeViolations(agent)).toEqual([]);

    // A second agent sees who owns it and cannot reply.
    const other = (await browser('en-US')).page;
    await signInByKeyboard(other, lucas.email, lucas.password);
    await other
      .getByRole('list', { name: 'Queue' })
      .getByRole('button')
      .filter({ hasText: 'owner Mei' })
      .click();
    await other.getByText(/Owner: Mei/).waitFor({ timeout: WAIT_MS });
    expect(await other.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    expect(await other.getByRole('button', { name: 'Take over' }).count()).toBe(0);

    // Hand back: the widget says so and the assistant answers again.
    await agent.getByRole('button', { name: 'Hand back' }).click();
    await ana.page.waitForFunction(
      () =>
        (document.querySelector('afterdesk-chat') as HTMLElement | null)?.dataset.handoff === 'handed_back',
      undefined,
      { timeout: WAIT_MS },
    );
    await ana.send('Où est ma commande ?');
    const answer = await ana.replyTo('Où est ma commande ?');
    expect(answer.role).toBe('assistant');
  }, 300_000);
});
