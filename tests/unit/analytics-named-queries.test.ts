import { describe, expect, it } from 'vitest';
import { formatRows } from '../../cli/commands/query';
import {
  bindNamedParameters,
  parseTimeBound,
  resolveQueryParams,
} from '../../functions/core/analytics/named-queries';

describe('bindNamedParameters', () => {
  const sql =
    "SELECT ':since' AS s, x::int -- :until\nFROM t WHERE a >= :since AND b < :until AND c = :since";
  it('rewrites to DuckDB $name outside literals, comments and casts', () => {
    expect(bindNamedParameters(sql, 'dollar')).toEqual({
      sql: "SELECT ':since' AS s, x::int -- :until\nFROM t WHERE a >= $since AND b < $until AND c = $since",
      order: ['since', 'until', 'since'],
    });
  });
  it('rewrites to ordered ? for Athena', () => {
    expect(bindNamedParameters(sql, 'question').sql).toContain('a >= ? AND b < ? AND c = ?');
  });
});

describe('time bounds', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('reads durations and ISO dates', () => {
    expect(parseTimeBound('7d', now).toISOString()).toBe('2026-11-18T12:00:00.000Z');
    expect(parseTimeBound('36h', now).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parseTimeBound('2w', now).toISOString()).toBe('2026-11-11T12:00:00.000Z');
    expect(parseTimeBound('2026-11-01', now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(() => parseTimeBound('last week', now)).toThrow(/duration/);
  });
  it('resolves the defaults', () => {
    expect(resolveQueryParams({}, now)).toEqual({
      since: '2026-11-18 12:00:00',
      until: '2026-11-25 12:00:00',
      timezone: 'UTC',
    });
    expect(() => resolveQueryParams({ since: '2026-12-01' }, now)).toThrow(/before/);
  });
});

describe('formatRows', () => {
  const rows = [
    { sku: 'A', note: 'a, "b"', n: 1 },
    { sku: 'BB', note: null, n: 22 },
  ];
  it('prints a table, csv and json', () => {
    expect(formatRows(rows, 'table')).toBe(
      'sku  note     n\n---  ------  --\nA    a, "b"   1\nBB           22',
    );
    expect(formatRows(rows, 'csv')).toBe('sku,note,n\nA,"a, ""b""",1\nBB,,22');
    expect(JSON.parse(formatRows(rows, 'json'))).toEqual(rows);
  });
});
