import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../tests/browser/chromium';
import { FAKE_MEDIA_ARGS, openFakeMediaBrowser, signInConsole } from '../tests/browser/video-pages';
import { startTestStack } from '../tests/support/local-stack';

/**
 * A video call with the shopper on a weak link (docs/benchmarks.md, issue 12): the shopper's Chromium runs in
 * its own network namespace whose veth pair is rate-limited to 120 kbit/s each way with `tc tbf` (`netem` is
 * not available here), the agent's console on the host. Everything the shopper sends or receives, the page,
 * the chat socket's signalling and the WebRTC media, crosses that link. Per call: tap → first remote frame on
 * each side, frames/s decoded by the shopper in the 5 s after its first frame, and whether and when each side
 * stepped down to audio only. Needs root, `ip` and `tc`. Bounded: VIDEO_WEAK_CALLS calls (default 3), a
 * deadline for the whole run, and the namespace is deleted on every exit path.
 *
 *   npx tsx bench/video-weak-network.ts
 */
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_EC2_METADATA_DISABLED ??= 'true';

const CALLS = Number(process.env.VIDEO_WEAK_CALLS ?? 3);
const RATE = process.env.VIDEO_WEAK_RATE ?? '120kbit';
const DEADLINE_MS = 10 * 60_000;
const WAIT = { timeout: 60_000 };
/** How long each call is watched after its first frame for a step-down. */
const WATCH_MS = 20_000;

if (process.getuid?.() !== 0) throw new Error('bench/video-weak-network.ts needs root (ip netns, tc)');

const tag = String(process.pid % 100_000);
const ns = `adv${tag}`;
const hostIf = `adh${tag}`;
const nsIf = `adn${tag}`;
const subnet = `10.231.${process.pid % 250}`;
const hostIp = `${subnet}.1`;
const nsIp = `${subnet}.2`;

const run = (...args: string[]) => execFileSync(args[0] as string, args.slice(1), { stdio: 'pipe' });
const inNs = (...args: string[]) => run('ip', 'netns', 'exec', ns, ...args);

function createNamespace(): void {
  run('ip', 'netns', 'add', ns);
  run('ip', 'link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf);
  run('ip', 'link', 'set', nsIf, 'netns', ns);
  run('ip', 'addr', 'add', `${hostIp}/30`, 'dev', hostIf);
  run('ip', 'link', 'set', hostIf, 'up');
  inNs('ip', 'addr', 'add', `${nsIp}/30`, 'dev', nsIf);
  inNs('ip', 'link', 'set', nsIf, 'up');
  inNs('ip', 'link', 'set', 'lo', 'up');
  inNs('ip', 'route', 'add', 'default', 'via', hostIp);
  // Both directions: the host side shapes what the shopper receives, the namespace side what they send.
  const tbf = ['root', 'tbf', 'rate', RATE, 'burst', '4kb', 'latency', '300ms'];
  run('tc', 'qdisc', 'add', 'dev', hostIf, ...tbf);
  inNs('tc', 'qdisc', 'add', 'dev', nsIf, ...tbf);
}

function deleteNamespace(): void {
  // Deleting the namespace deletes its veth end, and with it the pair and both qdiscs.
  try {
    run('ip', 'netns', 'del', ns);
  } catch {}
  try {
    run('ip', 'link', 'del', hostIf);
  } catch {}
}

/** The local stack listens on 127.0.0.1 only: a plain TCP relay makes its ports reachable on the veth. */
function relay(listenHost: string, port: number, targetHost: string): Promise<Server> {
  const server = createServer((client) => {
    const upstream = createConnection({ host: targetHost, port });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listenHost, () => resolve(server));
  });
}

/** The same relay inside the namespace: the shopper's 127.0.0.1:<port> leads over the shaped link. */
const NS_RELAY = `
const net = require('node:net');
const [host, ...ports] = process.argv.slice(1);
let ready = 0;
for (const port of ports.map(Number)) {
  net.createServer((client) => {
    const upstream = net.createConnection({ host, port });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  }).listen(port, '127.0.0.1', () => { if (++ready === ports.length) console.log('ready'); });
}`;

const percentile = (values: number[], p: number) =>
  values.length === 0
    ? null
    : ([...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * p) - 1)] ?? null);

const shopperCall = (page: Page) =>
  page.evaluate(() => ({
    ...(document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset ??
      {}),
  }));
const agentCall = (page: Page) =>
  page.evaluate(() => ({ ...((document.querySelector('.call') as HTMLElement | null)?.dataset ?? {}) }));

/** Records each call-state change with its time, so step-downs are timed in the page itself. */
const watchStates = (page: Page, widget: boolean) =>
  page.evaluate((inWidget) => {
    const area = inWidget
      ? document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')
      : (document.querySelector('.call') as HTMLElement | null);
    const log: Array<{ state: string; at: number }> = [];
    (globalThis as { callStates?: typeof log }).callStates = log;
    if (!area) return;
    new MutationObserver(() => {
      const state = area.dataset.callState ?? '';
      if (log.at(-1)?.state !== state) log.push({ state, at: performance.now() });
    }).observe(area, { attributes: true, attributeFilter: ['data-call-state'] });
  }, widget);
const statesOf = (page: Page) =>
  page.evaluate(() => (globalThis as { callStates?: Array<{ state: string; at: number }> }).callStates ?? []);

/**
 * Frames presented from the remote video in 5 s (requestVideoFrameCallback's presentedFrames). A string, so
 * the bundler's helper names never reach the page.
 */
const COUNT_FRAMES = `new Promise((resolve) => {
  const video = document.querySelector('afterdesk-chat').shadowRoot.querySelector('.remote');
  const started = performance.now();
  let first;
  let last = 0;
  const tick = (now, meta) => {
    if (first === undefined) first = meta.presentedFrames;
    last = meta.presentedFrames;
    if (performance.now() - started < 5000) video.requestVideoFrameCallback(tick);
  };
  video.requestVideoFrameCallback(tick);
  setTimeout(() => resolve((last - (first ?? last)) / 5), 5000);
})`;

interface CallFigures {
  shopperFirstFrameMs: number | null;
  agentFirstFrameMs: number | null;
  shopperDecodedFps: number | null;
  shopperStepDownAfterLiveMs: number | null;
  agentStepDownAfterLiveMs: number | null;
}

const stepDownAfterLive = (states: Array<{ state: string; at: number }>) => {
  const live = states.find((s) => s.state === 'live');
  const down = states.find((s) => s.state === 'audio_only');
  return down ? Math.round(down.at - (live?.at ?? down.at)) : null;
};

const loadAtStart = loadavg();
const startedAt = new Date().toISOString();
const figures: CallFigures[] = [];
let cleanup: (() => Promise<void>) | undefined;
const deadline = setTimeout(() => {
  console.error('video-weak-network: deadline reached, cleaning up');
  void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(2));
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130)));

const scratch = await mkdtemp(join(tmpdir(), 'afterdesk-weak-'));
const test = await startTestStack();
const servers: Server[] = [];
let nsRelay: ReturnType<typeof spawn> | undefined;
let shopper: { context: BrowserContext; page: Page } | undefined;
let agent: Awaited<ReturnType<typeof openFakeMediaBrowser>> | undefined;
let cleaned = false;
cleanup = async () => {
  if (cleaned) return;
  cleaned = true;
  await shopper?.context.close().catch(() => undefined);
  await agent?.close().catch(() => undefined);
  nsRelay?.kill();
  for (const server of servers) server.close();
  deleteNamespace();
  await test.stop().catch(() => undefined);
  await rm(scratch, { recursive: true, force: true });
};

try {
  createNamespace();
  const ports = [
    ...new Set(
      [test.stack.info.webUrl, test.stack.info.websocketUrl].map((url) => Number(new URL(url).port)),
    ),
  ];
  for (const port of ports) servers.push(await relay(hostIp, port, '127.0.0.1'));
  const child = spawn(
    'ip',
    ['netns', 'exec', ns, process.execPath, '-e', NS_RELAY, hostIp, ...ports.map(String)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  nsRelay = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`namespace relay exited (${code})`)));
  });

  // Chromium itself runs inside the namespace; playwright drives it over a pipe, which needs no network.
  const wrapper = join(scratch, 'chromium-in-namespace');
  await writeFile(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${CHROMIUM} "$@"\n`);
  await chmod(wrapper, 0o755);
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: wrapper,
    headless: true,
    args: FAKE_MEDIA_ARGS,
    locale: 'en-US',
    viewport: { width: 1100, height: 800 },
    timezoneId: 'UTC',
  });
  shopper = { context, page: context.pages()[0] ?? (await context.newPage()) };
  agent = await openFakeMediaBrowser();

  const [mei] = test.stack.demoAgents;
  if (!mei) throw new Error('no demo agent');
  await signInConsole(agent.page, test.stack.info.consoleUrl, mei.email, mei.password);
  await shopper.page.goto(test.stack.info.webUrl, WAIT);
  await shopper.page.locator('afterdesk-chat .launcher').click();
  await shopper.page.waitForSelector('afterdesk-chat[data-state="online"]', WAIT);

  for (let call = 0; call < CALLS; call++) {
    const shopperPage = shopper.page;
    const agentPage = agent.page;
    await shopperPage.evaluate(() => {
      const area = document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call');
      if (area) delete area.dataset.firstFrameMs;
    });
    await agentPage.evaluate(() => {
      const area = document.querySelector('.call') as HTMLElement | null;
      if (area) delete area.dataset.firstFrameMs;
    });
    await watchStates(shopperPage, true);
    await watchStates(agentPage, false);
    await shopperPage.getByRole('button', { name: 'Start video call' }).click();
    if (call === 0) await agentPage.locator('ul[aria-label="Queue"] li button').first().click(WAIT);
    await agentPage.getByRole('button', { name: 'Accept video call' }).click(WAIT);

    const shopperFrame = await shopperPage
      .waitForFunction(
        () =>
          document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
            .firstFrameMs,
        undefined,
        WAIT,
      )
      .then(() => true)
      .catch(() => false);
    // Frames the shopper's browser decodes from the agent's camera over the shaped link, in 5 s.
    const fps = shopperFrame ? Number(await shopperPage.evaluate(COUNT_FRAMES)) : null;
    await agentPage
      .waitForFunction(
        () => (document.querySelector('.call') as HTMLElement | null)?.dataset.firstFrameMs,
        undefined,
        WAIT,
      )
      .catch(() => undefined);
    // Give the stats monitors (2 s samples, three in a row) time to decide.
    await shopperPage
      .waitForFunction(
        () =>
          document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
            .callState === 'audio_only',
        undefined,
        { timeout: WATCH_MS },
      )
      .catch(() => undefined);
    const shopperData = await shopperCall(shopperPage);
    const agentData = await agentCall(agentPage);
    figures.push({
      shopperFirstFrameMs: shopperData.firstFrameMs ? Number(shopperData.firstFrameMs) : null,
      agentFirstFrameMs: agentData.firstFrameMs ? Number(agentData.firstFrameMs) : null,
      shopperDecodedFps: fps,
      shopperStepDownAfterLiveMs: stepDownAfterLive(await statesOf(shopperPage)),
      agentStepDownAfterLiveMs: stepDownAfterLive(await statesOf(agentPage)),
    });
    console.error(`call ${call + 1}/${CALLS}: ${JSON.stringify(figures.at(-1))}`);
    await agentPage.getByRole('button', { name: 'End call' }).click();
    await shopperPage.waitForFunction(
      () =>
        document.querySelector('afterdesk-chat')?.shadowRoot?.querySelector<HTMLElement>('.call')?.dataset
          .callState === 'ended',
      undefined,
      WAIT,
    );
  }
} finally {
  await cleanup();
  clearTimeout(deadline);
}

const numbers = (pick: (f: CallFigures) => number | null) =>
  figures.map(pick).filter((n): n is number => n !== null);
const shopperFirst = numbers((f) => f.shopperFirstFrameMs);
const fps = numbers((f) => f.shopperDecodedFps);
const stepDowns = numbers((f) => f.shopperStepDownAfterLiveMs);
console.log(
  JSON.stringify(
    {
      link: `${RATE} each way (tc tbf, burst 4kb, latency 300ms), shopper in network namespace ${ns}`,
      calls: figures.length,
      shopperTapToFirstRemoteFrameMs: {
        p50: percentile(shopperFirst, 0.5),
        p95: percentile(shopperFirst, 0.95),
        withoutFrame: figures.length - shopperFirst.length,
      },
      shopperDecodedFpsFirst5s: { p50: percentile(fps, 0.5), min: fps.length ? Math.min(...fps) : null },
      shopperSteppedDown: `${stepDowns.length} of ${figures.length}`,
      shopperStepDownAfterLiveMs: { p50: percentile(stepDowns, 0.5), max: percentile(stepDowns, 1) },
      agentSteppedDown: `${numbers((f) => f.agentStepDownAfterLiveMs).length} of ${figures.length}`,
      perCall: figures,
      loadAverage: { start: loadAtStart.map((n) => n.toFixed(2)), end: loadavg().map((n) => n.toFixed(2)) },
      startedAt,
      endedAt: new Date().toISOString(),
    },
    null,
    2,
  ),
);
