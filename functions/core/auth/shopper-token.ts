import { errors, jwtVerify, SignJWT } from 'jose';
import { guestPrincipal, isGuestPrincipal } from './guest-principal';

/**
 * Shopper tokens are HS256 JWTs signed by the seller's storefront backend with a shared secret
 * (Secrets Manager in AWS, a file locally). aws-jwt-verify only verifies asymmetric JWKS-based tokens,
 * so jose is used for this symmetric case.
 */
export const TOKEN_ISSUER = 'afterdesk-storefront';
export const TOKEN_AUDIENCE = 'afterdesk-chat';
export const MAX_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
/** Clocks of the storefront backend and AWS differ a little; more than this is a token from the future. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

export interface ShopperClaims {
  customerId: string;
  /** Guest tokens only: the one order the guest proved; customerId is then that order's guest principal. */
  orderId?: string;
}

/** Guests get an hour at most: they prove the order again rather than hold a long-lived key to it. */
export const MAX_GUEST_TOKEN_TTL_SECONDS = 3600;
const ORDER_CLAIM = 'ord';

export type TokenRejection = 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'invalid_claims';

export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRejection) {
    super(`shopper token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

export async function signShopperToken(
  secret: Uint8Array,
  claims: ShopperClaims,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<string> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttl must be between 1 second and ${MAX_TOKEN_TTL_SECONDS / 86400} days`);
  }
  if (isGuestPrincipal(claims.customerId))
    throw new RangeError('guest principals are issued by signGuestToken only');
  return sign(secret, claims.customerId, {}, ttlSeconds, now);
}

/** A token scoped to one order, for a guest who proved it with its number and email. */
export async function signGuestToken(
  secret: Uint8Array,
  orderId: string,
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<string> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_GUEST_TOKEN_TTL_SECONDS) {
    throw new RangeError(`guest ttl must be between 1 second and ${MAX_GUEST_TOKEN_TTL_SECONDS} seconds`);
  }
  const order = orderId.toUpperCase();
  return sign(secret, guestPrincipal(order), { [ORDER_CLAIM]: order }, ttlSeconds, now);
}

async function sign(
  secret: Uint8Array,
  subject: string,
  extra: Record<string, string>,
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(extra)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(secret);
}

/**
 * Checks signature, issuer, audience and expiry, and the lifetime the protocol promises: `iat` is required,
 * not in the future (beyond a minute of clock skew), and `exp` at most 7 days after it. A long-lived or
 * future-dated token is what a leaked signing secret or a careless backend makes; both are refused.
 */
export async function verifyShopperToken(
  secret: Uint8Array,
  token: string | undefined,
  now: Date = new Date(),
): Promise<ShopperClaims> {
  if (!token) throw new TokenRejectedError('missing');
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
      currentDate: now,
    });
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const { iat, exp } = payload as { iat: number; exp: number };
    if (iat > nowSeconds + MAX_CLOCK_SKEW_SECONDS || exp - iat > MAX_TOKEN_TTL_SECONDS || exp <= iat)
      throw new TokenRejectedError('invalid_claims');
    const customerId = payload.sub;
    if (!customerId || customerId.length > 100) throw new TokenRejectedError('invalid_claims');
    const order = payload[ORDER_CLAIM];
    if (order === undefined && !isGuestPrincipal(customerId)) return { customerId };
    // A guest principal is valid only with the order it names, and only for the guest lifetime: a
    // storefront whose own ids happened to start with "guest:" must not reach an order by accident.
    if (
      typeof order !== 'string' ||
      customerId !== guestPrincipal(order) ||
      exp - iat > MAX_GUEST_TOKEN_TTL_SECONDS
    )
      throw new TokenRejectedError('invalid_claims');
    return { customerId, orderId: order };
  } catch (error) {
    throw new TokenRejectedError(classify(error));
  }
}

function classify(error: unknown): TokenRejection {
  if (error instanceof TokenRejectedError) return error.reason;
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWTClaimValidationFailed) return 'invalid_claims';
  return 'malformed';
}

/** Accepts 90s, 15m, 12h, 7d, or plain seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) throw new RangeError(`cannot read duration "${text}": use e.g. 90s, 15m, 12h or 7d`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
