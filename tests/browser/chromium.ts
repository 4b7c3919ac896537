import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: playwright-core drives it and never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ShopperBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A shopper's browser with its own fresh profile, so no storage leaks from one test into another. */
export async function openShopperBrowser(
  options: {
    locale?: string;
    viewport?: { width: number; height: number };
    /** Lets a test inject axe-core into a page whose Content-Security-Policy forbids inline scripts. */
    bypassCSP?: boolean;
  } = {},
): Promise<ShopperBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}, and it is missing. Install it: apt-get install -y chromium`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'afterdesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    timezoneId: 'UTC',
    bypassCSP: options.bypassCSP ?? false,
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
