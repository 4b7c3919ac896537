import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { matchesFilters } from '../../functions/adapters/aws/stream-filters';
import type { FilterPattern } from '../../topology';
import {
  type DeliveryPorts,
  type DeliveryRules,
  deliverBatch,
  type FailureCondition,
  type FailureDetails,
} from './batch-delivery';
import { CheckpointStore, type ShardCheckpoint } from './checkpoint-store';
import { sequenceNumberOf, toLambdaRecord } from './lambda-event';
import {
  isReadable,
  type ListedShard,
  type ShardStart,
  type StartingPosition,
  shardStart,
} from './shard-plan';
import { Sleeps } from './sleeps';

export type { FailureCondition, FailureDetails } from './batch-delivery';
export type { StartingPosition } from './shard-plan';

export interface StreamPollerOptions {
  /** DynamoDB Local's endpoint; it serves the Streams API on the same port. */
  readonly endpoint: string;
  readonly tableName: string;
  readonly handler: (
    event: DynamoDBStreamEvent,
  ) => Promise<DynamoDBBatchResponse | undefined> | Promise<void>;
  /** The on-failure destination: records given up on, with Lambda's condition for it. */
  readonly onFailure: (
    records: DynamoDBRecord[],
    condition: FailureCondition,
    details: FailureDetails,
  ) => Promise<void>;
  readonly startingPosition: StartingPosition;
  /** Records per handler invocation, 1 to 10,000 as in Lambda. Default 100. */
  readonly batchSize?: number;
  /** Batches of one shard delivered at once, 1 to 10 as in Lambda; one partition key in one at a time. Default 1. */
  readonly parallelizationFactor?: number;
  /** Pause when every shard is caught up, and between retries. Default 50 ms. */
  readonly pollIntervalMs?: number;
  /** Retries of a failing batch before its records go to onFailure; -1 retries forever. Default 3. */
  readonly maxRetries?: number;
  /** Records older than this go to onFailure undelivered. Default: no limit. */
  readonly maxRecordAgeSeconds?: number;
  /** Default true. */
  readonly bisectBatchOnError?: boolean;
  /** Lambda FilterCriteria: records matching none are skipped undelivered (and checkpointed). */
  readonly filters?: readonly FilterPattern[];
  /** Persists each shard's last processed sequence number, so a restart resumes instead of redelivering. */
  readonly checkpointFile?: string;
  /** The region written into each record's awsRegion. Default: AWS_REGION. */
  readonly awsRegion?: string;
  /** Errors of the poller itself (not of the handler), reported once each until things recover. */
  readonly onError?: (error: unknown) => void;
}

/** What the poller actually runs with, after defaults: compared with the topology by tests. */
export interface StreamPollerSettings {
  readonly tableName: string;
  readonly startingPosition: StartingPosition;
  readonly batchSize: number;
  readonly parallelizationFactor: number;
  readonly maxRetries: number;
  readonly bisectBatchOnError: boolean;
  readonly maxRecordAgeSeconds?: number;
  readonly filters?: readonly FilterPattern[];
}

export interface StreamPoller {
  readonly settings: StreamPollerSettings;
  /**
   * Resolves once every shard has its read position (LATEST is taken then): records written afterwards
   * are delivered. Rejects if the poller stops first.
   */
  ready(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every record in the stream when it was called has been processed or given up on. */
  drained(): Promise<void>;
  /** Something may have been written: read now instead of at the end of the poll interval. */
  nudge(): void;
}

/** A Lambda event source mapping for one table's stream, in process, against DynamoDB Local. */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  return new ShardedStreamPoller(options);
}

const MAX_RECORDS_PER_GET = 1_000;
const SHARD_REFRESH_MS = 1_000;
const ERROR_BACKOFF_MS = 1_000;
/** DynamoDB Local rounds ApproximateCreationDateTime down to the minute. */
const CREATION_TIME_GRANULARITY_MS = 60_000;
// DynamoDB Local accepts any credentials; fixed ones keep the SDK off the credential chain (and IMDS).
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

interface ShardState {
  readonly listed: ListedShard;
  readonly start: ShardStart;
  iterator?: string;
  lastSequenceNumber?: string;
  finished: boolean;
  /** When the last read that found the shard empty began. */
  caughtUpAt: number;
}

type ReadPosition = 'TRIM_HORIZON' | 'LATEST' | { readonly after: string };

interface DrainWaiter {
  readonly since: number;
  resolve(): void;
  reject(error: Error): void;
}

class ShardedStreamPoller implements StreamPoller {
  private readonly tables: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly store: CheckpointStore;
  private readonly awsRegion: string;
  private readonly batchSize: number;
  private readonly parallelizationFactor: number;
  private readonly pollIntervalMs: number;
  private readonly rules: DeliveryRules;
  private readonly idle = new Sleeps();
  private readonly retryPauses = new Sleeps();
  private readonly shards = new Map<string, ShardState>();
  private readonly checkpoints = new Map<string, ShardCheckpoint>();
  private readonly drainWaiters = new Set<DrainWaiter>();
  private readonly firstReadAt = new WeakMap<DynamoDBRecord, number>();
  private streamArn: string | undefined;
  /** The stream this poller last attached to, to tell a re-created table's new stream from the same one. */
  private attachedOnce: string | undefined;
  private resumed = false;
  private listedOnce = false;
  private refreshRequested = true;
  /** A nudge that came while a read was in flight must not wait out the next poll interval. */
  private nudged = false;
  private lastRefreshStartedAt = Number.NEGATIVE_INFINITY;
  private lastReportedError: string | undefined;
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly running: Promise<void>;
  private readonly positioned: Promise<void>;
  private markPositioned: () => void = () => undefined;
  private failPositioned: (error: Error) => void = () => undefined;

  constructor(private readonly options: StreamPollerOptions) {
    this.positioned = new Promise<void>((resolve, reject) => {
      this.markPositioned = resolve;
      this.failPositioned = reject;
    });
    this.positioned.catch(() => undefined);
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 10_000) {
      throw new Error(`batchSize must be an integer from 1 to 10,000, not ${this.batchSize}`);
    }
    this.parallelizationFactor = options.parallelizationFactor ?? 1;
    if (
      !Number.isInteger(this.parallelizationFactor) ||
      this.parallelizationFactor < 1 ||
      this.parallelizationFactor > 10
    ) {
      throw new Error(
        `parallelizationFactor must be an integer from 1 to 10, not ${this.parallelizationFactor}`,
      );
    }
    const maxRetries = options.maxRetries ?? 3;
    if (!Number.isInteger(maxRetries) || maxRetries < -1) {
      throw new Error(`maxRetries must be -1 (forever) or a whole number, not ${maxRetries}`);
    }
    this.rules = {
      maxRetries,
      bisectBatchOnError: options.bisectBatchOnError ?? true,
      maxRecordAgeSeconds: options.maxRecordAgeSeconds,
    };
    const region = options.awsRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new Error('The stream poller needs awsRegion or AWS_REGION for the events it builds');
    this.awsRegion = region;
    const clientConfig = { endpoint: options.endpoint, region, credentials: LOCAL_CREDENTIALS };
    this.tables = new DynamoDBClient(clientConfig);
    this.streams = new DynamoDBStreamsClient(clientConfig);
    this.store = new CheckpointStore(options.checkpointFile);
    this.running = this.run();
  }

  get settings(): StreamPollerSettings {
    return {
      tableName: this.options.tableName,
      startingPosition: this.options.startingPosition,
      batchSize: this.batchSize,
      parallelizationFactor: this.parallelizationFactor,
      ...this.rules,
      filters: this.options.filters,
    };
  }

  ready(): Promise<void> {
    return this.positioned;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.failPositioned(new Error('The stream poller was stopped'));
      this.idle.wakeAll();
      this.retryPauses.wakeAll();
      await this.running;
      await this.store.flush();
      for (const waiter of this.drainWaiters) waiter.reject(new Error('The stream poller was stopped'));
      this.drainWaiters.clear();
      this.tables.destroy();
      this.streams.destroy();
    })();
    return this.stopped;
  }

  nudge(): void {
    this.nudged = true;
    this.idle.wakeAll();
  }

  drained(): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('The stream poller is stopped'));
    return new Promise((resolve, reject) => {
      this.drainWaiters.add({ since: performance.now(), resolve, reject });
      this.refreshRequested = true;
      this.idle.wakeAll();
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const streamArn = this.streamArn ?? (await this.attachToStream());
        if (this.refreshRequested || performance.now() - this.lastRefreshStartedAt >= SHARD_REFRESH_MS) {
          await this.refreshShards(streamArn);
        }
        this.nudged = false;
        const worked = await this.stepReadableShards(streamArn);
        this.markPositioned();
        this.settleDrainWaiters();
        this.lastReportedError = undefined;
        // Checked in the same tick as the sleep starts: a stop() during the step must not wait out an interval.
        if (!worked && !this.nudged && !this.stopping) await this.idle.sleep(this.pollIntervalMs);
      } catch (error) {
        if (this.stopping) break;
        this.report(error);
        // The table was dropped and created again (an in-memory DynamoDB Local restarted by its supervisor):
        // its old stream is gone for good, so find the table's new one.
        if (error instanceof ResourceNotFoundException) this.streamArn = undefined;
        await this.idle.sleep(ERROR_BACKOFF_MS);
      }
    }
  }

  private async attachToStream(): Promise<string> {
    const { Table } = await this.tables.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    const streamArn = Table?.LatestStreamArn;
    if (!streamArn || !Table?.StreamSpecification?.StreamEnabled) {
      throw new Error(`Table ${this.options.tableName} has no stream enabled`);
    }
    if (this.attachedOnce !== undefined && this.attachedOnce !== streamArn) {
      // A new stream: the old one's shards and checkpoints mean nothing in it, and every record in it was
      // written after the table came back, so all of it is read (shards listed from now on start at the oldest).
      this.shards.clear();
      this.checkpoints.clear();
    }
    this.attachedOnce = streamArn;
    const stored = await this.store.load(streamArn);
    this.resumed = stored.resumed;
    for (const [shardId, checkpoint] of stored.shards) this.checkpoints.set(shardId, checkpoint);
    this.streamArn = streamArn;
    return streamArn;
  }

  private async refreshShards(streamArn: string): Promise<void> {
    this.refreshRequested = false;
    this.lastRefreshStartedAt = performance.now();
    const listed = await this.listShards(streamArn);
    const listedIds = new Set(listed.map((shard) => shard.shardId));
    let changed = false;
    for (const shard of listed) {
      if (this.shards.has(shard.shardId)) continue;
      const checkpoint = this.checkpoints.get(shard.shardId);
      const start = shardStart(shard, {
        startingPosition: this.options.startingPosition,
        presentAtFirstStart: !this.resumed && !this.listedOnce,
        checkpoint,
      });
      this.shards.set(shard.shardId, {
        listed: shard,
        start,
        lastSequenceNumber: checkpoint?.sequenceNumber,
        finished: start.type === 'FINISHED',
        caughtUpAt: Number.NEGATIVE_INFINITY,
      });
      if (!checkpoint && start.type !== 'TRIM_HORIZON') {
        this.checkpoints.set(shard.shardId, start.type === 'FINISHED' ? { finished: true } : {});
        changed = true;
      }
    }
    for (const shardId of [...this.shards.keys(), ...this.checkpoints.keys()]) {
      if (listedIds.has(shardId)) continue;
      // Trimmed from the stream after 24 hours: nothing left to read or to remember.
      this.shards.delete(shardId);
      changed = this.checkpoints.delete(shardId) || changed;
    }
    this.listedOnce = true;
    if (changed) await this.store.save(streamArn, this.checkpoints);
  }

  private async listShards(streamArn: string): Promise<ListedShard[]> {
    const shards: ListedShard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId) continue;
        shards.push({
          shardId: shard.ShardId,
          parentShardId: shard.ParentShardId,
          closed: shard.SequenceNumberRange?.EndingSequenceNumber !== undefined,
        });
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  /** One step per readable shard, shards in parallel; a shard is never stepped twice at once. */
  private async stepReadableShards(streamArn: string): Promise<boolean> {
    const listedIds = new Set(this.shards.keys());
    const isFinished = (shardId: string) => this.shards.get(shardId)?.finished ?? false;
    const readable = [...this.shards.values()].filter((shard) =>
      isReadable(shard.listed, listedIds, isFinished),
    );
    const results = await Promise.allSettled(readable.map((shard) => this.stepShard(streamArn, shard)));
    let worked = false;
    for (const result of results) {
      if (result.status === 'fulfilled') worked ||= result.value;
      else throw result.reason;
    }
    return worked;
  }

  /** Reads the next records of a shard and delivers them. True when it did something worth repeating at once. */
  private async stepShard(streamArn: string, shard: ShardState): Promise<boolean> {
    try {
      const readStartedAt = performance.now();
      const records = await this.readRecords(streamArn, shard);
      if (records.length === 0) {
        if (shard.iterator) {
          shard.caughtUpAt = readStartedAt;
          return false;
        }
        await this.finishShard(streamArn, shard);
        return true;
      }
      const ports = this.deliveryPorts(streamArn, shard);
      // Lambda filters before it batches: the batch size counts matching records, not records read.
      const matching = records.filter((record) => matchesFilters(this.options.filters, record));
      const delivered = matching.length === 0 || (await this.deliverInLanes(matching, ports));
      // Filtered-out records count as processed, as in Lambda: move the checkpoint past them.
      const last = records[records.length - 1] as DynamoDBRecord;
      if (delivered && shard.lastSequenceNumber !== sequenceNumberOf(last)) await ports.checkpoint(last);
      if (delivered && !shard.iterator) await this.finishShard(streamArn, shard);
      // Like an event source mapping, a short read waits one poll interval for more records rather than
      // hammering the stream with tiny reads under a steady trickle of writes.
      return delivered && records.length >= MAX_RECORDS_PER_GET;
    } catch (error) {
      // Records past the checkpoint may have been read and not delivered: read them again.
      shard.iterator = undefined;
      throw error;
    }
  }

  private async readRecords(streamArn: string, shard: ShardState): Promise<DynamoDBRecord[]> {
    shard.iterator ??= await this.shardIterator(streamArn, shard, this.resumePosition(shard));
    const raw: _Record[] = [];
    while (shard.iterator && raw.length < MAX_RECORDS_PER_GET) {
      const response = await this.getRecords(streamArn, shard, MAX_RECORDS_PER_GET - raw.length);
      shard.iterator = response.NextShardIterator;
      const page = response.Records ?? [];
      raw.push(...page);
      if (page.length === 0) break;
    }
    const readAt = Date.now();
    return raw.map((record) => {
      const lambdaRecord = toLambdaRecord(record, { eventSourceARN: streamArn, awsRegion: this.awsRegion });
      this.firstReadAt.set(lambdaRecord, readAt);
      return lambdaRecord;
    });
  }

  private async getRecords(streamArn: string, shard: ShardState, limit: number) {
    const get = () =>
      this.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: limit }));
    try {
      return await get();
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException)) throw error;
    }
    // DynamoDB Local numbers records across all of its streams. An iterator taken while a shard was empty
    // points at the shard's starting number; when other tables wrote first, the shard's first record has
    // a higher number and reading throws "trimmed" though nothing was. Repositioning after the checkpoint,
    // or at the shard's oldest record, skips nothing.
    const checkpoint = shard.lastSequenceNumber;
    shard.iterator = await this.shardIterator(
      streamArn,
      shard,
      checkpoint === undefined ? 'TRIM_HORIZON' : { after: checkpoint },
    );
    try {
      return await get();
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException) || checkpoint === undefined) throw error;
    }
    // Past the stream's 24 hours of retention the checkpoint itself is gone: Lambda too goes on from the oldest.
    this.report(new Error(`Shard ${shard.listed.shardId} was trimmed past checkpoint ${checkpoint}`));
    shard.iterator = await this.shardIterator(streamArn, shard, 'TRIM_HORIZON');
    return await get();
  }

  /** After the checkpoint if there is one, else where the shard's start says. */
  private resumePosition(shard: ShardState): ReadPosition {
    if (shard.lastSequenceNumber !== undefined) return { after: shard.lastSequenceNumber };
    return shard.start.type === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON';
  }

  private async shardIterator(
    streamArn: string,
    shard: ShardState,
    position: ReadPosition,
  ): Promise<string | undefined> {
    const at =
      typeof position === 'string'
        ? { ShardIteratorType: position }
        : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: position.after };
    try {
      const { ShardIterator } = await this.streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.listed.shardId, ...at }),
      );
      return ShardIterator;
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException) || typeof position === 'string') throw error;
      this.report(
        new Error(`Shard ${shard.listed.shardId} was trimmed past its checkpoint`, { cause: error }),
      );
      return this.shardIterator(streamArn, shard, 'TRIM_HORIZON');
    }
  }

  /**
   * The records of one partition key, in order, always fall in the same lane; each lane is delivered
   * batch after batch, and up to parallelizationFactor lanes at once, as Lambda does within a shard.
   */
  private lanesFor(records: readonly DynamoDBRecord[]): DynamoDBRecord[][] {
    const lanes = new Map<number, DynamoDBRecord[]>();
    for (const record of records) {
      const lane = laneOf(record, this.parallelizationFactor);
      const list = lanes.get(lane);
      if (list) list.push(record);
      else lanes.set(lane, [record]);
    }
    return [...lanes.values()];
  }

  /**
   * One lane keeps Lambda's checkpoint after every batch. With several lanes in flight a batch's end
   * is not a safe checkpoint (another lane may still hold earlier records), so the lanes' progress is
   * kept in memory and the read is checkpointed once all of them are done; a crash re-delivers the read,
   * which the consumers absorb as they absorb any retry.
   */
  private async deliverInLanes(records: readonly DynamoDBRecord[], ports: DeliveryPorts): Promise<boolean> {
    const lanes = this.lanesFor(records);
    const lanePorts: DeliveryPorts =
      lanes.length > 1 ? { ...ports, checkpoint: async () => undefined } : ports;
    const results = await Promise.all(
      lanes.map(async (lane) => {
        for (let start = 0; start < lane.length; start += this.batchSize) {
          const batch = lane.slice(start, start + this.batchSize);
          if (!(await deliverBatch(batch, this.rules, lanePorts))) return false;
        }
        return true;
      }),
    );
    return results.every(Boolean);
  }

  private deliveryPorts(streamArn: string, shard: ShardState): DeliveryPorts {
    return {
      // A fresh copy per invocation, so a handler that mutates its event cannot change a retry.
      invoke: (records) => this.options.handler({ Records: structuredClone(records) }),
      onFailure: (records, condition, details) =>
        this.options.onFailure(structuredClone(records), condition, details),
      checkpoint: async (record) => {
        shard.lastSequenceNumber = sequenceNumberOf(record);
        this.checkpoints.set(shard.listed.shardId, { sequenceNumber: shard.lastSequenceNumber });
        await this.store.save(streamArn, this.checkpoints);
      },
      pauseBeforeRetry: async () => {
        if (this.stopping) return false;
        await this.retryPauses.sleep(this.pollIntervalMs);
        return !this.stopping;
      },
      ageSeconds: (record) => this.ageSeconds(record),
    };
  }

  /**
   * A record was written within the minute after its ApproximateCreationDateTime and before it was first
   * read; the later bound is used, so a record is never expired early.
   */
  private ageSeconds(record: DynamoDBRecord): number {
    const created = record.dynamodb?.ApproximateCreationDateTime;
    if (created === undefined) return 0;
    const firstRead = this.firstReadAt.get(record) ?? Date.now();
    const writtenBy = Math.min(created * 1000 + CREATION_TIME_GRANULARITY_MS, firstRead);
    return (Date.now() - writtenBy) / 1000;
  }

  private async finishShard(streamArn: string, shard: ShardState): Promise<void> {
    shard.finished = true;
    this.checkpoints.set(shard.listed.shardId, { sequenceNumber: shard.lastSequenceNumber, finished: true });
    await this.store.save(streamArn, this.checkpoints);
    // Its children may be listed already or appear soon; either way they can be read now.
    this.refreshRequested = true;
  }

  private settleDrainWaiters(): void {
    for (const waiter of this.drainWaiters) {
      const caughtUp = [...this.shards.values()].every(
        (shard) => shard.finished || shard.caughtUpAt > waiter.since,
      );
      if (caughtUp && this.lastRefreshStartedAt > waiter.since) {
        this.drainWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private report(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message === this.lastReportedError) return;
    this.lastReportedError = message;
    if (this.options.onError) this.options.onError(error);
    else console.error(`Stream poller for ${this.options.tableName}:`, error);
  }
}

/** A stable lane for the record's partition key (its first key attribute, as DynamoDB partitions by it). */
function laneOf(record: DynamoDBRecord, lanes: number): number {
  if (lanes === 1) return 0;
  const keys = record.dynamodb?.Keys ?? {};
  const text = JSON.stringify(keys.pk ?? Object.values(keys)[0] ?? null);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
