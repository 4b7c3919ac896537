import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium';
import { chooseConsoleLanguage } from './console-page';

/** Chromium with fake camera and microphone, no permission prompt, and WebRTC allowed on loopback. */
export const FAKE_MEDIA_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export async function openFakeMediaBrowser(): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = await mkdtemp(join(tmpdir(), 'afterdesk-video-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FAKE_MEDIA_ARGS,
    locale: 'en-US',
    viewport: { width: 1100, height: 800 },
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Signs an agent in to the console (local sign-in, Cognito's part) and waits for the live queue. */
export async function signInConsole(page: Page, consoleUrl: string, email: string, password: string) {
  await page.goto(consoleUrl);
  // The tests find controls by their English names: English is chosen, not assumed.
  await chooseConsoleLanguage(page, 'en');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.getByRole('list', { name: 'Queue' }).waitFor({ timeout: 45_000 });
}
