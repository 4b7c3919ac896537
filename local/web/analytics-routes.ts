import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readKeywordSpikes } from '../../functions/adapters/local/file-alert-publisher';
import {
  isNamedQuery,
  NAMED_QUERIES,
  parseTimeBound,
  toSqlTimestamp,
} from '../../functions/core/analytics/named-queries';
import { runNamedQuery } from '../analytics/duckdb';
import { chartForQuery, QUERY_TITLES } from '../analytics/report/query-charts';
import { assertTimeZone, isoWeekRange, parseIsoWeek } from '../analytics/report/week';

const PAGE = fileURLToPath(new URL('../../web/analytics/index.html', import.meta.url));
const API = '/api/analytics';

export interface AnalyticsRouteOptions {
  dataDir: string;
  now?: () => Date;
}

class BadRequest extends Error {}

/**
 * `since`/`until` as the CLI reads them (ISO date or timestamp, or a duration back from now such as `7d`),
 * or `week=YYYY-Www` for an ISO week in `timezone`. Defaults: the last 7 days, UTC.
 */
export function periodFromSearch(search: URLSearchParams, now: Date) {
  const read = (name: string) => {
    const value = search.get(name);
    return value === null || value.trim() === '' ? undefined : value;
  };
  const timezone = read('timezone') ?? 'UTC';
  try {
    assertTimeZone(timezone);
  } catch (error) {
    throw new BadRequest((error as Error).message);
  }
  const week = read('week');
  if (week !== undefined) {
    if (read('since') !== undefined || read('until') !== undefined)
      throw new BadRequest('give either week or since/until, not both');
    try {
      const range = isoWeekRange(parseIsoWeek(week), timezone);
      return { since: toSqlTimestamp(range.since), until: toSqlTimestamp(range.until), timezone };
    } catch (error) {
      throw new BadRequest((error as Error).message);
    }
  }
  const bound = (name: string, fallback: Date, base: Date) => {
    const value = read(name);
    if (value === undefined) return fallback;
    try {
      return parseTimeBound(value, base);
    } catch {
      throw new BadRequest(
        `${name}: expected an ISO date, an ISO timestamp or a duration like 7d, got "${value}"`,
      );
    }
  };
  const until = bound('until', now, now);
  // As in the CLI, a duration for since counts back from until.
  const since = bound('since', new Date(until.getTime() - 7 * 86_400_000), until);
  if (since.getTime() >= until.getTime()) throw new BadRequest('since must be before until');
  return { since: toSqlTimestamp(since), until: toSqlTimestamp(until), timezone };
}

function json(response: ServerResponse, status: number, body: unknown): true {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
  return true;
}

/**
 * The local analytics page and its API. Returns false for URLs it does not own, so the caller goes on.
 * `GET /api/analytics` lists the queries; `GET /api/analytics/<query>?since=…&until=…&timezone=…` (or
 * `week=YYYY-Www`) answers `{ query, title, params, columns, rows, svg }`, the SVG from the same renderers
 * as the weekly report. `GET /api/analytics/alerts` answers `{ alerts }`, the keyword spike alerts, newest first.
 */
export async function handleAnalyticsRequest(
  url: URL,
  response: ServerResponse,
  options: AnalyticsRouteOptions,
): Promise<boolean> {
  const path = url.pathname;
  if (path === '/analytics' || path === '/analytics/') {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(await readFile(PAGE));
    return true;
  }
  if (path === API || path === `${API}/`) {
    return json(response, 200, {
      queries: NAMED_QUERIES.map((name) => ({ name, title: QUERY_TITLES[name] })),
    });
  }
  if (path === `${API}/alerts`)
    return json(response, 200, { alerts: await readKeywordSpikes(options.dataDir) });
  if (!path.startsWith(`${API}/`)) return false;
  let name: string;
  try {
    name = decodeURIComponent(path.slice(API.length + 1));
  } catch {
    return json(response, 400, { error: 'query name is not valid URL encoding' });
  }
  if (!isNamedQuery(name)) {
    return json(response, 404, { error: `unknown query "${name}"`, known: NAMED_QUERIES });
  }
  let params: ReturnType<typeof periodFromSearch>;
  try {
    params = periodFromSearch(url.searchParams, options.now?.() ?? new Date());
  } catch (error) {
    if (error instanceof BadRequest) return json(response, 400, { error: error.message });
    throw error;
  }
  try {
    const rows = await runNamedQuery(options.dataDir, name, params);
    return json(response, 200, {
      query: name,
      title: QUERY_TITLES[name],
      params,
      columns: rows[0] ? Object.keys(rows[0]) : [],
      rows,
      svg: chartForQuery(name, rows),
    });
  } catch {
    // DuckDB's messages name files and SQL: the client learns which query failed, nothing more.
    return json(response, 500, { error: `query "${name}" failed` });
  }
}
