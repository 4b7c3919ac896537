import { describe, expect, it } from 'vitest';
import {
  guestAccessResponse,
  normaliseEmail,
  normaliseOrderNumber,
  proveGuestOrder,
} from '../../functions/core/auth/guest-access';
import { guestPrincipal, ownedOrder, ownsOrder } from '../../functions/core/auth/guest-principal';
import {
  signGuestToken,
  signShopperToken,
  TokenRejectedError,
  verifyShopperToken,
} from '../../functions/core/auth/shopper-token';
import type { Order } from '../../functions/core/orders';
import type { RateDecision, RateLimiter } from '../../functions/ports/rate-limiter';

const secret = new TextEncoder().encode('a-local-store-secret-that-is-long-enough-123');
const ORDER = {
  orderId: 'A1007',
  customerId: 'c-sam',
  email: 'Sam.Taylor@Example.com',
} as Order;

/** Counts like the DynamoDB limiter (one fixed window), and records the keys it was asked about. */
class CountingLimiter implements RateLimiter {
  readonly counts = new Map<string, number>();
  async take(key: string, max: number): Promise<RateDecision> {
    const count = this.counts.get(key) ?? 0;
    if (count >= max) return { allowed: false, retryAfterSeconds: 42 };
    this.counts.set(key, count + 1);
    return { allowed: true };
  }
}

function deps(limiter = new CountingLimiter(), reads: string[] = []) {
  return {
    orders: {
      getOrder: async (orderId: string) => {
        reads.push(orderId);
        return orderId === ORDER.orderId ? ORDER : undefined;
      },
    },
    limiter,
    secret: { getSigningSecret: async () => secret },
    limits: {
      perClient: { max: 10, windowSeconds: 900 },
      perOrder: { max: 5, windowSeconds: 900 },
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('guest access by order number and email', () => {
  it('gives a guest who proves an order a token scoped to that order only', async () => {
    const result = await proveGuestOrder(deps(), {
      body: { orderId: ' #a1007 ', email: '  SAM.taylor@example.COM ' },
      client: '203.0.113.9',
    });
    expect(result.outcome).toBe('granted');
    if (result.outcome !== 'granted') return;
    expect(result.orderId).toBe('A1007');
    const claims = await verifyShopperToken(secret, result.token);
    expect(claims).toEqual({ customerId: 'guest:A1007', orderId: 'A1007' });
  });

  it('compares emails after Unicode normalisation (full-width letters are the same address)', async () => {
    const result = await proveGuestOrder(deps(), {
      body: { orderId: 'A1007', email: 'ｓａｍ.taylor@example.com' },
      client: 'ip',
    });
    expect(result.outcome).toBe('granted');
    expect(normaliseEmail(' Ａ@B.com ')).toBe('a@b.com');
    expect(normaliseOrderNumber('#a-1007')).toBe('A-1007');
    expect(normaliseOrderNumber('no spaces allowed')).toBeUndefined();
  });

  it('answers a wrong email and an unknown order identically, after the same lookups', async () => {
    const readsWrong: string[] = [];
    const readsAbsent: string[] = [];
    const wrong = await proveGuestOrder(deps(undefined, readsWrong), {
      body: { orderId: 'A1007', email: 'someone@else.com' },
      client: 'ip',
    });
    const absent = await proveGuestOrder(deps(undefined, readsAbsent), {
      body: { orderId: 'Z9999', email: 'someone@else.com' },
      client: 'ip',
    });
    expect(wrong).toEqual({ outcome: 'refused' });
    expect(absent).toEqual(wrong);
    expect(JSON.stringify(guestAccessResponse(absent))).toBe(JSON.stringify(guestAccessResponse(wrong)));
    expect(readsWrong).toHaveLength(1);
    expect(readsAbsent).toHaveLength(1);
  });

  it('stops guessing at an order after its attempt limit, existing or not, whatever the client', async () => {
    const limiter = new CountingLimiter();
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const result = await proveGuestOrder(deps(limiter), {
        body: { orderId: 'A1007', email: `guess${attempt}@example.com` },
        client: `198.51.100.${attempt}`,
      });
      outcomes.push(result.outcome);
    }
    expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'limited', 'limited']);
    // Even the right email waits now: the limit does not tell a right guess from a wrong one.
    const right = await proveGuestOrder(deps(limiter), {
      body: { orderId: 'A1007', email: 'sam.taylor@example.com' },
      client: '192.0.2.1',
    });
    expect(right).toEqual({ outcome: 'limited', retryAfterSeconds: 42 });
    expect(guestAccessResponse(right)).toMatchObject({ status: 429, headers: { 'retry-after': '42' } });
  });

  it('stops one client trying many orders after its attempt limit, before any order is read', async () => {
    const limiter = new CountingLimiter();
    const reads: string[] = [];
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const result = await proveGuestOrder(deps(limiter, reads), {
        body: { orderId: `B${1000 + attempt}`, email: 'x@example.com' },
        client: '203.0.113.50',
      });
      outcomes.push(result.outcome);
    }
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(10);
    expect(outcomes.slice(10)).toEqual(['limited', 'limited']);
    expect(reads).toHaveLength(10);
  });

  it('refuses malformed proofs with a typed answer and counts nothing', async () => {
    const limiter = new CountingLimiter();
    for (const body of [
      undefined,
      {},
      { orderId: 'A1007' },
      { orderId: 'A 1007', email: 'a@b.c' },
      { orderId: 'A1007', email: 'no-at-sign' },
    ]) {
      const result = await proveGuestOrder(deps(limiter), { body, client: 'ip' });
      expect(result).toEqual({ outcome: 'invalid' });
      expect(guestAccessResponse(result).status).toBe(400);
    }
    expect(limiter.counts.size).toBe(0);
  });
});

describe('guest tokens', () => {
  it('let a guest own only the order they proved', () => {
    const guest = guestPrincipal('a1007');
    expect(ownsOrder(guest, { orderId: 'A1007', customerId: 'c-sam' })).toBe(true);
    expect(ownsOrder(guest, { orderId: 'A1006', customerId: 'c-sam' })).toBe(false);
    expect(ownsOrder('c-sam', { orderId: 'A1006', customerId: 'c-sam' })).toBe(true);
  });

  it('read an order only when they own it, answering an absent and a foreign order alike', async () => {
    const stored = new Map([
      ['A1007', { orderId: 'A1007', customerId: 'c-sam' }],
      ['A1006', { orderId: 'A1006', customerId: 'c-sam' }],
    ]);
    const orders = { getOrder: async (orderId: string) => stored.get(orderId) };
    const guest = guestPrincipal('a1007');
    expect(await ownedOrder(orders, guest, 'A1007')).toEqual({ orderId: 'A1007', customerId: 'c-sam' });
    expect(await ownedOrder(orders, guest, 'A1006')).toBeUndefined();
    expect(await ownedOrder(orders, 'c-sam', 'A1006')).toEqual({ orderId: 'A1006', customerId: 'c-sam' });
    expect(await ownedOrder(orders, 'c-ana', 'A1006')).toBeUndefined();
    expect(await ownedOrder(orders, 'c-sam', 'A9999')).toBeUndefined();
  });

  it('are refused when they live longer than an hour or name another order than their subject', async () => {
    await expect(signGuestToken(secret, 'A1007', 7200)).rejects.toThrow(RangeError);
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const forge = (sub: string, extra: Record<string, unknown>, ttl = 600) =>
      new SignJWT(extra)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer('afterdesk-storefront')
        .setAudience('afterdesk-chat')
        .setIssuedAt(now)
        .setExpirationTime(now + ttl)
        .sign(secret);
    expect(await rejection(verifyShopperToken(secret, await forge('guest:A1007', { ord: 'A1006' })))).toBe(
      'invalid_claims',
    );
    expect(await rejection(verifyShopperToken(secret, await forge('guest:A1007', {})))).toBe(
      'invalid_claims',
    );
    expect(await rejection(verifyShopperToken(secret, await forge('c-sam', { ord: 'A1007' })))).toBe(
      'invalid_claims',
    );
    expect(
      await rejection(verifyShopperToken(secret, await forge('guest:A1007', { ord: 'A1007' }, 86400))),
    ).toBe('invalid_claims');
  });

  it('cannot be minted through the storefront signer', async () => {
    await expect(signShopperToken(secret, { customerId: 'guest:A1007' }, 600)).rejects.toThrow(RangeError);
  });
});
