/**
 * Event source mapping filters: the records each stream consumer is invoked for, as DynamoDB stream
 * filter patterns (Lambda FilterCriteria). Declared next to the decoders because they name item shapes;
 * the CDK constructs pass them to the mappings and `matchesFilters` applies the same patterns locally.
 * Lambda allows 5 patterns per mapping unless raised, so each list stays within that.
 */

type Pattern = Record<string, unknown>;

const MESSAGE = { type: { S: ['message'] } };

/** Analytics of the Conversations stream: messages stored or removed, hand-off changes, contact closes. */
export const ANALYTICS_CONVERSATION_FILTERS: readonly Pattern[] = [
  { eventName: ['INSERT'], dynamodb: { NewImage: MESSAGE } },
  { eventName: ['REMOVE'], dynamodb: { OldImage: MESSAGE } },
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { Keys: { sk: { S: ['META'] } }, NewImage: { handoffStatus: { S: ['queued', 'assigned'] } } },
  },
  {
    eventName: ['MODIFY'],
    dynamodb: {
      Keys: { sk: { S: ['CONTACT'] } },
      OldImage: { status: { S: ['open'] } },
      NewImage: { status: { S: ['closed'] } },
    },
  },
];

/** The session summary keeps the latest reply, and counts removed messages. */
export const CONVERSATION_ACTIVITY_FILTERS: readonly Pattern[] = [
  {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { ...MESSAGE, role: { S: [{ 'anything-but': ['shopper'] }] } } },
  },
  { eventName: ['REMOVE'], dynamodb: { OldImage: MESSAGE } },
];

const STORE_RECORD = { type: { S: ['return', 'claim'] } };

/** Returns and claims changing, and leaving the store. */
export const STORE_ANALYTICS_FILTERS: readonly Pattern[] = [
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: STORE_RECORD } },
  { eventName: ['REMOVE'], dynamodb: { OldImage: STORE_RECORD } },
];

/** One value against a pattern's list: exact values, or `{ 'anything-but': [...] }`. */
function matchesValue(allowed: readonly unknown[], value: unknown): boolean {
  return allowed.some((option) => {
    if (option !== null && typeof option === 'object' && 'anything-but' in option) {
      const excluded = (option as { 'anything-but': unknown[] })['anything-but'];
      return value !== undefined && !excluded.includes(value);
    }
    return option === value;
  });
}

function matchesPattern(pattern: Pattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const actual =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return Array.isArray(expected)
      ? matchesValue(expected, actual)
      : matchesPattern(expected as Pattern, actual);
  });
}

/**
 * Does a stream record pass any of the patterns? The subset of Lambda's filter syntax used above (exact
 * values and `anything-but`), so the local poller delivers what a mapping would.
 */
export function matchesFilters(patterns: readonly Pattern[], record: unknown): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(pattern, record));
}
