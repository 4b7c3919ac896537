import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAlertPublisher } from '../../functions/adapters/local/file-alert-publisher';
import { NAMED_QUERIES } from '../../functions/core/analytics/named-queries';
import { startAnalyticsWebServer } from '../support/analytics-fixture';
import { openShopperBrowser, type ShopperBrowser } from './chromium';

let dir: string;
let web: Awaited<ReturnType<typeof startAnalyticsWebServer>>['web'];
let server: Awaited<ReturnType<typeof startAnalyticsWebServer>> | undefined;
let browser: ShopperBrowser | undefined;

beforeAll(async () => {
  server = await startAnalyticsWebServer('afterdesk-analytics-page-');
  ({ dir, web } = server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the local analytics page', () => {
  it('draws every named query for a chosen ISO week, with its table underneath', async () => {
    browser = await openShopperBrowser({ viewport: { width: 1200, height: 900 } });
    const { page } = browser;
    await page.goto(new URL('/analytics', web?.url).href);
    await page.locator('main#queries[aria-busy="false"]').waitFor();
    expect(await page.locator('section[data-query]').count()).toBe(NAMED_QUERIES.length);

    await page.locator('#range').selectOption('week');
    await page.locator('#week').fill('2026-W47');
    await page.locator('#timezone').fill('Europe/Paris');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#period-note').filter({ hasText: 'Europe/Paris' }).waitFor();
    await page.locator('main#queries[aria-busy="false"]').waitFor();

    for (const name of NAMED_QUERIES) {
      const section = page.locator(`section[data-query="${name}"]`);
      expect(await section.getAttribute('data-state'), name).toBe('ready');
      expect(await section.locator('.chart svg.chart').count(), name).toBeGreaterThan(0);
      expect(await section.locator('text.chart-empty').count(), name).toBe(0);
      expect(await section.locator('table tbody tr').count(), name).toBeGreaterThan(0);
    }
    expect(await page.locator('section[data-query="volume-by-hour"] svg[data-chart="heatmap"]').count()).toBe(
      1,
    );
    expect(await page.locator('section[data-query="response-times"] svg[data-chart="line"]').count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    await page.screenshot({ path: join(dir, 'analytics-page.png'), fullPage: true });
  });

  it('shows the server message when the period is wrong', async () => {
    const page = browser?.page;
    if (!page) throw new Error('the first test opens the browser');
    await page.locator('#range').selectOption('7d');
    await page.locator('#timezone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Show' }).click();
    const status = page.locator('section[data-query="top-issues"] .status.error');
    await status.waitFor();
    expect(await status.textContent()).toContain('unknown time zone "Mars/Olympus"');
  });

  it('lists keyword spike alerts in the Alerts section, newest first', async () => {
    const page = browser?.page;
    if (!page) throw new Error('the first test opens the browser');
    const publisher = new FileAlertPublisher(dir, { warn: () => undefined });
    for (const sku of ['LAMP-1', 'MUG-7'])
      await publisher.publish({
        sku,
        defects: ['broken'],
        mentions: 6,
        baseline: 0.25,
        windowStart: '2026-11-20T10:00:00.000Z',
        windowEnd: '2026-11-20T11:00:00.000Z',
        sampleIntents: ['complaint'],
      });
    await page.locator('#timezone').fill('UTC');
    await page.getByRole('button', { name: 'Show' }).click();
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts.locator('.status', { hasText: '2 keyword spikes' }).waitFor();
    expect(await alerts.locator('table tbody tr td:nth-child(3)').allTextContents()).toEqual([
      'MUG-7',
      'LAMP-1',
    ]);
  });
});
