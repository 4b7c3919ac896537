import type { FactName, FactRowByName } from '../../core/analytics/facts';
import type { AnalyticsSink } from '../../ports/analytics-sink';

type WriteFacts = <K extends FactName>(
  dataDir: string,
  fact: K,
  rows: ReadonlyArray<FactRowByName[K]>,
) => Promise<string[]>;

let registeredWriter: WriteFacts | undefined;

/**
 * The local runtime registers DuckDB's Parquet writer here, as it registers the assistant runner: the
 * handler's own import graph then never reaches DuckDB's native binding, which no Lambda bundle can hold.
 */
export function registerParquetWriter(writer: WriteFacts): void {
  registeredWriter = writer;
}

/**
 * The local AnalyticsSink: Parquet files under `<dataDir>/analytics/<fact>/dt=…/`, laid out like the
 * Firehose output in S3. One `write` call is one batch (a file per day it touches), so callers should
 * hand it a whole stream batch rather than one row at a time.
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
    const writeFacts = (await this.writeFacts) ?? registeredWriter;
    if (!writeFacts) throw new Error('no Parquet writer registered: the local runtime registers it at start');
    await writeFacts(this.dataDir, fact, rows);
  }
}
