import type { Page } from 'playwright-core';

/** DevTools' "Slow 3G": 400 ms RTT × 5 (Lighthouse's packet-level adjustment), 500 kbit/s × 0.8 each way. */
export const SLOW_3G = { latencyMs: 2000, bytesPerSecond: 50_000 };

/**
 * Slow 3G for everything the page does. CDP's network emulation throttles HTTP but not WebSocket frames,
 * so the socket is routed through Playwright and every frame waits half the round trip each way (in order).
 */
export async function emulateSlow3G(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_3G.latencyMs,
    downloadThroughput: SLOW_3G.bytesPerSecond,
    uploadThroughput: SLOW_3G.bytesPerSecond,
  });
  const oneWay = SLOW_3G.latencyMs / 2;
  await page.routeWebSocket(/.*/, (client) => {
    const server = client.connectToServer();
    const delayed = (send: () => void) => setTimeout(send, oneWay);
    client.onMessage((message) => delayed(() => server.send(message)));
    server.onMessage((message) => delayed(() => client.send(message)));
    client.onClose((code, reason) => delayed(() => server.close({ code, reason })));
    server.onClose((code, reason) => delayed(() => client.close({ code, reason })));
  });
}
