import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  parseDuration,
  signShopperToken,
  TokenRejectedError,
  verifyShopperToken,
} from '../../functions/core/auth/shopper-token';

const secret = new TextEncoder().encode('a-local-store-secret-that-is-long-enough-123');
const otherSecret = new TextEncoder().encode('another-secret-that-is-also-long-enough-4567');

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('shopper tokens', () => {
  it('carry the customer id through signing and verification', async () => {
    const token = await signShopperToken(secret, { customerId: 'c-ana' }, 600);
    await expect(verifyShopperToken(secret, token)).resolves.toEqual({ customerId: 'c-ana' });
  });

  it('are refused when signed with another secret', async () => {
    const token = await signShopperToken(otherSecret, { customerId: 'c-ana' }, 600);
    expect(await rejection(verifyShopperToken(secret, token))).toBe('bad_signature');
  });

  it('are refused once expired', async () => {
    const token = await signShopperToken(
      secret,
      { customerId: 'c-ana' },
      60,
      new Date(Date.now() - 3600_000),
    );
    expect(await rejection(verifyShopperToken(secret, token))).toBe('expired');
  });

  it('are refused when they live longer than 7 days, are issued in the future, or carry no issue time', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = (iat: number | undefined, exp: number) => {
      const jwt = new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject('c-ana')
        .setIssuer('afterdesk-storefront')
        .setAudience('afterdesk-chat')
        .setExpirationTime(exp);
      return (iat === undefined ? jwt : jwt.setIssuedAt(iat)).sign(secret);
    };
    expect(await rejection(verifyShopperToken(secret, await forged(now, now + 365 * 86400)))).toBe(
      'invalid_claims',
    );
    expect(await rejection(verifyShopperToken(secret, await forged(now + 3600, now + 7200)))).toBe(
      'invalid_claims',
    );
    expect(await rejection(verifyShopperToken(secret, await forged(undefined, now + 600)))).toBe(
      'invalid_claims',
    );
    expect(await rejection(verifyShopperToken(secret, await forged(now - 10, now + 7 * 86400 - 10)))).toBe(
      'accepted',
    );
    expect(await rejection(verifyShopperToken(secret, await forged(now + 30, now + 600)))).toBe('accepted');
  });

  it('are refused when missing, malformed or tampered with', async () => {
    expect(await rejection(verifyShopperToken(secret, undefined))).toBe('missing');
    expect(await rejection(verifyShopperToken(secret, 'not-a-jwt'))).toBe('malformed');
    const token = await signShopperToken(secret, { customerId: 'c-ana' }, 600);
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'c-mallory', exp: 9999999999 })).toString(
      'base64url',
    );
    expect(await rejection(verifyShopperToken(secret, `${header}.${forgedPayload}.${signature}`))).toBe(
      'bad_signature',
    );
  });

  it('refuse an unsigned "none" algorithm token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'c-ana', iss: 'afterdesk-storefront', aud: 'afterdesk-chat', exp: 9999999999 }),
    ).toString('base64url');
    expect(await rejection(verifyShopperToken(secret, `${header}.${payload}.`))).not.toBe('accepted');
  });

  it('read durations in seconds, minutes, hours and days and refuse nonsense', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('12h')).toBe(43_200);
    expect(parseDuration('7d')).toBe(604_800);
    expect(() => parseDuration('soon')).toThrow(/cannot read duration/);
  });
});
