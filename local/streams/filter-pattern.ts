import type { FilterPattern, FilterRule } from '../../topology';

/**
 * Lambda event filtering for the local pollers: a record reaches the handler when it matches at least one
 * pattern (or when there are none). Hand-written because no dependency implements Lambda's filter syntax;
 * it covers the rules topology/index.ts allows. As in Lambda, every field named by a pattern must match,
 * an array value matches when any element does, and a rule array matches when any rule does.
 */
export function matchesAnyFilter(record: unknown, patterns: readonly FilterPattern[] | undefined): boolean {
  if (!patterns || patterns.length === 0) return true;
  return patterns.some((pattern) => matchesPattern(record, pattern));
}

export function matchesPattern(value: unknown, pattern: FilterPattern): boolean {
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
