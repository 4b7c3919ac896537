/** A fixed window per key (a minute unless told), shared by every Lambda instance (API Gateway WebSockets cannot take WAF). */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request against `key` in the current window; refused once `max` were counted. */
  take(key: string, max: number, now?: Date, windowSeconds?: number): Promise<RateDecision>;
}
