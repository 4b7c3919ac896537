import { clientMessageIdOfBody } from '../../functions/core/chat/read-frame';
import { errorEvent } from '../../functions/core/protocol';
import { DEFAULT_STAGE_THROTTLES, type ThrottleLimit } from '../../lib/stage-throttles';
import type { RouteThrottle, WebSocketApiSpec } from '../../topology';

/**
 * The throttle of each route key: a route with its own class (topology `throttle`) gets that class's
 * limits, every other route the stage's default, as API Gateway applies route settings over the stage's
 * default route settings.
 */
export interface StageThrottleSettings {
  readonly stage: ThrottleLimit;
  readonly routes: Readonly<Record<string, ThrottleLimit>>;
}

export function stageThrottleSettings(
  api: WebSocketApiSpec,
  limits: Readonly<Record<'stage' | RouteThrottle, ThrottleLimit>> = DEFAULT_STAGE_THROTTLES,
): StageThrottleSettings {
  const routes: Record<string, ThrottleLimit> = {};
  for (const [key, route] of Object.entries(api.routes))
    if (route.throttle !== undefined) routes[key] = limits[route.throttle];
  return { stage: limits.stage, routes };
}

/** API Gateway's algorithm: a bucket of `burstLimit` tokens refilled at `rateLimit` per second. */
class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: ThrottleLimit,
    now: number,
  ) {
    this.tokens = limit.burstLimit;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burstLimit, this.tokens + elapsedSeconds * this.limit.rateLimit);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Stage throttling for the local gateway: one token bucket per route key across every connection of the
 * API (a stage limit, not a per-client one; per-session and per-customer limits are the handlers' job).
 * A token-bucket library would do the same arithmetic; these ten lines keep the gateway dependency-free.
 */
export class StageThrottle {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly settings: StageThrottleSettings,
    private readonly clock: () => number = () => performance.now(),
    /** `api-gateway`: answer as API Gateway itself does (tests of how clients cope with it). */
    private readonly frame: ThrottleFrameStyle = 'protocol',
  ) {}

  /** The frame a refused message gets on this connection. */
  refusal(body: string, connectionId: string): string {
    return this.frame === 'api-gateway' ? apiGatewayThrottledFrame(connectionId) : throttledFrame(body);
  }

  /** Whether one more request on this route passes now; a refused one costs nothing. */
  admit(routeKey: string): boolean {
    const now = this.clock();
    let bucket = this.buckets.get(routeKey);
    if (!bucket) {
      bucket = new TokenBucket(this.settings.routes[routeKey] ?? this.settings.stage, now);
      this.buckets.set(routeKey, bucket);
    }
    return bucket.take(now);
  }
}

/** `protocol`: a typed `rate_limited` error; `api-gateway`: API Gateway's own frame, as in the cloud. */
export type ThrottleFrameStyle = 'protocol' | 'api-gateway';

/**
 * What API Gateway sends when a stage or route throttle refuses a message: no `type`, no `clientMessageId`,
 * only its `message` and ids (the same shape as its "Internal server error" frame).
 */
export function apiGatewayThrottledFrame(connectionId: string): string {
  return JSON.stringify({
    message: 'Too Many Requests',
    connectionId,
    requestId: `${Math.random().toString(36).slice(2, 10)}=`,
  });
}

/** Seconds a throttled client waits before resending: one bucket refill at the slowest route's pace. */
const RETRY_SECONDS = 1;

/**
 * The frame a throttled message gets: a protocol `rate_limited` error (so clients resend it with the same
 * `clientMessageId`, as for the handlers' own limits) that also carries API Gateway's "Too Many Requests".
 */
export function throttledFrame(body: string): string {
  return JSON.stringify(
    errorEvent(
      'rate_limited',
      `Too Many Requests: the stage's limit for this route was reached; resend in ${RETRY_SECONDS} s`,
      clientMessageIdOfBody(body),
    ),
  );
}
