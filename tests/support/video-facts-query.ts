import { DuckDBInstance } from '@duckdb/node-api';
import { readableParts } from '../../local/analytics/duckdb';

/** The video fact rows of one call, oldest first, read from the local Parquet files with DuckDB. */
export async function queryFacts(dataDir: string, callId: string): Promise<Array<Record<string, unknown>>> {
  const { files } = readableParts(dataDir, 'video_facts');
  if (files.length === 0) return [];
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT * FROM read_parquet([${list}]) WHERE call_id = $call ORDER BY updated_at`,
        { call: callId },
      );
      return reader.getRowObjectsJS() as Array<Record<string, unknown>>;
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
