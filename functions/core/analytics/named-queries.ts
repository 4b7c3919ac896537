/**
 * The named analytics queries. Each is one SQL text in `analytics/queries/<name>.sql` that runs unchanged
 * on Athena (Trino) and DuckDB. Parameters are written `:since`, `:until`, `:timezone`; each engine binds
 * them its own way (see bindNamedParameters).
 */
export const NAMED_QUERIES = [
  'top-issues',
  'angry-customers',
  'keyword-alerts',
  'volume-by-hour',
  'first-contact-resolution',
  'response-times',
  'returns-by-sku',
  'photo-findings-by-sku',
] as const;

export type NamedQuery = (typeof NAMED_QUERIES)[number];

export const isNamedQuery = (name: string): name is NamedQuery =>
  (NAMED_QUERIES as readonly string[]).includes(name);

export interface QueryParams {
  /** Inclusive start, UTC, `YYYY-MM-DD HH:MM:SS`. */
  since: string;
  /** Exclusive end, UTC, `YYYY-MM-DD HH:MM:SS`. */
  until: string;
  /** IANA zone for hour-of-day and weekday buckets. */
  timezone: string;
}

export interface BoundSql {
  sql: string;
  /** Parameter names in the order of the placeholders (for `?` style). */
  order: string[];
}

/**
 * Rewrites `:name` placeholders, skipping string literals, quoted identifiers and comments, and leaving
 * `::` casts alone. `style: 'dollar'` gives DuckDB's `$name`; `style: 'question'` gives `?` placeholders
 * in order, for Athena's ExecutionParameters (StartQueryExecution) or `EXECUTE … USING`.
 */
export function bindNamedParameters(sql: string, style: 'dollar' | 'question'): BoundSql {
  const order: string[] = [];
  let out = '';
  let index = 0;
  while (index < sql.length) {
    const char = sql[index] as string;
    const next = sql[index + 1];
    if (char === "'" || char === '"') {
      const end = findClosingQuote(sql, index, char);
      out += sql.slice(index, end);
      index = end;
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(index, stop);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      const stop = end === -1 ? sql.length : end + 2;
      out += sql.slice(index, stop);
      index = stop;
    } else if (char === ':' && next === ':') {
      out += '::';
      index += 2;
    } else if (char === ':' && next !== undefined && /[A-Za-z_]/.test(next)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(index + 1));
      const name = match?.[0] ?? '';
      order.push(name);
      out += style === 'dollar' ? `$${name}` : '?';
      index += 1 + name.length;
    } else {
      out += char;
      index += 1;
    }
  }
  return { sql: out, order };
}

function findClosingQuote(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) index += 2;
      else return index + 1;
    } else index += 1;
  }
  return sql.length;
}

const DURATION = /^(\d+)\s*(h|d|w)$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD HH:MM:SS` in UTC: the timestamp text both engines cast to `timestamp`. */
export function toSqlTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Reads a `--since`/`--until` value: an ISO date (`2026-11-01`, a UTC midnight), an ISO timestamp, or a
 * duration back from `now` (`36h`, `7d`, `2w`).
 */
export function parseTimeBound(value: string, now: Date = new Date()): Date {
  const trimmed = value.trim();
  const duration = DURATION.exec(trimmed);
  if (duration) {
    const amount = Number(duration[1]);
    const unit = (duration[2] as string).toLowerCase();
    const hours = unit === 'h' ? amount : unit === 'd' ? amount * 24 : amount * 24 * 7;
    return new Date(now.getTime() - hours * 3_600_000);
  }
  const millis = Date.parse(DAY.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(millis)) throw new Error(`expected an ISO date or a duration like 7d, got "${value}"`);
  return new Date(millis);
}

/** Default window: the last 7 days up to now; the zone defaults to UTC. */
export function resolveQueryParams(
  input: { since?: string; until?: string; timezone?: string },
  now: Date = new Date(),
): QueryParams {
  const until = input.until ? parseTimeBound(input.until, now) : now;
  const since = parseTimeBound(input.since ?? '7d', until);
  if (since.getTime() >= until.getTime()) throw new Error('since must be before until');
  return { since: toSqlTimestamp(since), until: toSqlTimestamp(until), timezone: input.timezone ?? 'UTC' };
}
