import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
import { wellFormed } from '../../functions/core/unicode';

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

export async function withConnection<T>(
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
      line[column.name] = column.type === 'timestamp' ? sqlTimestamp(value) : textSafe(value ?? null);
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
      // Readers glob `*.parquet`: the file is built under a hidden name and renamed (atomic on one file
      // system) only once complete, so a failed or interrupted COPY never leaves a partial part file.
      const building = join(dir, `.part-${id}.parquet.tmp`);
      await writeFile(staging, `${lines.join('\n')}\n`);
      try {
        await connection.run(
          `COPY (SELECT * FROM read_json(${quote(staging)}, format = 'newline_delimited', hive_partitioning = false, columns = ${columnsStruct}))
           TO ${quote(building)} (FORMAT parquet, COMPRESSION snappy)`,
        );
        await rename(building, target);
      } finally {
        await rm(staging, { force: true });
        await rm(building, { force: true });
      }
      written.push(target);
    }
  });
  return written;
}

/** Strings (and strings in lists) made well-formed: the last guard before bytes are encoded as UTF-8. */
function textSafe(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(textSafe);
  return value;
}

const PARQUET_MAGIC = Buffer.from('PAR1');

/**
 * A complete Parquet file starts and ends with `PAR1`, and its footer length fits in the file. Anything else
 * (a zero-byte or truncated file left by a crash or copied in by hand) is left out of queries rather than
 * failing every query that touches its table.
 */
export function looksLikeParquet(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size < 12) return false;
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(8);
    readSync(fd, head, 0, 4, 0);
    readSync(fd, tail, 0, 8, size - 8);
    const footer = tail.readUInt32LE(0);
    return head.equals(PARQUET_MAGIC) && tail.subarray(4).equals(PARQUET_MAGIC) && footer < size - 8;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The complete part files of a fact (hidden build files and damaged files left out). */
export function readableParts(dataDir: string, fact: FactName): { files: string[]; skipped: number } {
  const dir = factDir(dataDir, fact);
  if (!existsSync(dir)) return { files: [], skipped: 0 };
  const files: string[] = [];
  let skipped = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const name = entry.split(/[\\/]/).pop() ?? '';
    if (!/^dt=\d{4}-\d{2}-\d{2}[\\/]/.test(entry) || name.startsWith('.') || !name.endsWith('.parquet'))
      continue;
    const path = join(dir, entry);
    if (looksLikeParquet(path)) files.push(path);
    else skipped++;
  }
  return { files, skipped };
}

/**
 * The view a named query reads. Facts written before a column existed (old files lack `sentiment_urgency`)
 * get it as a typed NULL: `union_by_name` fills a column only when some file has it, so with only old files
 * a query naming it would fail. (Athena reads Parquet by name against the Glue schema: NULL there too.)
 */
async function factView(
  connection: Parameters<Parameters<typeof withConnection>[0]>[0],
  fact: FactName,
  files: readonly string[],
): Promise<string> {
  if (files.length === 0) return viewSql(fact, files);
  const source = `read_parquet([${files.map(quote).join(', ')}],
      hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true)`;
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const present = new Set(described.getRowObjectsJS().map((row) => String(row.column_name)));
  const missing = (FACT_COLUMNS[fact] as ReadonlyArray<{ name: string; type: ColumnType }>)
    .filter((column) => !present.has(column.name))
    .map((column) => `, CAST(NULL AS ${DUCK_TYPES[column.type]}) AS ${column.name}`);
  return `CREATE OR REPLACE TEMP VIEW ${fact} AS SELECT *${missing.join('')} FROM ${source}`;
}

function viewSql(fact: FactName, files: readonly string[]): string {
  if (files.length > 0) {
    return `CREATE OR REPLACE TEMP VIEW ${fact} AS SELECT * FROM read_parquet([${files.map(quote).join(', ')}],
      hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true)`;
  }
  const columns = (FACT_COLUMNS[fact] as ReadonlyArray<{ name: string; type: ColumnType }>)
    .map((column) => `CAST(NULL AS ${DUCK_TYPES[column.type]}) AS ${column.name}`)
    .concat('CAST(NULL AS VARCHAR) AS dt');
  return `CREATE OR REPLACE TEMP VIEW ${fact} AS SELECT ${columns.join(', ')} WHERE false`;
}

/** A query failure told to clients: which query, never a path, SQL or stack. */
export class QueryFailedError extends Error {
  constructor(readonly query: string) {
    super(`query "${query}" failed`);
    this.name = 'QueryFailedError';
  }
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
  const parts = Object.fromEntries(
    FACT_NAMES.map((fact) => [fact, readableParts(dataDir, fact).files]),
  ) as Record<FactName, string[]>;
  const run = () =>
    withConnection(async (connection) => {
      await connection.run("SET TimeZone = 'UTC'");
      await connection.run(compat);
      for (const fact of FACT_NAMES) await connection.run(await factView(connection, fact, parts[fact]));
      const reader = await connection.runAndReadAll(bound.sql, values);
      return reader.getRowObjectsJS().map((row) => {
        const out: ResultRow = {};
        for (const [key, value] of Object.entries(row)) out[key] = toResultValue(value);
        return out;
      });
    });
  try {
    return await run();
  } catch {
    // A file can look complete and still be unreadable inside. Only on failure is each file read on its
    // own; the unreadable ones are left out and the query runs once more, so one bad file never stops
    // every answer.
    const dropped = await dropUnreadable(parts);
    if (dropped === 0) throw new QueryFailedError(name);
    try {
      return await run();
    } catch {
      throw new QueryFailedError(name);
    }
  }
}

async function dropUnreadable(parts: Record<FactName, string[]>): Promise<number> {
  let dropped = 0;
  await withConnection(async (connection) => {
    for (const fact of FACT_NAMES) {
      const readable: string[] = [];
      for (const file of parts[fact]) {
        try {
          await connection.run(`SELECT * FROM read_parquet(${quote(file)})`);
          readable.push(file);
        } catch {
          dropped++;
        }
      }
      parts[fact] = readable;
    }
  });
  return dropped;
}
