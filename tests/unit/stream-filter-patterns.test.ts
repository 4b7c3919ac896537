import { describe, expect, it } from 'vitest';
import { matchesAnyFilter } from '../../local/streams/filter-pattern';
import type { FilterPattern, FilterRule } from '../../topology';

const insert = (kind: string, extra: Record<string, unknown> = {}) => ({
  eventName: 'INSERT',
  dynamodb: { NewImage: { kind: { S: kind }, seq: { N: '7' }, ...extra } },
});

describe('Lambda filter patterns on local stream records', () => {
  it('without patterns every record passes', () => {
    expect(matchesAnyFilter(insert('message'), undefined)).toBe(true);
    expect(matchesAnyFilter(insert('message'), [])).toBe(true);
  });

  it('a record passes when every field of one pattern matches', () => {
    const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['message'] } } } };
    expect(matchesAnyFilter(insert('message'), [pattern])).toBe(true);
    expect(matchesAnyFilter(insert('reply'), [pattern])).toBe(false);
    expect(matchesAnyFilter({ ...insert('message'), eventName: 'MODIFY' }, [pattern])).toBe(false);
  });

  it('any one of several patterns is enough', () => {
    const patterns: FilterPattern[] = [
      { eventName: ['REMOVE'] },
      { dynamodb: { NewImage: { kind: { S: ['reply'] } } } },
    ];
    expect(matchesAnyFilter(insert('reply'), patterns)).toBe(true);
    expect(matchesAnyFilter(insert('message'), patterns)).toBe(false);
  });

  it('prefix, suffix, anything-but, equals-ignore-case and numeric rules', () => {
    const at = (rule: FilterRule): FilterPattern[] => [{ dynamodb: { NewImage: { kind: { S: [rule] } } } }];
    expect(matchesAnyFilter(insert('message#shopper'), at({ prefix: 'message' }))).toBe(true);
    expect(matchesAnyFilter(insert('reply'), at({ prefix: 'message' }))).toBe(false);
    expect(matchesAnyFilter(insert('message#shopper'), at({ suffix: '#shopper' }))).toBe(true);
    expect(matchesAnyFilter(insert('reply'), at({ 'anything-but': ['message'] }))).toBe(true);
    expect(matchesAnyFilter(insert('message'), at({ 'anything-but': 'message' }))).toBe(false);
    expect(matchesAnyFilter(insert('MESSAGE'), at({ 'equals-ignore-case': 'message' }))).toBe(true);
    const seq = (rule: FilterRule): FilterPattern[] => [{ dynamodb: { NewImage: { seq: { N: [rule] } } } }];
    expect(matchesAnyFilter(insert('message'), seq({ numeric: ['>', 5, '<=', 7] }))).toBe(true);
    expect(matchesAnyFilter(insert('message'), seq({ numeric: ['>', 7] }))).toBe(false);
  });

  it('exists matches on presence and absence of a field', () => {
    const withRole = insert('message', { role: { S: 'shopper' } });
    const exists = (flag: boolean): FilterPattern[] => [
      { dynamodb: { NewImage: { role: [{ exists: flag }] } } },
    ];
    expect(matchesAnyFilter(withRole, exists(true))).toBe(true);
    expect(matchesAnyFilter(insert('message'), exists(true))).toBe(false);
    expect(matchesAnyFilter(insert('message'), exists(false))).toBe(true);
  });

  it('a pattern naming a missing object never matches', () => {
    expect(
      matchesAnyFilter({ eventName: 'REMOVE' }, [{ dynamodb: { NewImage: { kind: { S: ['x'] } } } }]),
    ).toBe(false);
  });
});
