import { type _Record, type FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import type { FactName, FactRowByName } from '../../core/analytics/facts';
import type { AnalyticsSink } from '../../ports/analytics-sink';

/** PutRecordBatch takes at most 500 records and 4 MiB per call. */
const MAX_RECORDS = 500;
const MAX_BATCH_BYTES = 4 * 1024 * 1024 - 64 * 1024;
const RETRIES = 3;

const encoder = new TextEncoder();

/**
 * The cloud AnalyticsSink: newline-delimited JSON records to a Firehose stream per fact (named by the
 * `streams` map, see deliveryStreamEnvVar), which converts them to Parquet with that fact's Glue table
 * schema. Records Firehose reports as failed are resent; if some still fail, the write throws so the stream
 * batch is retried (message facts carry event_id, and readers keep the latest row per return or ticket id,
 * so the duplicates a partial retry may leave change no answer).
 */
export class FirehoseAnalyticsSink implements AnalyticsSink {
  constructor(
    private readonly client: FirehoseClient,
    private readonly streams: Partial<Record<FactName, string>>,
    private readonly pause: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async write<K extends FactName>(fact: K, rows: ReadonlyArray<FactRowByName[K]>): Promise<void> {
    if (rows.length === 0) return;
    const stream = this.streams[fact];
    if (!stream) throw new Error(`no Firehose stream configured for ${fact}`);
    for (const batch of batches(rows.map((row) => ({ Data: encoder.encode(`${JSON.stringify(row)}\n`) })))) {
      await this.put(stream, batch);
    }
  }

  private async put(stream: string, records: _Record[]): Promise<void> {
    let pending = records;
    for (let attempt = 0; attempt <= RETRIES && pending.length > 0; attempt++) {
      if (attempt > 0) await this.pause(100 * 2 ** attempt);
      const response = await this.client.send(
        new PutRecordBatchCommand({ DeliveryStreamName: stream, Records: pending }),
      );
      if (!response.FailedPutCount) return;
      const responses = response.RequestResponses ?? [];
      pending = pending.filter((_, index) => responses[index]?.ErrorCode);
    }
    if (pending.length > 0)
      throw new Error(`Firehose rejected ${pending.length} record(s) after ${RETRIES} retries`);
  }
}

function* batches(records: _Record[]): Generator<_Record[]> {
  let batch: _Record[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = record.Data?.byteLength ?? 0;
    if (batch.length === MAX_RECORDS || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(record);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
