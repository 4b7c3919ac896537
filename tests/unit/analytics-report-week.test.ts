import { describe, expect, it } from 'vitest';
import {
  currentIsoWeek,
  formatIsoWeek,
  isoWeekOf,
  isoWeekRange,
  parseIsoWeek,
  rangeParams,
  shiftIsoWeek,
  weeksInIsoYear,
} from '../../local/analytics/report/week';

const range = (week: string, timezone?: string) => {
  const { since, until, firstDay, lastDay } = isoWeekRange(parseIsoWeek(week), timezone);
  return { since: since.toISOString(), until: until.toISOString(), firstDay, lastDay };
};

describe('ISO week ranges', () => {
  it('runs Monday 00:00 to the next Monday 00:00 in UTC', () => {
    expect(range('2026-W47')).toEqual({
      since: '2026-11-16T00:00:00.000Z',
      until: '2026-11-23T00:00:00.000Z',
      firstDay: '2026-11-16',
      lastDay: '2026-11-22',
    });
    expect(rangeParams(isoWeekRange(parseIsoWeek('2026-W47')))).toEqual({
      since: '2026-11-16 00:00:00',
      until: '2026-11-23 00:00:00',
      timezone: 'UTC',
    });
  });

  it('starts week 1 in the previous December when January 1st is after Thursday', () => {
    expect(range('2025-W01').since).toBe('2024-12-30T00:00:00.000Z');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toEqual({ year: 2025, week: 1 });
  });

  it('gives 53-week years their week 53 and spills it into January', () => {
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(range('2026-W53')).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03' });
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toEqual({ year: 2026, week: 53 });
    expect(range('2027-W01').since).toBe('2027-01-04T00:00:00.000Z');
  });

  it('steps back across a year boundary to the right week', () => {
    expect(formatIsoWeek(shiftIsoWeek(parseIsoWeek('2027-W01'), -1))).toBe('2026-W53');
    expect(formatIsoWeek(shiftIsoWeek(parseIsoWeek('2025-W01'), -1))).toBe('2024-W52');
    expect(formatIsoWeek(shiftIsoWeek(parseIsoWeek('2026-W52'), 2))).toBe('2027-W01');
  });

  it('places the week on the local calendar of the time zone', () => {
    expect(range('2026-W47', 'Asia/Shanghai')).toMatchObject({
      since: '2026-11-15T16:00:00.000Z',
      until: '2026-11-22T16:00:00.000Z',
    });
    expect(range('2026-W47', 'America/New_York')).toMatchObject({
      since: '2026-11-16T05:00:00.000Z',
      until: '2026-11-23T05:00:00.000Z',
    });
    expect(range('2026-W47', 'Pacific/Kiritimati').since).toBe('2026-11-15T10:00:00.000Z');
    expect(range('2025-W01', 'Asia/Kolkata').since).toBe('2024-12-29T18:30:00.000Z');
  });

  it('lasts an hour longer in the week summer time ends, and an hour shorter when it starts', () => {
    const autumn = range('2026-W43', 'Europe/Paris');
    expect(autumn).toMatchObject({ since: '2026-10-18T22:00:00.000Z', until: '2026-10-25T23:00:00.000Z' });
    const spring = range('2026-W13', 'Europe/Paris');
    expect(spring).toMatchObject({ since: '2026-03-22T23:00:00.000Z', until: '2026-03-29T22:00:00.000Z' });
  });

  it('knows which week it is on the local calendar', () => {
    const sundayEveningInUtc = new Date('2026-11-22T20:00:00Z');
    expect(formatIsoWeek(currentIsoWeek(sundayEveningInUtc, 'UTC'))).toBe('2026-W47');
    expect(formatIsoWeek(currentIsoWeek(sundayEveningInUtc, 'Asia/Tokyo'))).toBe('2026-W48');
  });

  it('accepts 2026-W47 and 2026W47, and refuses weeks and zones that do not exist', () => {
    expect(parseIsoWeek('2026w47')).toEqual({ year: 2026, week: 47 });
    expect(parseIsoWeek(' 2026-W05 ')).toEqual({ year: 2026, week: 5 });
    expect(() => parseIsoWeek('2025-W53')).toThrow(/weeks 1 to 52/);
    expect(() => parseIsoWeek('2026-W00')).toThrow(/weeks 1 to 53/);
    expect(() => parseIsoWeek('2026-11-16')).toThrow(/ISO week like 2026-W47/);
    expect(() => isoWeekRange(parseIsoWeek('2026-W47'), 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
