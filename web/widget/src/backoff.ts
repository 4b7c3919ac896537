/**
 * Exponential backoff with full jitter: after an outage, thousands of phones must not reconnect in the
 * same second.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(250 + random() * ceiling);
}
