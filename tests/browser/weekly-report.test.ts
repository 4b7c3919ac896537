import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantWeeklyFacts } from '../support/analytics-fixture';
import { openShopperBrowser, type ShopperBrowser } from './chromium';

const run = promisify(execFile);
let dir: string;
let report: string;
let browser: ShopperBrowser | undefined;

const SECTIONS = ['changes', 'top-issues', 'keyword-alerts', 'returns', 'fcr', 'response-times', 'staffing'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'afterdesk-report-'));
  await plantWeeklyFacts(join(dir, 'data'));
  const { stdout } = await run(
    process.execPath,
    [
      'bin/afterdesk.mjs',
      'report',
      '--week',
      '2026-W47',
      '--timezone',
      'Europe/Paris',
      '--out',
      join(dir, 'w47.html'),
    ],
    { env: { ...process.env, AFTERDESK_DATA_DIR: join(dir, 'data') }, timeout: 60_000 },
  );
  report = stdout.trim();
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the weekly HTML report in Chromium', () => {
  it('is one file at the printed path', async () => {
    expect(report).toBe(join(dir, 'w47.html'));
    expect((await stat(report)).size).toBeGreaterThan(10_000);
  });

  it('renders a chart in every section, with no request leaving the page', async () => {
    browser = await openShopperBrowser({ viewport: { width: 1100, height: 900 } });
    const { page, context } = browser;
    const requested = new Set<string>();
    // Aborted as well as recorded, so a leak fails the assertion below instead of reaching the network.
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    page.on('request', (request) => requested.add(request.url()));
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    expect(await page.title()).toBe('Afterdesk weekly report 2026-W47');

    for (const id of SECTIONS) {
      const section = page.locator(`section#${id}`);
      await expect.poll(() => section.count(), { message: id }).toBe(1);
      if (id === 'changes') {
        expect(await section.locator('.kpi').count()).toBeGreaterThanOrEqual(8);
        continue;
      }
      const charts = section.locator('svg.chart');
      expect(await charts.count(), id).toBeGreaterThan(0);
      const box = await charts.first().boundingBox();
      expect(box?.width, id).toBeGreaterThan(200);
      expect(box?.height, id).toBeGreaterThan(20);
      expect(await section.locator('text.chart-empty').count(), `${id} has data`).toBe(0);
    }
    expect(await page.locator('#staffing svg[data-chart="heatmap"] g.cell').count()).toBe(7 * 24);
    expect(await page.locator('#fcr svg[data-chart="line"] circle').count()).toBeGreaterThan(0);
    expect(await page.locator('#keyword-alerts table').textContent()).toContain('TEE-M-RED');

    // The fixture's SKU and message text are <img onerror> markup: shown as text, never as elements.
    expect(await page.locator('img, script, iframe, link').count()).toBe(0);
    expect(await page.locator('#returns table').textContent()).toContain(
      '<img src="http://127.0.0.1:9/x.png"',
    );
    expect([...requested]).toEqual([pathToFileURL(report).href]);

    const shot = join(dir, 'weekly-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('afterdesk report output files', () => {
  it('writes reports/afterdesk-<week>.html under the working folder by default, and a PDF with --pdf', async () => {
    const cwd = join(dir, 'work');
    await mkdir(cwd, { recursive: true });
    const { stdout } = await run(
      process.execPath,
      [join(process.cwd(), 'bin/afterdesk.mjs'), 'report', '--week', '2026-W46', '--pdf'],
      { cwd, env: { ...process.env, AFTERDESK_DATA_DIR: join(dir, 'data') }, timeout: 60_000 },
    );
    const html = join(cwd, 'reports', 'afterdesk-2026-W46.html');
    const pdf = join(cwd, 'reports', 'afterdesk-2026-W46.pdf');
    expect(stdout.trim().split('\n')).toEqual([html, pdf]);
    expect(await readFile(html, 'utf8')).toContain('<title>Afterdesk weekly report 2026-W46</title>');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('afterdesk report arguments', () => {
  it('refuses a week that does not exist and an unknown time zone, exit code 2', async () => {
    for (const [args, message] of [
      [['--week', '2025-W53'], /2025 has weeks 1 to 52/],
      [['--week', '2026-W47', '--timezone', 'Mars/Olympus'], /unknown time zone/],
      [[], /--week <YYYY-Www> is required/],
    ] as const) {
      const failed = await run(process.execPath, ['bin/afterdesk.mjs', 'report', ...args], {
        env: { ...process.env, AFTERDESK_DATA_DIR: join(dir, 'data') },
        timeout: 60_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code, args.join(' ')).toBe(2);
      expect(failed.stderr).toMatch(message);
    }
  });
});
