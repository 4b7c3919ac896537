import { localWeekdayTime } from '../after-sales/calendar';
import type { AgentDesk } from '../after-sales/policy';

const STEP_MS = 15 * 60_000;
const HORIZON_MS = 8 * 24 * 3600_000;

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A store with no hours written is always open: people answer whenever they are online. */
export function isOpen(desk: AgentDesk, timeZone: string, instant: number): boolean {
  const days = Object.keys(desk.businessHours);
  if (days.length === 0) return true;
  const { weekday, minutes } = localWeekdayTime(instant, timeZone);
  const hours = desk.businessHours[weekday];
  return hours !== undefined && minutes >= toMinutes(hours.open) && minutes < toMinutes(hours.close);
}

/**
 * The next instant the desk opens, on a quarter-hour grid (opening times are written in quarters in
 * practice); undefined for a desk that never opens. Stepping through wall-clock time keeps DST right.
 */
export function nextOpening(desk: AgentDesk, timeZone: string, now: number): number | undefined {
  const start = Math.ceil(now / STEP_MS) * STEP_MS;
  for (let instant = start; instant <= now + HORIZON_MS; instant += STEP_MS) {
    if (isOpen(desk, timeZone, instant)) return instant;
  }
  return undefined;
}

/** "Monday 09:00 (GMT+8)" in the shopper's language and the store's zone, for the closed-desk notice. */
export function formatOpening(instant: number, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}
