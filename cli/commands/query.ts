import { resolve } from 'node:path';
import { resolveQueryParams } from '../../functions/core/analytics/named-queries';
import { type ResultRow, type ResultValue, runNamedQuery } from '../../local/analytics/duckdb';

export type QueryFormat = 'table' | 'json' | 'csv';

const cell = (value: ResultValue): string =>
  value === null ? '' : Array.isArray(value) ? value.map(cell).join('|') : String(value);

const csvCell = (value: ResultValue) => {
  const text = cell(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function formatRows(rows: ResultRow[], format: QueryFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  if (format === 'csv') {
    return [
      columns.join(','),
      ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? null)).join(',')),
    ].join('\n');
  }
  if (rows.length === 0) return '(no rows)';
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => cell(row[c] ?? null).length)));
  const numeric = columns.map((c) => rows.every((row) => row[c] === null || typeof row[c] === 'number'));
  const line = (values: string[]) =>
    values
      .map((value, i) => (numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(columns),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(columns.map((c) => cell(row[c] ?? null)))),
  ].join('\n');
}

/**
 * Runs a named analytics query over the local data folder (AFTERDESK_DATA_DIR, default .afterdesk/data)
 * and prints its rows. `since` is an ISO date/timestamp or a duration back from now (`7d`, `36h`, `2w`).
 */
export async function runQuery(
  name: string,
  options: { since?: string; until?: string; timezone?: string; format?: QueryFormat },
): Promise<number> {
  const dataDir = resolve(process.env.AFTERDESK_DATA_DIR ?? '.afterdesk/data');
  let params: ReturnType<typeof resolveQueryParams>;
  try {
    params = resolveQueryParams({
      since: options.since,
      until: options.until,
      timezone: options.timezone ?? process.env.AFTERDESK_TIMEZONE ?? 'UTC',
    });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  try {
    const rows = await runNamedQuery(dataDir, name, params);
    console.log(formatRows(rows, options.format ?? 'table'));
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
