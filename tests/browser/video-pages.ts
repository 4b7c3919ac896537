import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium';

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

/**
 * The agent's side until the console lands: a minimal page on the agent video routes (the same routes and
 * handler the console will use), with the console's accessible names for the call buttons.
 */
export const AGENT_HARNESS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agent video harness</title></head>
<body><main><h1>Agent</h1>
<button id="accept" type="button">Accept video call</button>
<button id="end" type="button">End call</button>
<button id="snap" type="button">Take snapshot</button>
<label>Outcome <select id="outcome"><option>verified</option><option>refused_on_delivery</option><option>return</option><option>replacement</option><option>refund</option></select></label>
<button id="decide" type="button">Record outcome</button>
<p id="state" role="status"></p>
<video id="remote" autoplay playsinline></video><video id="local" autoplay playsinline muted></video>
</main></body></html>`;

/** Wires the harness page: socket to the agent gateway, the local video chunk, snapshot upload. */
export async function startAgentPage(
  page: Page,
  webUrl: string,
  agentSocketUrl: string,
  token: string,
): Promise<void> {
  await page.goto(new URL('/agent-harness', webUrl).href).catch(() => undefined);
  await page.setContent(AGENT_HARNESS_HTML);
  await page.addScriptTag({ url: new URL('/widget/afterdesk-video.js', webUrl).href });
  await page.evaluate(
    ({ url, token }) => {
      const w = window as unknown as Record<string, unknown>;
      const socket = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
      const events: Array<Record<string, unknown>> = [];
      w.agentEvents = events;
      const send = (frame: Record<string, unknown>) => socket.send(JSON.stringify(frame));
      let controller: { handle(e: unknown): void; end(): void; snapshot(): Promise<Blob> } | undefined;
      let tappedAt = 0;
      const $ = (id: string) => document.getElementById(id) as HTMLElement;
      socket.onmessage = async (message) => {
        const event = JSON.parse(String(message.data)) as Record<string, unknown> & { type: string };
        events.push(event);
        if (event.type === 'videoJoin') {
          const video = (window as unknown as { AfterdeskVideo: { start(o: unknown): typeof controller } })
            .AfterdeskVideo;
          controller = video.start({
            role: 'agent',
            callId: event.callId,
            ticket: event.ticket,
            join: event.join,
            tappedAt,
            send,
            localVideo: $('local'),
            remoteVideo: $('remote'),
            onState: (state: string) => {
              $('state').textContent = state;
            },
            onFirstFrame: (ms: number) => {
              $('remote').dataset.firstFrameMs = String(ms);
            },
          });
        } else if (event.type === 'videoSnapshotUpload') {
          const blob = await controller?.snapshot();
          const form = new FormData();
          for (const [k, v] of Object.entries(event.fields as Record<string, string>)) form.append(k, v);
          form.append('file', blob as Blob, 'snapshot.jpg');
          const response = await fetch(String(event.url), { method: 'POST', body: form });
          if (response.ok)
            send({
              action: 'videoSnapshot',
              callId: event.callId,
              requestId: event.requestId,
              key: event.key,
            });
        } else controller?.handle(event);
      };
      w.acceptCall = (callId: string) => {
        tappedAt = performance.now();
        send({ action: 'acceptVideo', callId });
      };
      $('end').onclick = () => controller?.end();
      $('snap').onclick = async () => {
        const blob = await controller?.snapshot();
        const callId = (events.find((e) => e.type === 'videoJoin') as { callId: string }).callId;
        send({
          action: 'videoSnapshot',
          callId,
          requestId: `snap${Date.now()}`,
          contentType: 'image/jpeg',
          bytes: blob?.size ?? 1,
        });
      };
      $('decide').onclick = () => {
        const callId = (events.find((e) => e.type === 'videoJoin') as { callId: string }).callId;
        send({ action: 'videoOutcome', callId, outcome: ($('outcome') as HTMLSelectElement).value });
      };
      return new Promise<void>((resolve) => {
        socket.onopen = () => resolve();
      });
    },
    { url: agentSocketUrl, token },
  );
}
