/**
 * When the next person can be expected, from the store's daily hours in its own time zone ("09:00-18:00"
 * every day). Presence says whether anyone is online now; this answers "when, then?".
 */
export interface DailyHours {
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

export function parseDailyHours(text: string, timeZone: string): DailyHours {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new RangeError('hours must look like 09:00-18:00');
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (startMinute >= endMinute || endMinute > 24 * 60)
    throw new RangeError('hours must start before they end');
  return { startMinute, endMinute, timeZone };
}

function minuteOfDay(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(now)
    .reduce<Record<string, number>>((fields, part) => {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
      return fields;
    }, {});
  return (parts.hour ?? 0) * 60 + (parts.minute ?? 0);
}

/** The next opening after `now` (today's if still ahead, else tomorrow's), and its label in store time. */
export function nextOpening(now: Date, hours: DailyHours): { at: string; label: string } {
  const minute = minuteOfDay(now, hours.timeZone);
  const ahead =
    minute < hours.startMinute ? hours.startMinute - minute : 24 * 60 - minute + hours.startMinute;
  const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + ahead * 60_000);
  const hh = String(Math.floor(hours.startMinute / 60)).padStart(2, '0');
  const mm = String(hours.startMinute % 60).padStart(2, '0');
  return { at: at.toISOString(), label: `${hh}:${mm} (${hours.timeZone})` };
}
