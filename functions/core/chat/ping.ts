import type { RateLimiter } from '../../ports/rate-limiter';
import { errorEvent, type ServerEvent } from '../protocol';

/**
 * A heartbeat that tells the truth: it counts against the connection's per-minute allowance in the store,
 * so `pong` means the store answered. With the store down the client gets `internal_error`, not `pong`,
 * and a flood of pings is refused like a flood of messages.
 */
export async function answerPing(
  deps: { limiter: RateLimiter; perMinute: number },
  input: { connectionId: string; now?: Date },
): Promise<ServerEvent> {
  const now = input.now ?? new Date();
  const decision = await deps.limiter.take(`ping:${input.connectionId}`, deps.perMinute, now);
  if (!decision.allowed)
    return errorEvent(
      'rate_limited',
      `Too many pings. Please wait ${decision.retryAfterSeconds} s; one every few minutes is enough.`,
    );
  return { type: 'pong', at: now.toISOString() };
}
