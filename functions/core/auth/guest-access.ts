import { createHash, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { OrderRepository } from '../../ports/repositories';
import type { SigningSecretSource } from '../../ports/secrets';
import { MAX_GUEST_TOKEN_TTL_SECONDS, signGuestToken } from './shopper-token';

/** Attempts per window: small enough that guessing an email is hopeless, large enough for typos. */
export interface GuestLimits {
  perClient: { max: number; windowSeconds: number };
  perOrder: { max: number; windowSeconds: number };
}

export const GUEST_TOKEN_TTL_SECONDS = 30 * 60;

export const GuestProofSchema = z.object({
  orderId: z.string().max(64),
  email: z.string().max(320),
});

export type GuestAccessOutcome =
  | { outcome: 'granted'; token: string; orderId: string; expiresAt: string }
  /** One answer for "no such order" and "wrong email", so nobody learns which orders exist. */
  | { outcome: 'refused' }
  | { outcome: 'limited'; retryAfterSeconds: number }
  | { outcome: 'invalid' };

export interface GuestAccessDeps {
  orders: Pick<OrderRepository, 'getOrder'>;
  limiter: RateLimiter;
  secret: SigningSecretSource;
  limits: GuestLimits;
  ttlSeconds?: number;
}

/** Order numbers as shoppers type them: " #a1007 " is A1007. */
export function normaliseOrderNumber(text: string): string | undefined {
  const candidate = text.normalize('NFKC').trim().replace(/^#/, '').toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]{2,39}$/.test(candidate) ? candidate : undefined;
}

/** Emails compare case-insensitively, whatever width or composition the keyboard produced. */
export function normaliseEmail(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
// Compared against when the order does not exist, so both refusals do the same work.
const ABSENT = digest('\u0000no-order\u0000');

/**
 * The design's second way in: a shopper who is not signed in proves one order with its number and
 * email, and gets a short-lived token for that order only. Attempts are counted before anything is
 * looked up, per client and per order number (existing or not), in the shared durable limiter.
 */
export async function proveGuestOrder(
  deps: GuestAccessDeps,
  input: { body: unknown; client: string },
  now: Date = new Date(),
): Promise<GuestAccessOutcome> {
  const parsed = GuestProofSchema.safeParse(input.body);
  const orderId = parsed.success ? normaliseOrderNumber(parsed.data.orderId) : undefined;
  const email = parsed.success ? normaliseEmail(parsed.data.email) : '';
  if (!parsed.success || !orderId || !email.includes('@')) return { outcome: 'invalid' };

  const { limits } = deps;
  const byClient = await deps.limiter.take(
    `guest-client#${input.client}`,
    limits.perClient.max,
    now,
    limits.perClient.windowSeconds,
  );
  if (!byClient.allowed) return { outcome: 'limited', retryAfterSeconds: byClient.retryAfterSeconds };
  const byOrder = await deps.limiter.take(
    `guest-order#${orderId}`,
    limits.perOrder.max,
    now,
    limits.perOrder.windowSeconds,
  );
  if (!byOrder.allowed) return { outcome: 'limited', retryAfterSeconds: byOrder.retryAfterSeconds };

  const order = await deps.orders.getOrder(orderId);
  const expected = order ? digest(normaliseEmail(order.email)) : ABSENT;
  const matches = timingSafeEqual(expected, digest(email)) && order !== undefined;
  if (!matches || !order) return { outcome: 'refused' };

  const ttl = Math.min(deps.ttlSeconds ?? GUEST_TOKEN_TTL_SECONDS, MAX_GUEST_TOKEN_TTL_SECONDS);
  const token = await signGuestToken(await deps.secret.getSigningSecret(), order.orderId, ttl, now);
  return {
    outcome: 'granted',
    token,
    orderId: order.orderId.toUpperCase(),
    expiresAt: new Date((Math.floor(now.getTime() / 1000) + ttl) * 1000).toISOString(),
  };
}

/** The HTTP answer for each outcome, the same in Lambda and the local web server. */
export function guestAccessResponse(result: GuestAccessOutcome): {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
} {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  switch (result.outcome) {
    case 'granted':
      return {
        status: 200,
        headers,
        body: { token: result.token, orderId: result.orderId, expiresAt: result.expiresAt },
      };
    case 'refused':
      return {
        status: 401,
        headers,
        body: { error: 'not_verified', message: 'That order number and email do not match an order.' },
      };
    case 'limited':
      return {
        status: 429,
        headers: { ...headers, 'retry-after': String(result.retryAfterSeconds) },
        body: {
          error: 'rate_limited',
          message: `Too many attempts. Try again in ${result.retryAfterSeconds} s.`,
        },
      };
    case 'invalid':
      return {
        status: 400,
        headers,
        body: { error: 'invalid_request', message: 'Send an order number and an email address.' },
      };
  }
}
