import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  type DeliveryPorts,
  type DeliveryRules,
  deliverBatch,
  type FailureCondition,
} from '../../local/streams/batch-delivery';
import { isReadable, type ListedShard, shardStart } from '../../local/streams/shard-plan';

// The event source mapping rules that a live DynamoDB Local cannot easily provoke: malformed failure
// reports, record age, stopping between retries, and shard rollover (DynamoDB Local rolls shards every 4 h).

function record(sequenceNumber: number, ageSeconds = 0): DynamoDBRecord & { ageSeconds: number } {
  return {
    eventID: `event-${sequenceNumber}`,
    eventName: 'INSERT',
    dynamodb: { SequenceNumber: String(sequenceNumber).padStart(21, '0') },
    ageSeconds,
  };
}

function numbersOf(records: readonly DynamoDBRecord[]): number[] {
  return records.map((item) => Number(item.dynamodb?.SequenceNumber));
}

function harness(handler: (batch: number[], call: number) => DynamoDBBatchResponse | undefined) {
  const calls: number[][] = [];
  const checkpoints: number[] = [];
  const failures: { records: number[]; condition: FailureCondition; invokeCount: number }[] = [];
  const ports: DeliveryPorts = {
    invoke: async (records) => {
      calls.push(numbersOf(records));
      return handler(numbersOf(records), calls.length);
    },
    onFailure: async (records, condition, details) => {
      failures.push({ records: numbersOf(records), condition, invokeCount: details.approximateInvokeCount });
    },
    checkpoint: async (item) => {
      checkpoints.push(Number(item.dynamodb?.SequenceNumber));
    },
    pauseBeforeRetry: async () => true,
    ageSeconds: (item) => (item as { ageSeconds?: number }).ageSeconds ?? 0,
  };
  return { calls, checkpoints, failures, ports };
}

const failing = (sequenceNumber: number): DynamoDBBatchResponse => ({
  batchItemFailures: [{ itemIdentifier: String(sequenceNumber).padStart(21, '0') }],
});

const rules: DeliveryRules = { maxRetries: 2, bisectBatchOnError: true };

describe('stream delivery rules', () => {
  it('a partial failure that keeps failing sends the batch from that record on to the on-failure destination', async () => {
    const { calls, checkpoints, failures, ports } = harness((batch) =>
      batch.includes(2) ? failing(2) : undefined,
    );

    await expect(deliverBatch([record(1), record(2), record(3)], rules, ports)).resolves.toBe(true);

    expect(calls).toEqual([
      [1, 2, 3],
      [2, 3],
      [2, 3],
    ]);
    // Lambda gives up on what it would have retried: the failed record and everything after it.
    expect(failures).toEqual([{ records: [2, 3], condition: 'RetryAttemptsExhausted', invokeCount: 3 }]);
    expect(checkpoints).toEqual([1, 3]);
  });

  it('a malformed batch item failure fails the whole batch', async () => {
    const { calls, failures, ports } = harness((_batch, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: '' }] } : undefined,
    );

    await deliverBatch([record(1), record(2)], { maxRetries: 2, bisectBatchOnError: false }, ports);

    expect(calls).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(failures).toEqual([]);
  });

  it('without bisect a failing batch is retried whole and then given up on whole', async () => {
    const { calls, failures, checkpoints, ports } = harness(() => {
      throw new Error('down');
    });

    await deliverBatch([record(1), record(2)], { maxRetries: 1, bisectBatchOnError: false }, ports);

    expect(calls).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(failures).toEqual([{ records: [1, 2], condition: 'RetryAttemptsExhausted', invokeCount: 2 }]);
    expect(checkpoints).toEqual([2]);
  });

  it('records older than the maximum age go to the on-failure destination undelivered', async () => {
    const { calls, failures, checkpoints, ports } = harness(() => undefined);

    await deliverBatch(
      [record(1, 700), record(2, 650), record(3, 5)],
      { ...rules, maxRecordAgeSeconds: 600 },
      ports,
    );

    expect(failures).toEqual([{ records: [1, 2], condition: 'RecordAgeExceeded', invokeCount: 0 }]);
    expect(calls).toEqual([[3]]);
    expect(checkpoints).toEqual([2, 3]);
  });

  it('stopping between retries leaves the failed records unacknowledged', async () => {
    const { checkpoints, failures, ports } = harness(() => failing(1));

    const finished = await deliverBatch([record(1)], rules, {
      ...ports,
      pauseBeforeRetry: async () => false,
    });

    expect(finished).toBe(false);
    expect(checkpoints).toEqual([]);
    expect(failures).toEqual([]);
  });
});

describe('shard plan', () => {
  const parent: ListedShard = { shardId: 'shard-1', closed: true };
  const child: ListedShard = { shardId: 'shard-2', parentShardId: 'shard-1', closed: false };

  it('a child shard is read only after its parent is finished or trimmed', () => {
    const listed = new Set(['shard-1', 'shard-2']);
    expect(isReadable(child, listed, () => false)).toBe(false);
    expect(isReadable(parent, listed, () => false)).toBe(true);
    expect(isReadable(child, listed, (id) => id === 'shard-1')).toBe(true);
    expect(isReadable(child, new Set(['shard-2']), () => false)).toBe(true);
    expect(isReadable(parent, listed, (id) => id === 'shard-1')).toBe(false);
  });

  it('a checkpoint wins, LATEST applies only to the shards present at first start, later shards start at their beginning', () => {
    const first = { startingPosition: 'LATEST' as const, presentAtFirstStart: true, checkpoint: undefined };
    expect(shardStart(child, first)).toEqual({ type: 'LATEST' });
    expect(shardStart(parent, first)).toEqual({ type: 'FINISHED' });
    expect(shardStart(child, { ...first, presentAtFirstStart: false })).toEqual({ type: 'TRIM_HORIZON' });
    expect(shardStart(child, { ...first, checkpoint: { sequenceNumber: '000000000000000000007' } })).toEqual({
      type: 'AFTER_SEQUENCE_NUMBER',
      sequenceNumber: '000000000000000000007',
    });
    // Resumed before any record was processed: whatever was written since the first start is read.
    expect(shardStart(child, { ...first, presentAtFirstStart: false, checkpoint: {} })).toEqual({
      type: 'TRIM_HORIZON',
    });
    expect(shardStart(parent, { ...first, checkpoint: { finished: true } })).toEqual({ type: 'FINISHED' });
    expect(
      shardStart(parent, {
        startingPosition: 'TRIM_HORIZON',
        presentAtFirstStart: true,
        checkpoint: undefined,
      }),
    ).toEqual({ type: 'TRIM_HORIZON' });
  });
});
