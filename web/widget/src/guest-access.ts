/** Thrown by the token source when nobody is signed in and the guest has not proved an order yet. */
export class GuestProofNeeded extends Error {
  constructor() {
    super('a guest must prove an order first');
    this.name = 'GuestProofNeeded';
  }
}

export type GuestProofResult =
  | { ok: true; token: string; expiresAt: string }
  | { ok: false; reason: 'refused' | 'limited' | 'invalid' | 'unavailable' };

/** Posts the order number and email to the store's guest endpoint; the answer never says which was wrong. */
export async function proveOrder(
  guestUrl: string,
  orderId: string,
  email: string,
): Promise<GuestProofResult> {
  let response: Response;
  try {
    response = await fetch(guestUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, email }),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (response.status === 401) return { ok: false, reason: 'refused' };
  if (response.status === 429) return { ok: false, reason: 'limited' };
  if (response.status === 400) return { ok: false, reason: 'invalid' };
  if (!response.ok) return { ok: false, reason: 'unavailable' };
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; expiresAt?: unknown };
  if (typeof body.token !== 'string' || typeof body.expiresAt !== 'string')
    return { ok: false, reason: 'unavailable' };
  return { ok: true, token: body.token, expiresAt: body.expiresAt };
}

// Reconnects reuse the token until shortly before it expires; then the guest proves the order again.
const EXPIRY_MARGIN_MS = 60_000;

/**
 * The guest's token for this tab only (sessionStorage): a reload keeps the chat, closing the tab forgets
 * the proof, and no other tab or later visitor on a shared computer inherits it.
 */
export class GuestTokenStore {
  /** Also kept in memory: with storage blocked the token still lives as long as the page. */
  private memory: { token: string; expiresAt: string } | undefined;

  constructor(
    private readonly key: string,
    private readonly storage: Storage | undefined = safeSessionStorage(),
  ) {}

  current(now: number = Date.now()): string | undefined {
    const stored = this.memory ?? this.read();
    if (!stored) return undefined;
    if (Date.parse(stored.expiresAt) - EXPIRY_MARGIN_MS <= now) {
      this.forget();
      return undefined;
    }
    return stored.token;
  }

  keep(token: string, expiresAt: string): void {
    this.memory = { token, expiresAt };
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.memory));
    } catch {
      // Storage blocked: the copy in memory serves this page.
    }
  }

  forget(): void {
    this.memory = undefined;
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing stored.
    }
  }

  private read(): { token: string; expiresAt: string } | undefined {
    try {
      const stored = JSON.parse(this.storage?.getItem(this.key) ?? 'null') as {
        token?: unknown;
        expiresAt?: unknown;
      } | null;
      return typeof stored?.token === 'string' && typeof stored.expiresAt === 'string'
        ? { token: stored.token, expiresAt: stored.expiresAt }
        : undefined;
    } catch {
      return undefined;
    }
  }
}

function safeSessionStorage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}
