import { describe, expect, it } from 'vitest';
import { matchesFilters } from '../../functions/adapters/aws/stream-filters';
import type { FilterPattern, FilterRule } from '../../topology';

const insert = (kind: string, extra: Record<string, unknown> = {}) => ({
  eventName: 'INSERT',
  dynamodb: { NewImage: { kind: { S: kind }, seq: { N: '7' }, ...extra } },
});

describe('Lambda filter patterns on local stream records', () => {
  it('without patterns every record passes', () => {
    expect(matchesFilters(undefined, insert('message'))).toBe(true);
    expect(matchesFilters([], insert('message'))).toBe(true);
  });

  it('a record passes when every field of one pattern matches', () => {
    const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['message'] } } } };
    expect(matchesFilters([pattern], insert('message'))).toBe(true);
    expect(matchesFilters([pattern], insert('reply'))).toBe(false);
    expect(matchesFilters([pattern], { ...insert('message'), eventName: 'MODIFY' })).toBe(false);
  });

  it('any one of several patterns is enough', () => {
    const patterns: FilterPattern[] = [
      { eventName: ['REMOVE'] },
      { dynamodb: { NewImage: { kind: { S: ['reply'] } } } },
    ];
    expect(matchesFilters(patterns, insert('reply'))).toBe(true);
    expect(matchesFilters(patterns, insert('message'))).toBe(false);
  });

  it('prefix, suffix, anything-but, equals-ignore-case and numeric rules', () => {
    const at = (rule: FilterRule): FilterPattern[] => [{ dynamodb: { NewImage: { kind: { S: [rule] } } } }];
    expect(matchesFilters(at({ prefix: 'message' }), insert('message#shopper'))).toBe(true);
    expect(matchesFilters(at({ prefix: 'message' }), insert('reply'))).toBe(false);
    expect(matchesFilters(at({ suffix: '#shopper' }), insert('message#shopper'))).toBe(true);
    expect(matchesFilters(at({ 'anything-but': ['message'] }), insert('reply'))).toBe(true);
    expect(matchesFilters(at({ 'anything-but': 'message' }), insert('message'))).toBe(false);
    expect(matchesFilters(at({ 'equals-ignore-case': 'message' }), insert('MESSAGE'))).toBe(true);
    const seq = (rule: FilterRule): FilterPattern[] => [{ dynamodb: { NewImage: { seq: { N: [rule] } } } }];
    expect(matchesFilters(seq({ numeric: ['>', 5, '<=', 7] }), insert('message'))).toBe(true);
    expect(matchesFilters(seq({ numeric: ['>', 7] }), insert('message'))).toBe(false);
  });

  it('exists matches on presence and absence of a field', () => {
    const withRole = insert('message', { role: { S: 'shopper' } });
    const exists = (flag: boolean): FilterPattern[] => [
      { dynamodb: { NewImage: { role: [{ exists: flag }] } } },
    ];
    expect(matchesFilters(exists(true), withRole)).toBe(true);
    expect(matchesFilters(exists(true), insert('message'))).toBe(false);
    expect(matchesFilters(exists(false), insert('message'))).toBe(true);
  });

  it('a pattern naming a missing object never matches', () => {
    expect(
      matchesFilters([{ dynamodb: { NewImage: { kind: { S: ['x'] } } } }], { eventName: 'REMOVE' }),
    ).toBe(false);
  });
});
