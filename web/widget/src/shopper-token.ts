/** The seller's token endpoint answered, but with no token: 401/403 mean nobody is signed in. */
export class TokenEndpointError extends Error {
  constructor(readonly status: number) {
    super(`token endpoint answered ${status}`);
    this.name = 'TokenEndpointError';
  }

  get signedOut(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** Asks the seller's backend for a fresh token on every connect: tokens are checked only at connect. */
export async function fetchShopperToken(tokenUrl: string): Promise<string> {
  const response = await fetch(tokenUrl, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new TokenEndpointError(response.status);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('token endpoint returned no token');
  return body.token;
}

/**
 * The token's subject, read without verifying (the server verifies): it scopes the stored session and
 * outbox, so a different shopper signing in on the same browser never continues someone else's chat.
 */
export function tokenSubject(token: string): string | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
    const sub = (JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}
