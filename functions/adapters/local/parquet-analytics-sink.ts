import type { FactName, FactRowByName } from '../../core/analytics/facts';
import type { AnalyticsSink } from '../../ports/analytics-sink';

type WriteFacts = <K extends FactName>(
  dataDir: string,
  fact: K,
  rows: ReadonlyArray<FactRowByName[K]>,
) => Promise<string[]>;

/**
 * The local AnalyticsSink: Parquet files under `<dataDir>/analytics/<fact>/dt=…/`, laid out like the
 * Firehose output in S3. One `write` call is one batch (a file per day it touches), so callers should
 * hand it a whole stream batch rather than one row at a time. DuckDB is loaded on first write only.
 */
export class ParquetAnalyticsSink implements AnalyticsSink {
  private writeFacts?: Promise<WriteFacts>;

  constructor(
    private readonly dataDir: string,
    loadWriter?: () => Promise<WriteFacts>,
  ) {
    if (loadWriter) this.writeFacts = loadWriter();
  }

  async write<K extends FactName>(fact: K, rows: ReadonlyArray<FactRowByName[K]>): Promise<void> {
    if (rows.length === 0) return;
    this.writeFacts ??= import('../../../local/analytics/duckdb').then((module) => module.writeFacts);
    const writeFacts = await this.writeFacts;
    await writeFacts(this.dataDir, fact, rows);
  }
}
