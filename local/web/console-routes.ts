import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { type AgentSigningKey, signLocalAgentToken } from '../../functions/adapters/local/local-agent-tokens';
import { isValidPhotoView } from '../../functions/adapters/local/local-photo-viewer';
import { buildConsole, CONSOLE_HTML } from '../../web/console/build';
import { type DemoAgent, findAgent } from '../console/demo-agents';

export interface ConsoleWebOptions {
  agentWebSocketUrl: string;
  agents: readonly DemoAgent[];
  key: AgentSigningKey;
  secret: Uint8Array;
  photoDir: string;
}

const MAX_SIGN_IN_BYTES = 4096;
const HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * The console's pages and, locally only, what Cognito does in AWS: sign-in for the seeded demo agents
 * (ID tokens with the same claims) and the public key at the issuer's JWKS address.
 */
export async function createConsoleRoutes(options: ConsoleWebOptions) {
  const bundle = await buildConsole();
  return async (
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    baseUrl: string,
  ): Promise<boolean> => {
    if (!url.pathname.startsWith('/console')) return false;
    const issuer = new URL('console', baseUrl).href;
    switch (url.pathname) {
      case '/console':
        response.writeHead(301, { location: '/console/' }).end();
        return true;
      case '/console/':
        response.writeHead(200, {
          ...HEADERS,
          'content-type': 'text/html; charset=utf-8',
          // The console runs only its own script and talks only to this server and the agent API.
          'content-security-policy': `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ${new URL(options.agentWebSocketUrl).origin}; frame-ancestors 'none'`,
        });
        response.end(await readFile(CONSOLE_HTML));
        return true;
      case '/console/console.js':
        response.writeHead(200, { ...HEADERS, 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
        return true;
      case '/console/config.json':
        json(response, 200, {
          mode: 'local',
          agentWebSocketUrl: options.agentWebSocketUrl,
          signInUrl: '/console/api/sign-in',
        });
        return true;
      case '/console/.well-known/jwks.json':
        json(response, 200, { keys: [options.key.publicJwk] });
        return true;
      case '/console/api/sign-in':
        return signIn(request, response, options, issuer);
    }
    const photo = /^\/console\/photos\/(photos\/[0-9a-f]{16}\/[0-9a-f-]{36}\.(jpg|webp|png))$/.exec(
      url.pathname,
    );
    if (photo?.[1]) {
      const key = photo[1];
      if (
        !isValidPhotoView(
          options.secret,
          key,
          url.searchParams.get('expires'),
          url.searchParams.get('signature'),
        )
      ) {
        json(response, 403, { error: 'forbidden', message: 'This photo link has expired or is not valid.' });
        return true;
      }
      const type = key.endsWith('.png') ? 'image/png' : key.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
      try {
        const bytes = await readFile(join(options.photoDir, key));
        response.writeHead(200, { ...HEADERS, 'content-type': type }).end(bytes);
      } catch {
        json(response, 404, { error: 'not_found' });
      }
      return true;
    }
    json(response, 404, { error: 'not_found' });
    return true;
  };
}

async function signIn(
  request: IncomingMessage,
  response: ServerResponse,
  options: ConsoleWebOptions,
  issuer: string,
) {
  if (request.method !== 'POST') {
    json(response, 405, { error: 'method_not_allowed', message: 'Sign in with a POST.' });
    return true;
  }
  let body: { email?: unknown; password?: unknown };
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_SIGN_IN_BYTES) throw new Error('too large');
      chunks.push(chunk as Buffer);
    }
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
  } catch {
    json(response, 400, { error: 'invalid_request', message: 'Send {"email", "password"} as JSON.' });
    return true;
  }
  const agent =
    typeof body.email === 'string' && typeof body.password === 'string'
      ? findAgent(options.agents, body.email, body.password)
      : undefined;
  if (!agent) {
    json(response, 401, { error: 'invalid_credentials', message: 'Incorrect email or password.' });
    return true;
  }
  json(response, 200, { idToken: await signLocalAgentToken(options.key, issuer, agent) });
  return true;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...HEADERS, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
