/** A fixed one-minute window per key, shared by every Lambda instance (API Gateway WebSockets cannot take WAF). */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request against `key` in the current minute; refused once `max` were counted. */
  take(key: string, max: number, now?: Date): Promise<RateDecision>;
}
