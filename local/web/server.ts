import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOrCreateSecret } from '../../functions/adapters/local/file-signing-secret';
import { signShopperToken } from '../../functions/core/auth/shopper-token';
import { MAX_PHOTO_BYTES } from '../../functions/core/protocol';
import type { PhotoOutcomes } from '../../functions/ports/photo-readiness';
import { buildVideoChunk } from '../../web/video/build';
import { buildWidget } from '../../web/widget/build';
import { DEMO_CUSTOMERS } from '../seed/demo-store';
import { handleAnalyticsRequest } from './analytics-routes';
import { type ConsoleWebOptions, createConsoleRoutes } from './console-routes';
import { handleGuestToken, LOCAL_GUEST_TOKEN_PATH } from './guest-routes';
import { handlePhotoUpload } from './photo-uploads';
import { handleWebhookRequest } from './webhook-routes';

const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves the web pages and, for the demo storefront only, mints tokens for the seeded demo shoppers:
 * the job a real storefront's backend does with the secret from Secrets Manager.
 */
export async function startWebServer(options: {
  port: number;
  dataDir: string;
  websocketUrl: string;
  secretFile: string;
  photoDir: string;
  /** Where each upload's outcome is recorded, for sendMessage and video snapshots to check (DynamoDB). */
  photoOutcomes: PhotoOutcomes;
  /** The agent console's pages and local sign-in (local/web/console-routes). */
  console?: ConsoleWebOptions;
  /** The guest-token handler (functions/handlers/guest-token), served at /api/guest/token. */
  guestToken?: import('../gateway/websocket-gateway').LambdaHandler;
}): Promise<{ url: string; uploadUrl: string; stop(): Promise<void> }> {
  const secret = new TextEncoder().encode(await readOrCreateSecret(options.secretFile));
  const demoIds = new Set<string>(DEMO_CUSTOMERS.map((customer) => customer.customerId));
  // Built in memory at start, so `npm start` and the tests never serve a stale or missing bundle.
  const widget = await buildWidget();
  // The video chunks are built on first request: most visitors never start a call.
  const videoChunks = new Map<string, Promise<string>>();
  const VIDEO_CHUNKS: Record<string, 'local' | 'chime'> = {
    '/widget/afterdesk-video.js': 'local',
    '/widget/afterdesk-video-chime.js': 'chime',
    // The console loads the same chunks beside its own script when an agent takes a call.
    '/console/afterdesk-video.js': 'local',
    '/console/afterdesk-video-chime.js': 'chime',
  };
  const consoleRoutes = options.console ? await createConsoleRoutes(options.console) : undefined;
  let baseUrl = '';
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    try {
      const chunk = VIDEO_CHUNKS[url.pathname];
      if (chunk) {
        let code = videoChunks.get(chunk);
        if (!code) {
          code = buildVideoChunk(chunk);
          videoChunks.set(chunk, code);
        }
        const body = await code;
        response.writeHead(200, {
          'content-type': TYPES['.js'],
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        return response.end(body);
      }
      if (consoleRoutes && (await consoleRoutes(url, request, response, baseUrl))) return;
      if (await handleAnalyticsRequest(url, response, { dataDir: options.dataDir })) return;
      if (url.pathname === LOCAL_GUEST_TOKEN_PATH && options.guestToken)
        return await handleGuestToken(request, response, options.guestToken);
      if (await handleWebhookRequest(url, request, response)) return;
      if (url.pathname === '/uploads') {
        return await handlePhotoUpload(request, response, {
          secret,
          directory: options.photoDir,
          outcomes: options.photoOutcomes,
          // The form's own fields and boundaries ride on top of the photo.
          maxRequestBytes: MAX_PHOTO_BYTES + 64 * 1024,
        });
      }
      if (url.pathname === '/api/demo/config') {
        return json(response, 200, {
          websocketUrl: options.websocketUrl,
          customers: DEMO_CUSTOMERS.map(({ customerId, name, language }) => ({ customerId, name, language })),
        });
      }
      if (url.pathname === '/api/demo/token') {
        const customerId = url.searchParams.get('customer') ?? '';
        if (!demoIds.has(customerId)) return json(response, 404, { error: 'unknown demo customer' });
        return json(response, 200, { token: await signShopperToken(secret, { customerId }, 3600) });
      }
      if (url.pathname === '/widget/afterdesk-widget.js') {
        response.writeHead(200, {
          'content-type': TYPES['.js'],
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        return response.end(widget);
      }
      const path = url.pathname === '/' ? '/demo/index.html' : url.pathname;
      const file = normalize(join(WEB_ROOT, path));
      if (!file.startsWith(WEB_ROOT)) return json(response, 404, { error: 'not found' });
      const body =
        path === '/demo/index.html'
          ? // The demo page's one script tag is written for whatever port the gateway got.
            (await readFile(file, 'utf8')).replaceAll('%AFTERDESK_WEBSOCKET_URL%', options.websocketUrl)
          : await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      response.end(body);
    } catch {
      json(response, 404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  baseUrl = `http://127.0.0.1:${port}/`;
  return {
    url: `http://127.0.0.1:${port}/`,
    uploadUrl: `http://127.0.0.1:${port}/uploads`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(response: import('node:http').ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
