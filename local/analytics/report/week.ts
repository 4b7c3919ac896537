import { toSqlTimestamp } from '../../../functions/core/analytics/named-queries';

/** An ISO-8601 week: weeks start on Monday, and week 1 is the one holding the year's first Thursday. */
export interface IsoWeek {
  year: number;
  week: number;
}

export interface WeekRange {
  week: IsoWeek;
  timezone: string;
  /** Local Monday 00:00 in `timezone`, as a UTC instant (inclusive). */
  since: Date;
  /** The next local Monday 00:00 in `timezone`, as a UTC instant (exclusive). */
  until: Date;
  /** Local calendar days, `YYYY-MM-DD`: the Monday and the Sunday. */
  firstDay: string;
  lastDay: string;
}

const DAY_MS = 86_400_000;
const WEEK = /^(\d{4})-?W(\d{2})$/i;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export const formatIsoWeek = ({ year, week }: IsoWeek) => `${pad(year, 4)}-W${pad(week)}`;

/** The ISO week a UTC calendar day (the date part of `date`) falls in. */
export function isoWeekOf(date: Date): IsoWeek {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const isoDay = new Date(day).getUTCDay() || 7;
  // The week belongs to the year of its Thursday.
  const thursday = new Date(day + (4 - isoDay) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

export const weeksInIsoYear = (year: number) => isoWeekOf(new Date(Date.UTC(year, 11, 28))).week;

/** The Monday of an ISO week, as a UTC midnight (a calendar day, not yet placed in a time zone). */
export function isoWeekMonday({ year, week }: IsoWeek): Date {
  const january4 = Date.UTC(year, 0, 4);
  const isoDay = new Date(january4).getUTCDay() || 7;
  return new Date(january4 - (isoDay - 1) * DAY_MS + (week - 1) * 7 * DAY_MS);
}

export function parseIsoWeek(text: string): IsoWeek {
  const match = WEEK.exec(text.trim());
  if (!match) throw new Error(`expected an ISO week like 2026-W47, got "${text}"`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInIsoYear(year)) {
    throw new Error(`${year} has weeks 1 to ${weeksInIsoYear(year)}, got "${text}"`);
  }
  return { year, week };
}

export const shiftIsoWeek = (week: IsoWeek, weeks: number): IsoWeek =>
  isoWeekOf(new Date(isoWeekMonday(week).getTime() + weeks * 7 * DAY_MS));

/** Throws a readable error for anything that is not an IANA zone the runtime knows. */
export function assertTimeZone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw new Error(`unknown time zone "${timezone}"; use an IANA name such as Europe/Paris or UTC`);
  }
  return timezone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timezone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(timezone: string, instant: number): number {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in `timezone`, the wall time given as a UTC-based epoch. Where the
 * wall time does not exist (a spring-forward gap) the result lands just after the gap.
 */
export function zonedWallTimeToUtc(wallAsUtc: number, timezone: string): Date {
  const first = wallAsUtc - offsetAt(timezone, wallAsUtc);
  // A second pass, because the offset at the guess may differ from the offset at the wall time.
  return new Date(wallAsUtc - offsetAt(timezone, first));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function isoWeekRange(week: IsoWeek, timezone = 'UTC'): WeekRange {
  assertTimeZone(timezone);
  const monday = isoWeekMonday(week).getTime();
  return {
    week,
    timezone,
    since: zonedWallTimeToUtc(monday, timezone),
    until: zonedWallTimeToUtc(monday + 7 * DAY_MS, timezone),
    firstDay: isoDay(new Date(monday)),
    lastDay: isoDay(new Date(monday + 6 * DAY_MS)),
  };
}

/** The named queries' `since`/`until` text for a week range. */
export const rangeParams = (range: WeekRange) => ({
  since: toSqlTimestamp(range.since),
  until: toSqlTimestamp(range.until),
  timezone: range.timezone,
});

/** The ISO week that `now` falls in, on `timezone`'s calendar. */
export function currentIsoWeek(now: Date, timezone = 'UTC'): IsoWeek {
  return isoWeekOf(new Date(now.getTime() + offsetAt(assertTimeZone(timezone), now.getTime())));
}
