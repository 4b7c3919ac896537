import type { Page } from 'playwright-core';

/**
 * Picks the console's language with its visible picker, as an agent would, and waits until the page
 * speaks it. Tests that find controls by their English names choose English first.
 */
export async function chooseConsoleLanguage(page: Page, language: string): Promise<void> {
  await page.locator('#console-language').selectOption(language);
  await page.waitForFunction((code) => document.documentElement.lang === code, language);
}
