/**
 * The store's own calendar and wall clock, one per time zone. A return window is promised in days ("30
 * days from delivery"), and a shopper reads "the last day" on their own calendar, so a window must not
 * close at some UTC midnight that falls in the middle of the store's afternoon; business hours are read on
 * the same wall clock.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(value: string): boolean {
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

/** 'Mon' (en-US short weekday) to 'mon'. */
const WEEKDAY_OF: Readonly<Record<string, Weekday>> = Object.fromEntries(
  WEEKDAYS.map((day) => [day.charAt(0).toUpperCase() + day.slice(1), day]),
);

function wallClock(instantMs: number, timeZone: string): Record<string, number> & { weekday?: Weekday } {
  const fields: Record<string, number> & { weekday?: Weekday } = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type === 'weekday') fields.weekday = WEEKDAY_OF[part.value];
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

/** The weekday and the minutes since local midnight at an instant, on the store's wall clock. */
export function localWeekdayTime(instantMs: number, timeZone: string): { weekday: Weekday; minutes: number } {
  const f = wallClock(instantMs, timeZone);
  return { weekday: f.weekday ?? 'mon', minutes: (f.hour ?? 0) * 60 + (f.minute ?? 0) };
}

function offsetMs(instantMs: number, timeZone: string): number {
  const f = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(
    f.year ?? 0,
    (f.month ?? 1) - 1,
    f.day ?? 1,
    f.hour ?? 0,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

export function localDateOf(instantMs: number, timeZone: string): LocalDate {
  const f = wallClock(instantMs, timeZone);
  return { year: f.year ?? 0, month: f.month ?? 1, day: f.day ?? 1 };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant the local day begins; a DST change at midnight moves it, so the offset is read twice. */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return first === second ? first : Math.min(first, second);
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
