import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FACT_NAMES, type FactName } from '../../functions/core/analytics/facts';
import { FACT_KEY_COLUMNS, sqlString as quote } from '../../functions/core/privacy/fact-keys';
import type { CustomerFacts, FactKeys } from '../../functions/ports/privacy';
import { readableParts, withConnection } from './duckdb';

/** The temp table each kind of key is loaded into. */
const KEY_TABLES: Readonly<Record<keyof FactKeys, string>> = {
  sessionIds: 'sessions',
  orderIds: 'orders',
  returnIds: 'returns',
  claimIds: 'cases',
};

/** Which rows of each fact belong to the customer: the same columns as in AWS (FACT_KEY_COLUMNS). */
const PREDICATES = Object.fromEntries(
  FACT_NAMES.map((fact) => [
    fact,
    FACT_KEY_COLUMNS[fact]
      .map(([column, key]) => `${column} IN (SELECT id FROM ${KEY_TABLES[key]})`)
      .join(' OR '),
  ]),
) as Readonly<Record<FactName, string>>;

type Connection = Parameters<Parameters<typeof withConnection>[0]>[0];

async function loadIds(connection: Connection, keys: FactKeys): Promise<void> {
  for (const [key, table] of Object.entries(KEY_TABLES) as Array<[keyof FactKeys, string]>) {
    const ids = keys[key];
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} (id VARCHAR)`);
    for (let i = 0; i < ids.length; i += 500)
      await connection.run(
        `INSERT INTO ${table} VALUES ${ids
          .slice(i, i + 500)
          .map((id) => `(${quote(id)})`)
          .join(', ')}`,
      );
  }
}

/**
 * A customer's analytics rows in the local Parquet facts. Erasure rewrites only the part files that hold
 * such rows: each is copied without them under a hidden name and renamed over the original (atomic, so
 * readers see the old file or the new one), or removed when nothing else is left in it. Other files, and
 * other shoppers' rows, are untouched.
 */
export class LocalCustomerFacts implements CustomerFacts {
  constructor(private readonly dataDir: string) {}

  async read(footprint: FactKeys): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    await withConnection(async (connection) => {
      await loadIds(connection, footprint);
      for (const fact of FACT_NAMES) {
        const { files } = readableParts(this.dataDir, fact);
        if (files.length === 0) continue;
        const reader = await connection.runAndReadAll(
          `SELECT * FROM read_parquet([${files.map(quote).join(', ')}], hive_partitioning = true, hive_types = {'dt': VARCHAR}, union_by_name = true) WHERE ${PREDICATES[fact]}`,
        );
        out[fact] = reader.getRowObjectsJson();
      }
    });
    return out;
  }

  async erase(footprint: FactKeys): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    await withConnection(async (connection) => {
      await loadIds(connection, footprint);
      for (const fact of FACT_NAMES) {
        counts[fact] = 0;
        const { files } = readableParts(this.dataDir, fact);
        if (files.length === 0) continue;
        const affected = await connection.runAndReadAll(
          `SELECT filename, count(*) AS n FROM read_parquet([${files.map(quote).join(', ')}], filename = true, hive_partitioning = false, union_by_name = true) WHERE ${PREDICATES[fact]} GROUP BY filename`,
        );
        for (const row of affected.getRowObjectsJS()) {
          const file = String(row.filename);
          const removed = Number(row.n);
          const kept = await connection.runAndReadAll(
            `SELECT count(*) AS n FROM read_parquet(${quote(file)}, hive_partitioning = false) WHERE NOT coalesce((${PREDICATES[fact]}), false)`,
          );
          if (Number(kept.getRowObjectsJS()[0]?.n ?? 0) === 0) {
            await rm(file, { force: true });
          } else {
            const building = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
            try {
              await connection.run(
                `COPY (SELECT * FROM read_parquet(${quote(file)}, hive_partitioning = false) WHERE NOT coalesce((${PREDICATES[fact]}), false)) TO ${quote(building)} (FORMAT parquet, COMPRESSION snappy)`,
              );
              await rename(building, file);
            } finally {
              await rm(building, { force: true });
            }
          }
          counts[fact] += removed;
        }
      }
    });
    return counts;
  }
}
