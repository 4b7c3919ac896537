import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  type ColumnType,
  FACT_COLUMNS,
  FACT_NAMES,
  type FactName,
  type FactRowByName,
} from '../../functions/core/analytics/facts';
import {
  bindNamedParameters,
  isNamedQuery,
  NAMED_QUERIES,
  type QueryParams,
} from '../../functions/core/analytics/named-queries';

const QUERIES_DIR = fileURLToPath(new URL('../../analytics/queries/', import.meta.url));
const COMPAT_SQL = fileURLToPath(new URL('./athena-compat.sql', import.meta.url));

const DUCK_TYPES: Record<ColumnType, string> = {
  varchar: 'VARCHAR',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  'array<varchar>': 'VARCHAR[]',
};

export type ResultValue = string | number | boolean | null | ResultValue[];
export type ResultRow = Record<string, ResultValue>;

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const factDir = (dataDir: string, fact: FactName) => join(dataDir, 'analytics', fact);

/** UTC `YYYY-MM-DD HH:MM:SS.mmm`, which DuckDB reads as a timestamp without zone. */
function sqlTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const millis = Date.parse(String(value));
  if (Number.isNaN(millis)) throw new Error(`not a timestamp: ${String(value)}`);
  return new Date(millis).toISOString().replace('T', ' ').replace('Z', '');
}

async function withConnection<T>(
  run: (connection: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      return await run(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Writes fact rows as Parquet, one file per UTC day, laid out like the Firehose output in S3:
 * `<dataDir>/analytics/<fact>/dt=YYYY-MM-DD/part-<uuid>.parquet`. The `dt` column lives in the path only.
 * Returns the files written.
 */
export async function writeFacts<K extends FactName>(
  dataDir: string,
  fact: K,
  rows: ReadonlyArray<FactRowByName[K]>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const columns = FACT_COLUMNS[fact] as ReadonlyArray<{ name: string; type: ColumnType }>;
  const byDay = new Map<string, string[]>();
  for (const row of rows) {
    const record = row as unknown as Record<string, unknown>;
    const dt = String(record.dt ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dt)) throw new Error(`${fact}: dt must be YYYY-MM-DD, got "${dt}"`);
    const line: Record<string, unknown> = {};
    for (const column of columns) {
      const value = record[column.name];
      line[column.name] = column.type === 'timestamp' ? sqlTimestamp(value) : (value ?? null);
    }
    const lines = byDay.get(dt) ?? [];
    lines.push(JSON.stringify(line));
    byDay.set(dt, lines);
  }
  const columnsStruct = `{${columns.map((column) => `${quote(column.name)}: ${quote(DUCK_TYPES[column.type])}`).join(', ')}}`;
  const written: string[] = [];
  await withConnection(async (connection) => {
    for (const [dt, lines] of byDay) {
      const dir = join(factDir(dataDir, fact), `dt=${dt}`);
      await mkdir(dir, { recursive: true });
      const id = randomUUID();
      const staging = join(dir, `.part-${id}.ndjson`);
      const target = join(dir, `part-${id}.parquet`);
      await writeFile(staging, `${lines.join('\n')}\n`);
      try {
        await connection.run(
          `COPY (SELECT * FROM read_json(${quote(staging)}, format = 'newline_delimited', hive_partitioning = false, columns = ${columnsStruct}))
           TO ${quote(target)} (FORMAT parquet, COMPRESSION snappy)`,
        );
      } finally {
        await rm(staging, { force: true });
      }
      written.push(target);
    }
  });
  return written;
}

function hasParquet(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((entry) => entry.endsWith('.parquet'));
}

function viewSql(dataDir: string, fact: FactName): string {
  const dir = factDir(dataDir, fact);
  if (hasParquet(dir)) {
    const glob = join(dir, 'dt=*', '*.parquet');
    return `CREATE OR REPLACE TEMP VIEW ${fact} AS SELECT * FROM read_parquet(${quote(glob)},
      hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true)`;
  }
  const columns = (FACT_COLUMNS[fact] as ReadonlyArray<{ name: string; type: ColumnType }>)
    .map((column) => `CAST(NULL AS ${DUCK_TYPES[column.type]}) AS ${column.name}`)
    .concat('CAST(NULL AS VARCHAR) AS dt');
  return `CREATE OR REPLACE TEMP VIEW ${fact} AS SELECT ${columns.join(', ')} WHERE false`;
}

export async function readNamedQuery(name: string): Promise<string> {
  if (!isNamedQuery(name)) throw new Error(`unknown query "${name}"; known: ${NAMED_QUERIES.join(', ')}`);
  return readFile(join(QUERIES_DIR, `${name}.sql`), 'utf8');
}

function toResultValue(value: unknown): ResultValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toResultValue);
  return String(value);
}

/**
 * Runs a named query over the local Parquet facts with DuckDB: views over the hive-partitioned files (empty
 * typed views for facts not yet written), the Athena compatibility macros, and `:name` parameters bound as
 * prepared-statement values. One in-memory DuckDB per call, closed before returning.
 */
export async function runNamedQuery(
  dataDir: string,
  name: string,
  params: QueryParams,
): Promise<ResultRow[]> {
  const text = await readNamedQuery(name);
  const compat = await readFile(COMPAT_SQL, 'utf8');
  const bound = bindNamedParameters(text, 'dollar');
  const values: Record<string, string> = {};
  for (const key of bound.order) {
    const value = (params as unknown as Record<string, unknown>)[key];
    if (typeof value !== 'string') throw new Error(`query "${name}" needs parameter :${key}`);
    values[key] = value;
  }
  return withConnection(async (connection) => {
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run(compat);
    for (const fact of FACT_NAMES) await connection.run(viewSql(dataDir, fact));
    const reader = await connection.runAndReadAll(bound.sql, values);
    return reader.getRowObjectsJS().map((row) => {
      const out: ResultRow = {};
      for (const [key, value] of Object.entries(row)) out[key] = toResultValue(value);
      return out;
    });
  });
}
