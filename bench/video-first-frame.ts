import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { openFakeMediaBrowser, signInConsole } from '../tests/browser/video-pages';
import { startTestStack } from '../tests/support/local-stack';

/**
 * Tap → first remote frame on both sides of a local call (docs/benchmarks.md): a shopper taps
 * `Start video call` in the widget, an agent taps `Accept video call` in the console, both in Chromium with
 * fake cameras; each side measures from its own tap to its first decoded remote frame. Bounded: CALLS calls
 * (20 by default, the figure; VIDEO_BENCH_CALLS=5 on a shared machine) on one local stack, each wait
 * capped at 60 s. Each side also reports its milestones (join, module, media, peer, offer/answer, connected)
 * in ms from its tap, so the report says where the time goes.
 *
 *   npx tsx bench/video-first-frame.ts
 */
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_EC2_METADATA_DISABLED ??= 'true';

const CALLS = Number(process.env.VIDEO_BENCH_CALLS ?? 20);
const WAIT = { timeout: 60_000 };

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * p) - 1)] ?? Number.NaN;

const widgetCall = (page: Page) =>
  page.evaluate(() => {
    const area = document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call');
    return { ...(area?.dataset ?? {}) };
  });
const consoleCall = (page: Page) =>
  page.evaluate(() => ({ ...((document.querySelector('.call') as HTMLElement | null)?.dataset ?? {}) }));

const loadAtStart = loadavg();
const test = await startTestStack();
const shopper = await openFakeMediaBrowser();
const agent = await openFakeMediaBrowser();
const shopperMs: number[] = [];
const agentMs: number[] = [];
const shopperMarks: Array<Record<string, number>> = [];
const agentMarks: Array<Record<string, number>> = [];
try {
  const [mei] = test.stack.demoAgents;
  if (!mei) throw new Error('no demo agent');
  await signInConsole(agent.page, test.stack.info.consoleUrl, mei.email, mei.password);
  await shopper.page.goto(test.stack.info.webUrl);
  await shopper.page.locator('afterdesk-chat .launcher').click();
  await shopper.page.waitForSelector('afterdesk-chat[data-state="online"]', WAIT);

  for (let call = 0; call < CALLS; call++) {
    // Forget the previous call's figures so each round waits for its own.
    await shopper.page.evaluate(() => {
      const area = document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call');
      if (area) delete area.dataset.firstFrameMs;
    });
    await agent.page.evaluate(() => {
      const area = document.querySelector('.call') as HTMLElement | null;
      if (area) delete area.dataset.firstFrameMs;
    });
    await shopper.page.getByRole('button', { name: 'Start video call' }).click();
    if (call === 0) await agent.page.locator('ul[aria-label="Queue"] li button').first().click(WAIT);
    await agent.page.getByRole('button', { name: 'Accept video call' }).click(WAIT);
    await shopper.page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .firstFrameMs,
      undefined,
      WAIT,
    );
    await agent.page.waitForFunction(
      () => (document.querySelector('.call') as HTMLElement | null)?.dataset.firstFrameMs,
      undefined,
      WAIT,
    );
    const shopperData = await widgetCall(shopper.page);
    const agentData = await consoleCall(agent.page);
    shopperMs.push(Number(shopperData.firstFrameMs));
    agentMs.push(Number(agentData.firstFrameMs));
    shopperMarks.push(JSON.parse(shopperData.marks ?? '{}'));
    agentMarks.push(JSON.parse(agentData.marks ?? '{}'));
    await agent.page.getByRole('button', { name: 'End call' }).click();
    await shopper.page.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callState === 'ended',
      undefined,
      WAIT,
    );
  }
} finally {
  await shopper.close();
  await agent.close();
  await test.stop();
}
const loadAtEnd = loadavg();
const round = (n: number) => Math.round(n);
/** The median of each milestone over the calls, in the order they happen. */
const medianMarks = (calls: Array<Record<string, number>>) => {
  const names = [...new Set(calls.flatMap((marks) => Object.keys(marks)))];
  const medians = names.map(
    (name) =>
      [
        name,
        percentile(
          calls.flatMap((marks) => (name in marks ? [marks[name] as number] : [])),
          0.5,
        ),
      ] as const,
  );
  return Object.fromEntries(medians.sort((a, b) => a[1] - b[1]));
};
console.log(
  JSON.stringify(
    {
      calls: shopperMs.length,
      shopperTapToFirstRemoteFrameMs: {
        p50: round(percentile(shopperMs, 0.5)),
        p95: round(percentile(shopperMs, 0.95)),
        all: shopperMs.map(round),
        medianMilestonesMs: medianMarks(shopperMarks),
      },
      agentTapToFirstRemoteFrameMs: {
        p50: round(percentile(agentMs, 0.5)),
        p95: round(percentile(agentMs, 0.95)),
        all: agentMs.map(round),
        medianMilestonesMs: medianMarks(agentMarks),
      },
      loadAverage: { start: loadAtStart.map((n) => n.toFixed(2)), end: loadAtEnd.map((n) => n.toFixed(2)) },
      at: new Date().toISOString(),
    },
    null,
    2,
  ),
);
