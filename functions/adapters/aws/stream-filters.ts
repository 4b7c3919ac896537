/**
 * Event source mapping filters: the records each stream consumer is invoked for, as DynamoDB stream
 * filter patterns (Lambda FilterCriteria). Declared next to the decoders because they name item shapes;
 * the CDK constructs pass them to the mappings and `matchesFilters` applies the same patterns locally.
 * Lambda allows 5 patterns per mapping unless raised, so each list stays within that.
 */

import type { FilterPattern, FilterRule } from '../../../topology';

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

/** The agent console: stored messages, and sessions whose hand-off changed (queued, assigned, closed). */
export const CONSOLE_FILTERS: readonly Pattern[] = [
  { eventName: ['INSERT'], dynamodb: { NewImage: MESSAGE } },
  {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: {
      Keys: { sk: { S: ['META'] } },
      NewImage: { handoffStatus: { S: ['queued', 'assigned', 'closed'] } },
    },
  },
];

const STORE_RECORD = { type: { S: ['return', 'claim'] } };

/** Returns, claims and video calls changing (video_call_changed feeds video facts); returns and claims leaving. */
export const STORE_ANALYTICS_FILTERS: readonly Pattern[] = [
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { type: { S: ['return', 'claim', 'video'] } } } },
  { eventName: ['REMOVE'], dynamodb: { OldImage: STORE_RECORD } },
];

/**
 * Does a stream record pass any of the patterns (or are there none)? Lambda event filtering for the local
 * pollers, so they deliver what a mapping would. Hand-written because no dependency implements Lambda's
 * filter syntax; it covers the rules topology/index.ts allows. As in Lambda, every field named by a pattern
 * must match, an array value matches when any element does, and a rule array matches when any rule does.
 */
export function matchesFilters(
  patterns: readonly FilterPattern[] | readonly Pattern[] | undefined,
  record: unknown,
): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((pattern) => matchesPattern(record, pattern as FilterPattern));
}

function matchesPattern(value: unknown, pattern: FilterPattern): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  for (const [field, expected] of Object.entries(pattern)) {
    const present = Object.hasOwn(object, field);
    const actual = object[field];
    if (Array.isArray(expected)) {
      if (!matchesRules(present, actual, expected as readonly FilterRule[])) return false;
    } else if (!present || !matchesPattern(actual, expected as FilterPattern)) {
      return false;
    }
  }
  return true;
}

function matchesRules(present: boolean, actual: unknown, rules: readonly FilterRule[]): boolean {
  return rules.some((rule) => {
    if (isExistsRule(rule)) return rule.exists === present;
    if (!present) return false;
    const values = Array.isArray(actual) ? actual : [actual];
    return values.some((value) => matchesRule(value, rule));
  });
}

function isExistsRule(rule: FilterRule): rule is { readonly exists: boolean } {
  return typeof rule === 'object' && rule !== null && 'exists' in rule;
}

function matchesRule(value: unknown, rule: FilterRule): boolean {
  if (rule === null || typeof rule !== 'object') return value === rule;
  if ('prefix' in rule) return typeof value === 'string' && value.startsWith(rule.prefix);
  if ('suffix' in rule) return typeof value === 'string' && value.endsWith(rule.suffix);
  if ('equals-ignore-case' in rule)
    return typeof value === 'string' && value.toLowerCase() === rule['equals-ignore-case'].toLowerCase();
  if ('anything-but' in rule) {
    const excluded = ([] as unknown[]).concat(rule['anything-but']);
    return !excluded.includes(value);
  }
  if ('numeric' in rule) return matchesNumeric(value, rule.numeric);
  return false;
}

/** `{ numeric: ['>', 0, '<=', 5] }`: every comparison must hold. DynamoDB numbers arrive as strings. */
function matchesNumeric(value: unknown, comparisons: readonly (string | number)[]): boolean {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) return false;
  for (let index = 0; index + 1 < comparisons.length; index += 2) {
    const operator = comparisons[index];
    const operand = Number(comparisons[index + 1]);
    const holds =
      operator === '='
        ? number === operand
        : operator === '>'
          ? number > operand
          : operator === '>='
            ? number >= operand
            : operator === '<'
              ? number < operand
              : operator === '<='
                ? number <= operand
                : false;
    if (!holds) return false;
  }
  return true;
}
